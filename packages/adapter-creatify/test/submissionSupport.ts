import { VideoProvider } from "@vidbridge/core"
import { Cause, Duration, Effect, Exit, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import type { SetupServer } from "msw/node"
import { creatify } from "../src/index.js"
import { type CreatifySimulator, createSimulator } from "../src/testing/index.js"

// Paid calls on virtual time: a Creatify simulator whose clock is the test's TestClock (so list
// lag, the client's timeouts and core's reconcile window move together), and a driver that moves
// that clock only while no request is in flight.

/** Lets real I/O (msw, the product page) make progress while the test clock stands still. */
const realTicks = (n = 2) =>
  new Promise<void>((resolve) => {
    let left = n
    const step = () => (--left <= 0 ? resolve() : setTimeout(step, 1))
    setTimeout(step, 1)
  })

/**
 * The simulator on the TestClock (`created_at` 0 = clock 0, as the client's send time reads), its
 * handlers on `server`, and the provider as a layer, with `busy()` true while an answer is on its
 * way (a held request never answers: it only waits for the client's timeout). Run in `it.effect`.
 */
export const simOnTestClock = (server: SetupServer, listLag = 0) =>
  Effect.gen(function* () {
    const clock = yield* Effect.clockWith(Effect.succeed)
    const sim = createSimulator({
      clock: { now: () => clock.currentTimeMillisUnsafe(), advance: () => {} },
      epoch: 0,
      listLag,
    })
    server.use(...sim.handlers)
    const flight = { n: 0 }
    const shape = yield* creatify.make(
      yield* creatify.parseSettings({
        ...sim.settings(),
        retry: { baseDelay: 1, maxDelay: 1 },
        observer: { onRequest: () => flight.n++, onResponse: () => flight.n-- },
      }),
    )
    const busy = () => flight.n > sim.held()
    return { sim, layer: Layer.succeed(VideoProvider, shape), busy }
  })

/** Runs `effect` to its end, moving the test clock `step` at a time while no request is in flight. */
export const drive = <A, E>(
  effect: Effect.Effect<A, E>,
  busy: () => boolean,
  step: Duration.Input = Duration.seconds(5),
): Effect.Effect<Exit.Exit<A, E>> =>
  Effect.gen(function* () {
    const fiber = yield* Effect.forkChild(effect)
    for (
      let moves = 0, loops = 0;
      fiber.pollUnsafe() === undefined && moves < 1000 && loops < 50_000;
      loops++
    ) {
      yield* Effect.promise(() => realTicks())
      if (busy() || fiber.pollUnsafe() !== undefined) continue
      yield* TestClock.adjust(step)
      moves++
    }
    return yield* Fiber.await(fiber)
  })

/** The typed failure of an exit that must have failed. */
export const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const fail = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (fail === undefined) throw new Error(`expected a typed failure: ${String(Cause.squash(exit.cause))}`)
  return fail.error
}

/** The value of an exit that must have succeeded. */
export const successOf = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isFailure(exit)) throw new Error(`expected success, got ${String(Cause.squash(exit.cause))}`)
  return exit.value
}

export type { CreatifySimulator }
