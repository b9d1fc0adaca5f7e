import type { VideoError } from "@vidbridge/core"
import { invalidInput } from "@vidbridge/core/adapter"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { mintToken, TOKEN_PARAM } from "./callbackToken.js"
import { PROVIDER_ID } from "./mapping.js"

/** Creatify's documented maximum length of `webhook_url`. */
export const WEBHOOK_URL_MAX = 200

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
