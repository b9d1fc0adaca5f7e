import {
  JobRef,
  type Product,
  type SubmissionContext,
  type SubmissionLookup,
  UnexpectedResponse,
  VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "@vidbridge/core"
import { invalidInput, maskSecretMembers } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { JoggClientShape } from "../../JoggClient.js"
import { Kinds, nameOf, PROVIDER_ID, previewIdsOf, previewSetRef, str } from "../mapping/refs.js"
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
import type { ProductVideo, RenderResult } from "../wire/v2.js"

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
  | "findSubmission"
>

/**
 * Tells core a paid request goes out now (after every check), with the hints `findSubmission`
 * needs; nothing when the port is called without a submission (tests calling it directly).
 */
export const announce = (
  submission: SubmissionContext | undefined,
  hints: Record<string, string | undefined> = {},
): Effect.Effect<unknown, VideoError> =>
  submission ? submission.announce(hints as Record<string, string>) : Effect.void

/** How far before the send `findSubmission` pages back (JoggAI's `created_at` is in seconds): clock skew. */
const SKEW_SECONDS = 300

/**
 * Fails with `UnexpectedResponse` when an id the docs promise is missing from an answer; `ref`
 * is the job the call was about, as errors of the request itself carry it. The answer was a 2xx,
 * so the request took effect (`delivery: "accepted"`: core looks the job up).
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
            delivery: "accepted",
          }),
        }),
      )

/** A render JoggAI accepted: its video (named `name`), `queued` until the answer says more. */
const accepted = (id: string, result: RenderResult, name?: string): VideoJob => {
  const job = { ...v2VideoJob(id, { status: result.status }, result), name }
  return result.status ? job : { ...job, status: "queued", vendorStatus: "submitted" }
}

const lookup = (jobs: ReadonlyArray<VideoJob>): SubmissionLookup =>
  jobs.length === 1
    ? { _tag: "Found", result: jobs[0]! }
    : jobs.length > 1
      ? { _tag: "Ambiguous", candidates: jobs }
      : { _tag: "NotFound" }

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
      const videoId = str(result.video_id) ?? str(result.product_video_id)
      const id = yield* requireId(videoId, "renderPreview", "data.video_id", result, request.job)
      return accepted(id, result)
    }),

    render: Effect.fn("JoggProvider.render")(function* (request, submission) {
      const body = yield* createVideoBody(request, submission?.key)
      yield* announce(submission)
      const result = yield* api.createVideo(body, { operation: "render" })
      const videoId = str(result.video_id) ?? str(result.product_video_id)
      const id = yield* requireId(videoId, "render", "data.video_id", result)
      return accepted(id, result, request.name)
    }),

    /**
     * One lookup: pages the previews (or product videos) newest first back to the send time, and
     * matches the key in `title` (the `video_spec.name` it was sent with). A rendered preview's
     * video matches its preview set's key, or no key at all (JoggAI echoes nothing of that call).
     */
    findSubmission: Effect.fnUntraced(function* ({ operation, key, at, hints }) {
      const previews = operation === "generatePreviews"
      const since = at / 1000 - SKEW_SECONDS
      const items: Array<ProductVideo> = []
      for (let page = 1; ; page++) {
        const list = yield* (previews ? api.productPreviews : api.productVideos)(
          { page, page_size: 100, sort_by: "created_at", sort_order: "desc" },
          { operation: "findSubmission" },
        )
        const fresh = ((previews ? list.previews : list.videos) ?? []).filter(
          (item) => (item.created_at ?? since) >= since,
        )
        items.push(...fresh)
        if (fresh.length < 100) break
      }
      const want = operation === "renderPreview" ? hints.set : key
      const matches = items.filter((item) => {
        const found = nameOf(item.title).key
        return str(item.id) && (found === want || (found === undefined && operation === "renderPreview"))
      })
      if (!previews) return lookup(matches.map((video) => v2VideoJob(String(video.id), video)))
      const ids = matches.map((p) => String(p.id))
      return lookup(
        ids.length
          ? [previewSetJob(previewSetRef(hints.product ?? "", ids, key), { previews: matches }, matches)]
          : [],
      )
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
