// Child processes that speak JSON lines on stdout, awaited by their events (a line, the exit),
// never by a timer: a test's own timeout bounds a hang.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { createInterface } from "node:readline"

/** Time a test that starts processes may take on a busy 2-core machine (it waits on events, not on this). */
export const PROCESS_TEST_TIMEOUT = 180_000

/** One JSON line a child printed. */
export type ChildEvent = Readonly<Record<string, unknown>> & { readonly event: string }

/** How a child ended. */
export interface Exit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** A running child. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams
  /** The next event named `name` (one already printed and not taken yet counts); rejects if the child ends first. */
  readonly next: (name: string) => Promise<ChildEvent>
  /** Writes a JSON line to the child's stdin. */
  readonly send: (command: Readonly<Record<string, unknown>>) => void
  /** Resolves when the child has exited. */
  readonly exited: Promise<Exit>
  /** Every event the child printed so far, in order (taken by `next` or not). */
  readonly log: () => ReadonlyArray<ChildEvent>
  /** What the child wrote to stderr so far. */
  readonly stderr: () => string
}

/**
 * Starts `node <script> ...args` (the Node running the tests: type stripping runs TypeScript
 * scripts; packages resolve to their built dist) with only PATH and `env` set.
 */
export const startNode = (
  script: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {},
): Child => {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  })
  let err = ""
  child.stderr.on("data", (d) => {
    err += d
  })
  const log: ChildEvent[] = []
  const events: ChildEvent[] = []
  const waiters: Array<{ name: string; resolve: (e: ChildEvent) => void }> = []
  createInterface({ input: child.stdout }).on("line", (line) => {
    let event: ChildEvent
    try {
      event = JSON.parse(line) as ChildEvent
    } catch {
      return
    }
    log.push(event)
    const waiter = waiters.findIndex((w) => w.name === event.event)
    if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(event)
    else events.push(event)
  })
  const exited = new Promise<Exit>((resolve) => {
    child.once("close", (code, signal) => resolve({ code, signal }))
  })
  const next = (name: string) => {
    const ready = events.findIndex((e) => e.event === name)
    if (ready >= 0) return Promise.resolve(events.splice(ready, 1)[0]!)
    return new Promise<ChildEvent>((resolve, reject) => {
      waiters.push({ name, resolve })
      void exited.then(({ code, signal }) =>
        reject(new Error(`${script} ${args.join(" ")} ended (${signal ?? code}) before "${name}": ${err}`)),
      )
    })
  }
  return {
    process: child,
    next,
    send: (command) => child.stdin.write(`${JSON.stringify(command)}\n`),
    exited,
    log: () => log,
    stderr: () => err,
  }
}

/** Runs a child to its end: its events in order and how it exited; rejects with its stderr if it failed. */
export const runNode = async (
  script: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {},
): Promise<ReadonlyArray<ChildEvent>> => {
  const child = startNode(script, args, env)
  child.process.stdin.end()
  const { code, signal } = await child.exited
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited ${signal ?? code}: ${child.stderr()}`)
  return child.log()
}
