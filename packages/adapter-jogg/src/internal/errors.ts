import {
  AuthenticationFailed,
  InsufficientCredits,
  NotFound,
  RateLimited,
  VendorRejected,
  VendorUnavailable,
  type VideoErrorReason,
} from "@vidbridge/core"
import type { ResponseInfo } from "@vidbridge/core/adapter"
import * as Duration from "effect/Duration"

const record = (json: unknown): Record<string, unknown> | undefined =>
  json !== null && typeof json === "object" && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : undefined

const envelopeCode = (json: unknown): number | undefined => {
  const code = record(json)?.code
  if (typeof code === "number") return code
  if (typeof code === "string" && /^\d+$/.test(code)) return Number(code)
  return undefined
}

const retryAfterOf = (info: ResponseInfo): Duration.Duration | undefined => {
  const body = record(info.json)
  const seconds = body?.retryAfter ?? record(body?.data)?.retryAfter
  return typeof seconds === "number" && seconds >= 0 ? Duration.seconds(seconds) : info.retryAfter
}

/**
 * JoggAI's envelope codes, whether they come with HTTP 200 or a real status. Returns
 * `undefined` for `code: 0` (or no envelope), so core falls back to the HTTP status.
 */
export const classify = (info: ResponseInfo): VideoErrorReason | undefined => {
  const code = envelopeCode(info.json)
  if (code === undefined || code === 0) return undefined
  const msg = record(info.json)?.msg
  const text = typeof msg === "string" && msg.trim() !== "" ? msg.trim() : `error code ${code}`
  const said = `JoggAI answered code ${code}: ${text}`
  switch (code) {
    case 10104:
      return new NotFound({ message: `${said}; check the id` })
    case 10105:
      return new AuthenticationFailed({ message: `${said}; check JOGG_API_KEY` })
    case 18020:
      return new InsufficientCredits({ message: `${said}; top up credits at app.jogg.ai` })
    case 18025:
      return new AuthenticationFailed({ message: `${said}; the plan has no API access` })
    case 429:
      return new RateLimited({ message: said, retryAfter: retryAfterOf(info) })
    case 50000:
      return new VendorUnavailable({ message: said, delivery: "ambiguous" })
    default:
      if (info.status >= 500) return new VendorUnavailable({ message: said, delivery: "ambiguous" })
      return new VendorRejected({
        message: said,
        vendorMessages: [text],
        hint: /extract product information/i.test(text)
          ? "the page could not be scraped; create the product from your own data (title, description, imageUrls)"
          : undefined,
      })
  }
}

/** The `rid` JoggAI puts in its envelope, as the vendor request id. */
export const requestId = (info: ResponseInfo): string | undefined => {
  const rid = record(info.json)?.rid
  return typeof rid === "string" && rid !== "" ? rid : undefined
}
