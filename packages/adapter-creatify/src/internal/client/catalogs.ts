import type { VideoError } from "@vidbridge/core"
import type * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import {
  CustomTemplateList,
  MusicCategories,
  MusicPage,
  PersonaPage,
  RemainingCredits,
  VoiceList,
} from "../catalogs/wire.js"
import type { Calls } from "./calls.js"

type Answer<A> = Effect.Effect<A, VideoError>

/** A page of a page-numbered Creatify list: `page` from 1, `page_size` items. */
export interface CreatifyPageQuery {
  readonly page: number
  readonly page_size: number
}

/** Creatify's catalog and account reads (all free), one request per call. */
export interface CreatifyCatalogApi {
  /** `GET /api/personas/paginated/?page=&page_size=`: avatars, DRF pages (`{count, next, previous, results}`). */
  readonly listPersonas: (query: CreatifyPageQuery) => Answer<z.infer<typeof PersonaPage>>
  /** `GET /api/voices/`: every voice with its accents (a bare array). */
  readonly listVoices: () => Answer<z.infer<typeof VoiceList>>
  /** `GET /api/musics/?page=&page_size=&search=&category=`: background music. */
  readonly listMusics: (
    query: CreatifyPageQuery & {
      readonly search?: string | undefined
      readonly category?: string | undefined
    },
  ) => Answer<z.infer<typeof MusicPage>>
  /** `GET /api/music_categories/`: the categories `listMusics` filters by. */
  readonly listMusicCategories: () => Answer<z.infer<typeof MusicCategories>>
  /** `GET /api/custom_templates/`: the account's custom templates (a bare array, no paging). */
  readonly listCustomTemplates: () => Answer<z.infer<typeof CustomTemplateList>>
  /** `GET /api/remaining_credits/`: `{ remaining_credits }`. */
  readonly getRemainingCredits: () => Answer<z.infer<typeof RemainingCredits>>
}

/** {@link CreatifyCatalogApi} over `calls`. */
export const catalogApi = ({ get }: Calls): CreatifyCatalogApi => ({
  listPersonas: (query) => get("listAvatars", "/api/personas/paginated/", PersonaPage, { ...query }),
  listVoices: () => get("listVoices", "/api/voices/", VoiceList),
  listMusics: (query) => get("listMusic", "/api/musics/", MusicPage, { ...query }),
  listMusicCategories: () => get("listMusic", "/api/music_categories/", MusicCategories),
  listCustomTemplates: () => get("listTemplates", "/api/custom_templates/", CustomTemplateList),
  getRemainingCredits: () => get("getCreditBalance", "/api/remaining_credits/", RemainingCredits),
})
