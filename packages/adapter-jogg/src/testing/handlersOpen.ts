import { scrapeProductPage, servedOrigin, serveMediaFile } from "@vidbridge/core/testing"
import { HttpResponse, http, type RequestHandler } from "msw"
import { creditsFor } from "../internal/credits.js"
import { JOGG_OPEN_BASE_URL } from "../settings.js"
import { bypassFetch, errors, fail, guard, type HandlerContext, jsonBody, ok } from "./handlers.js"
import { openProjectInfo, simMedia } from "./views.js"

/** The route names of the `open` simulator, for fault injection. */
export const JOGG_OPEN_ROUTES = {
  createProduct: "POST /open/product",
  updateProduct: "PUT /open/product",
  render: "POST /open/project/render",
  projectInfo: "GET /open/prj_info",
} as const

/** Length (seconds) of a simulated `open` video; it costs 1 credit (1 per started 2 minutes). */
export const OPEN_VIDEO_SECONDS = 30

const hex32 = (n: number): string => {
  let out = ""
  let seed = n * 2_654_435_761
  while (out.length < 32) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    out += seed.toString(16).padStart(8, "0")
  }
  return out.slice(0, 32)
}

/**
 * The msw handlers of JoggAI's older `open` API under `https://api-services.jogg.ai`
 * (the seed documents): `POST /open/product` (scrapes the page), `PUT /open/product`,
 * `POST /open/project/render`, `GET /open/prj_info?project_id=`, plus `/sim/files/...`.
 */
export const makeOpenHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const base = JOGG_OPEN_BASE_URL
  const { store, ledger } = ctx
  const byProductId = (id: unknown) =>
    [...store.openProjects.values()].find((p) => String(p.productId) === String(id))
  return [
    http.post(`${base}/open/product`, ({ request }) =>
      guard(ctx, request, JOGG_OPEN_ROUTES.createProduct, async () => {
        const body = await jsonBody(request)
        const url = typeof body?.url === "string" && body.url !== "" ? body.url : undefined
        if (url === undefined) return fail(40000, "Parameter error: url is required", 400)
        let title: string | undefined
        let description: string | undefined
        try {
          const page = await scrapeProductPage(url, bypassFetch)
          if (page.title === undefined && page.imageUrls.length === 0) throw new Error("nothing found")
          title = page.title
          description = page.description
        } catch {
          return fail(40000, "Failed to extract product information", 400)
        }
        const productId = store.nextNumber()
        const project = {
          productId,
          projectId: hex32(productId),
          url,
          title,
          intro_text: description,
          target_audience: undefined,
          createdAt: ctx.clock.now(),
        }
        store.openProjects.set(project.projectId, project)
        return ok({ id: productId, prj_id: project.projectId })
      }),
    ),
    http.put(`${base}/open/product`, ({ request }) =>
      guard(ctx, request, JOGG_OPEN_ROUTES.updateProduct, async () => {
        const body = await jsonBody(request)
        if (body?.product_id === undefined) return fail(40000, "Parameter error: product_id is required", 400)
        const project = byProductId(body.product_id)
        if (project === undefined) return errors.notFound()
        if (typeof body.title === "string" && body.title !== "") project.title = body.title
        if (typeof body.intro_text === "string" && body.intro_text !== "")
          project.intro_text = body.intro_text
        if (typeof body.target_audience === "string" && body.target_audience !== "") {
          project.target_audience = body.target_audience
        }
        return HttpResponse.json({ code: 0, msg: "success" })
      }),
    ),
    http.post(`${base}/open/project/render`, ({ request }) =>
      guard(ctx, request, JOGG_OPEN_ROUTES.render, async () => {
        const body = await jsonBody(request)
        const projectId = typeof body?.project_id === "string" ? body.project_id : undefined
        if (body === undefined || projectId === undefined) {
          return fail(40000, "Parameter error: project_id is required", 400)
        }
        if (!Number.isInteger(body.avatar_id))
          return fail(40000, "Parameter error: avatar_id is required", 400)
        const aspect = body.aspect_ratio ?? 0
        if (aspect !== 0 && aspect !== 1 && aspect !== 2) {
          return fail(40000, "Parameter error: aspect_ratio must be 0, 1 or 2", 400)
        }
        const project = store.openProjects.get(projectId)
        if (project === undefined) return errors.notFound()
        if (project.render !== undefined)
          return fail(40000, "Parameter error: the project is already rendered", 400)
        const credits = creditsFor(OPEN_VIDEO_SECONDS, "render")
        if (!ledger.charge(credits)) return errors.noCredit()
        project.render = { at: ctx.clock.now(), aspect, credits, failure: store.failures.take("video") }
        return HttpResponse.json({ code: 0, msg: "success" })
      }),
    ),
    http.get(`${base}/open/prj_info`, ({ request }) =>
      guard(ctx, request, JOGG_OPEN_ROUTES.projectInfo, () => {
        const id = new URL(request.url).searchParams.get("project_id")
        if (id === null || id === "") return fail(40000, "Parameter error: project_id is required", 400)
        const project = store.openProjects.get(id)
        if (project === undefined) return errors.notFound()
        return ok(
          openProjectInfo(project, store.openView(project), servedOrigin(request, base), ctx.epochMillis),
        )
      }),
    ),
    http.get(`${base}/sim/files/:name`, ({ request, params }) => {
      const match = /^(.+)\.(mp4|jpg)$/.exec(String(params.name))
      const project = store.openProjects.get(match?.[1] ?? "")
      if (match === null || project === undefined || store.openView(project).status !== 4) {
        return HttpResponse.json({ detail: "No such file" }, { status: 404 })
      }
      return serveMediaFile(request, simMedia(match[2]!))
    }),
  ]
}
