import { http, type RequestHandler } from "msw"
import {
  SIM_CUSTOM_TEMPLATES,
  SIM_MUSIC_CATEGORIES,
  SIM_MUSICS,
  SIM_PERSONAS,
  SIM_VOICES,
} from "./catalogData.js"
import { CANONICAL_BASE, CREATIFY_ROUTES, fieldErrors, guard, type HandlerContext, json } from "./handlers.js"

/** The `remaining_credits` an account without a `balance` reports, less what it spent. */
export const UNLIMITED_REPORTED = 100_000

const positive = (search: URLSearchParams, name: string, fallback: number): number | string => {
  const raw = search.get(name)
  if (raw === null) return fallback
  const n = Number(raw)
  return Number.isInteger(n) && n >= 1 ? n : `A valid integer is required (at least 1).`
}

/** `page` and `page_size` of a paginated list, or DRF's field errors. */
const paging = (search: URLSearchParams) => {
  const page = positive(search, "page", 1)
  const size = positive(search, "page_size", 10)
  if (typeof page === "string" || typeof size === "string") {
    return {
      errors: {
        ...(typeof page === "string" ? { page: [page] } : {}),
        ...(typeof size === "string" ? { page_size: [size] } : {}),
      },
    }
  }
  return { page, size }
}

/** DRF's page of `items`; a page past the end is DRF's 404 `Invalid page.`. */
const pageOf = (request: Request, items: ReadonlyArray<unknown>, page: number, size: number) => {
  const start = (page - 1) * size
  if (start >= items.length && page > 1) return json({ detail: "Invalid page." }, 404)
  const link = (p: number) => {
    const url = new URL(request.url)
    url.searchParams.set("page", String(p))
    return url.toString()
  }
  return json({
    count: items.length,
    next: start + size < items.length ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: items.slice(start, start + size),
  })
}

/**
 * Handlers for the catalogs and the balance (catalogData.ts): `GET /api/personas/paginated/` (DRF
 * pages, inactive personas included as Creatify lists them), `GET /api/voices/`, `GET /api/musics/`
 * (pages with `count`, `search` on name or category, `category`), `GET /api/music_categories/`,
 * `GET /api/custom_templates/` and `GET /api/remaining_credits/` (the balance less what was spent).
 */
export const makeCatalogHandlers = (ctx: HandlerContext): RequestHandler[] => [
  http.get(`${CANONICAL_BASE}/api/personas/paginated/`, ({ request }) =>
    guard(ctx, request, CREATIFY_ROUTES.listPersonas, () => {
      const at = paging(new URL(request.url).searchParams)
      return "errors" in at ? fieldErrors(at.errors) : pageOf(request, SIM_PERSONAS, at.page, at.size)
    }),
  ),
  http.get(`${CANONICAL_BASE}/api/voices/`, ({ request }) =>
    guard(ctx, request, CREATIFY_ROUTES.listVoices, () => json(SIM_VOICES)),
  ),
  http.get(`${CANONICAL_BASE}/api/musics/`, ({ request }) =>
    guard(ctx, request, CREATIFY_ROUTES.listMusics, () => {
      const search = new URL(request.url).searchParams
      const at = paging(search)
      if ("errors" in at) return fieldErrors(at.errors)
      const text = search.get("search")?.toLowerCase()
      const category = search.get("category")
      const tracks = SIM_MUSICS.filter(
        (m) =>
          (category === null || m.category === category) &&
          (text === undefined ||
            String(m.name).toLowerCase().includes(text) ||
            String(m.category).toLowerCase().includes(text)),
      )
      const start = (at.page - 1) * at.size
      return json({
        count: tracks.length,
        page: at.page,
        page_size: at.size,
        results: tracks.slice(start, start + at.size),
      })
    }),
  ),
  http.get(`${CANONICAL_BASE}/api/music_categories/`, ({ request }) =>
    guard(ctx, request, CREATIFY_ROUTES.listMusicCategories, () =>
      json(SIM_MUSIC_CATEGORIES.map((name) => ({ name }))),
    ),
  ),
  http.get(`${CANONICAL_BASE}/api/custom_templates/`, ({ request }) =>
    guard(ctx, request, CREATIFY_ROUTES.listTemplates, () => json(SIM_CUSTOM_TEMPLATES)),
  ),
  http.get(`${CANONICAL_BASE}/api/remaining_credits/`, ({ request }) =>
    guard(ctx, request, CREATIFY_ROUTES.remainingCredits, () =>
      json({
        remaining_credits:
          (Number.isFinite(ctx.balance) ? ctx.balance : UNLIMITED_REPORTED) - ctx.ledger.spent(),
      }),
    ),
  ),
]
