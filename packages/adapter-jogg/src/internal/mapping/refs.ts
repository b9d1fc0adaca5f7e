import { JobRef } from "@vidbridge/core"
import { PROVIDER_ID } from "../../summary.js"

// What both API generations share when reading JoggAI: the provider id, the JobRef kinds this
// adapter makes, and vendor ids and times as neutral values. Pure.

/** The provider id: the first part of every JobRef this adapter makes. */
export { PROVIDER_ID }

/** JobRef kinds this adapter makes. */
export const Kinds = {
  product: "product",
  previewSet: "preview_set",
  productVideo: "product_video",
  avatarVideo: "avatar_video",
  templateVideo: "template_video",
  aiScript: "ai_script",
  /** Photo-avatar images and motions: only webhooks name them (`photo_id`, `motion_id`). */
  photo: "photo",
  motion: "motion",
  openProduct: "open_product",
  openProject: "open_project",
} as const

/** A JobRef kind this adapter makes. */
export type Kind = (typeof Kinds)[keyof typeof Kinds]

/** A string from a vendor id field (numbers too); `undefined` when absent or empty. */
export const str = (value: string | number | null | undefined): string | undefined =>
  value === null || value === undefined || value === "" ? undefined : String(value)

/** Unix seconds (a number or a numeric string) as an ISO date; `undefined` when it is no timestamp. */
export const iso = (unixSeconds: number | string | null | undefined): string | undefined => {
  const n = typeof unixSeconds === "string" ? Number(unixSeconds) : unixSeconds
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) return undefined
  // Past the range a Date holds (8.64e15 ms), toISOString throws: such a value is no timestamp.
  const date = new Date(n * 1000)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/**
 * The ref of a preview set: the product id, the submitted preview ids (comma-separated) and the
 * submission key it was made with (`findSubmission` of a render of one of its previews needs it).
 */
export const previewSetRef = (productId: string, previewIds: ReadonlyArray<string>, key?: string): JobRef =>
  JobRef.make(PROVIDER_ID, Kinds.previewSet, productId, {
    ids: previewIds.length > 0 ? previewIds.join(",") : undefined,
    key,
  })

/**
 * The video name JoggAI keeps (`video_spec.name`, read back as `title`): the caller's name and the
 * submission key as `<name> [<key>]`, or `[<key>]` alone.
 */
export const keyedName = (name?: string, key?: string): string | undefined =>
  key ? `${name ? `${name} ` : ""}[${key}]` : name

/** A `title` taken apart: the caller's name and the submission key, if it carries one. */
export const nameOf = (title?: string | null): { name?: string | undefined; key?: string | undefined } => {
  const parts = /^(?:(.*) )?\[([\w-]+)\]$/s.exec(title ?? "")
  return parts ? { name: parts[1], key: parts[2] } : { name: str(title) }
}

/** The preview ids a preview-set ref carries. */
export const previewIdsOf = (ref: JobRef): ReadonlyArray<string> =>
  (ref.params?.ids ?? "").split(",").filter((id) => id !== "")
