import type { SimMedia, SimSpec } from "./state.js"

// Request checks of the v2 simulator: the first missing or wrong field, as JoggAI's
// `40000 Parameter error: ...` names it.

/** A non-empty string, or `undefined`. */
export const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined

/** Checks `media[]` (`{type: 1 | 2, url, name?, description?}`); answers the items or what is wrong. */
export const mediaOf = (value: unknown): SimMedia[] | string => {
  if (value === undefined) return []
  if (!Array.isArray(value)) return "media must be an array"
  const out: SimMedia[] = []
  for (const [i, item] of value.entries()) {
    const m = (item ?? {}) as Record<string, unknown>
    if (m.type !== 1 && m.type !== 2) return `media[${i}].type must be 1 (image) or 2 (video)`
    if (text(m.url) === undefined) return `media[${i}].url is required`
    out.push({ type: m.type, url: m.url as string, name: text(m.name), description: text(m.description) })
  }
  return out
}

/** A JSON object, or `undefined`. */
export const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined

/** Checks a `preview_list` / `create_video_from_product` body; answers the first missing field. */
export const videoSpecOf = (
  body: Record<string, unknown>,
  styles: "visual_styles" | "visual_style",
): { readonly spec: SimSpec; readonly styles: ReadonlyArray<string | undefined> } | string => {
  const productId = text(body.product_id)
  if (productId === undefined) return "product_id is required"
  let visualStyles: ReadonlyArray<string | undefined> = [undefined]
  if (styles === "visual_styles") {
    const list = body.visual_styles
    if (!Array.isArray(list) || list.length === 0 || !list.every((s) => text(s) !== undefined)) {
      return "visual_styles is required"
    }
    visualStyles = [...new Set(list as string[])]
  } else if (body.visual_style !== undefined) {
    if (text(body.visual_style) === undefined) return "visual_style must be a visual style name"
    visualStyles = [body.visual_style as string]
  }
  const spec = record(body.video_spec)
  if (spec === undefined) return "video_spec is required"
  if (spec.length !== "15" && spec.length !== "30" && spec.length !== "60") {
    return 'video_spec.length is required ("15", "30" or "60")'
  }
  const aspect = spec.aspect_ratio ?? "landscape"
  if (aspect !== "portrait" && aspect !== "landscape" && aspect !== "square") {
    return "video_spec.aspect_ratio must be portrait, landscape or square"
  }
  const avatar = record(body.avatar)
  if (avatar === undefined || !Number.isInteger(avatar.id)) return "avatar.id is required"
  if (record(body.voice) === undefined) return "voice is required"
  if (record(body.audio) === undefined) return "audio is required"
  const script = record(body.script)
  if (script === undefined || text(script.style) === undefined) return "script.style is required"
  if (text(script.language) === undefined) return "script.language is required"
  return {
    styles: visualStyles,
    spec: {
      productId,
      visualStyle: undefined,
      seconds: Number(spec.length),
      aspect,
      name: text(spec.name),
      webhookUrl: text(body.webhook_url),
    },
  }
}

/** `page` (from 1) and `page_size` (1-100, default 10) of a list query. */
export const pageOf = (url: URL): { page: number; size: number } | string => {
  const page = Number(url.searchParams.get("page") ?? "1")
  const size = Number(url.searchParams.get("page_size") ?? "10")
  if (!Number.isInteger(page) || page < 1) return "page must be an integer of at least 1"
  if (!Number.isInteger(size) || size < 1 || size > 100) return "page_size must be between 1 and 100"
  return { page, size }
}

/** The integer `status` filter of the list endpoints. */
export const statusFilter: Record<string, string> = { "3": "processing", "4": "completed", "5": "failed" }
