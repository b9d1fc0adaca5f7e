import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Semaphore from "effect/Semaphore"
import type { RequestSpec } from "./HttpClient.js"

/**
 * A client-side request limit, given to {@link makeHttpClient} as `rateLimiter`: the requests it
 * counts wait for a permit before they are sent (once per call, not per retry), so a burst
 * queues instead of failing with the vendor's 429.
 */
export interface RateLimiter {
  /** The wait before sending a request with `method`, or `undefined` when the limit does not count it. */
  readonly permit: (method: RequestSpec<unknown>["method"]) => Effect.Effect<void> | undefined
}

/** Options of {@link makeRateLimiter}. */
export interface RateLimitOptions {
  /** Requests allowed per `window`. */
  readonly limit: number
  readonly window: Duration.Input
  /** The methods counted (e.g. `["POST"]` where a vendor limits only writes). Default: all. */
  readonly methods?: ReadonlyArray<RequestSpec<unknown>["method"]> | undefined
}

/**
 * A sliding-window {@link RateLimiter}: at most `limit` requests per `window`. Requests over the
 * limit wait, in arrival order, until the oldest one leaves the window. Time comes from Effect's
 * `Clock`, so tests drive it with `TestClock`.
 *
 * @example
 * ```ts
 * // JoggAI documents 20 POSTs per minute per key.
 * const http = makeHttpClient({ ...config, rateLimiter: makeRateLimiter({ limit: 20, window: "1 minute", methods: ["POST"] }) })
 * ```
 */
export const makeRateLimiter = (options: RateLimitOptions): RateLimiter => {
  const lock = Semaphore.makeUnsafe(1)
  const windowMillis = Duration.toMillis(Duration.fromInputUnsafe(options.window))
  const sent: Array<number> = []
  const acquire: Effect.Effect<void> = Effect.gen(function* () {
    while (true) {
      const now = yield* Clock.currentTimeMillis
      while (sent.length > 0 && sent[0]! <= now - windowMillis) sent.shift()
      if (sent.length < options.limit) {
        sent.push(now)
        return
      }
      yield* Effect.sleep(Duration.millis(sent[0]! + windowMillis - now))
    }
  }).pipe(Semaphore.withPermit(lock))
  const methods = options.methods
  return { permit: (method) => (methods === undefined || methods.includes(method) ? acquire : undefined) }
}
