import {
  type JobPage,
  type JobRef,
  type ListJobsQuery,
  type Product,
  type ProductInput,
  type RenderRequest,
  Timeout,
  UnexpectedResponse,
  VendorUnavailable,
  VideoError,
  type VideoJob,
} from "@vidbridge/core"
import { makeLruCache } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { DraftsClientShape, DraftsScope } from "../DraftsClient.js"
import { toJobPage, toVideoJob, withMetadataError, withVideoMetadata } from "./mapping.js"
import { productFromParams, resolveProduct } from "./requests/products.js"
import { checkVideoRef, listOffset } from "./requests/reads.js"
import { buildBody, renderOptions, resolveSource } from "./requests/render.js"
import type { OverrideVideoRequest, VideoResponse } from "./wire.js"

/**
 * How many products a provider remembers (the most recently made or used), so that `render` can
 * be given a bare product ref; older ones need the `Product` object.
 */
export const REMEMBERED_PRODUCTS = 256

const newCorrelationId = Effect.sync(() => `vidbridge-${globalThis.crypto.randomUUID()}`)

/**
 * The one lookup of a create whose answer was lost: the video `GET /videos` shows with
 * `correlationId`, or `undefined`. No waiting and no retry here (core's job).
 */
export const findByCorrelationId = (
  client: DraftsClientShape,
  correlationId: string,
  scope: DraftsScope,
): Effect.Effect<VideoResponse | undefined, VideoError> =>
  Effect.map(client.listVideos("render", scope), (videos) =>
    videos.find((v) => v.correlation_id === correlationId),
  )

/**
 * True when a create may have taken effect although no answer arrived: a connection lost
 * after sending, a timeout, or a 5xx.
 */
const isAmbiguous = (error: VideoError): boolean =>
  error.reason._tag === "Timeout" ||
  (error.reason._tag === "VendorUnavailable" && error.reason.delivery === "ambiguous") ||
  (error.status !== undefined && error.status >= 500)

/**
 * True when the vendor answered the create with a 2xx whose body we cannot read (not JSON, a
 * required field missing): it accepted the create, so the video most likely exists.
 */
const isUnreadableSuccess = (error: VideoError): boolean =>
  error.reason._tag === "UnexpectedResponse" &&
  error.status !== undefined &&
  error.status >= 200 &&
  error.status < 300

/** The same error, its message extended so the caller can look the video up later. */
const naming = (error: VideoError, correlationId: string, what: string): VideoError => {
  const note = `${error.reason.message}; ${what}. The video may exist: look for correlation_id "${correlationId}" (GET /videos) before creating it again`
  // `POST /videos` spends credits: the rebuilt reason stays not retryable, as core marked it.
  const reason =
    error.reason._tag === "Timeout"
      ? new Timeout({ message: note, after: error.reason.after, spendsCredits: true })
      : error.reason._tag === "VendorUnavailable"
        ? new VendorUnavailable({ message: note, delivery: error.reason.delivery, spendsCredits: true })
        : error.reason._tag === "UnexpectedResponse"
          ? new UnexpectedResponse({ message: note, path: error.reason.path, excerpt: error.reason.excerpt })
          : new VendorUnavailable({ message: note, delivery: "ambiguous", spendsCredits: true })
  return new VideoError({
    provider: error.provider,
    operation: error.operation,
    reason,
    status: error.status,
    requestId: error.requestId,
    ref: error.ref,
  })
}

/**
 * `POST /videos` with reconciliation by `correlation_id` (the one place an adapter
 * re-sends a credit-spending call, because only this vendor can be asked "did it arrive?").
 *
 * After an ambiguous failure: look the correlation id up ({@link findByCorrelationId}). Found:
 * that video is the answer (no second create). Not found: send once more with the same
 * correlation id. The lookup itself fails, or the resend is ambiguous again: fail with the
 * ambiguous error, its message naming the correlation id.
 *
 * After a 2xx answer we cannot read (malformed, a required field missing) the vendor took the
 * create: look it up the same way, but never resend; not found, fail with the
 * `UnexpectedResponse`, its message naming the correlation id.
 */
const createReconciled = (
  client: DraftsClientShape,
  body: OverrideVideoRequest & { readonly correlation_id: string },
  scope: DraftsScope,
): Effect.Effect<VideoResponse, VideoError> => {
  const cid = body.correlation_id
  const resend = client
    .createVideo(body, scope)
    .pipe(
      Effect.mapError((error) =>
        isAmbiguous(error) ? naming(error, cid, "the single re-send was ambiguous too") : error,
      ),
    )
  const lookUp = (original: VideoError, notFound: Effect.Effect<VideoResponse, VideoError>) =>
    findByCorrelationId(client, cid, scope).pipe(
      Effect.matchEffect({
        onFailure: () =>
          Effect.fail(naming(original, cid, "checking whether the video was created failed as well")),
        onSuccess: (found) => (found === undefined ? notFound : Effect.succeed(found)),
      }),
    )
  return client
    .createVideo(body, scope)
    .pipe(
      Effect.catch((error: VideoError) =>
        isAmbiguous(error)
          ? lookUp(error, resend)
          : isUnreadableSuccess(error)
            ? lookUp(error, Effect.fail(naming(error, cid, "the video list does not show it yet")))
            : Effect.fail(error),
      ),
    )
}

/** The operations of the port Hour One supports, over one client (products kept in memory). */
export const makeOperations = (client: DraftsClientShape) => {
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

  return { createProduct, render, getStatus, listJobs }
}
