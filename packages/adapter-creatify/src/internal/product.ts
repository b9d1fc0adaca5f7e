import type {
  InputIssue,
  Product,
  ProductInput,
  ProductRefLike,
  ProductUpdate,
  ScriptRequest,
  VideoError,
} from "@vidbridge/core"
import { rejectIssues } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { PROVIDER_ID } from "./mapping.js"
import { durationIssue, languageIssue, toLanguage } from "./options.js"

const LOGO_URL_MAX = 200
const MIN_IMAGES_WITHOUT_VIDEO = 3

const defined = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))

const logoIssue = (logoUrl: string | undefined): InputIssue | undefined =>
  logoUrl !== undefined && logoUrl.length > LOGO_URL_MAX
    ? {
        path: "logoUrl",
        message: `Creatify accepts at most ${LOGO_URL_MAX} characters; got ${logoUrl.length}`,
      }
    : undefined

/**
 * How many products a provider remembers (the most recently made, updated or used), so that
 * `generateScripts` can be given a bare product ref; older ones need the `Product` object.
 */
export const REMEMBERED_PRODUCTS = 256

/** Which create endpoint an input needs, checked against Creatify's rules before any request. */
export const productPlan = (
  input: ProductInput,
): Effect.Effect<{ readonly url: string } | { readonly body: Record<string, unknown> }, VideoError> => {
  if (input.url !== undefined) {
    const extra = (["title", "description", "imageUrls", "videoUrls", "logoUrl", "reviews"] as const).filter(
      (key) => input[key] !== undefined,
    )
    return Effect.as(
      rejectIssues({ provider: PROVIDER_ID, operation: "createProduct" }, [
        input.url.length > 1000
          ? { path: "url", message: "Creatify accepts at most 1000 characters" }
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

/** A Product object when `product` is one (the port types it narrowly; at runtime it is whole). */
export const asProduct = (product: ProductRefLike): Partial<Product> | undefined =>
  typeof product === "string" ? undefined : (product as Partial<Product>)

/**
 * The `POST /api/ai_scripts/` body. Creatify's guide: "the title and description are the same as
 * those in the link", so they come from the Product (passed in, or made by this provider).
 */
export const scriptsBody = (
  request: ScriptRequest,
  product: Partial<Product> | undefined,
): Effect.Effect<Record<string, unknown>, VideoError> =>
  Effect.as(
    rejectIssues({ provider: PROVIDER_ID, operation: "generateScripts" }, [
      product?.title === undefined
        ? {
            path: "product",
            message: `Creatify's script endpoint needs the product's title and description: pass the Product object returned by createProduct (or the ref of one of the last ${REMEMBERED_PRODUCTS} products this client made)`,
          }
        : undefined,
      languageIssue(request.language),
      durationIssue(request.durationSeconds),
    ]),
    defined({
      title: product?.title,
      description: product?.description,
      url: product?.url,
      language: toLanguage(request.language),
      video_length: request.durationSeconds,
      script_styles: request.scriptStyles,
      target_audience: request.targetAudience ?? product?.targetAudience,
    }),
  )
