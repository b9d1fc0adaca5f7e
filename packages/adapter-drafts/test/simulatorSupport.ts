import { createVideoClient } from "@vidbridge/core"
import { Effect } from "effect"
import { drafts } from "../src/index.js"
import { createSimulator, type DraftsSimulator, type DraftsSimulatorOptions } from "../src/testing/index.js"
import { useServer } from "./support.js"

/** {@link useServer}, where each test mounts its own simulator's handlers. */
export const useSimulatorServer = () => {
  const { server, seen } = useServer()
  /** A fresh simulator whose handlers answer in-process for this test. */
  const mount = (options: DraftsSimulatorOptions = {}): DraftsSimulator => {
    const sim = createSimulator(options)
    server.use(...sim.handlers)
    return sim
  }
  return { server, mount, seen }
}

/** The adapter configured for the simulator, with fast retries (no test waits real seconds). */
const configured = (sim: DraftsSimulator, overrides: Record<string, unknown>, origin?: string) =>
  drafts({ ...sim.settings(origin), retry: { baseDelay: 1, maxDelay: 1 }, ...overrides })

/** The provider on the simulator, built through the public definition with fast retries. */
export const providerFor = (sim: DraftsSimulator, overrides: Record<string, unknown> = {}, origin?: string) =>
  Effect.runPromise(configured(sim, overrides, origin).make)

/** The neutral client on the simulator. */
export const clientFor = (sim: DraftsSimulator, overrides: Record<string, unknown> = {}, origin?: string) =>
  createVideoClient({ provider: configured(sim, overrides, origin) })

/** A product from params, as an app would pass it. */
export const productInput = {
  title: "Aurora Trail Shoe",
  description: "Featherlight trail runner with a grippy outsole.",
  imageUrls: ["https://shop.test/aurora-1.jpg", "https://shop.test/aurora-2.jpg"],
}
