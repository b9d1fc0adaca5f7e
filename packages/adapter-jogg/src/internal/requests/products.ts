import {
  type InputIssue,
  JobRef,
  type ProductInput,
  type ProductRefLike,
  type ProductUpdate,
  type VideoError,
} from "@vidbridge/core"
import { invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { Kinds, PROVIDER_ID } from "../mapping/refs.js"
import type { V2Media } from "../wire/v2.js"

// Products in requests, both API generations: reading a product reference, the neutral product
// fields JoggAI has no place for, and media as JoggAI lists them.

/** A product as a JoggAI call needs it: v2 `product_id`, or `open` product id and project id. */
export interface ResolvedProduct {
  readonly id?: string | undefined
  readonly prj?: string | undefined
  /** The Product object the caller passed, if any (its fields fill in an update's answer). */
  readonly known?: Readonly<Record<string, unknown>> | undefined
}

/**
 * Reads a product reference: a ref string from `createProduct`, the Product object, or a
 * bare JoggAI id. A bare `open` id that is not a number is taken as the project id.
 */
export const resolveProduct = (
  product: ProductRefLike,
  apiVersion: "v2" | "open",
  operation: string,
): Effect.Effect<ResolvedProduct, VideoError> =>
  Effect.suspend((): Effect.Effect<ResolvedProduct, VideoError> => {
    const known = typeof product === "string" ? undefined : (product as Readonly<Record<string, unknown>>)
    const text = typeof product === "string" ? product : product.ref
    const fail = (message: string) =>
      Effect.fail(invalidInput(PROVIDER_ID, operation, [{ path: "product", message }]))
    if (!JobRef.isValid(text)) {
      if (apiVersion === "v2") return Effect.succeed({ id: text, known })
      return Effect.succeed(/^\d+$/.test(text) ? { id: text, known } : { prj: text, known })
    }
    const ref = JobRef.parse(text)
    const wanted = apiVersion === "v2" ? Kinds.product : Kinds.openProduct
    if (ref.provider !== PROVIDER_ID) return fail(`is a ${ref.provider} product; pass a JoggAI product`)
    if (ref.kind !== wanted) {
      return fail(
        ref.kind === Kinds.product || ref.kind === Kinds.openProduct
          ? `was made with the other JoggAI API generation (${ref.kind}); this provider uses apiVersion "${apiVersion}"`
          : `is a ${ref.kind} ref, not a product; pass the ref createProduct returned`,
      )
    }
    return Effect.succeed({ id: ref.id, prj: ref.params?.prj, known })
  })

/** Neutral media fields -> `media[]` (type 1 image, 2 video; the logo is an image named "logo"). */
export const productMedia = (input: ProductUpdate): ReadonlyArray<V2Media> | undefined => {
  if (input.imageUrls === undefined && input.videoUrls === undefined && input.logoUrl === undefined) {
    return undefined
  }
  return [
    ...(input.logoUrl !== undefined ? [{ type: 1 as const, url: input.logoUrl, name: "logo" }] : []),
    ...(input.imageUrls ?? []).map((url) => ({ type: 1 as const, url })),
    ...(input.videoUrls ?? []).map((url) => ({ type: 2 as const, url })),
  ]
}

/** Neutral product fields JoggAI has no place for. */
export const productIssues = (input: ProductInput | ProductUpdate): Array<InputIssue> => {
  const issues: Array<InputIssue> = []
  if ("reviews" in input && input.reviews !== undefined) {
    issues.push({
      path: "reviews",
      message: "JoggAI products have no reviews field; add them to description",
    })
  }
  if (input.providerOptions?.[PROVIDER_ID] !== undefined) {
    issues.push({ path: `providerOptions.${PROVIDER_ID}`, message: "JoggAI products take no vendor options" })
  }
  return issues
}
