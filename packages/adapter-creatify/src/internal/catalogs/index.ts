import type {
  Avatar,
  CatalogOperation,
  CatalogQuery,
  CreditBalance,
  Gender,
  Music,
  Template,
  VideoProviderShape,
  Voice,
} from "@vidbridge/core"
import {
  matchesSearch,
  nextPageCursor,
  pageOfList,
  parseProviderOptions,
  readPageCursor,
} from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import type { CreatifyClientShape } from "../../CreatifyClient.js"
import { PROVIDER_ID, toAspect } from "../mapping.js"
import { visualStyles } from "./visualStyles.js"
import type { CustomTemplate, MusicItem, Persona } from "./wire.js"

// The catalogs and the balance (vendors/creatify.md, A): personas paged by DRF (inactive ones
// left out, searched here), voices flattened to one item per accent (the id Creatify's calls take),
// music paged and searched by Creatify, custom templates and the known visual styles as whole
// lists, and the remaining credits.

/** Page size when the query gives no `limit` (Creatify's default); the largest asked for. */
const DEFAULT_PAGE = 10
const MAX_PAGE = 100

const context = (operation: CatalogOperation) => ({ provider: PROVIDER_ID, operation })

const genders: Readonly<Record<string, Gender>> = {
  m: "male",
  f: "female",
  nb: "nonbinary",
  male: "male",
  female: "female",
}

const opt = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined || value === "" ? {} : { [key]: value }) as { [P in K]?: V }

const RATIOS = [
  ["16:9", "16_9"],
  ["9:16", "9_16"],
  ["1:1", "1_1"],
] as const

/** A persona -> neutral Avatar: previews from its `preview_image_*` / `preview_video_*`, ratios those it has. */
const toAvatar = (p: Persona): Avatar => {
  const image = (code: string) => p[`preview_image_${code}` as keyof Persona] as string | null | undefined
  const video = (code: string) => p[`preview_video_${code}` as keyof Persona] as string | null | undefined
  const ratios = RATIOS.filter(([, code]) => image(code) || video(code)).map(([ratio]) => ratio)
  return {
    id: p.id,
    name: p.creator_name,
    ...opt("gender", genders[p.gender ?? ""]),
    ...opt("previewImageUrl", RATIOS.map(([, code]) => image(code)).find(Boolean)),
    ...opt("previewVideoUrl", RATIOS.map(([, code]) => video(code)).find(Boolean)),
    ...(ratios.length > 0 ? { aspectRatios: ratios } : {}),
    ...opt("kind", p.type),
    raw: { ...p },
  }
}

/** A track -> neutral Music; a track with neither an id nor a URL can be used for nothing and is left out. */
const toMusic = (m: MusicItem): Music[] => {
  const url = m.url || m.music_url || undefined
  const id = m.id === null || m.id === undefined || m.id === "" ? url : String(m.id)
  if (id === undefined) return []
  const category = typeof m.category === "string" ? m.category : m.category?.name
  return [
    {
      id,
      name: m.name || m.title || id,
      ...opt("url", url),
      ...opt("durationSeconds", m.duration),
      ...opt("category", category),
      raw: { ...m },
    },
  ]
}

const toTemplate = (t: CustomTemplate): Template => ({
  id: t.template_id,
  name: t.name,
  ...opt("previewUrl", t.preview),
  ...opt("aspectRatio", toAspect(t.aspect_ratio?.replace(":", "x"))),
  raw: { ...t },
})

// No vendor-only filters, except a music category.
const NoOptions = z.strictObject({})
const MusicOptions = z.strictObject({ category: z.optional(z.string().check(z.minLength(1))) })

/** The catalog reads and `getCreditBalance` over `client`. */
export const makeCatalogs = (
  client: CreatifyClientShape,
): Required<Pick<VideoProviderShape, CatalogOperation | "getCreditBalance">> => {
  const noOptions = (query: CatalogQuery, operation: CatalogOperation) =>
    parseProviderOptions(NoOptions, query.providerOptions, context(operation))

  /** `GET /api/personas/paginated/`: DRF pages; inactive personas left out; searched by name here. */
  const listAvatars = Effect.fnUntraced(function* (query: CatalogQuery) {
    yield* noOptions(query, "listAvatars")
    const at = yield* readPageCursor(query.cursor, context("listAvatars"))
    const pageSize = at.pageSize ?? Math.min(query.limit ?? DEFAULT_PAGE, MAX_PAGE)
    const body = yield* client.listPersonas({ page: at.page, page_size: pageSize })
    return {
      items: body.results
        .filter((p) => p.is_active !== false)
        .map(toAvatar)
        .filter((a) => matchesSearch(a, query.search)),
      cursor: nextPageCursor(at, { pageSize, received: body.results.length, hasMore: body.next != null }),
    }
  })

  /** `GET /api/voices/`, one item per accent (its id is what `voice` takes), paged here. */
  const listVoices = Effect.fnUntraced(function* (query: CatalogQuery) {
    yield* noOptions(query, "listVoices")
    const voices = yield* client.listVoices()
    const items = voices.flatMap((v): Voice[] =>
      (v.accents ?? []).map((a) => ({
        id: a.id,
        name: a.accent_name ? `${v.name} (${a.accent_name})` : v.name,
        ...opt("gender", genders[v.gender ?? ""]),
        ...opt("accent", a.accent_name),
        ...opt("sampleUrl", a.preview_url),
        raw: { ...v, accents: [a] },
      })),
    )
    return yield* pageOfList(items, query, context("listVoices"))
  })

  /** `GET /api/musics/`: pages with a `count`; Creatify searches (name or category) and filters by `category`. */
  const listMusic = Effect.fnUntraced(function* (query: CatalogQuery) {
    const options = yield* parseProviderOptions(MusicOptions, query.providerOptions, context("listMusic"))
    const at = yield* readPageCursor(query.cursor, context("listMusic"))
    const pageSize = at.pageSize ?? Math.min(query.limit ?? DEFAULT_PAGE, MAX_PAGE)
    const body = yield* client.listMusics({
      page: at.page,
      page_size: pageSize,
      search: query.search?.trim(),
      category: options.category,
    })
    const items = Array.isArray(body) ? body : body.results
    return {
      items: items.flatMap(toMusic),
      cursor: nextPageCursor(at, {
        pageSize,
        received: items.length,
        total: Array.isArray(body) ? undefined : body.count,
      }),
    }
  })

  /** `GET /api/custom_templates/` (one whole list), paged and searched here. */
  const listTemplates = Effect.fnUntraced(function* (query: CatalogQuery) {
    yield* noOptions(query, "listTemplates")
    return yield* pageOfList(
      (yield* client.listCustomTemplates()).map(toTemplate),
      query,
      context("listTemplates"),
    )
  })

  /** The known visual styles: Creatify has no endpoint listing them. */
  const listVisualStyles = Effect.fnUntraced(function* (query: CatalogQuery) {
    yield* noOptions(query, "listVisualStyles")
    return yield* pageOfList(visualStyles, query, context("listVisualStyles"))
  })

  const getCreditBalance = () =>
    Effect.map(
      client.getRemainingCredits(),
      (body): CreditBalance => ({ remaining: body.remaining_credits, unit: "credits", raw: { ...body } }),
    )

  return { listAvatars, listVoices, listMusic, listTemplates, listVisualStyles, getCreditBalance }
}
