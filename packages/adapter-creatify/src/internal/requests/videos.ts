import type {
  InputIssue,
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
import { type CheckContext, parseProviderOptions, rejectIssues } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { type CreatifySettings, DEFAULT_TOKEN_TTL } from "../../settings.js"
import { signedWebhookUrl } from "../../webhook.js"
import { aspectToVendor, Kind, keyedName, PROVIDER_ID, REMEMBERED_PRODUCTS } from "../mapping.js"
import { defined, productId } from "./products.js"

// Scripts, previews, renders and job lists: neutral input -> Creatify body, with the checks
// Creatify's rules call for, all before any request. A request with `webhookUrl` gets its
// callback URL, token included, when its body is built (webhook.ts mints it).

/** `video_length` values Creatify accepts (seconds). */
const VideoLengths = [15, 30, 60] as const

/** Languages Creatify's link-to-video reference lists (ISO 639-1), plus `af` from newer schemas. */
const Languages: ReadonlyArray<string> =
  "af ar bg cs da de el en es fi fr hi hr id it ja ko ms nl pl pt ro ru sk sv ta tl tr uk zh".split(" ")

/** The visual styles of Creatify's URL-to-video guide, used when a request names none. */
const DefaultVisualStyles: ReadonlyArray<string> = (
  "GreenScreenEffectTemplate SimpleAvatarOverlayTemplate DynamicProductTemplate FullScreenTemplate " +
  "QuickTransitionTemplate EnhancedVanillaTemplate DynamicGreenScreenEffect FeatureHighlightTemplate " +
  "AvatarBubbleTemplate"
).split(" ")

/** What a custom template fixes: giving it with `template` is `InvalidInput`. */
const TEMPLATE_FIXED = [
  "aspectRatio",
  "language",
  "durationSeconds",
  "avatar",
  "voice",
  "subtitles",
  "visualStyle",
  "scriptStyle",
  "script",
] as const

const volume = z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1))))
const modelVersion = z.optional(z.enum(["standard", "aurora_v1", "aurora_v1_fast"]))

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

/** `providerOptions.creatify` for custom template renders. */
const TemplateOptions = z.strictObject({
  model_version: modelVersion,
  is_hidden: z.optional(z.boolean()),
  /** The custom template job to render (from `preview_async`); default: the template id. */
  job_id: z.optional(z.string().check(z.minLength(1))),
})

/** `providerOptions.creatify` for `listJobs`: which list, and its `ordering`. */
const ListOptions = z.strictObject({
  kind: z.optional(z.enum([Kind.linkToVideo, Kind.aurora])),
  ordering: z.optional(z.string().check(z.minLength(1))),
})

/** What building a request needs from the settings: the callback token's secret and lifetime. */
export type CallbackSettings = Pick<CreatifySettings, "webhookSecret" | "webhookTokenTtl">

const context = (operation: string): CheckContext => ({ provider: PROVIDER_ID, operation })

/**
 * Neutral language tag -> Creatify code. A region is dropped (`pt-BR` -> `pt`); the base must be
 * in the documented list. Newer codes can be sent with `providerOptions.creatify.language`.
 */
const languageIssue = (language: string | undefined): InputIssue | undefined => {
  if (language === undefined) return undefined
  const base = language.split("-")[0]!.toLowerCase()
  return Languages.includes(base)
    ? undefined
    : {
        path: "language",
        message: `Creatify does not list "${language}"; use one of ${Languages.join(", ")} (or send a newer code as providerOptions.creatify.language)`,
      }
}

const toLanguage = (language: string | undefined): string | undefined =>
  language === undefined ? undefined : language.split("-")[0]!.toLowerCase()

/** Creatify's name fields hold 255 characters; the submission key takes its share (mapping.ts). */
const NAME_MAX = 255

/** The caller's `name` must leave room for the submission key in Creatify's 255 characters. */
const nameIssue = (name: string | undefined, key: string | undefined): InputIssue | undefined => {
  const max = NAME_MAX - (keyedName(undefined, key)?.length ?? -1) - 1
  return name !== undefined && name.length > max
    ? {
        path: "name",
        message: `Creatify keeps at most ${max} characters here (with the submission key); got ${name.length}`,
      }
    : undefined
}

/** `durationSeconds` must be a documented `video_length`. */
const durationIssue = (seconds: number | undefined): InputIssue | undefined =>
  seconds === undefined || (VideoLengths as ReadonlyArray<number>).includes(seconds)
    ? undefined
    : {
        path: "durationSeconds",
        message: `Creatify makes videos of ${VideoLengths.join(", ")} seconds; got ${seconds}`,
      }

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

/** The `webhook_url` of a request: the app's URL with a token of its own (webhook.ts). */
const callbackUrl = (url: string | undefined, settings: CallbackSettings, operation: string) =>
  signedWebhookUrl(url, settings.webhookSecret, settings.webhookTokenTtl ?? DEFAULT_TOKEN_TTL, operation)

/**
 * What previews and direct renders share, checked in this order before any request: the
 * vendor-only options, `durationSeconds` and `language`, (render) no `variables`, the product,
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
  if (operation === "render" && (request as RenderRequest).variables !== undefined) {
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
  settings: CallbackSettings,
  key: string | undefined,
): Effect.Effect<Record<string, unknown>, VideoError> =>
  Effect.map(linkVideoFields(request, request.product, settings, "generatePreviews", key), (fields) =>
    defined({
      ...fields,
      visual_styles:
        request.visualStyles ?? (request.visualStyle ? [request.visualStyle] : [...DefaultVisualStyles]),
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

/** `POST /api/custom_template_jobs/{id}/render/`: the job in the path and the body. */
export const templateRender = Effect.fnUntraced(function* (
  request: RenderRequest,
  template: string,
  settings: CallbackSettings,
  key: string | undefined,
) {
  const options = yield* parseProviderOptions(TemplateOptions, request.providerOptions, context("render"))
  yield* rejectIssues(context("render"), [
    request.product === undefined
      ? undefined
      : { path: "product", message: "Creatify custom templates take variables, not a product" },
    ...TEMPLATE_FIXED.filter((key) => request[key] !== undefined).map((key) => ({
      path: key,
      message: "is fixed by the Creatify custom template; pass template values in variables",
    })),
    nameIssue(request.name, key),
  ])
  const webhook = yield* callbackUrl(request.webhookUrl, settings, "render")
  const body = defined({
    template_id: template,
    variables: request.variables ?? {},
    name: keyedName(request.name, key),
    webhook_url: webhook,
    model_version: options.model_version,
    is_hidden: options.is_hidden,
  })
  return { id: options.job_id ?? template, body }
})

/** The link-to-video job `renderPreview` renders on (its ref must come from `generatePreviews`). */
export const renderPreviewJob = (request: RenderPreviewRequest): Effect.Effect<string, VideoError> => {
  const ref = JobRef.isValid(request.job) ? JobRef.parse(request.job) : undefined
  const mine = ref !== undefined && ref.provider === PROVIDER_ID && ref.kind === Kind.linkToVideo
  return Effect.as(
    rejectIssues(context("renderPreview"), [
      mine
        ? undefined
        : { path: "job", message: `is ${request.job}; expected the ref from generatePreviews` },
      request.webhookUrl === undefined
        ? undefined
        : {
            path: "webhookUrl",
            message: "Creatify sends render callbacks to the webhookUrl given to generatePreviews",
          },
      request.name === undefined
        ? undefined
        : { path: "name", message: "Creatify takes the video name in generatePreviews" },
    ]),
    ref?.id ?? "",
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
