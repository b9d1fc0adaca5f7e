import * as z from "zod/mini"

// Wire shapes of JoggAI's v2 catalog reads (avatars, voices, music, templates, visual styles) and
// the balance, as openapi-v2.yaml documents them. Tolerant like every answer: the spec, its
// components and the Postman examples disagree on names (`id` / `avatar_id` / `template_id`,
// `audio_url` / `audition_url`), so each is accepted and items without an id are left out.

const idLike = z.union([z.string(), z.number()])
const text = z.nullish(z.string())
const num = z.nullish(z.number())

/** One avatar of any list: public (`aspect_ratio` 0/1/2), custom (`avatar_status`), photo and product (`status` 0/1/2). */
export const AvatarItem = z.looseObject({
  id: z.nullish(idLike),
  avatar_id: z.nullish(idLike),
  name: text,
  video_url: text,
  avatar_url: text,
  cover_url: text,
  aspect_ratio: num,
  gender: text,
  avatar_status: text,
  status: z.nullish(idLike),
})
export type AvatarItem = z.infer<typeof AvatarItem>

/** `data` of `GET /v2/avatars/public`, `/custom`, `/photo_avatars` (`avatars`) and `/product_avatars` (`product_avatars`). */
export const AvatarList = z.looseObject({
  avatars: z.nullish(z.array(AvatarItem)),
  product_avatars: z.nullish(z.array(AvatarItem)),
})

/** One voice: `audio_url` in the paths, `audition_url` in the `VoiceInfo` component. */
export const VoiceItem = z.looseObject({
  voice_id: z.nullish(idLike),
  name: text,
  language: text,
  gender: text,
  accent: text,
  audio_url: text,
  audition_url: text,
})
export type VoiceItem = z.infer<typeof VoiceItem>

/** `data` of `GET /v2/voices` (paged, `has_more`) and `GET /v2/voices/custom` (whole, `total`). */
export const VoiceList = z.looseObject({
  voices: z.nullish(z.array(VoiceItem)),
  has_more: z.nullish(z.boolean()),
  total: num,
})

/** `pagination` of the music and template-video lists. */
export const Pagination = z.looseObject({
  page: num,
  page_size: num,
  total_items: num,
  total_pages: num,
})

/** `data` of `GET /v2/musics`. */
export const MusicList = z.looseObject({
  music: z.nullish(
    z.array(z.looseObject({ id: z.nullish(idLike), name: text, music_url: text, duration: num })),
  ),
  pagination: z.nullish(Pagination),
})

/** `data` of `GET /v2/templates` and `GET /v2/templates/custom` (whole lists). */
export const TemplateList = z.looseObject({
  templates: z.nullish(
    z.array(
      z.looseObject({
        id: z.nullish(idLike),
        template_id: z.nullish(idLike),
        name: text,
        cover_url: text,
        preview_url: text,
        aspect_ratio: num,
      }),
    ),
  ),
})

/** `data` of `GET /v2/visual_styles`: send the `name`. */
export const VisualStyleList = z.looseObject({
  visual_styles: z.nullish(z.array(z.looseObject({ id: z.nullish(idLike), name: text }))),
})

/** `data` of `GET /v2/user/remaining_quota`. */
export const RemainingQuota = z.looseObject({ remaining_quota: z.number() })

/** The query of a catalog read: a page where the list pages, and the list's own filters. */
export type CatalogParams = Readonly<Record<string, string | number | undefined>>
