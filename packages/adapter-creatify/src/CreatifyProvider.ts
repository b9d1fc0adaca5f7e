import type { VideoProviderShape } from "@vidbridge/core"
import { defineProvider } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { makeCreatifyClient } from "./CreatifyClient.js"
import { makeCreatifyOperations } from "./internal/operations/index.js"
import { CreatifySettings } from "./settings.js"
import { creatifyCapabilities, creatifySummary, PROVIDER_ID } from "./summary.js"

export { creatifyCapabilities } from "./summary.js"

/** Builds the provider from checked settings: the client and the port's operations over it; no request is made. */
export const makeCreatifyProvider = (settings: CreatifySettings): Effect.Effect<VideoProviderShape, never> =>
  Effect.sync(() => ({
    id: PROVIDER_ID,
    capabilities: creatifyCapabilities,
    ...makeCreatifyOperations(makeCreatifyClient(settings), settings),
  }))

/**
 * The Creatify provider: call it with your credentials to configure it.
 *
 * `apiId` and `apiKey` come from Creatify's API dashboard (sent as `X-API-ID` / `X-API-KEY`).
 * `webhookSecret` is needed only to use `webhookUrl`: Creatify does not sign callbacks, so each
 * callback URL gets a token of its own made with it (a nonce and an expiry under an HMAC), checked
 * by `parseWebhook`, which then reads the job back from Creatify before reporting it.
 * `webhookTokenTtl` (default 14 days) is how long such a URL is accepted. The provider remembers
 * the last {@link REMEMBERED_PRODUCTS} products it made or updated, for `generateScripts` with a
 * bare ref.
 *
 * @example
 * ```ts
 * import { createVideoClient } from "@vidbridge/core"
 * import { creatify } from "@vidbridge/adapter-creatify"
 *
 * const client = createVideoClient({ provider: creatify({ apiId, apiKey }) })
 * const product = await client.createProduct({ url: "https://shop.example/p/1" })
 * ```
 */
export const creatify = defineProvider({
  ...creatifySummary,
  settings: CreatifySettings,
  make: makeCreatifyProvider,
})
