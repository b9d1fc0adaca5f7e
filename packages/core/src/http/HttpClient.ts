import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import ky, { type Options as KyOptions } from "ky"
import type * as z from "zod/mini"
import { formatPath } from "../internal/issues.js"
import { pathProblem } from "../internal/pathSegments.js"
import {
  invalidInput,
  RateLimited,
  Timeout,
  UnexpectedResponse,
  VendorUnavailable,
  VideoError,
  type VideoErrorReason,
} from "../VideoError.js"
import { forCall } from "./ambiguous.js"
import { classifyStatus, type ResponseInfo } from "./classify.js"
import { type HeaderSetting, splitHeaders } from "./headers.js"
import { makeRedactor, maskSecretMembers, type Redactor } from "./Redactor.js"
import { parseRetryAfter } from "./retryAfter.js"
import { baseUrlProblem, redirectReason } from "./transportGuards.js"

/**
 * How calls are retried. Only failures that are safe to repeat are retried: for
 * credit-spending calls that means 429 and connection-refused, never a 5xx, a timeout or a
 * reset after the request was sent.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 3. */
  readonly maxRetries?: number | undefined
  /** First backoff delay; doubles each retry, with ±20% jitter. Default 500 ms. */
  readonly baseDelay?: Duration.Input | undefined
  /** Longest backoff delay. Default 10 s. */
  readonly maxDelay?: Duration.Input | undefined
  /** A `Retry-After` longer than this is not waited for: the call fails with `RateLimited`. Default 60 s. */
  readonly maxRetryAfter?: Duration.Input | undefined
}

/** Events for metrics and logs; values are already redacted. */
export interface HttpObserver {
  readonly onRequest?: (event: {
    readonly provider: string
    readonly operation: string
    readonly method: string
    readonly path: string
    readonly attempt: number
  }) => void
  readonly onResponse?: (event: {
    readonly provider: string
    readonly operation: string
    readonly method: string
    readonly path: string
    readonly attempt: number
    readonly status: number | undefined
    readonly millis: number
  }) => void
}

/** Transport settings every provider accepts next to its credentials. */
export interface HttpSettings {
  /**
   * Overrides the vendor's base URL (tests, proxies, simulators). Must be https:, or http: on a
   * loopback host (127.0.0.0/8, ::1, localhost). Redirects from it are never followed.
   */
  readonly baseUrl?: string | undefined
  /** Overrides `fetch` (tests, proxies, instrumentation). */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** Per-attempt timeout. Default 30 s. */
  readonly timeout?: Duration.Input | undefined
  /** Retry policy, or `false` for none. */
  readonly retry?: RetryPolicy | false | undefined
  /**
   * Extra headers on every request. Their values are treated as secrets (masked in errors,
   * `raw`, logs and observer events) unless marked public: `publicHeader("my-app/1.0")`.
   */
  readonly headers?: Readonly<Record<string, HeaderSetting>> | undefined
  readonly observer?: HttpObserver | undefined
}

/** What an adapter gives to {@link makeHttpClient}. */
export interface HttpClientConfig extends HttpSettings {
  readonly provider: string
  readonly baseUrl: string
  /** Credential headers; held as `Redacted` and scrubbed from everything we return. */
  readonly auth: Readonly<Record<string, Redacted.Redacted<string>>>
  /** Other values to scrub from bodies and errors (webhook tokens, secrets). */
  readonly secrets?: ReadonlyArray<Redacted.Redacted<string>> | undefined
  /**
   * The vendor's error convention: called for every response; return a reason to fail the
   * call (also for HTTP 200 with an error envelope), or `undefined` to use the HTTP status.
   */
  readonly classify?: ((info: ResponseInfo) => VideoErrorReason | undefined) | undefined
  /** Finds the vendor's request id when it is in the body rather than a header. */
  readonly requestId?: ((info: ResponseInfo) => string | undefined) | undefined
}

/** One request. `spendsCredits` decides what may be retried. */
export interface RequestSpec<A> {
  readonly operation: string
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** Path below the base URL, exactly as the vendor documents it (trailing slash included). */
  readonly path: string
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>> | undefined
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** True for calls that cost credits: never retried after an ambiguous failure. */
  readonly spendsCredits: boolean
  /** The documented response shape; a mismatch is `UnexpectedResponse` naming the path. */
  readonly schema?: z.ZodMiniType<A> | undefined
  /** The job the call is about, for error context. */
  readonly ref?: string | undefined
  /** Overrides the client's per-attempt timeout. */
  readonly timeout?: Duration.Input | undefined
}

/** A successful, decoded answer. */
export interface HttpResponse<A> {
  readonly status: number
  readonly headers: Headers
  readonly body: A
  readonly requestId?: string | undefined
}

/** The HTTP runtime every adapter uses. Adapters never retry or poll on their own. */
export interface HttpClient {
  readonly provider: string
  readonly request: <A = unknown>(spec: RequestSpec<A>) => Effect.Effect<HttpResponse<A>, VideoError>
  /** Scrubs the client's secrets from text or JSON. */
  readonly redact: Redactor
}

const requestIdHeaders = ["x-request-id", "x-amzn-requestid", "request-id", "x-correlation-id", "cf-ray"]

const headerRequestId = (headers: Headers): string | undefined => {
  for (const name of requestIdHeaders) {
    const value = headers.get(name)
    if (value !== null) return value
  }
  return undefined
}

/** The fetch-init key the per-attempt abort signal is passed under (ky forwards unknown keys). */
const SIGNAL = "vidbridgeSignal"

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

interface Failure {
  readonly reason: VideoErrorReason
  readonly status?: number | undefined
  readonly requestId?: string | undefined
}

/** Whether a failure may be retried for a call of this kind. */
export const isRetryable = (reason: VideoErrorReason, spendsCredits: boolean): boolean => {
  if (!reason.retryable) return false
  if (!spendsCredits) return true
  if (reason._tag === "RateLimited") return true
  return reason._tag === "VendorUnavailable" && reason.delivery === "not_sent"
}

/** The start of a vendor answer, for an error; credential-named JSON members are masked first. */
const excerpt = (answer: string): string => {
  // Masking runs on a bounded prefix; a member it cuts in two is masked as far as it goes.
  const text = maskSecretMembers(answer.length > 4096 ? answer.slice(0, 4096) : answer)
  return text.length > 200 || answer.length > 4096 ? `${text.slice(0, 200)}…` : text
}

interface Exchanged {
  readonly response: Response
  readonly text: string
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
const liveClock = Effect.runSync(Effect.clockWith(Effect.succeed))

/** Node's timers take at most 2^31-1 ms (about 24 days); a longer timeout is, in practice, none. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * One exchange with a per-attempt timeout on any `Clock` (Effect's `TestClock` included):
 * Effect's general race, used whenever the clock is not the real one.
 */
const sendOnClock = (
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
 */
const sendWithTimer = (
  send: (signal: AbortSignal) => Promise<Exchanged>,
  after: Duration.Duration,
): Effect.Effect<Exchanged, Failure> =>
  Effect.callback<Exchanged, Failure>((resume, interrupted) => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let settled = false
    const onInterrupt = () => {
      settled = true
      clearTimeout(timer)
      controller.abort(interrupted.reason)
    }
    const settle = (result: Effect.Effect<Exchanged, Failure>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      interrupted.removeEventListener("abort", onInterrupt)
      resume(result)
    }
    interrupted.addEventListener("abort", onInterrupt, { once: true })
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
  })

/**
 * Makes the HTTP runtime for one vendor: ky for transport (its retry and timeout off),
 * Effect for policy (timeout per attempt, bounded jittered backoff, `Retry-After`,
 * interruption aborts the request), vendor request ids captured, secrets scrubbed.
 *
 * @example
 * ```ts
 * const http = makeHttpClient({ provider: "acme", baseUrl: "https://api.acme.test", auth: { "x-api-key": key } })
 * const res = yield* http.request({ operation: "getStatus", method: "GET", path: `/jobs/${id}`, spendsCredits: false, schema: Job })
 * ```
 */
export const makeHttpClient = (config: HttpClientConfig): HttpClient => {
  // Header values from settings are secrets too, unless the caller marked them public.
  const configuredHeaders = splitHeaders(config.headers)
  const redact = makeRedactor([
    ...Object.values(config.auth),
    ...(config.secrets ?? []),
    ...configuredHeaders.secrets,
  ])
  const timeout = Duration.fromInputUnsafe(config.timeout ?? Duration.seconds(30))
  const retry = config.retry === false ? undefined : (config.retry ?? {})
  const maxRetries = retry?.maxRetries ?? 3
  const maxRetryAfter = Duration.fromInputUnsafe(retry?.maxRetryAfter ?? Duration.seconds(60))
  const fetchImpl = config.fetch ?? globalThis.fetch
  const client = ky.create({
    prefix: config.baseUrl,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    // ky forwards options it does not know to fetch's init; the per-attempt abort signal
    // travels that way so ky does not combine signals on every request.
    fetch: (input, init) => {
      const { [SIGNAL]: signal, ...rest } = (init ?? {}) as RequestInit & { [SIGNAL]?: AbortSignal }
      return fetchImpl(input, signal === undefined ? rest : { ...rest, signal })
    },
  })
  const authNames = Object.keys(config.auth)
  // Checked once; then every call fails before sending (settings normally catch it earlier).
  const baseProblem = baseUrlProblem(config.baseUrl)
  const insecureBase = baseProblem === undefined ? undefined : { path: "baseUrl", message: baseProblem }
  const path = (p: string) => (p.startsWith("/") ? p.slice(1) : p)

  const fail = (spec: RequestSpec<unknown>, failure: Failure) =>
    Effect.fail(
      new VideoError({
        provider: config.provider,
        operation: spec.operation,
        // An ambiguous failure of a paid call is not retryable, and says the request may have arrived.
        reason: forCall(failure.reason, spec.spendsCredits),
        status: failure.status,
        requestId: failure.requestId,
        ref: spec.ref,
      }),
    )

  const observer = config.observer
  // A header is vendor text like the body: a proxy echoing the key there must not leak it.
  const redactedId = (id: string | undefined) => (id === undefined ? undefined : redact.text(id))

  /** Classifies and decodes one answer: the vendor's error convention first, then the schema. */
  const decode = <A>(
    spec: RequestSpec<A>,
    response: Response,
    rawText: string,
    now: number,
  ): Effect.Effect<HttpResponse<A>, VideoError> => {
    let text = redact.text(rawText)
    let json: unknown
    try {
      // Parsed before masking: a mask where a short secret stood as a number would break the JSON.
      json = rawText.trim() === "" ? undefined : JSON.parse(rawText)
    } catch {
      json = undefined
    }
    // Masked as values when the text held a secret, or an escape that can spell one (.NET writes
    // `+` as `\u002B`) or end the word before one (`\n`). With `\u` escapes, show the masked value.
    if (json !== undefined && (text !== rawText || rawText.includes("\\"))) {
      json = redact.json(json)
      if (rawText.includes("\\u")) text = redact.text(JSON.stringify(json))
    }
    const info: ResponseInfo = {
      operation: spec.operation,
      path: spec.path,
      status: response.status,
      headers: response.headers,
      json,
      text,
      retryAfter: parseRetryAfter(response.headers.get("retry-after"), now),
    }
    const requestId = config.requestId?.(info) ?? redactedId(headerRequestId(response.headers))
    const vendorReason = config.classify?.(info)
    const reason = vendorReason ?? (response.ok ? undefined : classifyStatus(info))
    if (reason !== undefined) {
      const withHint =
        reason._tag === "RateLimited" && reason.retryAfter === undefined && info.retryAfter !== undefined
          ? new RateLimited({ message: reason.message, retryAfter: info.retryAfter })
          : reason
      return fail(spec, { reason: withHint, status: response.status, requestId })
    }
    if (spec.schema === undefined) {
      return Effect.succeed({
        status: response.status,
        headers: response.headers,
        body: json as A,
        requestId,
      })
    }
    if (json === undefined) {
      return fail(spec, {
        reason: new UnexpectedResponse({
          message: `the vendor answered with a body that is not JSON`,
          path: "",
          excerpt: excerpt(text),
        }),
        status: response.status,
        requestId,
      })
    }
    const decoded = spec.schema.safeParse(json)
    if (!decoded.success) {
      const issue = decoded.error.issues[0]
      const path = issue ? formatPath(issue.path) : ""
      return fail(spec, {
        reason: new UnexpectedResponse({
          message: `the vendor's answer does not match the documented shape at ${path || "the top level"} (${issue?.code ?? "invalid"})`,
          path,
          excerpt: excerpt(text),
        }),
        status: response.status,
        requestId,
      })
    }
    return Effect.succeed({
      status: response.status,
      headers: response.headers,
      body: decoded.data,
      requestId,
    })
  }

  // One attempt, written as a flat pipeline rather than a generator: it runs on every request,
  // and bench/overhead.mjs holds its cost against plain fetch.
  const attempt = <A>(spec: RequestSpec<A>, attemptNo: number): Effect.Effect<HttpResponse<A>, VideoError> =>
    Effect.clockWith((clock) => {
      const started = clock.currentTimeMillisUnsafe()
      // An id in the path can echo a secret as well; observers get what errors would show.
      const shownPath = observer === undefined ? spec.path : redact.text(spec.path)
      observer?.onRequest?.({
        provider: config.provider,
        operation: spec.operation,
        method: spec.method,
        path: shownPath,
        attempt: attemptNo,
      })
      const headers: Record<string, string> = {
        accept: "application/json",
        ...configuredHeaders.values,
        ...spec.headers,
      }
      for (const name of authNames) headers[name] = Redacted.value(config.auth[name]!)
      // Never follow a redirect: fetch would take the vendor key to whatever host it names.
      const options: KyOptions = { method: spec.method, headers, redirect: "manual" }
      if (spec.query !== undefined) {
        const searchParams: Record<string, string> = {}
        for (const [key, value] of Object.entries(spec.query)) {
          if (value !== undefined) searchParams[key] = String(value)
        }
        options.searchParams = searchParams
      }
      if (spec.body !== undefined) options.json = spec.body
      const perAttempt = spec.timeout === undefined ? timeout : Duration.fromInputUnsafe(spec.timeout)
      const reportResponse = (status: number | undefined) =>
        observer?.onResponse?.({
          provider: config.provider,
          operation: spec.operation,
          method: spec.method,
          path: shownPath,
          attempt: attemptNo,
          status,
          millis: clock.currentTimeMillisUnsafe() - started,
        })

      // The signal goes to fetch itself (see `fetch` above), not through ky's signal merging.
      const send = async (signal: AbortSignal): Promise<Exchanged> => {
        const response = await client(path(spec.path), { ...options, [SIGNAL]: signal } as KyOptions)
        return { response, text: await response.text() }
      }
      const exchange = clock === liveClock ? sendWithTimer(send, perAttempt) : sendOnClock(send, perAttempt)
      return Effect.matchEffect(exchange, {
        onFailure: (failure) => {
          reportResponse(undefined)
          return fail(spec, failure)
        },
        onSuccess: ({ response, text }) => {
          reportResponse(response.status)
          const redirected = redirectReason(response)
          return redirected === undefined
            ? decode(spec, response, text, clock.currentTimeMillisUnsafe())
            : fail(spec, { reason: redirected, status: response.status || undefined })
        },
      })
    })

  const schedule = retry
    ? Schedule.max([
        Schedule.min([
          Schedule.jittered(Schedule.exponential(retry.baseDelay ?? Duration.millis(500), 2)),
          Schedule.spaced(retry.maxDelay ?? Duration.seconds(10)),
        ]),
        Schedule.recurs(maxRetries),
      ]).pipe(
        Schedule.setInputType<VideoError>(),
        Schedule.modifyDelay(({ input, duration }) =>
          Effect.succeed(
            input.reason._tag === "RateLimited" && input.reason.retryAfter !== undefined
              ? Duration.max(duration, input.reason.retryAfter)
              : duration,
          ),
        ),
      )
    : undefined

  const mayRetry = (spec: RequestSpec<unknown>, error: VideoError): boolean =>
    isRetryable(error.reason, spec.spendsCredits) &&
    !(
      error.reason._tag === "RateLimited" &&
      error.reason.retryAfter !== undefined &&
      Duration.isGreaterThan(error.reason.retryAfter, maxRetryAfter)
    )

  const request = <A>(spec: RequestSpec<A>): Effect.Effect<HttpResponse<A>, VideoError> => {
    if (insecureBase !== undefined)
      return Effect.fail(invalidInput(config.provider, spec.operation, [insecureBase]))
    // The last guard: an id that slipped through as "." or ".." must not redirect the call.
    const unsafe = pathProblem(spec.path)
    if (unsafe !== undefined) {
      return Effect.fail(
        invalidInput(config.provider, spec.operation, [
          {
            path: "path",
            message: `the request path ${JSON.stringify(redact.text(spec.path))} ${unsafe}; nothing was sent`,
          },
        ]),
      )
    }
    let attempts = 0
    const once = Effect.suspend(() => attempt(spec, ++attempts))
    if (schedule === undefined || maxRetries <= 0) return once
    // Most calls succeed first time, so the retry driver is only set up after a failure. It
    // then starts by replaying that failure (without a request), so the schedule sees every
    // failure in order, exactly as `Effect.retry` over the first attempt would.
    return Effect.catch(once, (first: VideoError) => {
      if (!mayRetry(spec, first)) return Effect.fail(first)
      let replay: VideoError | undefined = first
      const next = Effect.suspend(() => {
        if (replay === undefined) return once
        const failure = replay
        replay = undefined
        return Effect.fail(failure)
      })
      return Effect.retry(next, { schedule, while: (error: VideoError) => mayRetry(spec, error) })
    })
  }

  return { provider: config.provider, request, redact }
}
