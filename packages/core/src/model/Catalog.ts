import * as z from "zod/mini"
import type { AspectRatio } from "./AspectRatio.js"
import { ProviderOptionsSchema } from "./inputs.js"

// The vendor catalogs (avatars, voices, music, templates, visual styles) and the credit balance,
// in neutral terms. Every item's `id` is exactly what the vendor's create calls take, so it can be
// passed as `avatar`, `voice`, `template` or `visualStyle` as it is; `raw` keeps the vendor's item.

/**
 * Input to the catalog reads (`listAvatars`, `listVoices`, `listMusic`, `listTemplates`,
 * `listVisualStyles`). Checked before any request.
 */
export const CatalogQuerySchema = z.strictObject({
  /** The `cursor` of the page before, to read the next one; absent, the first page. */
  cursor: z.optional(
    z.string().check(z.regex(/^[\x21-\x7e]{1,1000}$/, "must be a cursor from a page read before")),
  ),
  /**
   * At most this many items on the page (1-100); absent, the vendor's own page size. A cursor of
   * a page-numbered vendor keeps the size its first page was read with.
   */
  limit: z.optional(z.number().check(z.int(), z.positive(), z.lte(100))),
  /** Only items whose name contains this text (case-insensitive); vendors that search may match more fields. */
  search: z.optional(z.string().check(z.maxLength(200), z.regex(/\S/, "must not be empty or only spaces"))),
  /** Vendor-only filters, keyed by provider id: `{ jogg: { aspect_ratio: "portrait" } }`. */
  providerOptions: z.optional(ProviderOptionsSchema),
})

/** Input to a catalog read: `{ cursor?, limit?, search?, providerOptions? }`. */
export type CatalogQuery = z.infer<typeof CatalogQuerySchema>

/**
 * One page of a catalog. `cursor` is absent on the last page; pass it back as `query.cursor` for
 * the next one. A page may hold fewer items than `limit` (even none, where the vendor pages
 * before a search is applied) and still have a `cursor`: stop only when it is absent.
 */
export interface CatalogPage<T> {
  readonly items: ReadonlyArray<T>
  /** Opaque: made by the adapter (a page number, an offset, the vendor's own token), read only by it. */
  readonly cursor?: string | undefined
}

/** A person's gender as vendors describe their avatars and voices. */
export type Gender = "female" | "male" | "nonbinary"

/** An avatar (presenter) to pass as `avatar`. */
export interface Avatar {
  /** What `render({ avatar })` takes (Creatify persona id; JoggAI avatar id with its type). */
  readonly id: string
  readonly name: string
  readonly gender?: Gender | undefined
  readonly previewImageUrl?: string | undefined
  readonly previewVideoUrl?: string | undefined
  /** The aspect ratios the avatar is offered in, where the vendor says. */
  readonly aspectRatios?: ReadonlyArray<AspectRatio> | undefined
  /** The vendor's kind of avatar (`stock`, `custom`, `photo`, `product`, ...), where it has several. */
  readonly kind?: string | undefined
  readonly raw: unknown
}

/** A voice to pass as `voice`. */
export interface Voice {
  /** What `render({ voice })` takes (Creatify: the accent id; JoggAI: `voice_id`). */
  readonly id: string
  readonly name: string
  /** The language, as the vendor names it (`english`, `en-US`, ...). */
  readonly language?: string | undefined
  readonly gender?: Gender | undefined
  readonly accent?: string | undefined
  /** A short sample to listen to. */
  readonly sampleUrl?: string | undefined
  readonly raw: unknown
}

/** A background music track. */
export interface Music {
  readonly id: string
  readonly name: string
  readonly url?: string | undefined
  readonly durationSeconds?: number | undefined
  readonly category?: string | undefined
  readonly raw: unknown
}

/** A variable of a template, filled through `render({ variables })`. */
export interface TemplateVariable {
  readonly name: string
  /** The vendor's kind of value (`text`, `image`, `video`, `script`, ...). */
  readonly type?: string | undefined
  readonly required?: boolean | undefined
}

/** A vendor template to pass as `template`. */
export interface Template {
  readonly id: string
  readonly name: string
  readonly previewUrl?: string | undefined
  readonly aspectRatio?: AspectRatio | undefined
  /** Its variables, where the vendor lists them. */
  readonly variables?: ReadonlyArray<TemplateVariable> | undefined
  readonly raw: unknown
}

/** A visual style to pass as `visualStyle` (or in `visualStyles`): `id` is what the vendor takes, often its name. */
export interface VisualStyle {
  readonly id: string
  readonly name: string
  readonly aspectRatios?: ReadonlyArray<AspectRatio> | undefined
  readonly raw: unknown
}

/** The account's balance, from `getCreditBalance`. */
export interface CreditBalance {
  readonly remaining: number
  /** What the vendor counts: `credits` (Creatify, JoggAI). */
  readonly unit: string
  readonly raw: unknown
}

/** Each catalog read and the item it lists. */
export interface CatalogItems {
  readonly listAvatars: Avatar
  readonly listVoices: Voice
  readonly listMusic: Music
  readonly listTemplates: Template
  readonly listVisualStyles: VisualStyle
}

/** One of the catalog reads: `listAvatars`, `listVoices`, `listMusic`, `listTemplates`, `listVisualStyles`. */
export type CatalogOperation = keyof CatalogItems
