import { createVideoClient } from "@vidbridge/core"
import { Effect } from "effect"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"
import { drafts } from "../src/index.js"
import { createSimulator, type DraftsSimulator, type DraftsSimulatorOptions } from "../src/testing/index.js"

/** One msw server per file; each test mounts its own simulator's handlers; unknown requests fail. */
export const useSimulatorServer = () => {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  /** A fresh simulator whose handlers answer in-process for this test. */
  const mount = (options: DraftsSimulatorOptions = {}): DraftsSimulator => {
    const sim = createSimulator(options)
    server.use(...sim.handlers)
    return sim
  }
  return { server, mount }
}

/** The provider on the simulator, built through the public definition with fast retries. */
export const providerFor = (sim: DraftsSimulator, overrides: Record<string, unknown> = {}, origin?: string) =>
  Effect.runPromise(
    drafts({ ...sim.settings(origin), retry: { baseDelay: 1, maxDelay: 1 }, ...overrides }).make,
  )

/** The neutral client on the simulator. */
export const clientFor = (sim: DraftsSimulator, overrides: Record<string, unknown> = {}, origin?: string) =>
  createVideoClient({
    provider: drafts({ ...sim.settings(origin), retry: { baseDelay: 1, maxDelay: 1 }, ...overrides }),
  })

/** A product from params, as an app would pass it. */
export const productInput = {
  title: "Aurora Trail Shoe",
  description: "Featherlight trail runner with a grippy outsole.",
  imageUrls: ["https://shop.test/aurora-1.jpg", "https://shop.test/aurora-2.jpg"],
}
