import { JobRef } from "@vidbridge/core"

// What both API generations share when reading JoggAI: the provider id, the JobRef kinds this
// adapter makes, and vendor ids and times as neutral values. Pure.

/** The provider id: the first part of every JobRef this adapter makes. */
export const PROVIDER_ID = "jogg"

/** JobRef kinds this adapter makes. */
export const Kinds = {
  product: "product",
  previewSet: "preview_set",
  productVideo: "product_video",
  openProduct: "open_product",
  openProject: "open_project",
} as const

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

/** The ref of a preview set: the product id, and the submitted preview ids (comma-separated). */
export const previewSetRef = (productId: string, previewIds: ReadonlyArray<string>): JobRef =>
  JobRef.make(PROVIDER_ID, Kinds.previewSet, productId, {
    ids: previewIds.length > 0 ? previewIds.join(",") : undefined,
  })

/** The preview ids a preview-set ref carries. */
export const previewIdsOf = (ref: JobRef): ReadonlyArray<string> =>
  (ref.params?.ids ?? "").split(",").filter((id) => id !== "")
