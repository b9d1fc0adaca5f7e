import { createVideoClient } from "@vidbridge/core"
import { Effect } from "effect"
import { jogg } from "../src/index.js"
import { createSimulator, type JoggSimulator, type JoggSimulatorOptions } from "../src/testing/index.js"
import { quickReconcile, useMsw } from "./support.js"

/** One msw server per file; each test mounts its own simulator; unknown requests fail the test. */
export const useSimulatorServer = () => {
  const server = useMsw()
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

/** The neutral client on the in-process simulator. */
export const clientFor = (sim: JoggSimulator, overrides: Record<string, unknown> = {}) =>
  createVideoClient({
    provider: jogg({ ...sim.settings(), ...fast, ...overrides }),
    reconcile: quickReconcile,
  })

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
