import type { InputIssue, ProductInput, ProductUpdate, RenderRequest } from "@vidbridge/core"
import { invalidInput, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { openAspect, openScriptStyles } from "../mapping/open.js"
import { PROVIDER_ID } from "../mapping/refs.js"
import type { OpenMedia, OpenProductUpdate, OpenRenderBody } from "../wire/open.js"
import {
  avatarId,
  checked,
  type JoggOptions,
  joggOptions,
  language,
  oneOf,
  otherGeneration,
  quote,
  videoOptions,
} from "./fields.js"
import { productIssues, productMedia, type ResolvedProduct, resolveProduct } from "./products.js"

// Neutral requests -> bodies of JoggAI's older `open` API, with every vendor rule checked before
// any request.

const productFields = ["title", "description", "imageUrls", "videoUrls", "logoUrl", "targetAudience"]

/** The page URL `POST /open/product` takes: the open API creates products from a URL only. */
export const productUrl = Effect.fnUntraced(function* (input: ProductInput) {
  const issues = productIssues(input)
  if (input.url === undefined) {
    issues.push({
      path: "url",
      message:
        'is required: the open API creates products from a page URL only (apiVersion "v2" takes your own data)',
    })
  }
  issues.push(
    ...unsupportedFields(
      input,
      Object.fromEntries(
        productFields.map((field) => [
          field,
          "the open API creates products from a URL only; set it afterwards with updateProduct",
        ]),
      ),
    ),
  )
  yield* checked("createProduct", issues)
  return input.url ?? ""
})

/** `PUT /open/product` from a neutral patch; the product id is needed (the ref createProduct made). */
export const productUpdateBody = Effect.fnUntraced(function* (
  product: ResolvedProduct,
  patch: ProductUpdate,
) {
  const issues = productIssues(patch)
  if (product.id === undefined) {
    issues.push({ path: "product", message: "needs the product id; pass the ref createProduct returned" })
  }
  yield* checked("updateProduct", issues)
  const id = product.id ?? ""
  const media = productMedia(patch) as ReadonlyArray<OpenMedia> | undefined
  return {
    product_id: /^\d+$/.test(id) ? Number(id) : id,
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.description !== undefined ? { intro_text: patch.description } : {}),
    ...(patch.targetAudience !== undefined ? { target_audience: patch.targetAudience } : {}),
    ...(media !== undefined ? { intro_medias: media } : {}),
  } satisfies OpenProductUpdate
})

const renderBody = (
  projectId: string,
  request: RenderRequest,
  options: JoggOptions,
  issues: Array<InputIssue>,
): OpenRenderBody => {
  issues.push(
    ...unsupportedFields(request, {
      durationSeconds: 'the open API has no video length setting; use apiVersion "v2"',
      voice: "the open API takes no voice; the avatar's voice is used",
      script: 'the open API takes no script override; use apiVersion "v2"',
      webhookUrl: "the open API has no per-request webhook; register an account webhook",
      name: "the open API takes no video name",
      variables: "JoggAI templates take no variables",
    }),
  )
  const aspect = request.aspectRatio
  if (aspect !== undefined && !(aspect in openAspect)) {
    issues.push({ path: "aspectRatio", message: `must be one of ${quote(Object.keys(openAspect))}` })
  }
  const templateName = options.template_name ?? request.template ?? request.visualStyle
  const scriptStyle =
    request.scriptStyle === undefined
      ? undefined
      : oneOf("scriptStyle", request.scriptStyle, openScriptStyles, "Discovery_stage", issues)
  return {
    project_id: projectId,
    ...(aspect !== undefined && aspect in openAspect ? { aspect_ratio: openAspect[aspect] } : {}),
    lang: language(request.language, issues),
    ...(request.subtitles !== undefined ? { render_subtitle: request.subtitles ? 1 : 0 } : {}),
    avatar_id: avatarId(request.avatar, issues),
    ...(templateName !== undefined ? { template_name: templateName } : {}),
    ...(options.template_type !== undefined ? { template_type: options.template_type } : {}),
    ...(options.index_template_name !== undefined
      ? { index_template_name: options.index_template_name }
      : {}),
    ...(scriptStyle !== undefined ? { script_style: scriptStyle } : {}),
  }
}

/**
 * `POST /open/project/render` from a neutral render request: the product's project (the ref
 * createProduct made carries it), an avatar, a template. Answers the body and the product.
 */
export const projectRender = Effect.fnUntraced(function* (request: RenderRequest) {
  const options = yield* joggOptions(request.providerOptions, "render")
  const issues = otherGeneration(options, ["avatar_type", "music_id", ...videoOptions], "v2")
  if (request.product === undefined) {
    issues.push({ path: "product", message: "is required: the open API renders a product's project" })
    return yield* Effect.fail(invalidInput(PROVIDER_ID, "render", issues))
  }
  const product = yield* resolveProduct(request.product, "open", "render")
  if (product.prj === undefined) {
    issues.push({
      path: "product",
      message: "needs the project id (prj_id); pass the ref createProduct returned",
    })
  }
  const body = renderBody(product.prj ?? "", request, options, issues)
  yield* checked("render", issues)
  return { body, product }
})
