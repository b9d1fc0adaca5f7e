// The built `vidbridge` binary as a child process (the root `test` script builds it first).
// Awaited by its `close` event, never by a timer.
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

export const bin = fileURLToPath(new URL("../../../../packages/cli/dist/bin.js", import.meta.url))
export const recordLoads = fileURLToPath(new URL("./record-loads.mjs", import.meta.url))

/** Time a child-process test may take on a busy 2-core machine (it waits on events, not on this). */
export const CHILD_PROCESS_TEST_TIMEOUT = 120_000

export interface Ran {
  readonly code: number | null
  readonly out: string
  readonly err: string
}

/** Runs `vidbridge ...args` with only `env` (and PATH) set; `nodeArgs` go before the script. */
export const vidbridge = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {},
  nodeArgs: ReadonlyArray<string> = [],
): Promise<Ran> => {
  if (!existsSync(bin)) throw new Error(`build the packages first (the root test script does): ${bin}`)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, bin, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => {
      out += d
    })
    child.stderr.on("data", (d) => {
      err += d
    })
    child.once("error", reject)
    child.once("close", (code) => resolve({ code, out, err }))
  })
}
