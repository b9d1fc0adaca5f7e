import { JobRef, type Product, type VideoError, type VideoJob } from "@vidbridge/core"
import { avatarVideoInput, invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { JoggClientShape } from "../../JoggClient.js"
import { type Kind, Kinds, PROVIDER_ID, str } from "../mapping/refs.js"
import { submittedPreviewJob, v2Product, v2VideoJob } from "../mapping/v2.js"
import { resolveProduct } from "../requests/products.js"
import {
  checkRenderPreview,
  createProductBody,
  createVideoBody,
  previewListBody,
  productVideosPage,
  updateProductBody,
} from "../requests/v2.js"
import { findV2Submission, readPreviewSet } from "./lookup.js"
import { scanProductVideos } from "./scan.js"
import { accepted, announce, type Operations, requireId, videoIdOf } from "./shared.js"
import { renderAvatarVideo, renderTemplateVideo } from "./videos.js"

export type { Operations } from "./shared.js"

/** The v2 video kinds a ref names, and the read of each. */
const videoReads = {
  [Kinds.productVideo]: "productVideo",
  [Kinds.avatarVideo]: "avatarVideo",
  [Kinds.templateVideo]: "templateVideo",
} as const satisfies Partial<Record<Kind, string>>

/**
 * The neutral operations over JoggAI's v2 API: check and build the request, one call, map the
 * answer. `batchCredits`: batch reads read a completed product video once by id for its credits.
 */
export const v2Operations = (client: JoggClientShape, batchCredits = true): Operations => {
  const api = client.v2
  const getStatus: (ref: JobRef) => Effect.Effect<VideoJob, VideoError> = Effect.fnUntraced(function* (
    ref: JobRef,
  ) {
    const text = JobRef.format(ref)
    if (Object.hasOwn(videoReads, ref.kind)) {
      const kind = ref.kind as keyof typeof videoReads
      const video = yield* api[videoReads[kind]](ref.id, { operation: "getStatus", ref: text })
      return v2VideoJob(ref.id, video, video, kind)
    }
    if (ref.kind === Kinds.previewSet) {
      return yield* readPreviewSet(api, ref)
    }
    return yield* Effect.fail(
      invalidInput(PROVIDER_ID, "getStatus", [
        {
          path: "ref",
          message: `is a ${ref.kind} ref; JoggAI v2 reads ${[...Object.keys(videoReads), Kinds.previewSet].join(", ")} refs${ref.kind === Kinds.aiScript ? " (scripts: generateScripts waits for them)" : ""}`,
        },
      ]),
    )
  })
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

    generatePreviews: Effect.fn("JoggProvider.generatePreviews")(function* (request, submission) {
      const key = submission?.key
      const body = yield* previewListBody(request, key)
      yield* announce(submission, { product: body.product_id })
      const result = yield* api.previewList(body, { operation: "generatePreviews" })
      // Each preview has an id, or the message why its style failed: neither is an unreadable answer.
      yield* requireId(
        result.previews.every((p) => str(p.preview_id) ?? p.err_msg) ? "" : undefined,
        "generatePreviews",
        "data.previews[].preview_id",
        result,
      )
      return { ...submittedPreviewJob(body.product_id, result, result, key), name: request.name }
    }),

    renderPreview: Effect.fn("JoggProvider.renderPreview")(function* (request, submission) {
      const set = yield* checkRenderPreview(request)
      // render_single_preview takes nothing JoggAI keeps: the video is found by its preview set's key.
      yield* announce(submission, { set: set.params?.key })
      const result = yield* api.renderSinglePreview(request.previewId, {
        operation: "renderPreview",
        ref: request.job,
      })
      const id = yield* requireId(videoIdOf(result), "renderPreview", "data.video_id", result, request.job)
      return accepted(id, result, undefined)
    }),

    /** A template video (`template`), an avatar video (a presenter, no product), else a product video. */
    render: Effect.fn("JoggProvider.render")(function* (request, submission) {
      if (request.template !== undefined) return yield* renderTemplateVideo(api, request, submission)
      const avatarVideo = avatarVideoInput(request)
      if (avatarVideo !== undefined) return yield* renderAvatarVideo(api, request, avatarVideo, submission)
      const body = yield* createVideoBody(request, submission?.key)
      yield* announce(submission)
      const result = yield* api.createVideo(body, { operation: "render" })
      const id = yield* requireId(videoIdOf(result), "render", "data.video_id", result)
      return accepted(id, result, request.name)
    }),

    findSubmission: findV2Submission(api),

    getStatus,
    scanStatuses: scanProductVideos(api, getStatus, batchCredits),

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
