import {
  type InputIssue,
  JobRef,
  type ListJobsQuery,
  type PreviewRequest,
  type ProductInput,
  type ProductUpdate,
  type RenderPreviewRequest,
  type RenderRequest,
  type VideoError,
} from "@vidbridge/core"
import { invalidInput, unsupported, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { Kinds, keyedName, PROVIDER_ID, previewIdsOf } from "../mapping/refs.js"
import { defaultDuration, defaultScriptStyle, durations, v2Aspect, v2ScriptStyles } from "../mapping/v2.js"
import type { V2Page, V2ProductBody, V2VideoBody } from "../wire/v2.js"
import {
  avatarOf,
  checked,
  type JoggOptions,
  joggOptions,
  language,
  oneOf,
  openOptions,
  optionsNotTaken,
  otherGeneration,
  quote,
  videoOptions,
} from "./fields.js"
import { productIssues, productMedia, type ResolvedProduct, resolveProduct } from "./products.js"

// Neutral requests -> JoggAI v2 bodies, with every vendor rule checked before any request.

/** Issues for the options a product video or preview set does not take. */
const notProductOptions = (options: JoggOptions): Array<InputIssue> => [
  ...otherGeneration(options, openOptions, "open"),
  ...optionsNotTaken(options, videoOptions, "is for avatar and template videos"),
]

/** A v2 video length (`"15"`, `"30"` or `"60"`; default 30 s), with an issue for any other. */
export const videoLength = (seconds = defaultDuration, issues: Array<InputIssue>): "15" | "30" | "60" => {
  if (!(durations as ReadonlyArray<number>).includes(seconds)) {
    issues.push({ path: "durationSeconds", message: `must be one of ${quote(durations)} (seconds)` })
    return "30"
  }
  return String(seconds) as "15" | "30" | "60"
}

/** Name, description, audience and media of a v2 product body. */
const productFields = (input: ProductUpdate): V2ProductBody => {
  const media = productMedia(input)
  return {
    ...(input.title !== undefined ? { name: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.targetAudience !== undefined ? { target_audience: input.targetAudience } : {}),
    ...(media !== undefined ? { media } : {}),
  }
}

/** `POST /v2/product` from a neutral product (a page URL, your own fields, or both). */
export const createProductBody = (input: ProductInput): Effect.Effect<V2ProductBody, VideoError> =>
  Effect.as(checked("createProduct", productIssues(input)), {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...productFields(input),
  })

/** `PUT /v2/product` from a neutral patch. */
export const updateProductBody = (
  product: ResolvedProduct,
  patch: ProductUpdate,
): Effect.Effect<V2ProductBody & { readonly product_id: string }, VideoError> =>
  Effect.as(checked("updateProduct", productIssues(patch)), {
    product_id: product.id ?? "",
    ...productFields(patch),
  })

/**
 * The body `preview_list` and `create_video_from_product` share, from a neutral request. The
 * submission `key` travels in `video_spec.name` with the caller's name (JoggAI lists it as `title`).
 */
const videoBody = (
  productId: string,
  request: PreviewRequest | RenderRequest,
  options: JoggOptions,
  issues: Array<InputIssue>,
  key: string | undefined,
): V2VideoBody => {
  const name = keyedName(request.name, key)
  const aspect = request.aspectRatio ?? ("aspectRatios" in request ? request.aspectRatios?.[0] : undefined)
  if (aspect !== undefined && !(aspect in v2Aspect)) {
    issues.push({ path: "aspectRatio", message: `must be one of ${quote(Object.keys(v2Aspect))}` })
  }
  return {
    product_id: productId,
    video_spec: {
      ...(aspect !== undefined && aspect in v2Aspect ? { aspect_ratio: v2Aspect[aspect] } : {}),
      length: videoLength(request.durationSeconds, issues),
      ...(request.subtitles !== undefined ? { caption: request.subtitles } : {}),
      ...(name !== undefined ? { name } : {}),
    },
    avatar: avatarOf(request.avatar, options, issues),
    voice: request.voice !== undefined ? { id: request.voice } : {},
    audio: options.music_id !== undefined ? { music_id: options.music_id } : {},
    script: {
      style: oneOf("scriptStyle", request.scriptStyle, v2ScriptStyles, defaultScriptStyle, issues),
      language: language(request.language, issues),
    },
    ...(request.script !== undefined ? { override_script: request.script } : {}),
    ...(request.webhookUrl !== undefined ? { webhook_url: request.webhookUrl } : {}),
  }
}

/** `preview_list` from a neutral preview request: one product, one aspect ratio, the visual styles. */
export const previewListBody = Effect.fnUntraced(function* (request: PreviewRequest, key?: string) {
  if (request.product === undefined) {
    return yield* Effect.fail(
      unsupported(PROVIDER_ID, "generatePreviews", "JoggAI previews products, not templates"),
    )
  }
  const product = yield* resolveProduct(request.product, "v2", "generatePreviews")
  const options = yield* joggOptions(request.providerOptions, "generatePreviews")
  const issues: Array<InputIssue> = [
    ...unsupportedFields(request, {
      template: "JoggAI previews products, not templates",
      variables: "JoggAI previews products, not templates",
      targetPlatform: "JoggAI previews have no target platform",
      targetAudience: "JoggAI keeps the audience on the product; set it with updateProduct",
    }),
    ...notProductOptions(options),
  ]
  const styles = [
    ...new Set([...(request.visualStyles ?? []), ...(request.visualStyle ? [request.visualStyle] : [])]),
  ]
  if (styles.length === 0) {
    issues.push({
      path: "visualStyles",
      message:
        'is required: JoggAI visual style names (GET /v2/visual_styles), e.g. ["Simple Product Switch"]',
    })
  }
  if ((request.aspectRatios?.length ?? 0) > 1) {
    issues.push({ path: "aspectRatios", message: "JoggAI makes one aspect ratio per preview set; give one" })
  }
  const body = videoBody(product.id ?? "", request, options, issues, key)
  yield* checked("generatePreviews", issues)
  // The spec has `language` at the top level, the guides in `script`: both are sent.
  return { ...body, visual_styles: styles, language: body.script.language } satisfies V2VideoBody
})

/** Checks a neutral render-preview request (a preview of this preview set, no webhook); answers the set's ref. */
export const checkRenderPreview = Effect.fnUntraced(function* (request: RenderPreviewRequest) {
  const ref = JobRef.parse(request.job)
  yield* joggOptions(request.providerOptions, "renderPreview")
  const issues: Array<InputIssue> = []
  if (ref.kind !== Kinds.previewSet) {
    issues.push({ path: "job", message: `is a ${ref.kind} ref; pass the ref generatePreviews returned` })
  }
  const ids = previewIdsOf(ref)
  if (ids.length > 0 && !ids.includes(request.previewId)) {
    issues.push({ path: "previewId", message: `must be one of this preview set's ids: ${ids.join(", ")}` })
  }
  issues.push(
    ...unsupportedFields(request, {
      webhookUrl: "render_single_preview takes no webhook_url; set webhookUrl on generatePreviews",
    }),
  )
  yield* checked("renderPreview", issues)
  return ref
})

/**
 * `create_video_from_product` from a neutral render request: a product, one visual style. (A
 * render with a `template` is a template video, one with only a presenter an avatar video.)
 */
export const createVideoBody = Effect.fnUntraced(function* (request: RenderRequest, key?: string) {
  const options = yield* joggOptions(request.providerOptions, "render")
  const issues: Array<InputIssue> = [
    ...unsupportedFields(request, {
      variables: "variables are for template videos (render with template)",
    }),
    ...notProductOptions(options),
  ]
  if (request.product === undefined) {
    issues.push({
      path: "product",
      message:
        "is required: JoggAI v2 renders a product (createProduct first), a template (template) or an avatar video (avatar, voice, script)",
    })
    return yield* Effect.fail(invalidInput(PROVIDER_ID, "render", issues))
  }
  const product = yield* resolveProduct(request.product, "v2", "render")
  const body = videoBody(product.id ?? "", request, options, issues, key)
  yield* checked("render", issues)
  return {
    ...body,
    ...(request.visualStyle !== undefined ? { visual_style: request.visualStyle } : {}),
  } satisfies V2VideoBody
})

/** The page `listJobs` reads (`cursor` is a page number); the list has no id or vendor filter. */
export const productVideosPage = (query: ListJobsQuery): Effect.Effect<V2Page, VideoError> => {
  const issues = unsupportedFields(query, { ids: "JoggAI lists have no id filter; call getStatus per ref" })
  if (query.providerOptions?.[PROVIDER_ID] !== undefined) {
    issues.push({ path: `providerOptions.${PROVIDER_ID}`, message: "listJobs takes no JoggAI options" })
  }
  if (query.cursor !== undefined && !/^[1-9]\d*$/.test(query.cursor)) {
    issues.push({ path: "cursor", message: "must be a page number, as nextCursor returned it" })
  }
  return Effect.as(checked("listJobs", issues), {
    page: Number(query.cursor ?? "1"),
    page_size: query.limit ?? 10,
  })
}
