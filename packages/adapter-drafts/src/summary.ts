import type { EnvVar } from "@vidbridge/core"
import type { Capabilities, ProviderSummary } from "@vidbridge/core/capabilities"

// What the adapter is, without its code: `@vidbridge/adapter-drafts/summary` loads no effect, zod
// or HTTP client, for tools that list providers (`vidbridge providers`). The provider itself is
// defined from these values.

/** The provider id: first part of every ref this adapter makes. */
export const PROVIDER_ID = "drafts"

/**
 * What the Hour One adapter can do. No product, script or preview endpoints exist:
 * `createProduct` keeps your product data on the client (no request, no URL scraping) and
 * `render` turns it into scene content of a draft or recipe; `generateScripts`,
 * `generatePreviews` and `renderPreview` answer `UnsupportedOperation`, and so do the catalog
 * reads and `getCreditBalance` (Hour One's API has none: ids come from the studio) and avatar
 * videos (a `render` with a presenter but no draft, recipe or template). The aspect ratio is
 * fixed by the draft.
 *
 * `render` sends its submission key as `correlation_id`, which Hour One echoes in every video
 * read, so `findSubmission` looks it up exactly (`GET /videos`): a miss after the reconcile
 * window means the video was never made, and `resendIfNotFound` is allowed. No `cancel`: Hour
 * One documents no cancel or stop; its `DELETE /videos/{video_id}` is documented only as
 * "delete video by id" (it deletes the video record; whether a render in progress stops, and
 * what happens to the created draft and to minutes, is not documented), so it is not a cancel.
 *
 * Many videos are tracked with one `GET /videos` a round (the whole account: `batchStatusLimit`
 * is `Infinity`). A ready video's duration and scene timings take one more GET each, made only
 * with the `videoMetadata` setting.
 */
export const draftsCapabilities: Capabilities = {
  operations: ["createProduct", "render", "getStatus", "listJobs", "parseWebhook", "findSubmission"],
  aspectRatios: [],
  productFromUrl: false,
  productFromParams: true,
  templates: true,
  webhooks: "signature",
  // `GET /videos` answers every video of the account in one request (no paging, no ids filter).
  batchStatusLimit: Number.POSITIVE_INFINITY,
  credits: { reported: false, estimate: false },
  submissions: { lookup: "exact", resend: true },
}

/** Where each setting comes from in the environment (`fromEnv`, the CLI). */
export const draftsEnv: Readonly<Record<string, EnvVar>> = {
  apiKey: { name: "HOURONE_API_KEY", description: "Hour One (MakeReals) API key" },
  workspaceId: { name: "HOURONE_WORKSPACE_ID", description: "Hour One workspace id (optional)" },
  teamId: { name: "HOURONE_TEAM_ID", description: "Hour One team id (optional)" },
  webhookSecret: {
    name: "HOURONE_WEBHOOK_SECRET",
    description: "signing secret of the Hour One webhook (verifies x-hourone-signature)",
  },
  baseUrl: { name: "HOURONE_BASE_URL", description: "override the API base URL (tests, proxies)" },
}

/** The Hour One provider's id, name, capabilities and environment variables. */
export const draftsSummary: ProviderSummary<typeof PROVIDER_ID> = {
  id: PROVIDER_ID,
  displayName: "Hour One",
  capabilities: draftsCapabilities,
  env: draftsEnv,
}
