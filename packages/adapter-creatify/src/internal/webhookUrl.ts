import { invalidInput, type VideoError } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import { PROVIDER_ID } from "./mapping.js"

/** The query parameter carrying the callback token. */
export const TOKEN_PARAM = "vb_token"

/** Creatify's documented maximum length of `webhook_url`. */
export const WEBHOOK_URL_MAX = 200

/**
 * The `webhook_url` to send: the app's URL plus `vb_token=<token>`. Fails before any request
 * when no `webhookSecret` is configured or the result is longer than Creatify accepts.
 */
export const signedWebhookUrl = (
  url: string | undefined,
  token: string | undefined,
  operation: string,
): Effect.Effect<string | undefined, VideoError> => {
  if (url === undefined) return Effect.succeed(undefined)
  if (token === undefined) {
    return Effect.fail(
      invalidInput(PROVIDER_ID, operation, [
        {
          path: "webhookSecret",
          message:
            "is required to use webhookUrl: Creatify does not sign callbacks, so vidbridge adds a token derived from webhookSecret to the URL (set CREATIFY_WEBHOOK_SECRET)",
        },
      ]),
    )
  }
  const withToken = new URL(url)
  withToken.searchParams.set(TOKEN_PARAM, token)
  const text = withToken.toString()
  if (text.length > WEBHOOK_URL_MAX) {
    return Effect.fail(
      invalidInput(PROVIDER_ID, operation, [
        {
          path: "webhookUrl",
          message: `is ${text.length} characters with the ${TOKEN_PARAM} parameter vidbridge adds; Creatify accepts at most ${WEBHOOK_URL_MAX} (use a URL of at most ${WEBHOOK_URL_MAX - (text.length - url.length)} characters)`,
        },
      ]),
    )
  }
  return Effect.succeed(text)
}
