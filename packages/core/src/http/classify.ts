import * as Duration from "effect/Duration"
import {
  AuthenticationFailed,
  InsufficientCredits,
  NotFound,
  RateLimited,
  Timeout,
  VendorRejected,
  VendorUnavailable,
  type VideoErrorReason,
} from "../VideoError.js"

/** A vendor answer, as the error classifiers see it (already redacted). */
export interface ResponseInfo {
  /** The operation that made the call (`createProduct`, `render`, ...). */
  readonly operation: string
  /** The request path, as given to `request`. */
  readonly path: string
  readonly status: number
  readonly headers: Headers
  /** The parsed JSON body, or `undefined` when the body was empty or not JSON. */
  readonly json: unknown
  /** The body text (redacted). */
  readonly text: string
  /** The `Retry-After` header, parsed. */
  readonly retryAfter?: Duration.Duration | undefined
}

const collectStrings = (value: unknown, out: string[], depth = 0): void => {
  if (depth > 3 || out.length >= 10) return
  if (typeof value === "string") {
    if (value.trim() !== "") out.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, out, depth + 1)
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>
    for (const key of ["detail", "message", "msg", "error", "errors", "non_field_errors"]) {
      if (key in record) collectStrings(record[key], out, depth + 1)
    }
    if (out.length === 0) {
      for (const [key, inner] of Object.entries(record)) {
        const before = out.length
        collectStrings(inner, out, depth + 1)
        for (let i = before; i < out.length; i++) out[i] = `${key}: ${out[i]}`
      }
    }
  }
}

const TAG = /<[a-z!/?][^>]*>/i
// Scripts and styles with their content, comments, then any tag left.
const MARKUP = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)|<[^>]*>?/gi

/**
 * A short excerpt of a body that is not JSON, for a message: an HTML error page (a proxy's
 * 502, a CDN's challenge page) loses its scripts, styles, comments and tags, then everything
 * is cut to 200 characters. The text given is already redacted.
 */
export const textExcerpt = (text: string): string => {
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text
  const plain = (TAG.test(head) ? head.replace(MARKUP, " ").replaceAll("&amp;", "&") : head)
    .replace(/\s+/g, " ")
    .trim()
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain
}

/**
 * The vendor's own messages from an error body: a bare array of strings (Django REST), or
 * `detail` / `message` / `msg` / `error` fields, or `{field: [messages]}`. Falls back to a
 * short excerpt of the text ({@link textExcerpt}: an HTML page is reduced to its words).
 */
export const vendorMessages = (info: Pick<ResponseInfo, "json" | "text">): ReadonlyArray<string> => {
  const out: string[] = []
  collectStrings(info.json, out)
  if (out.length === 0) {
    const excerpt = textExcerpt(info.text)
    if (excerpt !== "") out.push(excerpt)
  }
  return out
}

const said = (messages: ReadonlyArray<string>): string =>
  messages.length > 0 ? `: ${messages.join("; ")}` : ""

/**
 * The error reason an HTTP status means when the vendor's body says nothing more specific.
 * Adapters call their own classifier first and fall back to this one.
 */
export const classifyStatus = (info: ResponseInfo): VideoErrorReason => {
  const messages = vendorMessages(info)
  const { status } = info
  if (status === 401 || status === 403) {
    return new AuthenticationFailed({ message: `the vendor refused the credentials${said(messages)}` })
  }
  if (status === 402) return new InsufficientCredits({ message: `not enough credits${said(messages)}` })
  if (status === 404) return new NotFound({ message: `not found${said(messages)}` })
  if (status === 408)
    return new Timeout({ message: `the vendor timed out${said(messages)}`, after: Duration.zero })
  if (status === 429) {
    return new RateLimited({
      message: `rate limited by the vendor${said(messages)}`,
      retryAfter: info.retryAfter,
    })
  }
  if (status >= 500) {
    return new VendorUnavailable({
      message: `the vendor failed${said(messages)}; the request may have reached the vendor`,
      delivery: "ambiguous",
    })
  }
  return new VendorRejected({
    message: `the vendor rejected the request${said(messages)}`,
    vendorMessages: messages,
  })
}
