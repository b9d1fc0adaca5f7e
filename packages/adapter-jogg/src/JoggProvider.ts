import { type Capabilities, CatalogOperations, type VideoProviderShape } from "@vidbridge/core"
import { deferOperations, defineProvider } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { estimateCredits } from "./internal/credits.js"
import { PROVIDER_ID } from "./internal/mapping/refs.js"
import { durations } from "./internal/mapping/v2.js"
import { joggPolling } from "./internal/operations/scan.js"
import { type Operations, v2Operations } from "./internal/operations/v2.js"
import { JOGG_AVATAR_VIDEOS } from "./internal/requests/videos.js"
import { makeJoggClient } from "./JoggClient.js"
import { JoggSettings, joggEnv } from "./settings.js"
import { parseJoggWebhook } from "./webhook.js"

// A lost paid request is looked up in JoggAI's lists (v2) or its project (open), but JoggAI does not
// document that it echoes the name the key travels in: a heuristic, so never resent. Avatar videos
// and AI scripts are in no list: their lookup fails, saying so. No cancel.
const submissions = { lookup: "heuristic", resend: false } as const

/**
 * What JoggAI's v2 API can do (the default `apiVersion`): products, AI scripts, previews, product,
 * template and avatar videos (`avatar+script`, `avatar+audio`), the catalogs and the balance.
 * Many product videos are tracked by paging `GET /v2/product_videos` (100 a page, newest first). With
 * `apiVersion: "open"` the built provider's `capabilities` differ: see {@link joggOpenCapabilities}.
 */
export const joggCapabilities: Capabilities = {
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
  durations,
  productFromUrl: true,
  productFromParams: true,
  templates: true,
  avatarVideos: JOGG_AVATAR_VIDEOS,
  webhooks: "signature",
  // No ids filter: product videos are read from `GET /v2/product_videos`, 100 a page.
  batchStatusLimit: 100,
  credits: { reported: true, estimate: true },
  submissions,
}

/**
 * What the older `open` API can do: products from a URL only, one render per product
 * project (AI templates by name), no previews, no job list, no credit report, no catalogs.
 * `generatePreviews`, `renderPreview` and `listJobs` fail with `UnsupportedOperation`.
 */
export const joggOpenCapabilities: Capabilities = {
  operations: ["createProduct", "updateProduct", "render", "getStatus", "parseWebhook", "findSubmission"],
  aspectRatios: ["9:16", "16:9", "1:1"],
  durations: undefined,
  productFromUrl: true,
  productFromParams: false,
  templates: true,
  webhooks: "signature",
  batchStatusLimit: 1,
  credits: { reported: false, estimate: true },
  submissions,
}

const catalogNames = [...CatalogOperations, "getCreditBalance"] as const
const openNames = [
  "createProduct",
  "updateProduct",
  "generatePreviews",
  "renderPreview",
  "render",
  "getStatus",
  "listJobs",
  "findSubmission",
] as const

/** Builds the JoggAI provider from checked settings (no request is made). */
export const makeJoggProvider = (settings: JoggSettings): VideoProviderShape => {
  const client = makeJoggClient(settings)
  // What most apps never call at start-up loads on first use: the older API, the catalogs and
  // AI scripts.
  const ops =
    client.apiVersion === "open"
      ? deferOperations(PROVIDER_ID, "JoggAI's open API", openNames, () =>
          import("./internal/operations/open.js").then(
            (m) => m.openOperations(client) as Required<Operations>,
          ),
        )
      : {
          ...v2Operations(client, settings.batchCredits !== false),
          ...deferOperations(PROVIDER_ID, "JoggAI's catalogs", catalogNames, () =>
            import("./internal/catalogs/index.js").then((m) => m.catalogOperations(client.v2)),
          ),
          ...deferOperations(PROVIDER_ID, "JoggAI's AI scripts", ["generateScripts", "getScripts"], () =>
            import("./internal/operations/scripts.js").then((m) => m.scriptOperations(client.v2)),
          ),
        }
  return {
    id: PROVIDER_ID,
    capabilities: client.apiVersion === "open" ? joggOpenCapabilities : joggCapabilities,
    polling: joggPolling,
    ...ops,
    parseWebhook: (request) =>
      parseJoggWebhook(request, {
        secret: settings.webhookSecret,
        toleranceSeconds: settings.webhookToleranceSeconds,
      }),
    estimateCredits: estimateCredits(client.apiVersion),
  }
}

/**
 * The JoggAI provider. `jogg({ apiKey })` talks to the current v2 API;
 * `jogg({ apiKey, apiVersion: "open" })` to the older `open` API of the seed documents.
 *
 * @example
 * ```ts
 * import { createVideoClient } from "@vidbridge/core"
 * import { jogg } from "@vidbridge/adapter-jogg"
 *
 * const client = createVideoClient({ provider: jogg({ apiKey: process.env.JOGG_API_KEY! }) })
 * const product = await client.createProduct({ url: "https://shop.example/p/42" })
 * ```
 */
export const jogg = defineProvider({
  id: PROVIDER_ID,
  displayName: "JoggAI",
  capabilities: joggCapabilities,
  capabilitiesFor: (settings) => (settings.apiVersion === "open" ? joggOpenCapabilities : joggCapabilities),
  settings: JoggSettings,
  env: joggEnv,
  make: (settings) => Effect.sync(() => makeJoggProvider(settings)),
})
