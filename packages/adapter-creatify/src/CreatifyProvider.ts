import { type Capabilities, CatalogOperations, type VideoProviderShape } from "@vidbridge/core"
import { defineProvider } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { makeCreatifyClient } from "./CreatifyClient.js"
import { PROVIDER_ID } from "./internal/mapping.js"
import { BATCH_LIMIT, makeCreatifyOperations } from "./internal/operations/index.js"
import { AVATAR_VIDEOS } from "./internal/requests/avatars.js"
import { CreatifySettings, creatifyEnv } from "./settings.js"

/**
 * What the Creatify adapter can do: the whole URL-to-video flow (product from a URL or from
 * data, scripts, previews, render one preview), custom templates (render directly, or preview
 * and render the preview), avatar videos (AI Avatar v2 from an avatar, a voice and a script;
 * Aurora from an image and an audio file), its catalogs (avatars, voices, music, custom templates,
 * the known visual styles) and credit balance, batch status reads of up to 100 jobs,
 * token-verified webhooks confirmed with a read, credit reports/estimates, and finding a paid
 * request whose answer was lost (`findSubmission`). That lookup is `heuristic`: previews, renders
 * and avatar videos carry the key in their name, but links and script jobs keep no field for it
 * (matched by what was sent) and custom template jobs are not listed at all, so core never resends
 * (`resend: false`). Creatify documents no cancel.
 */
export const creatifyCapabilities: Capabilities = {
  operations: [
    "createProduct",
    "updateProduct",
    "generateScripts",
    "generatePreviews",
    "renderPreview",
    "render",
    "getStatus",
    "listJobs",
    "parseWebhook",
    "findSubmission",
    ...CatalogOperations,
    "getCreditBalance",
  ],
  aspectRatios: ["9:16", "16:9", "1:1"],
  durations: [15, 30, 60],
  productFromUrl: true,
  productFromParams: true,
  templates: true,
  avatarVideos: AVATAR_VIDEOS,
  webhooks: "token",
  batchStatusLimit: BATCH_LIMIT,
  credits: { reported: true, estimate: true },
  submissions: { lookup: "heuristic", resend: false },
}

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
  id: PROVIDER_ID,
  displayName: "Creatify",
  capabilities: creatifyCapabilities,
  settings: CreatifySettings,
  env: creatifyEnv,
  make: makeCreatifyProvider,
})
