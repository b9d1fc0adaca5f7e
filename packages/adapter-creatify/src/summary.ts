import {
  type AvatarVideoInput,
  type Capabilities,
  CatalogOperations,
  type ProviderSummary,
} from "@vidbridge/core/capabilities"

// What the adapter is, without its code: `@vidbridge/adapter-creatify/summary` loads no effect,
// zod or HTTP client, for tools that list providers (`vidbridge providers`). The provider itself
// is defined from these values.

/** The provider id, first part of every ref this adapter makes. */
export const PROVIDER_ID = "creatify"

/** Creatify's API base URL (override with the `baseUrl` setting, `CREATIFY_BASE_URL`). */
export const CREATIFY_BASE_URL = "https://api.creatify.ai"

/** Job ids per status read: Creatify's list endpoints take up to 100 ids (`ids=`). */
export const BATCH_LIMIT = 100

/** The avatar videos Creatify makes: AI Avatar v2 (avatar + script) and Aurora (image + audio). */
export const AVATAR_VIDEOS: ReadonlyArray<AvatarVideoInput> = ["avatar+script", "image+audio"]

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

/** Where each setting comes from in the environment (`fromEnv`, the CLI). */
export const creatifyEnv = {
  apiId: { name: "CREATIFY_API_ID", description: "Creatify API ID (X-API-ID), from the API dashboard" },
  apiKey: { name: "CREATIFY_API_KEY", description: "Creatify API key (X-API-KEY), from the API dashboard" },
  webhookSecret: {
    name: "CREATIFY_WEBHOOK_SECRET",
    description: "Secret callback tokens are made with; needed to use webhookUrl",
  },
  webhookTokenTtl: {
    name: "CREATIFY_WEBHOOK_TOKEN_TTL",
    description: 'How long a callback URL is accepted, e.g. "14 days" (the default)',
  },
  baseUrl: {
    name: "CREATIFY_BASE_URL",
    description: `Override the API base URL (default ${CREATIFY_BASE_URL})`,
  },
} as const

/** The Creatify provider's id, name, capabilities and environment variables. */
export const creatifySummary: ProviderSummary<typeof PROVIDER_ID> = {
  id: PROVIDER_ID,
  displayName: "Creatify",
  capabilities: creatifyCapabilities,
  env: creatifyEnv,
}
