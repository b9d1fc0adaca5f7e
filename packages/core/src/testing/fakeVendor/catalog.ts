import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { matchesSearch, nextPageCursor, pageOfList, readPageCursor } from "../../adapter/catalogs.js"
import { parseProviderOptions } from "../../adapter/inputs.js"
import type { HttpClient } from "../../http/HttpClient.js"
import type { AspectRatio } from "../../model/AspectRatio.js"
import type { CatalogOperation, CatalogQuery, Gender } from "../../model/Catalog.js"
import type { VideoProviderShape } from "../../VideoProvider.js"

// The fake vendor's catalogs, one per paging style a real vendor uses, each mapped onto the
// neutral cursor: avatars (pages + `has_more`, searched by the vendor), voices (pages + `total`,
// searched here), music (the vendor's own token), templates (one whole list), visual styles
// (no endpoint: a known list).

const Avatars = z.looseObject({
  avatars: z.array(
    z.looseObject({
      id: z.string(),
      display_name: z.string(),
      gender: z.optional(z.string()),
      image: z.optional(z.string()),
      video: z.optional(z.string()),
      formats: z.optional(z.array(z.string())),
      type: z.optional(z.string()),
    }),
  ),
  has_more: z.boolean(),
})
const Voices = z.looseObject({
  voices: z.array(
    z.looseObject({
      voice_id: z.string(),
      label: z.string(),
      lang: z.optional(z.string()),
      sex: z.optional(z.string()),
      accent: z.optional(z.string()),
      sample: z.optional(z.string()),
    }),
  ),
  total: z.number(),
})
const Tracks = z.looseObject({
  tracks: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      url: z.optional(z.string()),
      seconds: z.optional(z.number()),
      genre: z.optional(z.string()),
    }),
  ),
  next: z.nullable(z.string()),
})
const Templates = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string(),
    preview: z.optional(z.string()),
    ratio: z.optional(z.string()),
    fields: z.optional(z.array(z.looseObject({ name: z.string(), kind: z.string(), required: z.boolean() }))),
  }),
)
const Balance = z.looseObject({ credits: z.number() })

/** The visual styles the fake vendor knows (it has no endpoint listing them): pass the name as `visualStyle`. */
export const FAKE_VISUAL_STYLES = ["Clean", "Bold", "Retro", "Minimal"] as const

const formats: Readonly<Record<string, AspectRatio>> = { portrait: "9:16", landscape: "16:9", square: "1:1" }
const genders: Readonly<Record<string, Gender>> = {
  f: "female",
  m: "male",
  nb: "nonbinary",
  female: "female",
  male: "male",
}
const ratio = (value: string | undefined) =>
  value === "9:16" || value === "16:9" || value === "1:1" ? (value as AspectRatio) : undefined

// The fake takes no vendor-only catalog filters: any `providerOptions.fake` field is InvalidInput.
const NoOptions = z.strictObject({})

/** The catalog reads and the balance of the fake vendor's provider. @internal */
export const makeFakeCatalog = (
  http: HttpClient,
): Required<Pick<VideoProviderShape, CatalogOperation | "getCreditBalance">> => {
  const get = <A>(
    operation: string,
    path: string,
    schema: z.ZodMiniType<A>,
    query?: Record<string, unknown>,
  ) =>
    http.requestBody({
      operation,
      method: "GET",
      path,
      query: query as Record<string, string | number | undefined>,
      spendsCredits: false,
      schema,
    })
  const checked = (operation: CatalogOperation, query: CatalogQuery) =>
    parseProviderOptions(NoOptions, query.providerOptions, { provider: "fake", operation })

  return {
    listAvatars: (query) =>
      Effect.gen(function* () {
        const context = { provider: "fake", operation: "listAvatars" }
        yield* checked("listAvatars", query)
        const at = yield* readPageCursor(query.cursor, context)
        const pageSize = at.pageSize ?? Math.min(query.limit ?? 10, 50)
        const body = yield* get("listAvatars", "/avatars", Avatars, {
          page: at.page,
          per_page: pageSize,
          q: query.search?.trim(),
        })
        return {
          items: body.avatars.map((a) => ({
            id: a.id,
            name: a.display_name,
            gender: genders[a.gender ?? ""],
            previewImageUrl: a.image,
            previewVideoUrl: a.video,
            aspectRatios: a.formats?.flatMap((f) => (formats[f] ? [formats[f]] : [])),
            kind: a.type,
            raw: a,
          })),
          cursor: nextPageCursor(at, { pageSize, received: body.avatars.length, hasMore: body.has_more }),
        }
      }),
    listVoices: (query) =>
      Effect.gen(function* () {
        yield* checked("listVoices", query)
        const at = yield* readPageCursor(query.cursor, { provider: "fake", operation: "listVoices" })
        const pageSize = at.pageSize ?? Math.min(query.limit ?? 10, 50)
        const body = yield* get("listVoices", "/voices", Voices, { page: at.page, per_page: pageSize })
        const items = body.voices.map((v) => ({
          id: v.voice_id,
          name: v.label,
          language: v.lang,
          gender: genders[v.sex ?? ""],
          accent: v.accent,
          sampleUrl: v.sample,
          raw: v,
        }))
        return {
          items: items.filter((v) => matchesSearch(v, query.search)),
          cursor: nextPageCursor(at, { pageSize, received: body.voices.length, total: body.total }),
        }
      }),
    listMusic: (query) =>
      Effect.gen(function* () {
        yield* checked("listMusic", query)
        // The vendor pages by its own token (the last track's id): the cursor is that token.
        const body = yield* get("listMusic", "/music", Tracks, {
          after: query.cursor,
          count: Math.min(query.limit ?? 5, 20),
        })
        const items = body.tracks.map((t) => ({
          id: t.id,
          name: t.title,
          url: t.url,
          durationSeconds: t.seconds,
          category: t.genre,
          raw: t,
        }))
        return {
          items: items.filter((t) => matchesSearch(t, query.search)),
          ...(body.next === null ? {} : { cursor: body.next }),
        }
      }),
    listTemplates: (query) =>
      Effect.gen(function* () {
        yield* checked("listTemplates", query)
        const all = yield* get("listTemplates", "/templates", Templates)
        const templates = all.map((t) => ({
          id: t.id,
          name: t.name,
          previewUrl: t.preview,
          aspectRatio: ratio(t.ratio),
          variables: t.fields?.map((f) => ({ name: f.name, type: f.kind, required: f.required })),
          raw: t,
        }))
        return yield* pageOfList(templates, query, { provider: "fake", operation: "listTemplates" })
      }),
    listVisualStyles: (query) =>
      Effect.flatMap(checked("listVisualStyles", query), () =>
        pageOfList(
          FAKE_VISUAL_STYLES.map((name) => ({ id: name, name, raw: { name } })),
          query,
          { provider: "fake", operation: "listVisualStyles" },
        ),
      ),
    getCreditBalance: () =>
      Effect.map(get("getCreditBalance", "/balance", Balance), (body) => ({
        remaining: body.credits,
        unit: "credits",
        raw: body,
      })),
  }
}
