import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { WebhookRequest } from "../VideoProvider.js"

const encoder = new TextEncoder()

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("")

/**
 * Compares two strings in time that depends only on their lengths, so a forged token or
 * signature cannot be guessed byte by byte.
 */
export const timingSafeEqual = (a: string, b: string): boolean => {
  const left = encoder.encode(a)
  const right = encoder.encode(b)
  let diff = left.length ^ right.length
  const length = Math.max(left.length, right.length)
  for (let i = 0; i < length; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0)
  return diff === 0
}

/**
 * Hex HMAC-SHA256 of `message` keyed with `secret` (Web Crypto: Node, Deno, Bun, workers).
 * Text is signed as its UTF-8 bytes; pass the bytes themselves to sign a body exactly as received.
 */
export const hmacSha256Hex = (
  secret: Redacted.Redacted<string> | string,
  message: string | Uint8Array,
): Effect.Effect<string> =>
  Effect.promise(async () => {
    const key = await crypto.subtle.importKey(
      "raw",
      encoder.encode(Redacted.isRedacted(secret) ? Redacted.value(secret) : secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    )
    const bytes = typeof message === "string" ? encoder.encode(message) : new Uint8Array(message)
    return toHex(await crypto.subtle.sign("HMAC", key, bytes))
  })

/**
 * Checks a hex HMAC-SHA256 signature of the raw body, in constant time. Accepts an optional
 * `sha256=` prefix and either case. Give the body's bytes as received (`WebhookRequest.rawBody`,
 * or {@link webhookBytes}): a body that is not UTF-8 changes when decoded and encoded again.
 */
export const verifyHmacSha256Hex = (
  secret: Redacted.Redacted<string> | string,
  body: string | Uint8Array,
  signature: string | undefined,
): Effect.Effect<boolean> =>
  signature === undefined
    ? Effect.succeed(false)
    : Effect.map(hmacSha256Hex(secret, body), (expected) =>
        timingSafeEqual(
          expected,
          signature
            .trim()
            .replace(/^sha256=/i, "")
            .toLowerCase(),
        ),
      )

/**
 * A token for vendors that do not sign callbacks: derived from your webhook secret and a
 * label, so the secret itself never travels in a URL. Put it in the callback URL; check it
 * with {@link timingSafeEqual}.
 */
export const deriveWebhookToken = (
  secret: Redacted.Redacted<string> | string,
  label: string,
): Effect.Effect<string> =>
  Effect.map(hmacSha256Hex(secret, `vidbridge-webhook:${label}`), (hex) => hex.slice(0, 32))

/**
 * The bytes a signature of `request` covers: `rawBody` as received, or (for a request built by
 * hand without it) the UTF-8 encoding of `body`.
 */
export const webhookBytes = (request: WebhookRequest): Uint8Array =>
  request.rawBody ?? encoder.encode(request.body)

/** Reads a header case-insensitively from a plain record. */
export const headerOf = (headers: Readonly<Record<string, string>>, name: string): string | undefined => {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return undefined
}
