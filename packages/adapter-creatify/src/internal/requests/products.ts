import type { InputIssue, ProductInput, ProductRefLike, ProductUpdate, VideoError } from "@vidbridge/core"
import { JobRef } from "@vidbridge/core"
import { invalidInput, rejectIssues } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { Kind, PROVIDER_ID } from "../mapping.js"

// Products (Creatify's links): which create endpoint an input needs, the update body, and the
// link id a product ref names; all checked before any request.

const URL_MAX = 1000
const LOGO_URL_MAX = 200
const MIN_IMAGES_WITHOUT_VIDEO = 3

/** `fields` without the entries that are `undefined`. */
export const defined = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))

/** The vendor link id of a product: a `creatify:product:<id>` ref, a Product, or a bare id. */
export const productId = (product: ProductRefLike, operation: string): Effect.Effect<string, VideoError> => {
  const text = typeof product === "string" ? product : product.ref
  if (!JobRef.isValid(text)) return Effect.succeed(typeof product === "string" ? product : product.id)
  const ref = JobRef.parse(text)
  return ref.provider === PROVIDER_ID && ref.kind === Kind.product
    ? Effect.succeed(ref.id)
    : Effect.fail(
        invalidInput(PROVIDER_ID, operation, [
          { path: "product", message: `is ${text}; expected a Creatify product from createProduct` },
        ]),
      )
}

const logoIssue = (logoUrl: string | undefined): InputIssue | undefined =>
  logoUrl !== undefined && logoUrl.length > LOGO_URL_MAX
    ? {
        path: "logoUrl",
        message: `Creatify accepts at most ${LOGO_URL_MAX} characters; got ${logoUrl.length}`,
      }
    : undefined

/**
 * Which create endpoint an input needs, checked against Creatify's rules: `{ url }` for
 * `POST /api/links/` (scrape), `{ body }` for `POST /api/links/link_with_params/`.
 */
export const productPlan = (
  input: ProductInput,
): Effect.Effect<{ readonly url: string } | { readonly body: Record<string, unknown> }, VideoError> => {
  if (input.url !== undefined) {
    const extra = (["title", "description", "imageUrls", "videoUrls", "logoUrl", "reviews"] as const).filter(
      (key) => input[key] !== undefined,
    )
    return Effect.as(
      rejectIssues({ provider: PROVIDER_ID, operation: "createProduct" }, [
        input.url.length > URL_MAX
          ? { path: "url", message: `Creatify accepts at most ${URL_MAX} characters` }
          : undefined,
        extra.length > 0
          ? {
              path: extra[0]!,
              message: `Creatify scrapes url or takes product data, not both (got url and ${extra.join(", ")}); create from url, then call updateProduct`,
            }
          : undefined,
      ]),
      { url: input.url },
    )
  }
  const images = input.imageUrls ?? []
  const videos = input.videoUrls ?? []
  return Effect.as(
    rejectIssues({ provider: PROVIDER_ID, operation: "createProduct" }, [
      videos.length === 0 && images.length < MIN_IMAGES_WITHOUT_VIDEO
        ? {
            path: "imageUrls",
            message: `Creatify needs at least ${MIN_IMAGES_WITHOUT_VIDEO} images when no videoUrls are given; got ${images.length}`,
          }
        : undefined,
      logoIssue(input.logoUrl),
    ]),
    {
      body: defined({
        title: input.title,
        description: input.description,
        image_urls: input.imageUrls,
        video_urls: input.videoUrls,
        logo_url: input.logoUrl,
        reviews: input.reviews,
      }),
    },
  )
}

/** The `PUT /api/links/{id}/` body: the fields given (Creatify's PUT keeps what it is sent). */
export const updateBody = (patch: ProductUpdate): Effect.Effect<Record<string, unknown>, VideoError> =>
  Effect.as(
    rejectIssues({ provider: PROVIDER_ID, operation: "updateProduct" }, [logoIssue(patch.logoUrl)]),
    defined({
      title: patch.title,
      description: patch.description,
      image_urls: patch.imageUrls,
      video_urls: patch.videoUrls,
      logo_url: patch.logoUrl,
    }),
  )
