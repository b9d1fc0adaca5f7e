import { VideoProvider } from "@vidbridge/core"
import type { SimClock } from "@vidbridge/core/testing"
import { Cause, Duration, Effect, Exit, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import { drafts } from "../src/index.js"
import { createSimulator, type DraftsSimulator } from "../src/testing/index.js"

// Paid calls on virtual time: the simulator's clock is the test's TestClock, so list lag, the
// HTTP runtime's per-attempt timeout and core's reconcile window all move together.

/**
 * An Hour One simulator on the test's `TestClock` and the provider layer over it (built through
 * the public definition, fast retries), counting the client's requests in flight. Run inside
 * `it.effect`; `register` mounts the handlers (msw).
 */
export const draftsOnTestClock = (options: {
  readonly listLag?: number
  readonly register: (sim: DraftsSimulator) => void
  readonly settings?: Record<string, unknown>
}) =>
  Effect.gen(function* () {
    const clock = yield* Effect.clockWith(Effect.succeed)
    const simClock: SimClock = { now: () => clock.currentTimeMillisUnsafe(), advance: () => {} }
    const sim = createSimulator({ clock: simClock, listLag: options.listLag })
    options.register(sim)
    const flight = { n: 0 }
    const provider = yield* drafts.make(
      yield* drafts.parseSettings({
        ...sim.settings(),
        retry: { baseDelay: 1, maxDelay: 1 },
        observer: { onRequest: () => flight.n++, onResponse: () => flight.n-- },
        ...options.settings,
      }),
    )
    // Busy while an answer is on its way (a held request never answers: it waits for the timeout).
    const busy = () => flight.n > sim.held()
    return { sim, provider, layer: Layer.succeed(VideoProvider, provider), busy }
  })

/** Lets real I/O (msw's promises) make progress while the test clock stands still. */
const realTicks = (n: number) =>
  new Promise<void>((resolve) => {
    let left = n
    const step = () => (--left <= 0 ? resolve() : setTimeout(step, 1))
    setTimeout(step, 1)
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
  if (fail === undefined) throw new Error(`expected a typed failure, got ${String(Cause.squash(exit.cause))}`)
  return fail.error
}

/** The value of an exit that must have succeeded. */
export const successOf = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isFailure(exit)) throw new Error(`expected success, got ${String(Cause.squash(exit.cause))}`)
  return exit.value
}
