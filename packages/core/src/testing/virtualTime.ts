import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import { TestClock } from "effect/testing"
import type { AnyProviderDefinition } from "../registry.js"
import type { VideoProviderShape } from "../VideoProvider.js"
import { VideoProvider } from "../VideoProvider.js"
import type { SimClock } from "./SimClock.js"
import type { VendorSimulator } from "./VendorSimulator.js"

// Paid calls on virtual time: a simulator whose clock is the test's TestClock, so list lag, the
// client's per-attempt timeouts and core's reconcile window move together, and a driver that moves
// that clock only while no request is in flight (a request is never timed out by the clock moving
// under it). Run inside `it.effect` (@effect/vitest), which provides the TestClock.

/** Lets real I/O (msw, a loopback server) make progress while the test clock stands still. */
export const realTicks = (n = 2): Promise<void> =>
  new Promise<void>((resolve) => {
    let left = n
    const step = () => (--left <= 0 ? resolve() : setTimeout(step, 1))
    setTimeout(step, 1)
  })

/** A {@link SimClock} that reads the running Effect's clock (the TestClock inside `it.effect`). */
export const effectSimClock: Effect.Effect<SimClock> = Effect.map(
  Effect.clockWith(Effect.succeed),
  (clock) => ({ now: () => clock.currentTimeMillisUnsafe(), advance: () => {} }),
)

/** A simulator that can hold answers (it counts the requests it holds). */
export interface HoldingSimulator extends VendorSimulator {
  readonly held: () => number
}

/** What {@link onTestClock} builds. */
export interface OnTestClock<S> {
  readonly sim: S
  readonly shape: VideoProviderShape
  readonly layer: Layer.Layer<VideoProvider>
  /** True while an answer is on its way (a held request never answers: it waits for the timeout). */
  readonly busy: () => boolean
}

/**
 * Builds `definition`'s provider over `sim` (its settings, fast retries, then `settings`), counting
 * the client's requests in flight. `register` mounts the simulator's handlers (msw's `server.use`).
 *
 * @example
 * ```ts
 * const { sim, layer, busy } = yield* onTestClock({
 *   sim: createSimulator({ clock: yield* effectSimClock }),
 *   definition: creatify,
 *   register: (s) => server.use(...s.handlers),
 * })
 * const exit = yield* driveOnTestClock(render({ template: "t" }).pipe(Effect.provide(layer)), busy)
 * ```
 */
export const onTestClock = <S extends HoldingSimulator>(options: {
  readonly sim: S
  readonly definition: AnyProviderDefinition
  readonly register: (sim: S) => void
  readonly settings?: Readonly<Record<string, unknown>> | undefined
  readonly shape?: ((shape: VideoProviderShape) => VideoProviderShape) | undefined
}): Effect.Effect<OnTestClock<S>, unknown> =>
  Effect.gen(function* () {
    const { sim, definition } = options
    options.register(sim)
    const flight = { n: 0 }
    const built: VideoProviderShape = yield* definition.make(
      yield* definition.parseSettings({
        ...sim.settings(),
        retry: { baseDelay: 1, maxDelay: 1 },
        observer: { onRequest: () => flight.n++, onResponse: () => flight.n-- },
        ...options.settings,
      }),
    )
    const shape = options.shape ? options.shape(built) : built
    return { sim, shape, layer: Layer.succeed(VideoProvider, shape), busy: () => flight.n > sim.held() }
  })

/**
 * Runs `effect` to its end, moving the test clock `step` at a time, but only while `busy()` is
 * false (no vendor request in flight). Gives up after `maxMoves` moves of the clock.
 */
export const driveOnTestClock = <A, E>(
  effect: Effect.Effect<A, E>,
  busy: () => boolean,
  step: Duration.Input = Duration.seconds(5),
  maxMoves = 1000,
): Effect.Effect<Exit.Exit<A, E>> =>
  Effect.gen(function* () {
    const fiber = yield* Effect.forkChild(effect)
    for (
      let moves = 0, loops = 0;
      fiber.pollUnsafe() === undefined && moves < maxMoves && loops < 50_000;
      loops++
    ) {
      yield* Effect.promise(() => realTicks(2))
      if (busy() || fiber.pollUnsafe() !== undefined) continue
      yield* TestClock.adjust(step)
      moves++
    }
    return yield* Fiber.await(fiber)
  })

/** The typed failure of an exit that must have failed (throws otherwise, saying what it got). */
export const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const fail = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (fail === undefined) throw new Error(`expected a typed failure, got ${String(Cause.squash(exit.cause))}`)
  return fail.error
}

/** The value of an exit that must have succeeded (throws otherwise, saying why it failed). */
export const successOf = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isFailure(exit)) throw new Error(`expected success, got ${String(Cause.squash(exit.cause))}`)
  return exit.value
}
