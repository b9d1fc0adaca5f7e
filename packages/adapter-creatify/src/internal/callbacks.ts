import type { VideoError } from "@vidbridge/core"
import { hmacSha256Hex, invalidInput, timingSafeEqual } from "@vidbridge/core/adapter"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { PROVIDER_ID } from "./mapping.js"

// Creatify's callbacks: the URL we give (minted when a request is built). Creatify signs nothing,
// so every callback URL carries a token of its own:
//
//   vb_token=<nonce>.<expiry>.<mac>
//
// nonce   12 random bytes, fresh for each request that sends a webhook_url (16 base64url chars)
// expiry  Unix seconds after which the URL is refused, base 36 (6 chars until 2059)
// mac     the first 16 bytes of HMAC-SHA256(webhookSecret,
//         "vidbridge-creatify-callback:<nonce>.<expiry>[.<kind>]"), base64url (22 chars)
//
// 46 characters with the dots: a token proves vidbridge made the URL and when it stops being valid,
// nothing about a job, so what a delivery says is always read back from Creatify. A job other than
// link-to-video also gets `vb_kind=<kind>` (under the MAC): Creatify's bodies do not say which
// resource an id belongs to (`{id, status, failed_reason, output}` is a template render as much as
// an AI Avatar video), so the URL does.

/** The query parameter carrying the callback token. */
export const TOKEN_PARAM = "vb_token"

/** The query parameter naming the kind of job a callback URL reports on (absent: link-to-video, or a template job by its body). */
export const KIND_PARAM = "vb_kind"

/** The job kinds a callback URL names: custom template jobs, AI Avatar v2 and Aurora jobs. */
export const CALLBACK_KINDS = ["tpl", "lipsync_v2", "aurora"] as const

/** One of {@link CALLBACK_KINDS}. */
export type CallbackKind = (typeof CALLBACK_KINDS)[number]

/** Creatify's documented maximum length of `webhook_url`. */
const WEBHOOK_URL_MAX = 200

const LABEL = "vidbridge-creatify-callback:"
const NONCE_BYTES = 12
const MAC_BYTES = 16
const SHAPE = /^([A-Za-z0-9_-]{16})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{22})$/

type Secret = Redacted.Redacted<string> | string

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "")

const fromHex = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16))

const macOf = (secret: Secret, signed: string, kind: string | undefined): Effect.Effect<string> =>
  Effect.map(hmacSha256Hex(secret, LABEL + signed + (kind === undefined ? "" : `.${kind}`)), (hex) =>
    base64url(fromHex(hex.slice(0, MAC_BYTES * 2))),
  )

/** A new token for a URL naming `kind`, valid from now (Effect's `Clock`) for `ttl`. */
const mintToken = (secret: Secret, ttl: Duration.Duration, kind: string | undefined): Effect.Effect<string> =>
  Effect.gen(function* () {
    const nonce = yield* Effect.sync(() => base64url(crypto.getRandomValues(new Uint8Array(NONCE_BYTES))))
    const now = yield* Clock.currentTimeMillis
    const expiry = Math.ceil((now + Duration.toMillis(ttl)) / 1000).toString(36)
    const signed = `${nonce}.${expiry}`
    return `${signed}.${yield* macOf(secret, signed, kind)}`
  })

/** What a token check found. */
export type TokenCheck =
  | { readonly _tag: "valid" }
  | { readonly _tag: "invalid" }
  | { readonly _tag: "expired"; readonly expiredAt: number }

/**
 * Checks a token from a callback URL naming `kind`: its MAC (constant time), then its expiry
 * against Effect's `Clock`. A token of another shape (the static one of earlier versions, say), or
 * a kind the token was not made for, is `invalid`.
 */
export const checkToken = (
  secret: Secret,
  token: string | undefined,
  kind: string | undefined,
): Effect.Effect<TokenCheck> =>
  Effect.gen(function* () {
    const match = token === undefined ? null : SHAPE.exec(token)
    if (match === null) return { _tag: "invalid" } as const
    const [, nonce, expiry, mac] = match
    if (!timingSafeEqual(yield* macOf(secret, `${nonce}.${expiry}`, kind), mac!))
      return { _tag: "invalid" } as const
    const expiredAt = Number.parseInt(expiry!, 36) * 1000
    return (yield* Clock.currentTimeMillis) >= expiredAt
      ? ({ _tag: "expired", expiredAt } as const)
      : ({ _tag: "valid" } as const)
  })

/**
 * The `webhook_url` to send: the app's URL plus `vb_kind=<kind>` (when given) and
 * `vb_token=<token>`, a token minted for this request that expires after `ttl`. Fails before any
 * request when no `webhookSecret` is configured or the result is longer than Creatify accepts.
 */
export const signedWebhookUrl = (
  url: string | undefined,
  secret: Redacted.Redacted<string> | undefined,
  ttl: Duration.Duration,
  operation: string,
  kind?: CallbackKind,
): Effect.Effect<string | undefined, VideoError> => {
  if (url === undefined) return Effect.succeed(undefined)
  if (secret === undefined) {
    return Effect.fail(
      invalidInput(PROVIDER_ID, operation, [
        {
          path: "webhookSecret",
          message:
            "is required to use webhookUrl: Creatify does not sign callbacks, so vidbridge adds a token made with webhookSecret to the URL (set CREATIFY_WEBHOOK_SECRET)",
        },
      ]),
    )
  }
  return Effect.flatMap(mintToken(secret, ttl, kind), (token) => {
    const withToken = new URL(url)
    if (kind !== undefined) withToken.searchParams.set(KIND_PARAM, kind)
    withToken.searchParams.set(TOKEN_PARAM, token)
    const text = withToken.toString()
    if (text.length <= WEBHOOK_URL_MAX) return Effect.succeed(text)
    return Effect.fail(
      invalidInput(PROVIDER_ID, operation, [
        {
          path: "webhookUrl",
          message: `is ${text.length} characters with the ${kind === undefined ? "" : `${KIND_PARAM} and `}${TOKEN_PARAM} parameters vidbridge adds; Creatify accepts at most ${WEBHOOK_URL_MAX} (use a URL of at most ${WEBHOOK_URL_MAX - (text.length - url.length)} characters)`,
        },
      ]),
    )
  })
}

/**
 * The app's URL in a callback URL Creatify echoes (its token masked): without `vb_token` and
 * `vb_kind`, and whether it had a token (vidbridge made it, so it is signed again when re-sent).
 */
export const appCallbackUrl = (url: string): { readonly url: string; readonly signed: boolean } => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { url, signed: false }
  }
  const signed = parsed.searchParams.has(TOKEN_PARAM)
  parsed.searchParams.delete(TOKEN_PARAM)
  parsed.searchParams.delete(KIND_PARAM)
  return { url: parsed.toString(), signed }
}

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
