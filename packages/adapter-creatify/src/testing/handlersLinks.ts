import { scrapeProductPage } from "@vidbridge/core/testing"
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
  readJson,
} from "./handlers.js"
import { ordered } from "./handlersVideos.js"
import type { SimScript, SimScriptJob } from "./state.js"
import { CREATIFY_PRICES } from "./state.js"
import { checkIds, checkLinkCreate, checkLinkFields, checkScripts } from "./validate.js"
import { linkJson, scriptJobJson } from "./views.js"

/** Creatify's answer for a page without media (documented). */
export const NO_MEDIA_MESSAGE = "Link must have at least one image or one video."

/** The simulator's answer for product data with fewer than 3 images and no video. */
export const TOO_FEW_IMAGES_MESSAGE = "If no videos are included, provide at least 3 images."

const scriptsFor = (title: string, description: string, styles: ReadonlyArray<string>): SimScript[] =>
  styles.map((style, i) => ({
    script_style: style,
    script_name: `${style} ${i + 1}`,
    title: `${title} (${style})`,
    paragraphs: `Meet ${title}. ${description || "Made for everyday use."} Try it today.`,
  }))

/**
 * Handlers for links and AI scripts: `POST /api/links/` (scrapes the page with core's
 * `scrapeProductPage`), `POST /api/links/link_with_params/`, `GET /api/links/` (every link, a bare
 * array), `GET` / `PUT /api/links/{id}/`, `POST /api/ai_scripts/`, `GET /api/ai_scripts/{id}/` and
 * `GET /api/ai_scripts/?ids=&ordering=`. Lists show a new resource after `listLag`.
 */
export const makeLinkHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const { store } = ctx
  const scriptJson = (job: SimScriptJob) => scriptJobJson(job, store.timeline, store.clock.now(), ctx.epoch)
  return [
    http.get(`${CANONICAL_BASE}/api/links/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.listLinks, () => json(listed(ctx, store.links()).map(linkJson))),
    ),
    http.post(`${CANONICAL_BASE}/api/links/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.createLink, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkLinkCreate(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        let page: Awaited<ReturnType<typeof scrapeProductPage>>
        try {
          page = await scrapeProductPage(checked.value.url, ctx.fetch)
        } catch (error) {
          const cause = error instanceof Error ? error.message : String(error)
          return messages(`Failed to scrape url: ${cause}`)
        }
        if (page.imageUrls.length === 0 && page.videoUrls.length === 0) return messages(NO_MEDIA_MESSAGE)
        const refused = charge(ctx, CREATIFY_PRICES.linkFromUrl)
        if (refused) return refused
        const link = store.addLink({
          url: checked.value.url,
          title: page.title ?? null,
          description: page.description ?? null,
          image_urls: page.imageUrls,
          video_urls: page.videoUrls,
          logo_url: null,
          reviews: page.price === undefined ? null : { price: page.price },
          createdWith: "url",
          credits: CREATIFY_PRICES.linkFromUrl,
        })
        return json(linkJson(link), 201)
      }),
    ),
    http.post(`${CANONICAL_BASE}/api/links/link_with_params/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.createLinkWithParams, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkLinkFields(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const fields = checked.value
        const images = fields.image_urls ?? []
        const videos = fields.video_urls ?? []
        if (videos.length === 0 && images.length < 3) return messages(TOO_FEW_IMAGES_MESSAGE)
        const refused = charge(ctx, CREATIFY_PRICES.linkWithParams)
        if (refused) return refused
        const link = store.addLink({
          url: null,
          title: fields.title ?? null,
          description: fields.description ?? null,
          image_urls: images,
          video_urls: videos,
          logo_url: fields.logo_url ?? null,
          reviews: fields.reviews ?? null,
          createdWith: "params",
          credits: CREATIFY_PRICES.linkWithParams,
        })
        return json(linkJson(link))
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/links/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.getLink, () => {
        const link = store.link(String(params.id))
        return link === undefined ? notFound() : json(linkJson(link))
      }),
    ),
    http.put(`${CANONICAL_BASE}/api/links/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.updateLink, async () => {
        const link = store.link(String(params.id))
        if (link === undefined) return notFound()
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkLinkFields(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const fields = checked.value
        if (fields.title !== undefined) link.title = fields.title
        if (fields.description !== undefined) link.description = fields.description
        if (fields.image_urls !== undefined) link.image_urls = fields.image_urls
        if (fields.video_urls !== undefined) link.video_urls = fields.video_urls
        if (fields.logo_url !== undefined) link.logo_url = fields.logo_url
        if (fields.reviews !== undefined) link.reviews = fields.reviews
        return json(linkJson(link))
      }),
    ),
    http.post(`${CANONICAL_BASE}/api/ai_scripts/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.createScripts, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkScripts(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const refused = charge(ctx, CREATIFY_PRICES.aiScripts)
        if (refused) return refused
        const { title, description, styles } = checked.value
        const job = store.addScripts(
          body.value as Record<string, unknown>,
          scriptsFor(title, description, styles),
          ctx.pendingScripts,
          CREATIFY_PRICES.aiScripts,
        )
        return json(scriptJson(job), 201)
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/ai_scripts/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.getScripts, () => {
        const job = store.scriptJob(String(params.id))
        return job === undefined ? notFound() : json(scriptJson(job))
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/ai_scripts/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.listScripts, () => {
        const search = new URL(request.url).searchParams
        const ids = checkIds(search)
        if (!ids.ok) return fieldErrors(ids.errors)
        const wanted = ids.value === undefined ? undefined : new Set(ids.value)
        const jobs = wanted === undefined ? listed(ctx, store.scriptJobs()) : store.scriptJobs()
        return json(
          ordered(jobs, search.get("ordering"))
            .filter((job) => wanted === undefined || wanted.has(job.id))
            .map(scriptJson),
        )
      }),
    ),
  ]
}
