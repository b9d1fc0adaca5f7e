import { Effect } from "effect"
import type { VideoProviderShape } from "../../src/index.js"
import {
  createFakeVendorSimulator,
  effectSimClock,
  type FakeVendorSimulator,
  fakeVendor,
  onTestClock,
} from "../../src/testing/index.js"
import { API_KEY } from "./keys.js"

export { driveOnTestClock as drive, failureOf, successOf } from "../../src/testing/index.js"

/**
 * A fake vendor whose clock is the test's `TestClock` (so list lag and the reconcile window move
 * together), with a provider layer counting the client's requests in flight. Run inside `it.effect`.
 */
export const fakeOnTestClock = (options: {
  readonly listLag?: number
  readonly register: (sim: FakeVendorSimulator) => void
  readonly shape?: (shape: VideoProviderShape) => VideoProviderShape
}) =>
  Effect.flatMap(effectSimClock, (clock) =>
    onTestClock({
      sim: createFakeVendorSimulator({ apiKey: API_KEY, clock, listLag: options.listLag }),
      definition: fakeVendor,
      register: options.register,
      settings: { apiKey: API_KEY },
      shape: options.shape,
    }),
  )
