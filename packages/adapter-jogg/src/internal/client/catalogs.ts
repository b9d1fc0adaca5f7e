import type { HttpClient } from "@vidbridge/core/adapter"
import type * as z from "zod/mini"
import {
  AvatarList,
  type CatalogParams,
  MusicList,
  RemainingQuota,
  TemplateList,
  VisualStyleList,
  VoiceList,
} from "../wire/catalogs.js"
import { type Answer, type Call, envelopeOf, spec } from "./http.js"

// JoggAI's v2 catalog reads and the balance: free GETs (JoggAI limits only POSTs), one per call.

const reads = {
  publicAvatars: ["/v2/avatars/public", AvatarList],
  customAvatars: ["/v2/avatars/custom", AvatarList],
  photoAvatars: ["/v2/avatars/photo_avatars", AvatarList],
  productAvatars: ["/v2/avatars/product_avatars", AvatarList],
  voices: ["/v2/voices", VoiceList],
  customVoices: ["/v2/voices/custom", VoiceList],
  musics: ["/v2/musics", MusicList],
  templates: ["/v2/templates", TemplateList],
  customTemplates: ["/v2/templates/custom", TemplateList],
  visualStyles: ["/v2/visual_styles", VisualStyleList],
  remainingQuota: ["/v2/user/remaining_quota", RemainingQuota],
} as const

/**
 * The catalog endpoints, one GET each with its query (`page`, `page_size` where the list pages,
 * and the list's filters): public / custom / photo / product avatars, voices and custom voices,
 * music, templates and custom templates, visual styles, and the remaining quota.
 */
export type JoggCatalogApi = {
  readonly [K in keyof typeof reads]: (
    query: CatalogParams,
    call: Call,
  ) => Answer<z.output<(typeof reads)[K][1]>>
}

/** The catalog endpoints over core's HTTP client. */
export const catalogApi = (http: HttpClient): JoggCatalogApi => {
  const { data } = envelopeOf(http)
  return Object.fromEntries(
    Object.entries(reads).map(([name, [path, schema]]) => [
      name,
      (query: CatalogParams, call: Call) => data(schema, spec(call, "GET", path, { query: { ...query } })),
    ]),
  ) as unknown as JoggCatalogApi
}
