import { createVideoClient } from "@vidbridge/core"
import { serveFetchHandler } from "@vidbridge/core/testing"
import { Effect } from "effect"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"
import { jogg } from "../src/index.js"
import { createSimulator, type JoggSimulator, type JoggSimulatorOptions } from "../src/testing/index.js"

/** One msw server per file; each test mounts its own simulator; unknown requests fail the test. */
export const useSimulatorServer = () => {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  /** A fresh simulator whose handlers answer in-process for this test. */
  const mount = (options: JoggSimulatorOptions = {}): JoggSimulator => {
    const sim = createSimulator(options)
    server.use(...sim.handlers)
    return sim
  }
  return { server, mount }
}

/** Fast retries: no test waits real seconds. */
export const fast = { retry: { baseDelay: 1, maxDelay: 1 } }

/** The neutral client on the simulator (served when `origin` is given). */
export const clientFor = (sim: JoggSimulator, overrides: Record<string, unknown> = {}, origin?: string) =>
  createVideoClient({ provider: jogg({ ...sim.settings(origin), ...fast, ...overrides }) })

/** The provider shape on the simulator, for Effect tests. */
export const providerFor = (sim: JoggSimulator, overrides: Record<string, unknown> = {}) =>
  Effect.runPromise(jogg({ ...sim.settings(), ...fast, ...overrides }).make)

/** The preview request the tests make. */
export const previewRequest = (
  product: string,
  visualStyles = ["Simple Product Switch", "Split Screen"],
) => ({
  product,
  visualStyles,
  avatar: "81",
  aspectRatio: "9:16" as const,
  language: "en",
  durationSeconds: 30,
})

/** Closes servers a test opened, newest first. */
export const useClosers = () => {
  const closers: Array<() => Promise<void>> = []
  afterEach(async () => {
    while (closers.length > 0) await closers.pop()!()
  })
  return closers
}

/** A node:http server on 127.0.0.1 running a fetch-style handler; answers its URL and a close function. */
export const receiver = async (handle: (request: Request) => Promise<Response>) => {
  const server = await serveFetchHandler(handle)
  return { url: `${server.url}/hooks/jogg`, close: server.close }
}
