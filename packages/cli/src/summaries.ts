import type { AnyProviderDefinition, CatalogOperation } from "@vidbridge/core"

/**
 * What `vidbridge providers` shows of a provider: its id, name, capabilities and environment
 * variables, without its code.
 */
export type ProviderSummary = Pick<AnyProviderDefinition, "id" | "displayName" | "capabilities" | "env">

const catalogs: ReadonlyArray<CatalogOperation> = [
  "listAvatars",
  "listVoices",
  "listMusic",
  "listTemplates",
  "listVisualStyles",
]

/**
 * The built-in providers' summaries, written out so that `vidbridge providers` loads no adapter,
 * no core and no effect (about 200 ms of start-up). They equal the adapters' own definitions:
 * test/summaries.test.ts compares them field by field, so a change to an adapter's capabilities
 * or variables fails there until it is copied here.
 */
export const builtInSummaries: ReadonlyArray<ProviderSummary> = [
  {
    id: "creatify",
    displayName: "Creatify",
    capabilities: {
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
        ...catalogs,
        "getCreditBalance",
      ],
      aspectRatios: ["9:16", "16:9", "1:1"],
      durations: [15, 30, 60],
      productFromUrl: true,
      productFromParams: true,
      templates: true,
      avatarVideos: ["avatar+script", "image+audio"],
      webhooks: "token",
      batchStatusLimit: 100,
      credits: { reported: true, estimate: true },
      submissions: { lookup: "heuristic", resend: false },
    },
    env: {
      apiId: { name: "CREATIFY_API_ID", description: "Creatify API ID (X-API-ID), from the API dashboard" },
      apiKey: {
        name: "CREATIFY_API_KEY",
        description: "Creatify API key (X-API-KEY), from the API dashboard",
      },
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
        description: "Override the API base URL (default https://api.creatify.ai)",
      },
    },
  },
  {
    id: "jogg",
    displayName: "JoggAI",
    capabilities: {
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
        ...catalogs,
        "getCreditBalance",
      ],
      aspectRatios: ["9:16", "16:9", "1:1"],
      durations: [15, 30, 60],
      productFromUrl: true,
      productFromParams: true,
      templates: true,
      avatarVideos: ["avatar+script", "avatar+audio"],
      webhooks: "signature",
      batchStatusLimit: 100,
      credits: { reported: true, estimate: true },
      submissions: { lookup: "heuristic", resend: false },
    },
    env: {
      apiKey: { name: "JOGG_API_KEY", description: "JoggAI API key (app.jogg.ai, avatar menu, API)" },
      apiVersion: {
        name: "JOGG_API_VERSION",
        description: 'JoggAI API generation: "v2" (default) or "open"',
      },
      webhookSecret: {
        name: "JOGG_WEBHOOK_SECRET",
        description: "secret of the JoggAI webhook endpoint, to verify X-Webhook-Signature",
      },
      baseUrl: { name: "JOGG_BASE_URL", description: "overrides the JoggAI base URL (proxies, simulators)" },
    },
  },
  {
    id: "drafts",
    displayName: "Hour One",
    capabilities: {
      operations: ["createProduct", "render", "getStatus", "listJobs", "parseWebhook", "findSubmission"],
      aspectRatios: [],
      productFromUrl: false,
      productFromParams: true,
      templates: true,
      webhooks: "signature",
      batchStatusLimit: Number.POSITIVE_INFINITY,
      credits: { reported: false, estimate: false },
      submissions: { lookup: "exact", resend: true },
    },
    env: {
      apiKey: { name: "HOURONE_API_KEY", description: "Hour One (MakeReals) API key" },
      workspaceId: { name: "HOURONE_WORKSPACE_ID", description: "Hour One workspace id (optional)" },
      teamId: { name: "HOURONE_TEAM_ID", description: "Hour One team id (optional)" },
      webhookSecret: {
        name: "HOURONE_WEBHOOK_SECRET",
        description: "signing secret of the Hour One webhook (verifies x-hourone-signature)",
      },
      baseUrl: { name: "HOURONE_BASE_URL", description: "override the API base URL (tests, proxies)" },
    },
  },
]
