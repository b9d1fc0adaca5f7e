import {
  type InputIssue,
  JobRef,
  type Product,
  type ProductInput,
  type ProductRefLike,
  type VideoError,
} from "@vidbridge/core"
import { invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { PROVIDER_ID, productFromInput } from "../mapping.js"

/** What render takes from a product: the fields any vendor's `Product` object carries. */
export interface ProductContent {
  readonly title?: string | undefined
  readonly description?: string | undefined
  readonly imageUrls?: ReadonlyArray<string> | undefined
  readonly videoUrls?: ReadonlyArray<string> | undefined
  readonly logoUrl?: string | undefined
}

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
