import type {
  CatalogOperation,
  CatalogQuery,
  Music,
  Template,
  VideoProviderShape,
  VisualStyle,
  Voice,
} from "@vidbridge/core"
import { pageOfList } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import type { JoggV2Api } from "../client/v2.js"
import { aspectFromOpenCode } from "../mapping/open.js"
import { PROVIDER_ID, str } from "../mapping/refs.js"
import { v2Aspect } from "../mapping/v2.js"
import { listAvatars } from "./avatars.js"
import { type At, catalogOptions, catalogPage, genderOf, slice } from "./paging.js"

// The v2 catalog reads and the balance. Voices: `GET /v2/voices` (pages, `has_more`) then
// `GET /v2/voices/custom` (whole); music: `GET /v2/musics` (`pagination.total_pages`); templates:
// `GET /v2/templates` then `/v2/templates/custom` (whole lists, ids "<n>" / "custom:<n>"); visual
// styles: `GET /v2/visual_styles` (whole, id = the name JoggAI takes); balance: remaining_quota.

const aspect = z.enum(["portrait", "landscape", "square"])

const VoiceOptions = z.strictObject({
  kind: z.optional(z.enum(["public", "custom"])),
  language: z.optional(z.string().check(z.minLength(1))),
  gender: z.optional(z.enum(["female", "male"])),
  age: z.optional(z.enum(["young", "middle_aged", "old"])),
  use_case: z.optional(z.string().check(z.minLength(1))),
})
const TemplateOptions = z.strictObject({
  kind: z.optional(z.enum(["public", "custom"])),
  aspect_ratio: z.optional(aspect),
})
const StyleOptions = z.strictObject({ aspect_ratio: z.optional(aspect) })
const NoOptions = z.strictObject({})

const publicOnly = ["public"]

/** The catalog reads and `getCreditBalance` of the v2 provider. */
export const catalogOperations = (
  api: JoggV2Api,
): Required<Pick<VideoProviderShape, CatalogOperation | "getCreditBalance">> => ({
  listAvatars: listAvatars(api),

  listVoices: (query: CatalogQuery) =>
    Effect.flatMap(
      catalogOptions("listVoices", query, VoiceOptions, ["public", "custom"], {
        gender: publicOnly,
        age: publicOnly,
        use_case: publicOnly,
      }),
      ({ options: { kind: _, ...filters }, sources }) =>
        catalogPage("listVoices", query, sources, (at: At) => {
          const call = { operation: "listVoices" }
          const read =
            at.source === "public"
              ? api.voices({ page: at.page, page_size: at.pageSize, ...filters }, call)
              : api.customVoices({ language: filters.language }, call)
          return Effect.map(read, (data) => {
            const voices: Array<Voice> = (data.voices ?? []).flatMap((v) => {
              const id = str(v.voice_id)
              if (id === undefined) return []
              const sample = str(v.audio_url) ?? str(v.audition_url)
              return [
                {
                  id,
                  name: str(v.name) ?? id,
                  language: str(v.language),
                  gender: genderOf(v.gender),
                  accent: str(v.accent),
                  sampleUrl: sample,
                  raw: v,
                },
              ]
            })
            return at.source === "public"
              ? { items: voices, received: data.voices?.length ?? 0, paging: { hasMore: data.has_more } }
              : slice(voices, at)
          })
        }),
    ),

  listMusic: (query: CatalogQuery) =>
    Effect.flatMap(catalogOptions("listMusic", query, NoOptions, []), () =>
      catalogPage("listMusic", query, undefined, (at: At) =>
        Effect.map(
          api.musics({ page: at.page, page_size: at.pageSize }, { operation: "listMusic" }),
          (data) => {
            const music: Array<Music> = (data.music ?? []).flatMap((m) => {
              const id = str(m.id)
              return id === undefined
                ? []
                : [
                    {
                      id,
                      name: str(m.name) ?? id,
                      url: str(m.music_url),
                      durationSeconds: m.duration ?? undefined,
                      raw: m,
                    },
                  ]
            })
            return {
              items: music,
              received: data.music?.length ?? 0,
              paging: { totalPages: data.pagination?.total_pages },
            }
          },
        ),
      ),
    ),

  listTemplates: (query: CatalogQuery) =>
    Effect.flatMap(
      catalogOptions("listTemplates", query, TemplateOptions, ["public", "custom"]),
      ({ options, sources }) =>
        catalogPage("listTemplates", query, sources, (at: At) => {
          const call = { operation: "listTemplates" }
          const filter = { aspect_ratio: options.aspect_ratio }
          const read =
            at.source === "public" ? api.templates(filter, call) : api.customTemplates(filter, call)
          return Effect.map(read, (data) => {
            const templates: Array<Template> = (data.templates ?? []).flatMap((t) => {
              const n = str(t.id) ?? str(t.template_id)
              if (n === undefined) return []
              return [
                {
                  id: at.source === "public" ? n : `custom:${n}`,
                  name: str(t.name) ?? n,
                  previewUrl: str(t.preview_url) ?? str(t.cover_url),
                  aspectRatio: aspectFromOpenCode(t.aspect_ratio),
                  raw: t,
                },
              ]
            })
            return slice(templates, at)
          })
        }),
    ),

  listVisualStyles: (query: CatalogQuery) =>
    Effect.gen(function* () {
      const { options } = yield* catalogOptions("listVisualStyles", query, StyleOptions, [])
      const data = yield* api.visualStyles(
        { aspect_ratio: options.aspect_ratio },
        { operation: "listVisualStyles" },
      )
      const wanted = options.aspect_ratio
      const ratio = (Object.keys(v2Aspect) as Array<keyof typeof v2Aspect>).find(
        (r) => v2Aspect[r] === wanted,
      )
      const styles: Array<VisualStyle> = (data.visual_styles ?? []).flatMap((v) => {
        const name = str(v.name)
        return name === undefined
          ? []
          : [{ id: name, name, aspectRatios: ratio === undefined ? undefined : [ratio], raw: v }]
      })
      return yield* pageOfList(styles, query, { provider: PROVIDER_ID, operation: "listVisualStyles" })
    }),

  getCreditBalance: () =>
    Effect.map(api.remainingQuota({}, { operation: "getCreditBalance" }), (data) => ({
      remaining: data.remaining_quota,
      unit: "credits",
      raw: data,
    })),
})
