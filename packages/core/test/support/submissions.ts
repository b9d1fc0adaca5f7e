import { Cause, Duration, Effect, Exit, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import type { VideoProviderShape } from "../../src/index.js"
import { VideoProvider } from "../../src/index.js"
import {
  createFakeVendorSimulator,
  type FakeVendorSimulator,
  fakeVendor,
  type SimClock,
} from "../../src/testing/index.js"
import { API_KEY } from "./keys.js"
import { realTicks } from "./msw.js"

/**
 * A fake vendor whose clock is the test's `TestClock` (so list lag and the reconcile window move
 * together), with a provider layer counting the client's requests in flight. Run inside `it.effect`.
 */
export const fakeOnTestClock = (options: {
  readonly listLag?: number
  readonly register: (sim: FakeVendorSimulator) => void
  readonly shape?: (shape: VideoProviderShape) => VideoProviderShape
}) =>
  Effect.gen(function* () {
    const clock = yield* Effect.clockWith(Effect.succeed)
    const simClock: SimClock = { now: () => clock.currentTimeMillisUnsafe(), advance: () => {} }
    const sim = createFakeVendorSimulator({ apiKey: API_KEY, clock: simClock, listLag: options.listLag })
    options.register(sim)
    const flight = { n: 0 }
    const built = yield* fakeVendor.make(
      yield* fakeVendor.parseSettings({
        apiKey: API_KEY,
        retry: { baseDelay: 1, maxDelay: 1 },
        observer: { onRequest: () => flight.n++, onResponse: () => flight.n-- },
      }),
    )
    const shape = options.shape ? options.shape(built) : built
    // Busy while an answer is on its way (a held request never answers: it only waits for the timeout).
    const busy = () => flight.n > sim.held()
    return { sim, shape, layer: Layer.succeed(VideoProvider, shape), busy }
  })

/**
 * Runs `effect` to its end, moving the test clock `step` at a time, but only while no vendor
 * request is in flight: a request is never timed out by the clock moving under it.
 */
export const drive = <A, E>(
  effect: Effect.Effect<A, E>,
  busy: () => boolean,
  step: Duration.Input = Duration.seconds(5),
): Effect.Effect<Exit.Exit<A, E>> =>
  Effect.gen(function* () {
    const fiber = yield* Effect.forkChild(effect)
    for (
      let moves = 0, loops = 0;
      fiber.pollUnsafe() === undefined && moves < 1000 && loops < 20_000;
      loops++
    ) {
      yield* Effect.promise(() => realTicks(2))
      if (busy() || fiber.pollUnsafe() !== undefined) continue
      yield* TestClock.adjust(step)
      moves++
    }
    return yield* Fiber.await(fiber)
  })

/** The failure of an exit that must have failed (the test fails otherwise). */
export const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const fail = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (fail === undefined) throw new Error(`expected a typed failure, got ${String(exit.cause)}`)
  return fail.error
}

/** The value of an exit that must have succeeded. */
export const successOf = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isFailure(exit)) throw new Error(`expected success, got ${String(Cause.squash(exit.cause))}`)
  return exit.value
}
