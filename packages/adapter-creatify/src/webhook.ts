import {
  AuthenticationFailed,
  JobRef,
  VideoError,
  type VideoJob,
  type VideoJobEvent,
  type WebhookRequest,
} from "@vidbridge/core"
import { hmacSha256Hex, invalidInput, parseCallbackBody, timingSafeEqual } from "@vidbridge/core/adapter"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type { CreatifyClientShape } from "./CreatifyClient.js"
import { Kind, linkToVideoJob, PROVIDER_ID, renderJob } from "./internal/mapping.js"
import { type LinkToVideo, WebhookPayload } from "./internal/wire.js"

// Creatify's callbacks: the URL we give (minted when a request is built) and what comes back.
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
// nothing about a job, so what a delivery says is always read back from Creatify.

/** The query parameter carrying the callback token. */
const TOKEN_PARAM = "vb_token"

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

const macOf = (secret: Secret, signed: string): Effect.Effect<string> =>
  Effect.map(hmacSha256Hex(secret, LABEL + signed), (hex) => base64url(fromHex(hex.slice(0, MAC_BYTES * 2))))

/** A new token, valid from now (Effect's `Clock`) for `ttl`. */
const mintToken = (secret: Secret, ttl: Duration.Duration): Effect.Effect<string> =>
  Effect.gen(function* () {
    const nonce = yield* Effect.sync(() => base64url(crypto.getRandomValues(new Uint8Array(NONCE_BYTES))))
    const now = yield* Clock.currentTimeMillis
    const expiry = Math.ceil((now + Duration.toMillis(ttl)) / 1000).toString(36)
    const signed = `${nonce}.${expiry}`
    return `${signed}.${yield* macOf(secret, signed)}`
  })

type TokenCheck =
  | { readonly _tag: "valid" }
  | { readonly _tag: "invalid" }
  | { readonly _tag: "expired"; readonly expiredAt: number }

/**
 * Checks a token from a callback URL: its MAC (constant time), then its expiry against Effect's
 * `Clock`. A token of another shape (the static one of earlier versions, say) is `invalid`.
 */
const checkToken = (secret: Secret, token: string | undefined): Effect.Effect<TokenCheck> =>
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

/**
 * The `webhook_url` to send: the app's URL plus `vb_token=<token>`, a token minted for this
 * request that expires after `ttl`. Fails before any request when no `webhookSecret` is configured
 * or the result is longer than Creatify accepts.
 */
export const signedWebhookUrl = (
  url: string | undefined,
  secret: Redacted.Redacted<string> | undefined,
  ttl: Duration.Duration,
  operation: string,
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
  return Effect.flatMap(mintToken(secret, ttl), (token) => {
    const withToken = new URL(url)
    withToken.searchParams.set(TOKEN_PARAM, token)
    const text = withToken.toString()
    if (text.length <= WEBHOOK_URL_MAX) return Effect.succeed(text)
    return Effect.fail(
      invalidInput(PROVIDER_ID, operation, [
        {
          path: "webhookUrl",
          message: `is ${text.length} characters with the ${TOKEN_PARAM} parameter vidbridge adds; Creatify accepts at most ${WEBHOOK_URL_MAX} (use a URL of at most ${WEBHOOK_URL_MAX - (text.length - url.length)} characters)`,
        },
      ]),
    )
  })
}

// The parameter written as is, URL-encoded, or with a JSON `\u003d`; the value runs to the next
// separator a URL, JSON or HTML could put after it.
const TOKEN_IN_TEXT = /(vb_token(?:=|%3D|\\u003d))[^&#"'\s\\<>]+/gi

/** Replaces the value of every callback token in `text` with `[REDACTED]`. */
const maskTokens = (text: string): string =>
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

/** What {@link parseCreatifyWebhook} needs. */
export interface CreatifyWebhookOptions {
  /** The `webhookSecret` the callback URLs were made with (`CREATIFY_WEBHOOK_SECRET`). */
  readonly secret: Secret | undefined
  /** The client each delivery is confirmed with: the job is read back from Creatify. */
  readonly client: CreatifyClientShape
}

const refused = (message: string) =>
  Effect.fail(
    new VideoError({
      provider: PROVIDER_ID,
      operation: "parseWebhook",
      reason: new AuthenticationFailed({ message }),
    }),
  )

const tokenOf = (url: string): string | undefined => {
  try {
    return new URL(url, "http://localhost").searchParams.get(TOKEN_PARAM) ?? undefined
  } catch {
    return undefined
  }
}

/** Statuses only a render has. */
const RENDERING: ReadonlySet<string> = new Set(["in_queue", "running", "processing", "done"])

/**
 * The stage of a link-to-video callback. The read decides where it can: a render was asked for
 * (`media_job` set, or a status only renders have), or previews wait for a choice. Otherwise
 * (a job that failed, or is queued without previews) the callback's shape: a preview list has
 * `previews`.
 */
const stageOf = (payload: WebhookPayload, read: LinkToVideo): "render" | undefined => {
  if (read.media_job || RENDERING.has(read.status)) return "render"
  if (read.status === "pending" && (read.previews?.length ?? 0) > 0) return undefined
  return "previews" in payload ? undefined : "render"
}

const event = (job: VideoJob): VideoJobEvent => ({
  provider: PROVIDER_ID,
  type: job.vendorStatus,
  job,
  confirmed: true,
})

/**
 * Verifies a Creatify callback, then reports the job as Creatify's API describes it.
 *
 * Creatify signs nothing, so every `webhook_url` the adapter sends carries its own
 * `vb_token=<nonce>.<expiry>.<mac>`: a fresh nonce and an expiry, authenticated with an HMAC
 * keyed by `webhookSecret`. A missing, altered or expired token, or no `webhookSecret`, fails
 * with `AuthenticationFailed` (core's handler answers 401). A token says only that vidbridge made
 * the URL, not what happened, so the body is never reported as is: its `id` is read back from
 * Creatify (`GET /api/link_to_videos/{id}/`, or `/api/custom_template_jobs/{id}/` for a body with
 * `output`) and the event is built from that answer, with `confirmed: true`. When the read fails
 * (`NotFound`, `VendorUnavailable`, ...) the delivery fails with that reason, so core's handler
 * answers non-2xx and Creatify can deliver again.
 *
 * Refs: a template job (a body with `output`) is `creatify:custom_template_job:<id>`. A
 * link-to-video job is `creatify:link_to_video:<id>?stage=render` when the read shows a render
 * asked for (`media_job`, or `in_queue` / `running` / `done`), `creatify:link_to_video:<id>` when
 * it shows previews waiting for a choice; otherwise the body's shape decides (a preview list has
 * `previews`). Creatify may send several callbacks per job.
 *
 * @example
 * ```ts
 * const client = makeCreatifyClient({ apiId, apiKey })
 * const event = yield* parseCreatifyWebhook({ method: "POST", url, headers, body }, { secret, client })
 * if (event.job.status === "awaiting_selection") console.log(event.job.previews)
 * ```
 */
export const parseCreatifyWebhook = (
  request: WebhookRequest,
  options: CreatifyWebhookOptions,
): Effect.Effect<VideoJobEvent, VideoError> =>
  Effect.gen(function* () {
    if (options.secret === undefined) {
      return yield* refused(
        "no webhookSecret is configured, so the callback cannot be verified; set webhookSecret (CREATIFY_WEBHOOK_SECRET) to the value used when the job was created",
      )
    }
    const check = yield* checkToken(options.secret, tokenOf(request.url))
    if (check._tag === "invalid") {
      return yield* refused(
        `the callback URL's ${TOKEN_PARAM} parameter is missing or wrong; check webhookSecret`,
      )
    }
    if (check._tag === "expired") {
      return yield* refused(
        `the callback URL's ${TOKEN_PARAM} expired at ${new Date(check.expiredAt).toISOString()}; callbacks are accepted for webhookTokenTtl (default 14 days) after the request: read the job with getStatus`,
      )
    }
    const payload = yield* parseCallbackBody(request, WebhookPayload, {
      provider: PROVIDER_ID,
      expected: "a Creatify job payload",
      redact: (text) => maskTokens(options.client.redact.text(text)),
    })
    const { client } = options
    if ("output" in payload) {
      const body = yield* client.getCustomTemplateJob(payload.id, "parseWebhook")
      return event(renderJob(body, Kind.customTemplateJob))
    }
    const body = yield* client.getLinkToVideo(payload.id, "parseWebhook")
    const ref = JobRef.make(PROVIDER_ID, Kind.linkToVideo, payload.id, { stage: stageOf(payload, body) })
    return event(linkToVideoJob(body, ref))
  })
