import * as z from "zod/mini"

// The catalog and account reads as Creatify documents them (vendors/creatify.md, "Catalogs, avatar
// videos and account", A). Tolerant like ../wire.ts: extra fields pass, optional ones may be null.

const str = z.nullish(z.string())
const num = z.nullish(z.number())
const text = z.string().check(z.minLength(1))

/** A persona (avatar): its `id` is what `override_avatar` and `character.avatar_id` take. */
export const Persona = z.looseObject({
  id: text,
  creator_name: z.string(),
  gender: str,
  type: str,
  is_active: z.nullish(z.boolean()),
  preview_image_16_9: str,
  preview_image_1_1: str,
  preview_image_9_16: str,
  preview_video_16_9: str,
  preview_video_1_1: str,
  preview_video_9_16: str,
})
export type Persona = z.infer<typeof Persona>

/** DRF's page: `GET /api/personas/paginated/?page=&page_size=`. */
export const PersonaPage = z.looseObject({
  count: num,
  next: str,
  results: z.array(Persona),
})

/** One accent of a voice: its `id` is what `override_voice` and `voice.voice_id` take. */
export const Accent = z.looseObject({ id: text, accent_name: str, preview_url: str })

/** `GET /api/voices/`: a bare array of voices, each with its accents. */
export const VoiceList = z.array(
  z.looseObject({ name: z.string(), gender: str, accents: z.nullish(z.array(Accent)) }),
)

/**
 * A music track. Creatify's reference does not show the item's fields (a gap in the notes), so
 * every field is optional: the id may be a number or a string, the name `name` or `title`.
 */
export const MusicItem = z.looseObject({
  id: z.nullish(z.union([z.string(), z.number()])),
  name: str,
  title: str,
  url: str,
  music_url: str,
  duration: num,
  category: z.nullish(z.union([z.string(), z.looseObject({ name: str })])),
})
export type MusicItem = z.infer<typeof MusicItem>

/**
 * `GET /api/musics/`: the rendered reference shows `{count, results, page, page_size}`, the
 * OpenAPI excerpt a bare array; both parse.
 */
export const MusicPage = z.union([
  z.looseObject({ count: num, results: z.array(MusicItem) }),
  z.array(MusicItem),
])

/** `GET /api/music_categories/`: `[{name}]`. */
export const MusicCategories = z.array(z.looseObject({ name: z.string() }))

/** `GET /api/custom_templates/`: a bare array; `template_id` is what `template_id` takes. */
export const CustomTemplateList = z.array(
  z.looseObject({ template_id: text, name: z.string(), preview: str, aspect_ratio: str }),
)
export type CustomTemplate = z.infer<typeof CustomTemplateList>[number]

/** `GET /api/remaining_credits/`. */
export const RemainingCredits = z.looseObject({ remaining_credits: z.number() })
