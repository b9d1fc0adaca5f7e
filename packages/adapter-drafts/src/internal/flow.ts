import {
  type InputIssue,
  type JobPage,
  JobRef,
  type ListJobsQuery,
  type Product,
  type ProductInput,
  type ProductRefLike,
  type VideoError,
} from "@vidbridge/core"
import { invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { PROVIDER_ID, toVideoJob, VIDEO_KIND, videoRef } from "./mapping.js"
import { type ProductContent, productFromInput } from "./product.js"
import type { VideoResponse } from "./wire.js"

/** The longest URL Hour One's schema accepts (`media`, `logo_url`). */
const URL_MAX = 2083

/** A product's media URLs Hour One would refuse in a scene: longer than {@link URL_MAX}. */
const mediaIssues = (product: ProductContent, prefix: string): Array<InputIssue> => [
  ...(["imageUrls", "videoUrls"] as const).flatMap((field) =>
    (product[field] ?? []).flatMap((url, i) =>
      url.length > URL_MAX
        ? [
            {
              path: `${prefix}${field}[${i}]`,
              message: `Hour One accepts URLs of at most ${URL_MAX} characters`,
            },
          ]
        : [],
    ),
  ),
  ...(product.logoUrl !== undefined && product.logoUrl.length > URL_MAX
    ? [{ path: `${prefix}logoUrl`, message: `Hour One accepts URLs of at most ${URL_MAX} characters` }]
    : []),
]

/** `createProduct`: params only; a bare URL, or media Hour One would refuse, fails before anything happens. */
export const productFromParams = (input: ProductInput): Effect.Effect<Product, VideoError> => {
  if (input.title === undefined) {
    return Effect.fail(
      invalidInput(PROVIDER_ID, "createProduct", [
        {
          path: "url",
          message:
            "Hour One cannot read product pages (no URL scraping); pass the product's title, " +
            "description and imageUrls instead",
        },
      ]),
    )
  }
  const issues = mediaIssues(input, "")
  return issues.length > 0
    ? Effect.fail(invalidInput(PROVIDER_ID, "createProduct", issues))
    : Effect.succeed(productFromInput(input))
}

const ProductObject = z.looseObject({
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  imageUrls: z.optional(z.array(z.string())),
  videoUrls: z.optional(z.array(z.string())),
  logoUrl: z.optional(z.string()),
})

const productIssue = (message: string) =>
  Effect.fail(invalidInput(PROVIDER_ID, "render", [{ path: "product", message }]))

/**
 * The product of a render: a ref made by this client's `createProduct`, or a `Product`
 * object (from this or any other provider: its title, description and media are used).
 */
export const resolveProduct = (
  products: { readonly get: (ref: string) => Product | undefined },
  input: ProductRefLike,
): Effect.Effect<ProductContent, VideoError> => {
  if (typeof input !== "string") {
    const known = products.get(input.ref)
    if (known !== undefined) return Effect.succeed(known)
    const parsed = ProductObject.safeParse(input)
    if (!parsed.success) {
      return productIssue("must be a Product object with title, description and imageUrls as strings")
    }
    const issues = mediaIssues(parsed.data, "product.")
    return issues.length > 0
      ? Effect.fail(invalidInput(PROVIDER_ID, "render", issues))
      : Effect.succeed(parsed.data)
  }
  const known = products.get(input)
  if (known !== undefined) return Effect.succeed(known)
  const ref = JobRef.isValid(input) ? JobRef.parse(input) : undefined
  if (ref !== undefined && ref.provider !== PROVIDER_ID) {
    return productIssue(
      `is a ${ref.provider} product ref; Hour One cannot read it. Pass the Product object instead`,
    )
  }
  return productIssue(
    "is not a product this client made: Hour One has no product endpoint, so products live in " +
      "memory. Pass the Product object returned by createProduct (it works after a restart)",
  )
}

/** `getStatus` on a ref that is not a video (e.g. a product ref). */
export const wrongRef = (ref: JobRef): Effect.Effect<never, VideoError> =>
  Effect.fail(
    invalidInput(PROVIDER_ID, "getStatus", [
      {
        path: "ref",
        message: `is a ${ref.kind} ref; only video refs (${PROVIDER_ID}:${VIDEO_KIND}:<id>) have a status`,
      },
    ]),
  )

/** `listJobs`' cursor, checked before the request: an offset from an earlier `nextCursor`. */
export const checkCursor = (query: ListJobsQuery): Effect.Effect<void, VideoError> => {
  const offset = query.cursor === undefined ? 0 : Number(query.cursor)
  return Number.isSafeInteger(offset) && offset >= 0
    ? Effect.void
    : Effect.fail(
        invalidInput(PROVIDER_ID, "listJobs", [
          { path: "cursor", message: "must be a nextCursor returned by an earlier listJobs call" },
        ]),
      )
}

/**
 * `listJobs` over `GET /videos`, which returns every video at once: `ids` filters (vendor
 * ids or refs) and `limit`/`cursor` slice locally; the cursor is an offset into the list.
 */
export const listPage = (
  videos: ReadonlyArray<VideoResponse>,
  query: ListJobsQuery,
): Effect.Effect<JobPage, VideoError> => {
  const offset = query.cursor === undefined ? 0 : Number(query.cursor)
  if (!Number.isSafeInteger(offset) || offset < 0) {
    return Effect.fail(
      invalidInput(PROVIDER_ID, "listJobs", [
        { path: "cursor", message: "must be a nextCursor returned by an earlier listJobs call" },
      ]),
    )
  }
  const wanted = query.ids === undefined ? undefined : new Set(query.ids)
  const matching =
    wanted === undefined ? videos : videos.filter((v) => wanted.has(v.id) || wanted.has(videoRef(v.id)))
  const limit = query.limit ?? 100
  const page = matching.slice(offset, offset + limit)
  const next = offset + limit
  return Effect.succeed({
    jobs: page.map(toVideoJob),
    ...(next < matching.length ? { nextCursor: String(next) } : {}),
  })
}
