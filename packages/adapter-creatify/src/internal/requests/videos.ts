import type {
  ListJobsQuery,
  PreviewRequest,
  Product,
  ProductRefLike,
  RenderPreviewRequest,
  RenderRequest,
  ScriptRequest,
  VideoError,
} from "@vidbridge/core"
import { JobRef } from "@vidbridge/core"
import { parseProviderOptions, rejectIssues } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { GUIDE_STYLES } from "../catalogs/visualStyles.js"
import { aspectToVendor, Kind, keyedName, PROVIDER_ID, REMEMBERED_PRODUCTS } from "../mapping.js"
import {
  type CallbackSettings,
  callbackUrl,
  context,
  durationIssue,
  languageIssue,
  modelVersion,
  nameIssue,
  toLanguage,
} from "./common.js"
import { defined, productId } from "./products.js"

// Scripts, previews and renders of a product, and job lists: neutral input -> Creatify body, with
// the checks Creatify's rules call for, all before any request. A request with `webhookUrl` gets
// its callback URL, token included, when its body is built (webhook.ts mints it).

const volume = z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1))))

/** `providerOptions.creatify` for previews and direct renders: Creatify-only fields, sent as is. */
const LinkVideoOptions = z.strictObject({
  model_version: modelVersion,
  no_background_music: z.optional(z.boolean()),
  no_caption: z.optional(z.boolean()),
  no_emotion: z.optional(z.boolean()),
  no_cta: z.optional(z.boolean()),
  no_stock_broll: z.optional(z.boolean()),
  caption_style: z.optional(z.string()),
  caption_setting: z.optional(z.record(z.string(), z.unknown())),
  background_music_url: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
  background_music_volume: volume,
  voiceover_volume: volume,
  override_avatar_by_image: z.optional(z.string()),
  is_hidden: z.optional(z.boolean()),
  /** A language code sent verbatim, for codes newer than this adapter's list. */
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}$/))),
})

/** `providerOptions.creatify` for `listJobs`: which list, and its `ordering`. */
const ListOptions = z.strictObject({
  kind: z.optional(z.enum([Kind.linkToVideo, Kind.aurora, Kind.lipsyncV2])),
  ordering: z.optional(z.string().check(z.minLength(1))),
})

/**
 * The `POST /api/ai_scripts/` body. Creatify's guide: "the title and description are the same as
 * those in the link", so they come from the Product (passed in, or made by this provider).
 */
export const scriptsBody = (
  request: ScriptRequest,
  product: Partial<Product> | undefined,
): Effect.Effect<Record<string, unknown>, VideoError> =>
  Effect.as(
    rejectIssues(context("generateScripts"), [
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

/**
 * What previews and direct renders share, checked in this order before any request: the
 * vendor-only options, `durationSeconds` and `language`, no `variables`, the product,
 * the callback URL. Answers the fields both bodies have.
 */
const linkVideoFields = Effect.fnUntraced(function* (
  request: PreviewRequest | RenderRequest,
  product: ProductRefLike,
  settings: CallbackSettings,
  operation: "generatePreviews" | "render",
  key: string | undefined,
) {
  const options = yield* parseProviderOptions(LinkVideoOptions, request.providerOptions, context(operation))
  yield* rejectIssues(context(operation), [
    durationIssue(request.durationSeconds),
    nameIssue(request.name, key),
    options.language === undefined ? languageIssue(request.language) : undefined,
  ])
  if (request.variables !== undefined) {
    yield* rejectIssues(context(operation), [
      { path: "variables", message: "are for custom templates; give template too" },
    ])
  }
  const link = yield* productId(product, operation)
  const webhook = yield* callbackUrl(request.webhookUrl, settings, operation)
  return defined({
    link,
    name: keyedName(request.name, key),
    language: options.language ?? toLanguage(request.language),
    video_length: request.durationSeconds,
    aspect_ratio: request.aspectRatio === undefined ? undefined : aspectToVendor[request.aspectRatio],
    script_style: request.scriptStyle,
    override_avatar: request.avatar,
    override_voice: request.voice,
    override_script: request.script,
    webhook_url: webhook,
    ...(request.subtitles === false ? { no_caption: true } : {}),
    ...options,
  })
})

/** The body of `POST /api/link_to_videos/preview_list_async/`. */
export const previewsBody = (
  request: PreviewRequest,
  product: ProductRefLike,
  settings: CallbackSettings,
  key: string | undefined,
): Effect.Effect<Record<string, unknown>, VideoError> =>
  Effect.map(linkVideoFields(request, product, settings, "generatePreviews", key), (fields) =>
    defined({
      ...fields,
      visual_styles:
        request.visualStyles ?? (request.visualStyle ? [request.visualStyle] : [...GUIDE_STYLES]),
      aspect_ratios: request.aspectRatios?.map((a) => aspectToVendor[a]),
      target_platform: request.targetPlatform,
      target_audience: request.targetAudience,
    }),
  )

/** The body of the direct `POST /api/link_to_videos/` (one visual style, no previews). */
export const directRenderBody = (
  request: RenderRequest,
  product: ProductRefLike,
  settings: CallbackSettings,
  key: string | undefined,
): Effect.Effect<Record<string, unknown>, VideoError> =>
  Effect.map(linkVideoFields(request, product, settings, "render", key), (fields) =>
    defined({ ...fields, visual_style: request.visualStyle }),
  )

/** The job `renderPreview` renders: a link-to-video preview job or a custom template job (their refs from `generatePreviews`). */
export const renderPreviewTarget = (
  request: RenderPreviewRequest,
): Effect.Effect<{ readonly kind: string; readonly id: string }, VideoError> => {
  const ref = JobRef.isValid(request.job) ? JobRef.parse(request.job) : undefined
  const kind = ref?.provider === PROVIDER_ID ? ref.kind : undefined
  const link = kind === Kind.linkToVideo
  return Effect.as(
    rejectIssues(context("renderPreview"), [
      link || kind === Kind.customTemplateJob
        ? undefined
        : { path: "job", message: `is ${request.job}; expected the ref from generatePreviews` },
      link && request.webhookUrl !== undefined
        ? {
            path: "webhookUrl",
            message: "Creatify sends render callbacks to the webhookUrl given to generatePreviews",
          }
        : undefined,
      link && request.name !== undefined
        ? { path: "name", message: "Creatify takes the video name in generatePreviews" }
        : undefined,
    ]),
    { kind: kind ?? "", id: ref?.id ?? "" },
  )
}

/** Which list `listJobs` reads (link-to-video, or Aurora with `kind`) and its `ordering`. */
export const listJobsQuery = Effect.fnUntraced(function* (query: ListJobsQuery) {
  const options = yield* parseProviderOptions(ListOptions, query.providerOptions, context("listJobs"))
  yield* rejectIssues(context("listJobs"), [
    query.cursor === undefined
      ? undefined
      : { path: "cursor", message: "Creatify's job lists are not paginated; filter with ids instead" },
  ])
  return { kind: options.kind ?? Kind.linkToVideo, list: { ids: query.ids, ordering: options.ordering } }
})
