// Child processes of the chaos run, awaited by the lines they print (never by a timer).
import { type ChildProcess, fork, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const here = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url))
const built = fileURLToPath(new URL("../../../../packages/queue/dist/index.js", import.meta.url))

/** Resolves with the rest of the first stdout line starting with `ready `. */
const readyLine = (child: ChildProcess, what: string): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = ""
    let err = ""
    const onData = (chunk: Buffer) => {
      out += chunk
      const line = out.split("\n").find((l) => l.startsWith("ready "))
      if (line === undefined) return
      child.stdout?.off("data", onData)
      child.stdout?.resume()
      resolve(line.slice("ready ".length))
    }
    child.stdout?.on("data", onData)
    child.stderr?.on("data", (chunk) => {
      err = (err + chunk).slice(-2000)
    })
    child.once("exit", (code, signal) =>
      reject(new Error(`${what} exited (${code ?? signal}) before it was ready: ${err}`)),
    )
    child.once("error", reject)
  })

/** Throws unless the packages were built (the root `test` script builds them first). */
export const requireBuild = () => {
  if (!existsSync(built)) throw new Error(`build the packages first (the root test script does): ${built}`)
}

/** The simulators' process and what it printed. */
export const startSimulators = async (config: Record<string, unknown>) => {
  const child = fork(here("simulators.mjs"), [JSON.stringify(config)], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    execArgv: [],
    env: { PATH: process.env.PATH ?? "" },
  })
  const ready = JSON.parse(await readyLine(child, "the simulators")) as {
    page: string
    settings: Record<string, Record<string, unknown>>
  }
  const ask = <A>(message: string): Promise<A> =>
    new Promise((resolve) => {
      child.once("message", (answer) => resolve(answer as A))
      child.send(message)
    })
  return {
    ...ready,
    report: () => ask<SimulatorReport>("report"),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve))
      child.send("stop")
      await exited
    },
  }
}

/** What the simulators' process reports. */
export interface SimulatorReport {
  readonly exchanges: ReadonlyArray<{
    readonly provider: string
    readonly route: string
    readonly path: string
    readonly status: number
    readonly fault?: string
    readonly req?: string
    readonly res?: string
  }>
  readonly joggPosts: ReadonlyArray<number>
  /** Webhook delivery attempts per vendor, by the receivers HTTP status. */
  readonly deliveries: Readonly<Record<string, Readonly<Record<string, number>>>>
}

/** A worker process; `kill` is SIGKILL (no goodbye), `stop` SIGTERM (graceful). */
export const startWorker = async (config: Record<string, unknown>) => {
  const child = spawn(process.execPath, [here("worker.mjs")], {
    env: { PATH: process.env.PATH ?? "", CHAOS_WORKER: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const id = await readyLine(child, `worker ${String(config.id)}`)
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  return {
    id,
    kill: async () => {
      child.kill("SIGKILL")
      await exited
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
      await exited
    },
  }
}
