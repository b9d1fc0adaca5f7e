import type {
  Capabilities,
  JobPage,
  JobRef,
  ListJobsQuery,
  Product,
  ProductInput,
  RenderRequest,
  VideoError,
  VideoJob,
  VideoProviderShape,
} from "@vidbridge/core"
import { defineProvider, httpSettingsFields, makeLruCache, secret } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { makeDraftsClient } from "./DraftsClient.js"
import { checkCursor, listPage, productFromParams, resolveProduct, wrongRef } from "./internal/flow.js"
import {
  PROVIDER_ID,
  toVideoJob,
  VIDEO_KIND,
  withMetadataError,
  withVideoMetadata,
} from "./internal/mapping.js"
import { createReconciled } from "./internal/reconcile.js"
import { buildBody, renderOptions, resolveSource } from "./internal/request.js"
import { parseDraftsWebhook } from "./webhook.js"

/**
 * What the Hour One adapter can do. No product, script or preview endpoints exist:
 * `createProduct` keeps your product data on the client (no request, no URL scraping) and
 * `render` turns it into scene content of a draft or recipe; `generateScripts`,
 * `generatePreviews` and `renderPreview` answer `UnsupportedOperation`. The aspect ratio
 * is fixed by the draft.
 */
export const draftsCapabilities: Capabilities = {
  operations: ["createProduct", "render", "getStatus", "listJobs", "parseWebhook"],
  aspectRatios: [],
  productFromUrl: false,
  productFromParams: true,
  templates: true,
  webhooks: "signature",
  batchStatusLimit: 1,
  credits: { reported: false, estimate: false },
}

const optionalId = z.optional(z.string().check(z.minLength(1), z.maxLength(200)))

/** Settings of the Hour One adapter; see {@link drafts}. */
export const DraftsSettings = z.strictObject({
  apiKey: secret(),
  workspaceId: optionalId,
  teamId: optionalId,
  webhookSecret: z.optional(secret()),
  ...httpSettingsFields,
})

/** The checked settings of {@link drafts}. */
export type DraftsSettings = z.output<typeof DraftsSettings>

const newCorrelationId = Effect.sync(() => `vidbridge-${globalThis.crypto.randomUUID()}`)

/**
 * How many products a provider remembers (the most recently made or used), so that `render` can
 * be given a bare product ref; older ones need the `Product` object.
 */
export const REMEMBERED_PRODUCTS = 256

/** Builds the provider from checked settings; no request is made. */
export const makeDraftsProvider = (settings: DraftsSettings): VideoProviderShape => {
  const client = makeDraftsClient({
    ...settings,
    secrets: settings.webhookSecret ? [settings.webhookSecret] : [],
  })
  const products = makeLruCache<Product>(REMEMBERED_PRODUCTS)

  const createProduct = (input: ProductInput): Effect.Effect<Product, VideoError> =>
    Effect.map(productFromParams(input), (product) => {
      products.set(product.ref, product)
      return product
    })

  const render: (request: RenderRequest) => Effect.Effect<VideoJob, VideoError> = Effect.fn(
    "DraftsProvider.render",
  )(function* (request: RenderRequest) {
    const options = yield* renderOptions(request)
    const source = yield* resolveSource(request.template, options)
    const product =
      request.product === undefined ? undefined : yield* resolveProduct(products, request.product)
    const correlationId = options.correlationId ?? (yield* newCorrelationId)
    const body = yield* buildBody({ request, options, source, product, correlationId })
    const scope = { workspaceId: options.workspaceId, teamId: options.teamId }
    return toVideoJob(yield* createReconciled(client, body, scope))
  })

  const getStatus: (ref: JobRef) => Effect.Effect<VideoJob, VideoError> = Effect.fnUntraced(function* (
    ref: JobRef,
  ) {
    if (ref.kind !== VIDEO_KIND) return yield* wrongRef(ref)
    const job = toVideoJob(yield* client.getVideo(ref.id))
    if (job.status !== "succeeded") return job
    return yield* client.getVideoMetadata(ref.id).pipe(
      Effect.map((meta) => withVideoMetadata(job, meta)),
      Effect.catch((error: VideoError) => Effect.succeed(withMetadataError(job, error.message))),
    )
  })

  const listJobs = (query: ListJobsQuery): Effect.Effect<JobPage, VideoError> =>
    Effect.andThen(
      checkCursor(query),
      Effect.flatMap(client.listVideos(), (videos) => listPage(videos, query)),
    )

  return {
    id: PROVIDER_ID,
    capabilities: draftsCapabilities,
    createProduct,
    render,
    getStatus,
    listJobs,
    parseWebhook: (request) => parseDraftsWebhook(settings.webhookSecret, request),
  }
}

/**
 * The Hour One adapter: videos from a studio draft or a recipe (`POST /videos`,
 * `type: "override"`), with character, voice, palette and scene-content overrides.
 *
 * Settings: `apiKey` (`HOURONE_API_KEY`), optional `workspaceId` / `teamId` (sent as the
 * `workspace-id` / `team-id` headers), `webhookSecret` (the webhook's signing secret), and
 * the transport settings (`baseUrl`, `timeout`, `retry`, ...). `render` needs `template`
 * (the draft id) or `providerOptions.drafts.recipeId`, and scenes: `providerOptions.drafts.scenes`
 * (one per scene of the draft, each with its name), or a product or script for scene 1.
 *
 * @example
 * ```ts
 * const client = createVideoClient({ provider: drafts({ apiKey: process.env.HOURONE_API_KEY! }) })
 * const job = await client.render({
 *   template: "<draft id>",
 *   avatar: "<character id>",
 *   providerOptions: { drafts: { scenes: [{ name: "Intro" }, { name: "Offer", texts: ["-20%"] }] } },
 * })
 * const done = await client.waitForCompletion(job.ref)
 * console.log(done.videoUrl, done.durationSeconds)
 * ```
 */
export const drafts = defineProvider({
  id: PROVIDER_ID,
  displayName: "Hour One",
  capabilities: draftsCapabilities,
  settings: DraftsSettings,
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
  make: (settings) => Effect.succeed(makeDraftsProvider(settings)),
})
