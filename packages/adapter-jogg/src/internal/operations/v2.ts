import {
  JobRef,
  type Product,
  UnexpectedResponse,
  VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "@vidbridge/core"
import { invalidInput, maskSecretMembers } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { JoggClientShape } from "../../JoggClient.js"
import { Kinds, PROVIDER_ID, previewIdsOf, str } from "../mapping/refs.js"
import { previewSetJob, submittedPreviewJob, v2Product, v2VideoJob } from "../mapping/v2.js"
import { resolveProduct } from "../requests/products.js"
import {
  checkRenderPreview,
  createProductBody,
  createVideoBody,
  previewListBody,
  productVideosPage,
  updateProductBody,
} from "../requests/v2.js"
import type { RenderResult } from "../wire/v2.js"

/** The port's operations one API generation implements (the provider adds webhooks and credits). */
export type Operations = Pick<
  VideoProviderShape,
  | "createProduct"
  | "updateProduct"
  | "generatePreviews"
  | "renderPreview"
  | "render"
  | "getStatus"
  | "listJobs"
>

/**
 * Fails with `UnexpectedResponse` when an id the docs promise is missing from an answer; `ref`
 * is the job the call was about, as errors of the request itself carry it.
 */
const requireId = (
  value: string | undefined,
  operation: string,
  path: string,
  raw: unknown,
  ref?: string,
): Effect.Effect<string, VideoError> =>
  value !== undefined
    ? Effect.succeed(value)
    : Effect.fail(
        new VideoError({
          provider: PROVIDER_ID,
          operation,
          ref,
          reason: new UnexpectedResponse({
            message: `JoggAI's answer has no ${path}`,
            path,
            excerpt: maskSecretMembers(JSON.stringify(raw ?? null)).slice(0, 200),
          }),
        }),
      )

/** A render JoggAI accepted: its video, `queued` until the answer says more. */
const accepted = (id: string, result: RenderResult): VideoJob => {
  const job = v2VideoJob(id, { status: result.status }, result)
  return result.status ? job : { ...job, status: "queued", vendorStatus: "submitted" }
}

/** The neutral operations over JoggAI's v2 API: check and build the request, one call, map the answer. */
export const v2Operations = (client: JoggClientShape): Operations => {
  const api = client.v2
  return {
    createProduct: Effect.fn("JoggProvider.createProduct")(function* (input) {
      const body = yield* createProductBody(input)
      const info = yield* api.createProduct(body, { operation: "createProduct" })
      const id = yield* requireId(
        str(info.product_id) ?? str(info.id),
        "createProduct",
        "data.product_id",
        info,
      )
      return v2Product(id, { url: input.url, ...info }, info)
    }),

    updateProduct: Effect.fn("JoggProvider.updateProduct")(function* (product, patch) {
      const resolved = yield* resolveProduct(product, "v2", "updateProduct")
      const body = yield* updateProductBody(resolved, patch)
      const id = body.product_id
      const ref = JobRef.format(JobRef.make(PROVIDER_ID, Kinds.product, id))
      yield* api.updateProduct(body, { operation: "updateProduct", ref })
      const known = resolved.known as Partial<Product> | undefined
      const fresh = v2Product(id, {}, body)
      return {
        ...fresh,
        url: known?.url,
        title: patch.title ?? known?.title,
        description: patch.description ?? known?.description,
        targetAudience: patch.targetAudience ?? known?.targetAudience,
        imageUrls: patch.imageUrls ?? known?.imageUrls ?? [],
        videoUrls: patch.videoUrls ?? known?.videoUrls ?? [],
        logoUrl: patch.logoUrl ?? known?.logoUrl,
      }
    }),

    generatePreviews: Effect.fn("JoggProvider.generatePreviews")(function* (request) {
      const body = yield* previewListBody(request)
      const result = yield* api.previewList(body, { operation: "generatePreviews" })
      return submittedPreviewJob(body.product_id, result, result)
    }),

    renderPreview: Effect.fn("JoggProvider.renderPreview")(function* (request) {
      yield* checkRenderPreview(request)
      const result = yield* api.renderSinglePreview(request.previewId, {
        operation: "renderPreview",
        ref: request.job,
      })
      const videoId = str(result.video_id) ?? str(result.product_video_id)
      const id = yield* requireId(videoId, "renderPreview", "data.video_id", result, request.job)
      return accepted(id, result)
    }),

    render: Effect.fn("JoggProvider.render")(function* (request) {
      const body = yield* createVideoBody(request)
      const result = yield* api.createVideo(body, { operation: "render" })
      const videoId = str(result.video_id) ?? str(result.product_video_id)
      const id = yield* requireId(videoId, "render", "data.video_id", result)
      return accepted(id, result)
    }),

    getStatus: Effect.fnUntraced(function* (ref) {
      const text = JobRef.format(ref)
      if (ref.kind === Kinds.productVideo) {
        const video = yield* api.productVideo(ref.id, { operation: "getStatus", ref: text })
        return v2VideoJob(ref.id, video)
      }
      if (ref.kind === Kinds.previewSet) {
        if (previewIdsOf(ref).length === 0) return previewSetJob(ref, {}, null)
        const list = yield* api.productPreviews(
          { page: 1, page_size: 100 },
          { operation: "getStatus", ref: text },
        )
        return previewSetJob(ref, list, list)
      }
      return yield* Effect.fail(
        invalidInput(PROVIDER_ID, "getStatus", [
          {
            path: "ref",
            message: `is a ${ref.kind} ref; JoggAI v2 reads ${Kinds.productVideo} and ${Kinds.previewSet} refs`,
          },
        ]),
      )
    }),

    listJobs: Effect.fnUntraced(function* (query) {
      const page = yield* productVideosPage(query)
      const list = yield* api.productVideos(page, { operation: "listJobs" })
      const videos = list.videos ?? []
      const jobs = videos.flatMap((video) => {
        const id = str(video.id)
        return id === undefined ? [] : [v2VideoJob(id, video)]
      })
      const more =
        typeof list.total === "number"
          ? page.page * page.page_size < list.total
          : videos.length === page.page_size
      return more ? { jobs, nextCursor: String(page.page + 1) } : { jobs }
    }),
  }
}
