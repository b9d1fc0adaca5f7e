import { JobRef, type Product, type ProductInput } from "@vidbridge/core"
import { PROVIDER_ID } from "./mapping.js"
import type { OverrideScene } from "./wire.js"

/** The JobRef kind of a product kept on the client. */
export const PRODUCT_KIND = "product"

/**
 * Longest transcript the adapter derives from a product: Hour One's docs say a scene
 * transcript "must contain less than 500 characters" (the schema allows 1000).
 */
export const TRANSCRIPT_LIMIT = 499

/** FNV-1a, 64 bit, as hex: a stable id from the product's content (no crypto needed). */
const contentHash = (text: string): string => {
  let hash = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash.toString(16).padStart(16, "0")
}

/**
 * A product made from the caller's own data; nothing is sent to Hour One (it has no product
 * endpoint). The id is a hash of the content, so the same data gives the same ref.
 */
export const productFromInput = (input: ProductInput): Product => {
  const content = {
    url: input.url,
    title: input.title,
    description: input.description,
    imageUrls: input.imageUrls ?? [],
    videoUrls: input.videoUrls ?? [],
    logoUrl: input.logoUrl,
    targetAudience: input.targetAudience,
  }
  const id = `p${contentHash(JSON.stringify(content))}`
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, PRODUCT_KIND, id)),
    provider: PROVIDER_ID,
    id,
    ...(input.url ? { url: input.url } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.description ? { description: input.description } : {}),
    imageUrls: content.imageUrls,
    videoUrls: content.videoUrls,
    ...(input.logoUrl ? { logoUrl: input.logoUrl } : {}),
    ...(input.targetAudience ? { targetAudience: input.targetAudience } : {}),
    raw: content,
  }
}

/** What render takes from a product: the fields any vendor's `Product` object carries. */
export interface ProductContent {
  readonly title?: string | undefined
  readonly description?: string | undefined
  readonly imageUrls?: ReadonlyArray<string> | undefined
  readonly videoUrls?: ReadonlyArray<string> | undefined
  readonly logoUrl?: string | undefined
}

/** Cuts text to `limit` characters, at a word boundary where one is near the end. */
export const truncate = (text: string, limit: number = TRANSCRIPT_LIMIT): string => {
  const clean = text.trim().replace(/\s+/g, " ")
  if (clean.length <= limit) return clean
  const cut = clean.slice(0, limit)
  const space = cut.lastIndexOf(" ")
  return (space > limit * 0.8 ? cut.slice(0, space) : cut).trim()
}

/**
 * Fills scene 1 from a product and a script: `texts = [title]`, `media = imageUrls` (then
 * videoUrls), `transcript = script ?? description` (cut to {@link TRANSCRIPT_LIMIT}). Fields
 * the caller set on scene 1 win; other scenes are left as given. Without caller scenes,
 * the video has one scene named "Scene 1".
 */
export const scenesFor = (
  scenes: ReadonlyArray<OverrideScene> | undefined,
  product: ProductContent | undefined,
  script: string | undefined,
): Array<OverrideScene> => {
  const base: Array<OverrideScene> = scenes?.map((s) => ({ ...s, type: "override_scene" })) ?? []
  const transcriptSource = script ?? product?.description
  const media = [...(product?.imageUrls ?? []), ...(product?.videoUrls ?? [])]
  const derived: Partial<OverrideScene> = {
    ...(product?.title ? { texts: [product.title] } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(transcriptSource?.trim() ? { transcript: truncate(transcriptSource) } : {}),
  }
  if (Object.keys(derived).length === 0) return base
  const [first, ...rest] = base
  return [{ name: "Scene 1", type: "override_scene", ...derived, ...first }, ...rest]
}
