import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Semaphore from "effect/Semaphore"

/**
 * A sliding-window limiter: at most `limit` acquisitions per `window`. Callers over the
 * limit wait (in arrival order, behind one permit) until the oldest acquisition leaves the
 * window. Time comes from Effect's `Clock`, so tests drive it with `TestClock`.
 */
export interface RateLimiter {
  readonly acquire: Effect.Effect<void>
}

export const makeRateLimiter = (limit: number, window: Duration.Duration): RateLimiter => {
  const lock = Semaphore.makeUnsafe(1)
  const windowMillis = Duration.toMillis(window)
  const sent: Array<number> = []
  const acquire: Effect.Effect<void> = Effect.gen(function* () {
    while (true) {
      const now = yield* Clock.currentTimeMillis
      while (sent.length > 0 && sent[0]! <= now - windowMillis) sent.shift()
      if (sent.length < limit) {
        sent.push(now)
        return
      }
      yield* Effect.sleep(Duration.millis(sent[0]! + windowMillis - now))
    }
  }).pipe(Semaphore.withPermit(lock))
  return { acquire }
}
