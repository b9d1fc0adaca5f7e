import type {
  JobPage,
  JobRef,
  ListJobsQuery,
  Product,
  ProductInput,
  RenderRequest,
  StatusScan,
  SubmissionContext,
  SubmissionLookup,
  SubmissionRef,
  VideoError,
  VideoJob,
} from "@vidbridge/core"
import { avatarVideoInput, invalidInput, makeLruCache, unsupported } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { DraftsClientShape } from "../DraftsClient.js"
import {
  PROVIDER_ID,
  toJobPage,
  toVideoJob,
  VIDEO_KIND,
  withMetadataError,
  withVideoMetadata,
} from "./mapping.js"
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

/**
 * The operations of the port Hour One supports, over one client (products kept in memory).
 * `videoMetadata`: reads of a ready video add its duration and scene timings (a second GET).
 */
export const makeOperations = (client: DraftsClientShape, videoMetadata = false) => {
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

  /** With `videoMetadata`, a ready video with its duration and scene timings (a second, free GET). */
  const withMetadata = (job: VideoJob, id: string): Effect.Effect<VideoJob> =>
    !videoMetadata || job.status !== "succeeded"
      ? Effect.succeed(job)
      : client.getVideoMetadata(id).pipe(
          Effect.map((meta) => withVideoMetadata(job, meta)),
          Effect.catch((error: VideoError) => Effect.succeed(withMetadataError(job, error.message))),
        )

  /** A video now (`GET /videos/{id}`). */
  const getStatus: (ref: JobRef) => Effect.Effect<VideoJob, VideoError> = Effect.fnUntraced(function* (
    ref: JobRef,
  ) {
    yield* checkVideoRef(ref)
    return yield* withMetadata(toVideoJob(yield* client.getVideo(ref.id)), ref.id)
  })

  /**
   * Many videos in one `GET /videos` (every video of the account; Hour One has no paging or ids
   * filter), each as `getStatus` reads it; with `videoMetadata`, one more GET per ready video,
   * counted. Refs that are not videos, or not listed yet, are left to `getStatus`.
   */
  const scanStatuses = (refs: ReadonlyArray<JobRef>): Effect.Effect<StatusScan, VideoError> =>
    Effect.gen(function* () {
      const wanted = new Set(refs.filter((ref) => ref.kind === VIDEO_KIND).map((ref) => ref.id))
      const videos = yield* client.listVideos("getStatus")
      let requests = 1
      const jobs: Array<VideoJob> = []
      for (const video of videos) {
        if (!wanted.has(video.id)) continue
        const job = toVideoJob(video)
        if (videoMetadata && job.status === "succeeded") requests++
        jobs.push(yield* withMetadata(job, video.id))
      }
      return { jobs, requests }
    })

  const listJobs = (query: ListJobsQuery): Effect.Effect<JobPage, VideoError> =>
    Effect.flatMap(listOffset(query), (offset) =>
      Effect.map(client.listVideos(), (videos) => toJobPage(videos, query, offset)),
    )

  return { createProduct, render, findSubmission, getStatus, scanStatuses, listJobs }
}
