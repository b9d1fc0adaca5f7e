import * as Effect from "effect/Effect"
import { formatPath } from "../internal/issues.js"
import { RateLimited, UnexpectedResponse, VideoError, type VideoErrorReason } from "../VideoError.js"
import { forCall } from "./ambiguous.js"
import { classifyStatus, type ResponseInfo } from "./classify.js"
import type { HttpResponse, RequestSpec } from "./HttpClient.js"
import { maskSecretMembers, type Redactor } from "./Redactor.js"
import { parseRetryAfter } from "./retryAfter.js"
import type { Failure } from "./send.js"

// Decoding one answer: the vendor's error convention, then the HTTP status, then the documented
// shape; vendor text is redacted before anything reads it.

/** A failed call as its `VideoError`: an ambiguous failure of a paid call says it may have arrived. */
export const failCall = (
  provider: string,
  spec: RequestSpec<unknown>,
  failure: Failure,
): Effect.Effect<never, VideoError> =>
  Effect.fail(
    new VideoError({
      provider,
      operation: spec.operation,
      // An ambiguous failure of a paid call is not retryable, and says the request may have arrived.
      reason: forCall(failure.reason, spec.spendsCredits),
      status: failure.status,
      requestId: failure.requestId,
      ref: spec.ref,
    }),
  )

const requestIdHeaders = ["x-request-id", "x-amzn-requestid", "request-id", "x-correlation-id", "cf-ray"]

const headerRequestId = (headers: Headers): string | undefined => {
  for (const name of requestIdHeaders) {
    const value = headers.get(name)
    if (value !== null) return value
  }
  return undefined
}

/** The start of a vendor answer, for an error; credential-named JSON members are masked first. */
const excerpt = (answer: string): string => {
  // Masking runs on a bounded prefix; a member it cuts in two is masked as far as it goes.
  const text = maskSecretMembers(answer.length > 4096 ? answer.slice(0, 4096) : answer)
  return text.length > 200 || answer.length > 4096 ? `${text.slice(0, 200)}…` : text
}

/** What decoding needs from the client's configuration. */
export interface DecodeConfig {
  readonly provider: string
  readonly redact: Redactor
  readonly classify?: ((info: ResponseInfo) => VideoErrorReason | undefined) | undefined
  readonly requestId?: ((info: ResponseInfo) => string | undefined) | undefined
}

/** Makes the decoder of one client: classifies and decodes one answer, or fails the call. */
export const makeDecode = (config: DecodeConfig) => {
  const { redact } = config
  const fail = (spec: RequestSpec<unknown>, failure: Failure) => failCall(config.provider, spec, failure)
  // A header is vendor text like the body: a proxy echoing the key there must not leak it.
  const redactedId = (id: string | undefined) => (id === undefined ? undefined : redact.text(id))

  return <A>(
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
    // A 2xx answer we cannot read still took effect: reconciliation looks for what it made.
    const delivery = response.ok ? ("accepted" as const) : undefined
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
          delivery,
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
          delivery,
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
}
