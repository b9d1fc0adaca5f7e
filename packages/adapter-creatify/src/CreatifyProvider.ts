import {
  type Capabilities,
  type JobPage,
  JobRef,
  type ListJobsQuery,
  type PreviewRequest,
  type Product,
  type ProductInput,
  type ProductRefLike,
  type ProductUpdate,
  type RenderPreviewRequest,
  type RenderRequest,
  type ScriptRequest,
  type VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "@vidbridge/core"
import {
  defineProvider,
  httpSettingsFields,
  invalidInput,
  makeLruCache,
  parseProviderOptions,
  rejectIssues,
  secret,
} from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { makeCreatifyClient } from "./CreatifyClient.js"
import { DEFAULT_TOKEN_TTL } from "./internal/callbackToken.js"
import { estimateCredits } from "./internal/credits.js"
import { Kind, linkToVideoJob, PROVIDER_ID, renderJob, toProduct, toScriptJob } from "./internal/mapping.js"
import { LinkVideoOptions, TokenTtl } from "./internal/options.js"
import { asProduct, productPlan, REMEMBERED_PRODUCTS, scriptsBody, updateBody } from "./internal/product.js"
import { makeRenderers } from "./internal/render.js"
import { checkVideoFields, previewBody, productId } from "./internal/request.js"
import { BATCH_LIMIT, readStatus, readStatuses } from "./internal/status.js"
import { signedWebhookUrl } from "./internal/webhookUrl.js"
import { parseCreatifyWebhook } from "./webhook.js"

/**
 * What the Creatify adapter can do: the whole URL-to-video flow (product from a URL or from
 * data, scripts, previews, render one preview), custom template renders, Aurora job status,
 * batch status reads of up to 100 jobs, token-verified webhooks confirmed with a read, and credit
 * reports/estimates.
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
  ],
  aspectRatios: ["9:16", "16:9", "1:1"],
  durations: [15, 30, 60],
  productFromUrl: true,
  productFromParams: true,
  templates: true,
  webhooks: "token",
  batchStatusLimit: BATCH_LIMIT,
  credits: { reported: true, estimate: true },
}

/** Settings of the Creatify adapter; see {@link creatify}. */
export const CreatifySettings = z.strictObject({
  apiId: secret(),
  apiKey: secret(),
  webhookSecret: z.optional(secret()),
  webhookTokenTtl: z.optional(TokenTtl),
  ...httpSettingsFields,
})

/** The checked settings of {@link creatify}. */
export type CreatifySettings = z.output<typeof CreatifySettings>

const ListOptions = z.strictObject({
  kind: z.optional(z.enum([Kind.linkToVideo, Kind.aurora])),
  ordering: z.optional(z.string().check(z.minLength(1))),
})

/** Builds the provider from checked settings; no request is made. */
export const makeCreatifyProvider = (settings: CreatifySettings): Effect.Effect<VideoProviderShape, never> =>
  Effect.sync(() => {
    const client = makeCreatifyClient({
      ...settings,
      secrets: settings.webhookSecret ? [settings.webhookSecret] : [],
    })
    // A callback URL gets a token of its own, minted when the request is made (webhookUrl.ts).
    const ttl = settings.webhookTokenTtl ?? DEFAULT_TOKEN_TTL
    const callbackUrl = (url: string | undefined, operation: string) =>
      signedWebhookUrl(url, settings.webhookSecret, ttl, operation)
    // Products this provider made, so a ref string carries the title/description scripts need.
    const products = makeLruCache<Product>(REMEMBERED_PRODUCTS)
    const remember = (product: Product) => {
      products.set(product.id, product)
      return product
    }

    const createProduct = Effect.fn("CreatifyProvider.createProduct")(function* (input: ProductInput) {
      const plan = yield* productPlan(input)
      const body =
        "url" in plan ? yield* client.createLink(plan.url) : yield* client.createLinkWithParams(plan.body)
      return remember(toProduct(body, { targetAudience: input.targetAudience }))
    })

    const updateProduct = Effect.fn("CreatifyProvider.updateProduct")(function* (
      product: ProductRefLike,
      patch: ProductUpdate,
    ) {
      const id = yield* productId(product, "updateProduct")
      const body = yield* client.updateLink(id, yield* updateBody(patch))
      return remember(toProduct(body, { targetAudience: patch.targetAudience }))
    })

    const generateScripts = Effect.fn("CreatifyProvider.generateScripts")(function* (request: ScriptRequest) {
      const id = yield* productId(request.product, "generateScripts")
      const known = asProduct(request.product)
      const body = yield* scriptsBody(request, known?.title === undefined ? products.get(id) : known)
      return toScriptJob(yield* client.createScripts(body))
    })

    const getScripts = (ref: JobRef) =>
      ref.provider === PROVIDER_ID && ref.kind === Kind.aiScript
        ? Effect.map(client.getScripts(ref.id), toScriptJob)
        : Effect.fail(
            invalidInput(PROVIDER_ID, "getScripts", [
              { path: "ref", message: `is ${JobRef.format(ref)}; expected a Creatify ${Kind.aiScript} job` },
            ]),
          )

    const generatePreviews = Effect.fn("CreatifyProvider.generatePreviews")(function* (
      request: PreviewRequest,
    ) {
      const options = yield* parseProviderOptions(LinkVideoOptions, request.providerOptions, {
        provider: PROVIDER_ID,
        operation: "generatePreviews",
      })
      yield* checkVideoFields(request, options, "generatePreviews")
      const link = yield* productId(request.product, "generatePreviews")
      const webhook = yield* callbackUrl(request.webhookUrl, "generatePreviews")
      const body = yield* client.createPreviews(previewBody(request, options, link, webhook))
      return linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id))
    })

    const renderPreview = Effect.fn("CreatifyProvider.renderPreview")(function* (
      request: RenderPreviewRequest,
    ) {
      const ref = JobRef.isValid(request.job) ? JobRef.parse(request.job) : undefined
      yield* rejectIssues({ provider: PROVIDER_ID, operation: "renderPreview" }, [
        ref !== undefined && ref.provider === PROVIDER_ID && ref.kind === Kind.linkToVideo
          ? undefined
          : { path: "job", message: `is ${request.job}; expected the ref from generatePreviews` },
        request.webhookUrl === undefined
          ? undefined
          : {
              path: "webhookUrl",
              message: "Creatify sends render callbacks to the webhookUrl given to generatePreviews",
            },
        request.name === undefined
          ? undefined
          : { path: "name", message: "Creatify takes the video name in generatePreviews" },
      ])
      const body = yield* client.renderSinglePreview(ref!.id, request.previewId)
      return linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, { stage: "render" }))
    })

    const { renderTemplate, renderProduct } = makeRenderers(client, callbackUrl)

    const render = (request: RenderRequest): Effect.Effect<VideoJob, VideoError> =>
      request.template !== undefined
        ? renderTemplate(request, request.template)
        : request.product !== undefined
          ? renderProduct(request, request.product)
          : Effect.fail(
              invalidInput(PROVIDER_ID, "render", [
                {
                  path: "product",
                  message: "give product (URL-to-video render) or template (custom template)",
                },
              ]),
            )

    const listJobs = Effect.fnUntraced(function* (query: ListJobsQuery) {
      const options = yield* parseProviderOptions(ListOptions, query.providerOptions, {
        provider: PROVIDER_ID,
        operation: "listJobs",
      })
      yield* rejectIssues({ provider: PROVIDER_ID, operation: "listJobs" }, [
        query.cursor === undefined
          ? undefined
          : { path: "cursor", message: "Creatify's job lists are not paginated; filter with ids instead" },
      ])
      const list = { ids: query.ids, ordering: options.ordering }
      const jobs: ReadonlyArray<VideoJob> =
        options.kind === Kind.aurora
          ? (yield* client.listAurora(list, "listJobs")).map((b) => renderJob(b, Kind.aurora))
          : (yield* client.listLinkToVideos(list, "listJobs")).map((b) =>
              linkToVideoJob(b, JobRef.make(PROVIDER_ID, Kind.linkToVideo, b.id)),
            )
      const page: JobPage = { jobs: query.limit === undefined ? jobs : jobs.slice(0, query.limit) }
      return page
    })

    const shape: VideoProviderShape = {
      id: PROVIDER_ID,
      capabilities: creatifyCapabilities,
      createProduct,
      updateProduct,
      generateScripts,
      getScripts,
      generatePreviews,
      renderPreview,
      render,
      getStatus: (ref) => readStatus(client, ref),
      getStatuses: (refs) => readStatuses(client, refs),
      listJobs,
      parseWebhook: (request) => parseCreatifyWebhook(request, { secret: settings.webhookSecret, client }),
      estimateCredits: (request, kind) => {
        const model = request.providerOptions?.[PROVIDER_ID]?.model_version
        return Effect.succeed(estimateCredits(request, kind, typeof model === "string" ? model : undefined))
      },
    }
    return shape
  })

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
  env: {
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
      description: "Override the API base URL (default https://api.creatify.ai)",
    },
  },
  make: makeCreatifyProvider,
})
