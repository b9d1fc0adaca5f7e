import { createFakeVendorSimulator, fakeVendor } from "@vidbridge/core/testing"
import { type CliProviders, main } from "../../src/index.js"

/** Core's fake vendor, wired like the real CLI wires the three adapters. */
export const fakeProviders: CliProviders = {
  definitions: [fakeVendor],
  simulators: { fake: (options) => createFakeVendorSimulator(options) },
}

/** Runs the CLI in-process and captures what it printed. */
export const run = async (
  argv: ReadonlyArray<string>,
  options: {
    env?: Record<string, string>
    interactive?: boolean
    providers?: CliProviders
    /** Answers the CLI's yes/no questions, as a person at a terminal would. */
    confirm?: (question: string) => Promise<boolean>
    /** Stops the command as Ctrl-C would. */
    signal?: AbortSignal | undefined
  } = {},
) => {
  let out = ""
  let err = ""
  const code = await main(argv, {
    io: {
      out: (t) => {
        out += t
      },
      err: (t) => {
        err += t
      },
      interactive: options.interactive ?? false,
      confirm: options.confirm,
      // Simulated time runs 10,000x faster than real time and the CLI polls every 20 ms,
      // so a 3 s simulated render takes a few real milliseconds.
      env: { VIDBRIDGE_SIM_SPEED: "10000", VIDBRIDGE_SIM_POLL_MS: "20", ...options.env },
    },
    providers: options.providers ?? fakeProviders,
    signal: options.signal,
  })
  return { code, out, err }
}
