import { scrapeProductPage, servedOrigin, serveMediaFile } from "@vidbridge/core/testing"
import { HttpResponse, http, type RequestHandler } from "msw"
import { creditsFor } from "../internal/credits.js"
import { JOGG_BASE_URL } from "../settings.js"
import { bypassFetch, errors, fail, guard, type HandlerContext, jsonBody, ok } from "./handlers.js"
import { JOGG_CATALOG_ROUTES, makeCatalogHandlers } from "./handlersCatalog.js"
import { JOGG_ENDPOINT_ROUTES, makeEndpointHandlers } from "./handlersEndpoints.js"
import { JOGG_JOB_ROUTES, makeJobHandlers } from "./handlersJobs.js"
import type { SimProduct } from "./state.js"
import { mediaOf, pageOf, statusFilter, text, videoSpecOf } from "./validate.js"
import { previewItem, productInfo, simMedia, videoItem, videoListItem } from "./views.js"

/** The route names of the v2 simulator, for fault injection (`sim.faults.inject(JOGG_V2_ROUTES.previewList, ...)`). */
export const JOGG_V2_ROUTES = {
  createProduct: "POST /v2/product",
  updateProduct: "PUT /v2/product",
  previewList: "POST /v2/create_video_from_product/preview_list",
  renderPreview: "POST /v2/create_video_from_product/render_single_preview",
  createVideo: "POST /v2/create_video_from_product",
  productVideo: "GET /v2/product_video/{product_video_id}",
  productVideos: "GET /v2/product_videos",
  productPreviews: "GET /v2/product_previews",
  ...JOGG_JOB_ROUTES,
  ...JOGG_CATALOG_ROUTES,
  ...JOGG_ENDPOINT_ROUTES,
  remainingQuota: "GET /v2/user/remaining_quota",
} as const

/** The events a v2 endpoint may subscribe to that the simulator sends. */
export const SIM_EVENTS = [
  "generated_product_video_success",
  "generated_product_video_failed",
  "generated_avatar_video_success",
  "generated_avatar_video_failed",
  "generated_template_video_success",
  "generated_template_video_failed",
] as const

/**
 * The msw handlers of JoggAI's v2 API under `https://api.jogg.ai`: products, previews,
 * renders, product video status and lists, AI scripts, avatar and template videos, the
 * catalogs, webhook endpoints, remaining quota, and the simulator's files
 * (`/sim/files/<id>.mp4`, `.jpg`) for `video_url` / `cover_url`.
 */
export const makeV2Handlers = (ctx: HandlerContext): RequestHandler[] => {
  const base = JOGG_BASE_URL
  const { store, ledger } = ctx
  const origin = (request: Request) => servedOrigin(request, base)
  const productId = () => btoa(String(54_419_000 + store.nextNumber())).replace(/=+$/, "")
  return [
    ...makeEndpointHandlers(ctx),
    ...makeJobHandlers(ctx),
    ...makeCatalogHandlers(ctx),
    http.post(`${base}/v2/product`, ({ request }) =>
      guard(ctx, request, JOGG_V2_ROUTES.createProduct, async () => {
        const body = await jsonBody(request)
        if (body === undefined) return errors.parameter("the body must be a JSON object")
        const url = text(body.url)
        const name = text(body.name)
        if (url === undefined && name === undefined) return errors.parameter("url or name is required")
        const media = mediaOf(body.media)
        if (typeof media === "string") return errors.parameter(media)
        const product: SimProduct = {
          id: productId(),
          url,
          name,
          description: text(body.description),
          target_audience: text(body.target_audience),
          media,
        }
        if (url !== undefined) {
          // As JoggAI says: with a url, the page is crawled and fills in what it finds.
          try {
            const page = await scrapeProductPage(url, bypassFetch)
            if (page.title === undefined && page.imageUrls.length === 0) throw new Error("nothing found")
            product.name = page.title ?? product.name
            product.description = page.description ?? product.description
            product.media = [
              ...page.imageUrls.map((u) => ({ type: 1, url: u })),
              ...page.videoUrls.map((u) => ({ type: 2, url: u })),
              ...media,
            ]
          } catch {
            return fail(40000, "Failed to extract product information")
          }
        }
        store.products.set(product.id, product)
        return ok(productInfo(product))
      }),
    ),
    http.put(`${base}/v2/product`, ({ request }) =>
      guard(ctx, request, JOGG_V2_ROUTES.updateProduct, async () => {
        const body = await jsonBody(request)
        const id = text(body?.product_id)
        if (body === undefined || id === undefined) return errors.parameter("product_id is required")
        const product = store.products.get(id)
        if (product === undefined) return errors.notFound()
        const media = mediaOf(body.media)
        if (typeof media === "string") return errors.parameter(media)
        if (text(body.name) !== undefined) product.name = body.name as string
        if (text(body.description) !== undefined) product.description = body.description as string
        if (text(body.target_audience) !== undefined) product.target_audience = body.target_audience as string
        if (body.media !== undefined) product.media = media
        return ok()
      }),
    ),
    http.post(`${base}/v2/create_video_from_product/preview_list`, ({ request }) =>
      guard(ctx, request, JOGG_V2_ROUTES.previewList, async () => {
        const body = await jsonBody(request)
        if (body === undefined) return errors.parameter("the body must be a JSON object")
        const checked = videoSpecOf(body, "visual_styles")
        if (typeof checked === "string") return errors.parameter(checked)
        if (!store.products.has(checked.spec.productId)) return errors.notFound()
        const each = creditsFor(checked.spec.seconds, "preview")
        if (!ledger.charge(each * checked.styles.length)) return errors.noCredit()
        const previews = checked.styles.map((style) => {
          const preview = {
            ...checked.spec,
            visualStyle: style,
            id: store.nextId("preview_"),
            createdAt: ctx.clock.now(),
            credits: each,
            failure: store.failures.take("preview"),
          }
          store.previews.set(preview.id, preview)
          return preview
        })
        return ok({
          preview_list_id: store.nextId("pl_"),
          previews: previews.map((p) => ({
            preview_id: p.id,
            visual_style: p.visualStyle,
            status: store.previewView(p).status,
          })),
        })
      }),
    ),
    http.post(`${base}/v2/create_video_from_product/render_single_preview`, ({ request }) =>
      guard(ctx, request, JOGG_V2_ROUTES.renderPreview, async () => {
        const body = await jsonBody(request)
        const previewId = text(body?.preview_id)
        if (previewId === undefined) return errors.parameter("preview_id is required")
        const preview = store.previews.get(previewId)
        if (preview === undefined) return errors.notFound()
        if (store.previewView(preview).status !== "completed") {
          return errors.parameter("the preview is not completed yet")
        }
        const credits = creditsFor(preview.seconds, "render")
        if (!ledger.charge(credits)) return errors.noCredit()
        const video = {
          ...preview,
          id: store.nextId("pv_"),
          previewId,
          createdAt: ctx.clock.now(),
          credits,
          failure: store.failures.take("video"),
        }
        store.videos.set(video.id, video)
        return ok({ video_id: video.id, status: store.videoView(video).status })
      }),
    ),
    http.post(`${base}/v2/create_video_from_product`, ({ request }) =>
      guard(ctx, request, JOGG_V2_ROUTES.createVideo, async () => {
        const body = await jsonBody(request)
        if (body === undefined) return errors.parameter("the body must be a JSON object")
        const checked = videoSpecOf(body, "visual_style")
        if (typeof checked === "string") return errors.parameter(checked)
        if (!store.products.has(checked.spec.productId)) return errors.notFound()
        const credits = creditsFor(checked.spec.seconds, "render")
        if (!ledger.charge(credits)) return errors.noCredit()
        const video = {
          ...checked.spec,
          visualStyle: checked.styles[0],
          id: store.nextId("pv_"),
          previewId: undefined,
          createdAt: ctx.clock.now(),
          credits,
          failure: store.failures.take("video"),
        }
        store.videos.set(video.id, video)
        return ok({ video_id: video.id, status: store.videoView(video).status })
      }),
    ),
    http.get(`${base}/v2/product_video/:id`, ({ request, params }) =>
      guard(ctx, request, JOGG_V2_ROUTES.productVideo, () => {
        const video = store.videos.get(String(params.id))
        if (video === undefined) return errors.notFound()
        return ok(videoItem(video, store.videoView(video), origin(request), ctx.epochMillis))
      }),
    ),
    ...(["product_videos", "product_previews"] as const).map((list) =>
      http.get(`${base}/v2/${list}`, ({ request }) =>
        guard(
          ctx,
          request,
          list === "product_videos" ? JOGG_V2_ROUTES.productVideos : JOGG_V2_ROUTES.productPreviews,
          () => {
            const url = new URL(request.url)
            const paging = pageOf(url)
            if (typeof paging === "string") return errors.parameter(paging)
            const wanted = statusFilter[url.searchParams.get("status") ?? ""]
            const from = origin(request)
            // A new job shows in the lists only `listLag` after it was made.
            const listed = <T extends { readonly createdAt: number }>(jobs: Iterable<T>) =>
              [...jobs].filter((job) => job.createdAt + ctx.listLag() <= ctx.clock.now())
            const items =
              list === "product_videos"
                ? listed(store.videos.values()).map((v) =>
                    videoListItem(v, store.videoView(v), from, ctx.epochMillis),
                  )
                : listed(store.previews.values()).map((p) =>
                    previewItem(p, store.previewView(p), from, ctx.epochMillis),
                  )
            const order = url.searchParams.get("sort_order") === "asc" ? 1 : -1
            const sorted = items
              .map((item, index) => ({ item, index }))
              .filter(({ item }) => wanted === undefined || item.status === wanted)
              .sort((a, b) => order * (a.item.created_at - b.item.created_at || a.index - b.index))
              .map(({ item }) => item)
            const page = sorted.slice((paging.page - 1) * paging.size, paging.page * paging.size)
            return ok({
              [list === "product_videos" ? "videos" : "previews"]: page,
              total: sorted.length,
              page: paging.page,
              page_size: paging.size,
            })
          },
        ),
      ),
    ),
    http.get(`${base}/v2/user/remaining_quota`, ({ request }) =>
      guard(ctx, request, JOGG_V2_ROUTES.remainingQuota, () => ok({ remaining_quota: ctx.remaining() })),
    ),
    http.get(`${base}/sim/files/:name`, ({ request, params }) => {
      const match = /^(.+)\.(mp4|jpg)$/.exec(String(params.name))
      const id = match?.[1] ?? ""
      const video = store.videos.get(id)
      const preview = store.previews.get(id)
      const other = store.jobVideos.get(id)
      const done =
        (video !== undefined && store.videoView(video).status === "completed") ||
        (preview !== undefined && store.previewView(preview).status === "completed") ||
        (other !== undefined && store.jobVideoView(other).status === "completed")
      return done && match
        ? serveMediaFile(request, simMedia(match[2]!))
        : HttpResponse.json({ detail: "No such file" }, { status: 404 })
    }),
  ]
}
