import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { KyInstance, Options as KyOptions } from "ky"
import type * as z from "zod/mini"
import { pathProblem } from "../internal/pathSegments.js"
import { invalidInput, type VideoError, type VideoErrorReason } from "../VideoError.js"
import type { ResponseInfo } from "./classify.js"
import { failCall, makeDecode } from "./decode.js"
import { type HeaderSetting, splitHeaders } from "./headers.js"
import type { RateLimiter } from "./RateLimiter.js"
import { makeRedactor, type Redactor } from "./Redactor.js"
import { makeRetry } from "./retry.js"
import { type Exchanged, liveClock, sendOnClock, sendWithTimer } from "./send.js"
import { makeTransport, SIGNAL } from "./transport.js"
import { baseUrlProblem, redirectReason } from "./transportGuards.js"

// The HTTP runtime every adapter uses: its types, and `makeHttpClient` wiring ky (transport) to
// Effect policy: sending (send.ts), decoding (decode.ts) and retrying (retry.ts).

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
  /** A client-side limit on requests (see `makeRateLimiter`), where the vendor documents one. */
  readonly rateLimiter?: RateLimiter | undefined
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
  /**
   * {@link request}, answering the decoded body alone: what most vendor calls want.
   *
   * @example
   * ```ts
   * const job = yield* http.requestBody({ operation: "getStatus", method: "GET", path: `/jobs/${id}`, spendsCredits: false, schema: Job })
   * ```
   */
  readonly requestBody: <A = unknown>(spec: RequestSpec<A>) => Effect.Effect<A, VideoError>
  /** Scrubs the client's secrets from text or JSON. */
  readonly redact: Redactor
}

const bodyOf = <A>(response: HttpResponse<A>): A => response.body

/**
 * Makes the HTTP runtime for one vendor: ky for transport (its retry and timeout off),
 * Effect for policy (timeout per attempt, bounded jittered backoff, `Retry-After`,
 * interruption aborts the request, an optional client-side rate limit), vendor request ids
 * captured, secrets scrubbed.
 *
 * @example
 * ```ts
 * const http = makeHttpClient({ provider: "acme", baseUrl: "https://api.acme.test", auth: { "x-api-key": key } })
 * const job = yield* http.requestBody({ operation: "getStatus", method: "GET", path: `/jobs/${id}`, spendsCredits: false, schema: Job })
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
  const fetchImpl = config.fetch ?? globalThis.fetch
  const transport = makeTransport(config.baseUrl, fetchImpl)
  const authNames = Object.keys(config.auth)
  // Checked once; then every call fails before sending (settings normally catch it earlier).
  const baseProblem = baseUrlProblem(config.baseUrl)
  const insecureBase = baseProblem === undefined ? undefined : { path: "baseUrl", message: baseProblem }
  const path = (p: string) => (p.startsWith("/") ? p.slice(1) : p)
  const decode = makeDecode({
    provider: config.provider,
    redact,
    classify: config.classify,
    requestId: config.requestId,
  })
  const retrying = makeRetry(config.retry)
  const limiter = config.rateLimiter
  const observer = config.observer

  // One attempt, written as a flat pipeline rather than a generator: it runs on every request,
  // and bench/overhead.mjs holds its cost against plain fetch.
  const attempt = <A>(spec: RequestSpec<A>, attemptNo: number): Effect.Effect<HttpResponse<A>, VideoError> =>
    transport.loaded === undefined
      ? Effect.flatMap(transport.load(config.provider, spec.operation), (ky) =>
          attemptWith(ky, spec, attemptNo),
        )
      : attemptWith(transport.loaded, spec, attemptNo)

  const attemptWith = <A>(
    client: KyInstance,
    spec: RequestSpec<A>,
    attemptNo: number,
  ): Effect.Effect<HttpResponse<A>, VideoError> =>
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
          return failCall(config.provider, spec, failure)
        },
        onSuccess: ({ response, text }) => {
          reportResponse(response.status)
          const redirected = redirectReason(response)
          return redirected === undefined
            ? decode(spec, response, text, clock.currentTimeMillisUnsafe())
            : failCall(config.provider, spec, { reason: redirected, status: response.status || undefined })
        },
      })
    })

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
    const calls = retrying(
      Effect.suspend(() => attempt(spec, ++attempts)),
      spec.spendsCredits,
    )
    // A rate limit counts calls, not attempts: a permit before the first one.
    const permit = limiter?.permit(spec.method)
    return permit === undefined ? calls : Effect.andThen(permit, calls)
  }

  return {
    provider: config.provider,
    request,
    requestBody: (spec) => Effect.map(request(spec), bodyOf),
    redact,
  }
}
