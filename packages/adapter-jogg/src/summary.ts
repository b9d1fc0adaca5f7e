import type { EnvVar } from "@vidbridge/core"
import {
  type AvatarVideoInput,
  type Capabilities,
  CatalogOperations,
  type ProviderSummary,
} from "@vidbridge/core/capabilities"

// What the adapter is, without its code: `@vidbridge/adapter-jogg/summary` loads no effect, zod
// or HTTP client, for tools that list providers (`vidbridge providers`). The provider itself is
// defined from these values.

/** The provider id: the first part of every JobRef this adapter makes. */
export const PROVIDER_ID = "jogg"

/** Video lengths JoggAI accepts (seconds); sent as the strings "15", "30", "60". */
export const durations = [15, 30, 60] as const

/** The avatar videos JoggAI makes: a catalog avatar (photo avatars included) speaking a script or a recording. */
export const JOGG_AVATAR_VIDEOS: ReadonlyArray<AvatarVideoInput> = ["avatar+script", "avatar+audio"]

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

/** The environment variables `fromEnv` reads for JoggAI (the provider definition's `env`). */
export const joggEnv: Readonly<Record<string, EnvVar>> = {
  apiKey: { name: "JOGG_API_KEY", description: "JoggAI API key (app.jogg.ai, avatar menu, API)" },
  apiVersion: { name: "JOGG_API_VERSION", description: 'JoggAI API generation: "v2" (default) or "open"' },
  webhookSecret: {
    name: "JOGG_WEBHOOK_SECRET",
    description: "secret of the JoggAI webhook endpoint, to verify X-Webhook-Signature",
  },
  baseUrl: { name: "JOGG_BASE_URL", description: "overrides the JoggAI base URL (proxies, simulators)" },
}

/** The JoggAI provider's id, name, capabilities (of the default v2 API) and environment variables. */
export const joggSummary: ProviderSummary<typeof PROVIDER_ID> = {
  id: PROVIDER_ID,
  displayName: "JoggAI",
  capabilities: joggCapabilities,
  env: joggEnv,
}
