import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { Timeout, VendorUnavailable, type VideoErrorReason } from "../VideoError.js"

// Sending one request: the per-attempt timer (on the real clock or any Effect `Clock`), abort on
// timeout or interruption, and what a failed exchange means (timeout, not sent, maybe arrived).

/** Why an exchange or its answer failed, before it becomes the call's `VideoError`. */
export interface Failure {
  readonly reason: VideoErrorReason
  readonly status?: number | undefined
  readonly requestId?: string | undefined
}

/** An answer and its whole body. */
export interface Exchanged {
  readonly response: Response
  readonly text: string
}

const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"])

/** Walks an error's `cause` chain for a Node network error code. */
const networkCode = (error: unknown): string | undefined => {
  let current: unknown = error
  for (let depth = 0; depth < 6 && current !== null && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === "string") return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

const timedOut = (after: Duration.Duration): Failure => ({
  reason: new Timeout({
    message: `no answer within ${Duration.format(after)}; the request may have reached the vendor`,
    after,
  }),
})

const connectionFailure = (error: unknown): Failure => {
  const code = networkCode(error)
  const notSent = code !== undefined && notSentCodes.has(code)
  return {
    reason: new VendorUnavailable({
      message: notSent
        ? `could not connect to the vendor (${code}); the request was not sent`
        : `the connection failed${code ? ` (${code})` : ""}; the request may have reached the vendor`,
      delivery: notSent ? "not_sent" : "ambiguous",
    }),
  }
}

/** Effect's default clock (real time), where a plain timer is exact. */
export const liveClock = Effect.runSync(Effect.clockWith(Effect.succeed))

/** Node's timers take at most 2^31-1 ms (about 24 days); a longer timeout is, in practice, none. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * One exchange with a per-attempt timeout on any `Clock` (Effect's `TestClock` included):
 * Effect's general race, used whenever the clock is not the real one.
 */
export const sendOnClock = (
  send: (signal: AbortSignal) => Promise<Exchanged>,
  after: Duration.Duration,
): Effect.Effect<Exchanged, Failure> =>
  Effect.tryPromise({ try: send, catch: connectionFailure }).pipe(
    Effect.timeoutOrElse({ duration: after, orElse: () => Effect.fail(timedOut(after)) }),
  )

/**
 * The same exchange on real time with one plain timer: abort the request on timeout or on
 * interruption, fail `Timeout`, exactly as {@link sendOnClock}, without forking fibers for a
 * race (which, with many requests in flight, cost more CPU than the requests themselves).
 * Interruption runs the canceler this callback returns, rather than through an `AbortSignal`
 * from Effect: that would cost another `AbortController` and an event listener on every request.
 */
export const sendWithTimer = (
  send: (signal: AbortSignal) => Promise<Exchanged>,
  after: Duration.Duration,
): Effect.Effect<Exchanged, Failure> =>
  Effect.callback<Exchanged, Failure>((resume) => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let settled = false
    const settle = (result: Effect.Effect<Exchanged, Failure>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resume(result)
    }
    const millis = Duration.toMillis(after)
    if (millis <= MAX_TIMER_MILLIS) {
      timer = setTimeout(() => {
        controller.abort()
        settle(Effect.fail(timedOut(after)))
      }, millis)
    }
    send(controller.signal).then(
      (exchanged) => settle(Effect.succeed(exchanged)),
      (error: unknown) => settle(Effect.fail(connectionFailure(error))),
    )
    return Effect.sync(() => {
      settled = true
      clearTimeout(timer)
      controller.abort()
    })
  })
