import {
  type JobPage,
  JobRef,
  type ListJobsQuery,
  NotFound,
  type PreviewRequest,
  type Product,
  type ProductInput,
  type ProductRefLike,
  type ProductUpdate,
  type RenderPreviewRequest,
  type RenderRequest,
  type ScriptRequest,
  type SubmissionContext,
  VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "@vidbridge/core"
import { chunk, invalidInput, makeLruCache } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../CreatifyClient.js"
import type { CreatifySettings } from "../settings.js"
import { parseCreatifyWebhook } from "../webhook.js"
import { estimateCredits } from "./credits.js"
import {
  asProduct,
  Kind,
  linkToVideoJob,
  PROVIDER_ID,
  REMEMBERED_PRODUCTS,
  renderJob,
  toProduct,
  toScriptJob,
} from "./mapping.js"
import { productId, productPlan, updateBody } from "./requests/products.js"
import {
  directRenderBody,
  listJobsQuery,
  previewsBody,
  renderPreviewJob,
  scriptsBody,
  templateRender,
} from "./requests/videos.js"
import { announce, fingerprint, linkPrints, makeFindSubmission } from "./submissions.js"

/** How many ids Creatify's list endpoints accept in `ids`. */
export const BATCH_LIMIT = 100

/** The port's operations (everything but `id` and `capabilities`). */
export type CreatifyOperations = Omit<VideoProviderShape, "id" | "capabilities">

const wrongRef = (ref: JobRef, operation: string): VideoError =>
  invalidInput(PROVIDER_ID, operation, [
    {
      path: "ref",
      message: `is ${JobRef.format(ref)}; expected a Creatify ${Kind.linkToVideo}, ${Kind.customTemplateJob} or ${Kind.aurora} job`,
    },
  ])

/**
 * The port's operations over `client`: each checks and builds its request (requests/), makes the
 * call and maps the answer (mapping.ts).
 */
export const makeCreatifyOperations = (
  client: CreatifyClientShape,
  settings: CreatifySettings,
): CreatifyOperations => {
  // Products this provider made, so a ref string carries the title/description scripts need.
  const products = makeLruCache<Product>(REMEMBERED_PRODUCTS)
  const remember = (product: Product) => {
    products.set(product.id, product)
    return product
  }

  // Links keep no field for the key: announced with the fingerprint of what is sent (submissions.ts).
  const createProduct = Effect.fn("CreatifyProvider.createProduct")(function* (
    input: ProductInput,
    submission?: SubmissionContext,
  ) {
    const plan = yield* productPlan(input)
    yield* announce(submission, { fp: linkPrints(input)["url" in plan ? 0 : 1]! })
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

  // Script jobs keep no field for the key: found by their product and creation time (submissions.ts).
  const generateScripts = Effect.fn("CreatifyProvider.generateScripts")(function* (
    request: ScriptRequest,
    submission?: SubmissionContext,
  ) {
    const id = yield* productId(request.product, "generateScripts")
    const known = asProduct(request.product)
    const body = yield* scriptsBody(request, known?.title === undefined ? products.get(id) : known)
    yield* announce(submission, { fp: fingerprint(body.title, body.description) })
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

  // The key travels in the job's name (previews, direct and template renders).
  const generatePreviews = Effect.fn("CreatifyProvider.generatePreviews")(function* (
    request: PreviewRequest,
    submission?: SubmissionContext,
  ) {
    const sent = yield* previewsBody(request, settings, submission?.key)
    yield* announce(submission)
    const body = yield* client.createPreviews(sent)
    return linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id))
  })

  // render_single_preview takes only `media_job`: found again by reading the job (submissions.ts).
  const renderPreview = Effect.fn("CreatifyProvider.renderPreview")(function* (
    request: RenderPreviewRequest,
    submission?: SubmissionContext,
  ) {
    const job = yield* renderPreviewJob(request)
    yield* announce(submission, { job })
    const body = yield* client.renderSinglePreview(job, request.previewId)
    return linkToVideoJob(
      body,
      JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, { stage: "render" }),
      true,
    )
  })

  const renderTemplate = Effect.fnUntraced(function* (
    request: RenderRequest,
    template: string,
    submission: SubmissionContext | undefined,
  ) {
    const { id, body } = yield* templateRender(request, template, settings, submission?.key)
    yield* announce(submission, { job: id })
    return renderJob(yield* client.renderCustomTemplate(id, body), Kind.customTemplateJob)
  })

  const renderProduct = Effect.fnUntraced(function* (
    request: RenderRequest,
    product: ProductRefLike,
    submission: SubmissionContext | undefined,
  ) {
    const sent = yield* directRenderBody(request, product, settings, submission?.key)
    yield* announce(submission)
    const body = yield* client.createLinkToVideo(sent)
    return linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, { stage: "render" }))
  })

  const render = (
    request: RenderRequest,
    submission?: SubmissionContext,
  ): Effect.Effect<VideoJob, VideoError> =>
    request.template !== undefined
      ? renderTemplate(request, request.template, submission)
      : request.product !== undefined
        ? renderProduct(request, request.product, submission)
        : Effect.fail(
            invalidInput(PROVIDER_ID, "render", [
              {
                path: "product",
                message: "give product (URL-to-video render) or template (custom template)",
              },
            ]),
          )

  /** One job: `GET /api/link_to_videos/{id}/`, `/api/custom_template_jobs/{id}/`, or `/api/aurora/?ids=`. */
  const getStatus = (ref: JobRef): Effect.Effect<VideoJob, VideoError> => {
    if (ref.provider !== PROVIDER_ID) return Effect.fail(wrongRef(ref, "getStatus"))
    switch (ref.kind) {
      case Kind.linkToVideo:
        return Effect.map(client.getLinkToVideo(ref.id), (body) => linkToVideoJob(body, ref))
      case Kind.customTemplateJob:
        return Effect.map(client.getCustomTemplateJob(ref.id), (body) =>
          renderJob(body, Kind.customTemplateJob),
        )
      case Kind.aurora:
        return Effect.flatMap(client.listAurora({ ids: [ref.id] }, "getStatus"), (jobs) => {
          const body = jobs.find((j) => j.id === ref.id)
          return body
            ? Effect.succeed(renderJob(body, Kind.aurora))
            : Effect.fail(
                new VideoError({
                  provider: PROVIDER_ID,
                  operation: "getStatus",
                  ref: JobRef.format(ref),
                  reason: new NotFound({ message: `Creatify lists no Aurora job ${ref.id}` }),
                }),
              )
        })
      default:
        return Effect.fail(wrongRef(ref, "getStatus"))
    }
  }

  /**
   * Many jobs with the list endpoints, at most 100 ids a request: link-to-video jobs by
   * `GET /api/link_to_videos/?ids=`, Aurora jobs by `GET /api/aurora/?ids=`. Custom template jobs
   * have no documented list, so they (and jobs Creatify does not return) are left out; core's
   * poller reads those one by one.
   */
  const getStatuses = (refs: ReadonlyArray<JobRef>): Effect.Effect<ReadonlyArray<VideoJob>, VideoError> => {
    const mine = refs.filter((r) => r.provider === PROVIDER_ID)
    const links = mine.filter((r) => r.kind === Kind.linkToVideo)
    const aurora = mine.filter((r) => r.kind === Kind.aurora)
    const ids = (group: ReadonlyArray<JobRef>) => [...new Set(group.map((r) => r.id))]
    const linkReads = chunk(ids(links), BATCH_LIMIT).map((batch) =>
      Effect.map(client.listLinkToVideos({ ids: batch }), (bodies) => {
        const byId = new Map(bodies.map((b) => [b.id, b]))
        return links.flatMap((ref) => {
          const body = batch.includes(ref.id) ? byId.get(ref.id) : undefined
          return body ? [linkToVideoJob(body, ref)] : []
        })
      }),
    )
    const auroraReads = chunk(ids(aurora), BATCH_LIMIT).map((batch) =>
      Effect.map(client.listAurora({ ids: batch }), (bodies) =>
        bodies.filter((b) => batch.includes(b.id)).map((b) => renderJob(b, Kind.aurora)),
      ),
    )
    return Effect.map(Effect.all([...linkReads, ...auroraReads]), (groups) => groups.flat())
  }

  const listJobs = Effect.fnUntraced(function* (query: ListJobsQuery) {
    const { kind, list } = yield* listJobsQuery(query)
    const jobs: ReadonlyArray<VideoJob> =
      kind === Kind.aurora
        ? (yield* client.listAurora(list, "listJobs")).map((b) => renderJob(b, Kind.aurora))
        : (yield* client.listLinkToVideos(list, "listJobs")).map((b) =>
            linkToVideoJob(b, JobRef.make(PROVIDER_ID, Kind.linkToVideo, b.id)),
          )
    const page: JobPage = { jobs: query.limit === undefined ? jobs : jobs.slice(0, query.limit) }
    return page
  })

  return {
    createProduct,
    updateProduct,
    generateScripts,
    getScripts,
    generatePreviews,
    renderPreview,
    render,
    getStatus,
    getStatuses,
    listJobs,
    findSubmission: makeFindSubmission(client, remember),
    parseWebhook: (request) => parseCreatifyWebhook(request, { secret: settings.webhookSecret, client }),
    estimateCredits: (request, kind) => {
      const model = request.providerOptions?.[PROVIDER_ID]?.model_version
      return Effect.succeed(estimateCredits(request, kind, typeof model === "string" ? model : undefined))
    },
  }
}
