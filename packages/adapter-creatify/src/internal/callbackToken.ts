import { hmacSha256Hex, timingSafeEqual } from "@vidbridge/core/adapter"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"

// Creatify signs nothing, so every callback URL carries a token of its own:
//
//   vb_token=<nonce>.<expiry>.<mac>
//
// nonce   12 random bytes, fresh for each request that sends a webhook_url (16 base64url chars)
// expiry  Unix seconds after which the URL is refused, base 36 (6 chars until 2059)
// mac     the first 16 bytes of HMAC-SHA256(webhookSecret, "vidbridge-creatify-callback:<nonce>.<expiry>"),
//         base64url (22 chars)
//
// 46 characters with the dots: a token proves vidbridge made the URL and when it stops being valid,
// nothing about a job, so what a delivery says is always read back from Creatify (webhook.ts).

/** The query parameter carrying the callback token. */
export const TOKEN_PARAM = "vb_token"

/** How long a callback URL is accepted unless `webhookTokenTtl` says otherwise. */
export const DEFAULT_TOKEN_TTL: Duration.Duration = Duration.days(14)

/** The longest `webhookTokenTtl` accepted. */
export const MAX_TOKEN_TTL: Duration.Duration = Duration.days(366)

const LABEL = "vidbridge-creatify-callback:"
const NONCE_BYTES = 12
const MAC_BYTES = 16
const SHAPE = /^([A-Za-z0-9_-]{16})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{22})$/

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "")

const fromHex = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16))

const macOf = (secret: Redacted.Redacted<string> | string, signed: string): Effect.Effect<string> =>
  Effect.map(hmacSha256Hex(secret, LABEL + signed), (hex) => base64url(fromHex(hex.slice(0, MAC_BYTES * 2))))

/** A new token, valid from now (Effect's `Clock`) for `ttl`. */
export const mintToken = (
  secret: Redacted.Redacted<string> | string,
  ttl: Duration.Duration,
): Effect.Effect<string> =>
  Effect.gen(function* () {
    const nonce = yield* Effect.sync(() => base64url(crypto.getRandomValues(new Uint8Array(NONCE_BYTES))))
    const now = yield* Clock.currentTimeMillis
    const expiry = Math.ceil((now + Duration.toMillis(ttl)) / 1000).toString(36)
    const signed = `${nonce}.${expiry}`
    return `${signed}.${yield* macOf(secret, signed)}`
  })

/** What {@link checkToken} found. */
export type TokenCheck =
  | { readonly _tag: "valid" }
  | { readonly _tag: "invalid" }
  | { readonly _tag: "expired"; readonly expiredAt: number }

/**
 * Checks a token from a callback URL: its MAC (constant time), then its expiry against Effect's
 * `Clock`. A token of another shape (the static one of earlier versions, say) is `invalid`.
 */
export const checkToken = (
  secret: Redacted.Redacted<string> | string,
  token: string | undefined,
): Effect.Effect<TokenCheck> =>
  Effect.gen(function* () {
    const match = token === undefined ? null : SHAPE.exec(token)
    if (match === null) return { _tag: "invalid" } as const
    const [, nonce, expiry, mac] = match
    if (!timingSafeEqual(yield* macOf(secret, `${nonce}.${expiry}`), mac!))
      return { _tag: "invalid" } as const
    const expiredAt = Number.parseInt(expiry!, 36) * 1000
    return (yield* Clock.currentTimeMillis) >= expiredAt
      ? ({ _tag: "expired", expiredAt } as const)
      : ({ _tag: "valid" } as const)
  })

// The parameter written as is, URL-encoded, or with a JSON `\u003d`; the value runs to the next
// separator a URL, JSON or HTML could put after it.
const TOKEN_IN_TEXT = /(vb_token(?:=|%3D|\\u003d))[^&#"'\s\\<>]+/gi

/** Replaces the value of every callback token in `text` with `[REDACTED]`. */
export const maskTokens = (text: string): string =>
  /vb_token/i.test(text) ? text.replace(TOKEN_IN_TEXT, "$1[REDACTED]") : text

/**
 * `fetch` whose answers come back with every callback token masked. Creatify keeps the
 * `webhook_url` it was given on the job and sends it back in every read, so without this the
 * tokens would reach `raw`, error excerpts and anything an app logs.
 */
export const maskingFetch =
  (inner: typeof globalThis.fetch | undefined): typeof globalThis.fetch =>
  (input, init) =>
    // Resolved per call: test tools such as msw replace the global fetch after clients are built.
    (inner ?? globalThis.fetch)(input, init).then((response) =>
      response.text().then((text) => {
        const headers = new Headers(response.headers)
        headers.delete("content-length")
        headers.delete("content-encoding")
        return new Response(text === "" ? null : maskTokens(text), {
          status: response.status,
          statusText: response.statusText,
          headers,
        })
      }),
    )
