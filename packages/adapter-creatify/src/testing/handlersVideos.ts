import { http, type RequestHandler } from "msw"
import {
  CANONICAL_BASE,
  CREATIFY_ROUTES,
  charge,
  fieldErrors,
  guard,
  type HandlerContext,
  json,
  listed,
  messages,
  notFound,
  originOf,
  readJson,
} from "./handlers.js"
import type { SimLinkToVideo } from "./state.js"
import { previewCredits, renderCredits } from "./state.js"
import { checkDirectRender, checkIds, checkPreviewList, checkRenderSinglePreview } from "./validate.js"
import { linkToVideoJson, linkToVideoView } from "./views.js"

/** Orders a list by `created_at` (`-created_at` newest first); other orderings keep creation order. */
export const ordered = <T extends { readonly createdAt: number }>(
  items: ReadonlyArray<T>,
  ordering: string | null,
) => (ordering === "-created_at" ? [...items].sort((a, b) => b.createdAt - a.createdAt) : [...items])

/**
 * Handlers for link-to-video jobs: `POST /api/link_to_videos/preview_list_async/`,
 * `POST /api/link_to_videos/{id}/render_single_preview/`, the direct `POST /api/link_to_videos/`,
 * `GET /api/link_to_videos/{id}/` and `GET /api/link_to_videos/?ids=` (at most 100 ids; without
 * ids every job, each shown `listLag` after it was made).
 */
export const makeVideoHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const { store } = ctx
  const answer = (job: SimLinkToVideo, request: Request, status = 200) => {
    const now = store.clock.now()
    return json(
      linkToVideoJson(job, linkToVideoView(job, store.timeline, now), originOf(request), now, ctx.epoch),
      status,
    )
  }
  const unknownLink = (id: string) => fieldErrors({ link: [`Invalid pk "${id}" - object does not exist.`] })

  return [
    http.post(`${CANONICAL_BASE}/api/link_to_videos/preview_list_async/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.previews, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkPreviewList(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const fields = checked.value
        if (store.link(fields.link) === undefined) return unknownLink(fields.link)
        // 1 credit per 30 s per preview: one per visual style and aspect ratio.
        const credits = previewCredits(
          fields.videoLength,
          fields.visualStyles.length * fields.aspectRatios.length,
        )
        const refused = charge(ctx, credits)
        if (refused) return refused
        const job = store.addLinkToVideo({
          mode: "previews",
          body: body.value as Record<string, unknown>,
          link: fields.link,
          videoLength: fields.videoLength,
          webhookUrl: fields.webhookUrl,
          visualStyles: fields.visualStyles,
          aspectRatios: fields.aspectRatios,
          previewCredits: credits,
        })
        return answer(job, request)
      }),
    ),
    http.post(`${CANONICAL_BASE}/api/link_to_videos/:id/render_single_preview/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.renderPreview, async () => {
        const job = store.linkToVideo(String(params.id))
        if (job === undefined) return notFound()
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkRenderSinglePreview(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        if (job.mode === "direct" || job.render !== undefined) {
          return messages("This video has already been rendered or is rendering.")
        }
        const view = linkToVideoView(job, store.timeline, store.clock.now())
        if (!view.previewsReady) {
          return messages(
            view.status === "pending"
              ? "The previews of this video are not ready yet."
              : `This video cannot be rendered: it is ${view.status}.`,
          )
        }
        const preview = job.previews.find((p) => p.media_job === checked.value.mediaJob)
        if (preview === undefined) {
          return fieldErrors({
            media_job: [`"${checked.value.mediaJob}" is not one of the previews of this video.`],
          })
        }
        const model = typeof job.body.model_version === "string" ? job.body.model_version : undefined
        const credits = renderCredits(job.videoLength, model)
        const refused = charge(ctx, credits)
        if (refused) return refused
        store.startRender(job, preview, credits)
        return answer(job, request)
      }),
    ),
    http.post(`${CANONICAL_BASE}/api/link_to_videos/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.createVideo, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkDirectRender(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const fields = checked.value
        if (store.link(fields.link) === undefined) return unknownLink(fields.link)
        const credits = renderCredits(fields.videoLength, fields.modelVersion)
        const refused = charge(ctx, credits)
        if (refused) return refused
        const job = store.addLinkToVideo({
          mode: "direct",
          body: body.value as Record<string, unknown>,
          link: fields.link,
          videoLength: fields.videoLength,
          webhookUrl: fields.webhookUrl,
          visualStyles: [],
          aspectRatios: [],
          previewCredits: 0,
          render: {
            credits,
            visualStyle: fields.visualStyle ?? "DynamicProductTemplate",
            aspectRatio: fields.aspectRatio ?? "16x9",
          },
        })
        return answer(job, request)
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/link_to_videos/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.getVideo, () => {
        const job = store.linkToVideo(String(params.id))
        return job === undefined ? notFound() : answer(job, request)
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/link_to_videos/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.listVideos, () => {
        const search = new URL(request.url).searchParams
        const ids = checkIds(search)
        if (!ids.ok) return fieldErrors(ids.errors)
        const wanted = ids.value === undefined ? undefined : new Set(ids.value)
        // Without ids: every job, each shown `listLag` after it was made.
        const all = wanted === undefined ? listed(ctx, store.linkToVideos()) : store.linkToVideos()
        const jobs = ordered(all, search.get("ordering")).filter(
          (job) => wanted === undefined || wanted.has(job.id),
        )
        const now = store.clock.now()
        const origin = originOf(request)
        return json(
          jobs.map((job) =>
            linkToVideoJson(job, linkToVideoView(job, store.timeline, now), origin, now, ctx.epoch),
          ),
        )
      }),
    ),
  ]
}
