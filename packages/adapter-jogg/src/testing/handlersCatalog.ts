import { http, type RequestHandler } from "msw"
import { JOGG_BASE_URL } from "../settings.js"
import {
  customAvatars,
  customTemplates,
  customVoices,
  musics,
  photoAvatars,
  productAvatars,
  publicAvatars,
  publicTemplates,
  publicVoices,
  type SimTemplate,
  visualStyles,
} from "./catalog.js"
import { errors, guard, type HandlerContext, ok } from "./handlers.js"
import { pageOf } from "./validate.js"

/** The route names of the catalog reads, for fault injection. */
export const JOGG_CATALOG_ROUTES = {
  publicAvatars: "GET /v2/avatars/public",
  customAvatars: "GET /v2/avatars/custom",
  photoAvatars: "GET /v2/avatars/photo_avatars",
  productAvatars: "GET /v2/avatars/product_avatars",
  voices: "GET /v2/voices",
  customVoices: "GET /v2/voices/custom",
  musics: "GET /v2/musics",
  templates: "GET /v2/templates",
  customTemplates: "GET /v2/templates/custom",
  visualStyles: "GET /v2/visual_styles",
} as const

const aspectCodes: Readonly<Record<string, number>> = { portrait: 0, landscape: 1, square: 2 }

/** The documented enum of each filter; a value outside it is `40000 Parameter error`. */
const enums: Readonly<Record<string, ReadonlyArray<string>>> = {
  aspect_ratio: Object.keys(aspectCodes),
  style: ["professional", "social"],
  gender: ["female", "male"],
  scene: ["lifestyle", "outdoors", "business", "studio", "health_fitness", "education", "news"],
  status: ["processing", "completed", "failed"],
}

type Item = Readonly<Record<string, unknown>>

/** The items whose fields equal every filter set in `url` (a filter of `aspect_ratio` compares its code). */
const filtered = (url: URL, items: ReadonlyArray<Item>, filters: ReadonlyArray<string>) =>
  items.filter((item) =>
    filters.every((name) => {
      const value = url.searchParams.get(name)
      if (value === null) return true
      if (name === "aspect_ratio") return item.aspect_ratio === aspectCodes[value]
      if (name === "name") return String(item.name).toLowerCase().includes(value.toLowerCase())
      return item[name] === value
    }),
  )

/** The first filter of `url` whose value is outside its documented enum, as JoggAI's message. */
const badFilter = (url: URL, allowed: Readonly<Record<string, ReadonlyArray<string>>> = enums) => {
  for (const [name, values] of Object.entries(allowed)) {
    const value = url.searchParams.get(name)
    if (value !== null && !values.includes(value)) return `${name} must be one of ${values.join(", ")}`
  }
  return undefined
}

const templateItem = ({ variables: _, ...item }: SimTemplate) => item

/**
 * The msw handlers of JoggAI's catalog reads: avatars (public, custom, photo, product), voices
 * (public, custom), music, templates (JoggAI's, custom) and visual styles, each with its
 * documented filters and paging (none for avatars: a short page ends the list; `has_more` for
 * voices; `pagination` for music; templates, custom voices and visual styles whole).
 */
export const makeCatalogHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const base = JOGG_BASE_URL
  /** A GET answered by `answer(url)`: a `data` object, or the parameter error it names. */
  const get = (path: string, route: string, answer: (url: URL) => object | string) =>
    http.get(`${base}${path}`, ({ request }) =>
      guard(ctx, request, route, () => {
        const data = answer(new URL(request.url))
        return typeof data === "string" ? errors.parameter(data) : ok(data)
      }),
    )
  /** A page of `items` as `page` and `page_size` ask, with what `extra` adds from the page. */
  const paged = <E extends object>(
    url: URL,
    items: ReadonlyArray<Item>,
    extra: (more: boolean, size: number, page: number) => E,
  ): string | ({ readonly page: ReadonlyArray<Item> } & E) => {
    const paging = pageOf(url)
    if (typeof paging === "string") return paging
    const page = items.slice((paging.page - 1) * paging.size, paging.page * paging.size)
    return { page, ...extra(paging.page * paging.size < items.length, paging.size, paging.page) }
  }
  const avatarPage = (url: URL, items: ReadonlyArray<Item>, filters: ReadonlyArray<string>) => {
    const bad = badFilter(url)
    if (bad !== undefined) return bad
    const list = paged(url, filtered(url, items, filters), () => ({}))
    return typeof list === "string" ? list : { avatars: list.page }
  }
  const photoStatus: Readonly<Record<string, number>> = { processing: 0, completed: 1, failed: 2 }
  return [
    get("/v2/avatars/public", JOGG_CATALOG_ROUTES.publicAvatars, (url) =>
      avatarPage(url, publicAvatars, ["aspect_ratio", "style", "gender", "age", "scene", "ethnicity"]),
    ),
    get("/v2/avatars/custom", JOGG_CATALOG_ROUTES.customAvatars, (url) => {
      const status = url.searchParams.get("status")
      const items = customAvatars.filter((a) => status === null || a.avatar_status === status)
      return avatarPage(url, items, ["name"])
    }),
    get("/v2/avatars/photo_avatars", JOGG_CATALOG_ROUTES.photoAvatars, (url) => {
      const status = url.searchParams.get("status")
      const items = photoAvatars.filter((a) => status === null || a.status === photoStatus[status])
      return avatarPage(url, items, ["name"])
    }),
    get("/v2/avatars/product_avatars", JOGG_CATALOG_ROUTES.productAvatars, (url) => {
      const bad = badFilter(url, { aspect_ratio: ["portrait", "landscape"] })
      return bad ?? { product_avatars: filtered(url, productAvatars, ["aspect_ratio"]) }
    }),
    get("/v2/voices", JOGG_CATALOG_ROUTES.voices, (url) => {
      const bad = badFilter(url, { gender: ["female", "male"], age: ["young", "middle_aged", "old"] })
      if (bad !== undefined) return bad
      const items = filtered(url, publicVoices, ["gender", "language", "age", "use_case"])
      const list = paged(url, items, (more) => ({ has_more: more }))
      return typeof list === "string" ? list : { voices: list.page, has_more: list.has_more }
    }),
    get("/v2/voices/custom", JOGG_CATALOG_ROUTES.customVoices, (url) => {
      const voices = filtered(url, customVoices, ["language"])
      return { total: voices.length, voices }
    }),
    get("/v2/musics", JOGG_CATALOG_ROUTES.musics, (url) => {
      const list = paged(url, musics, (_, size, page) => ({
        pagination: {
          page,
          page_size: size,
          total_items: musics.length,
          total_pages: Math.ceil(musics.length / size),
        },
      }))
      return typeof list === "string" ? list : { music: list.page, pagination: list.pagination }
    }),
    ...(
      [
        ["/v2/templates", JOGG_CATALOG_ROUTES.templates, publicTemplates],
        ["/v2/templates/custom", JOGG_CATALOG_ROUTES.customTemplates, customTemplates],
      ] as const
    ).map(([path, route, templates]) =>
      get(path, route, (url) => {
        const bad = badFilter(url, { aspect_ratio: enums.aspect_ratio! })
        return bad ?? { templates: filtered(url, templates.map(templateItem), ["aspect_ratio"]) }
      }),
    ),
    get("/v2/visual_styles", JOGG_CATALOG_ROUTES.visualStyles, (url) => {
      const bad = badFilter(url, { aspect_ratio: enums.aspect_ratio! })
      if (bad !== undefined) return bad
      const aspect = url.searchParams.get("aspect_ratio")
      return {
        visual_styles: visualStyles
          .filter((s) => aspect === null || s.aspects.includes(aspect))
          .map(({ id, name }) => ({ id, name })),
      }
    }),
  ]
}
