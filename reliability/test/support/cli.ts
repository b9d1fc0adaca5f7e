import { builtInProviders, main } from "@vidbridge/cli"

/** Runs the `vidbridge` command in-process with the built-in vendors, capturing what it printed. */
export const runCli = async (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {},
  signal?: AbortSignal,
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
      interactive: false,
      // Simulated time 6000x faster than real time, polled every 20 ms.
      env: { VIDBRIDGE_SIM_SPEED: "6000", VIDBRIDGE_SIM_POLL_MS: "20", ...env },
    },
    providers: builtInProviders,
    signal,
  })
  return { code, out, err }
}
