import type {
  JobPage,
  JobRef,
  ListJobsQuery,
  Product,
  ProductInput,
  RenderRequest,
  SubmissionContext,
  SubmissionLookup,
  SubmissionRef,
  VideoError,
  VideoJob,
} from "@vidbridge/core"
import { avatarVideoInput, invalidInput, makeLruCache, unsupported } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { DraftsClientShape } from "../DraftsClient.js"
import { PROVIDER_ID, toJobPage, toVideoJob, withMetadataError, withVideoMetadata } from "./mapping.js"
import { productFromParams, resolveProduct } from "./requests/products.js"
import { checkVideoRef, listOffset } from "./requests/reads.js"
import { buildBody, renderOptions, resolveSource } from "./requests/render.js"

/**
 * How many products a provider remembers (the most recently made or used), so that `render` can
 * be given a bare product ref; older ones need the `Product` object.
 */
export const REMEMBERED_PRODUCTS = 256

/** Every video matching a submission: none, exactly one, or several (never a pick among them). */
const lookupOf = (jobs: ReadonlyArray<VideoJob>): SubmissionLookup =>
  jobs.length === 0
    ? { _tag: "NotFound" }
    : jobs.length === 1
      ? { _tag: "Found", result: jobs[0]! }
      : { _tag: "Ambiguous", candidates: jobs }

/** The operations of the port Hour One supports, over one client (products kept in memory). */
export const makeOperations = (client: DraftsClientShape) => {
  const products = makeLruCache<Product>(REMEMBERED_PRODUCTS)

  const createProduct = (input: ProductInput): Effect.Effect<Product, VideoError> =>
    Effect.map(productFromParams(input), (product) => {
      products.set(product.ref, product)
      return product
    })

  // The submission key travels as `correlation_id` (or the caller's own `correlationId`, which
  // the ref then carries), and the per-call workspace and team, so findSubmission lists the same
  // account. A lost answer is core's to reconcile: one request here, its error as it is.
  const render: (
    request: RenderRequest,
    submission?: SubmissionContext,
  ) => Effect.Effect<VideoJob, VideoError> = Effect.fn("DraftsProvider.render")(function* (
    request: RenderRequest,
    submission?: SubmissionContext,
  ) {
    const options = yield* renderOptions(request)
    // No draft, recipe or template but a presenter: an avatar video, which Hour One's API does not make.
    const avatarVideo = (options.recipeId ?? options.sourceDraftId) ? undefined : avatarVideoInput(request)
    if (avatarVideo !== undefined) {
      return yield* Effect.fail(
        unsupported(
          PROVIDER_ID,
          "render",
          `Hour One makes videos from a studio draft or recipe, not avatar videos (${avatarVideo}): give template (the draft id) and set the presenter with avatar (character_id)`,
        ),
      )
    }
    const source = yield* resolveSource(request.template, options)
    const product =
      request.product === undefined ? undefined : yield* resolveProduct(products, request.product)
    const correlationId = options.correlationId ?? submission?.key
    const body = yield* buildBody({ request, options, source, product, correlationId })
    if (submission !== undefined) {
      yield* submission.announce({
        correlation_id: options.correlationId,
        workspace: options.workspaceId,
        team: options.teamId,
      })
    }
    const scope = { workspaceId: options.workspaceId, teamId: options.teamId }
    return toVideoJob(yield* client.createVideo(body, scope))
  })

  /** One `GET /videos` (the whole account, no paging), matched exactly by `correlation_id`. */
  const findSubmission = (ref: SubmissionRef): Effect.Effect<SubmissionLookup, VideoError> => {
    if (ref.operation !== "render") {
      const message = `is a ${ref.operation} submission; on Hour One only render sends a request`
      return Effect.fail(invalidInput(PROVIDER_ID, "findSubmission", [{ path: "submission", message }]))
    }
    const wanted = ref.hints.correlation_id ?? ref.key
    const scope = { workspaceId: ref.hints.workspace, teamId: ref.hints.team }
    return Effect.map(client.listVideos("findSubmission", scope), (videos) =>
      lookupOf(videos.filter((video) => video.correlation_id === wanted).map(toVideoJob)),
    )
  }

  /** A video now; a ready one with its duration and scene timings (a second, free GET). */
  const getStatus: (ref: JobRef) => Effect.Effect<VideoJob, VideoError> = Effect.fnUntraced(function* (
    ref: JobRef,
  ) {
    yield* checkVideoRef(ref)
    const job = toVideoJob(yield* client.getVideo(ref.id))
    if (job.status !== "succeeded") return job
    return yield* client.getVideoMetadata(ref.id).pipe(
      Effect.map((meta) => withVideoMetadata(job, meta)),
      Effect.catch((error: VideoError) => Effect.succeed(withMetadataError(job, error.message))),
    )
  })

  const listJobs = (query: ListJobsQuery): Effect.Effect<JobPage, VideoError> =>
    Effect.flatMap(listOffset(query), (offset) =>
      Effect.map(client.listVideos(), (videos) => toJobPage(videos, query, offset)),
    )

  return { createProduct, render, findSubmission, getStatus, listJobs }
}
