import {
  JobRef,
  type PreviewRequest,
  type ProductRefLike,
  type RenderRequest,
  type VideoError,
} from "@vidbridge/core"
import { invalidInput, rejectIssues } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { aspectToVendor, Kind, PROVIDER_ID } from "./mapping.js"
import { durationIssue, type LinkVideoOptions, languageIssue, toLanguage } from "./options.js"

/** The visual styles of Creatify's URL-to-video guide, used when a request names none. */
export const DefaultVisualStyles = [
  "GreenScreenEffectTemplate",
  "SimpleAvatarOverlayTemplate",
  "DynamicProductTemplate",
  "FullScreenTemplate",
  "QuickTransitionTemplate",
  "EnhancedVanillaTemplate",
  "DynamicGreenScreenEffect",
  "FeatureHighlightTemplate",
  "AvatarBubbleTemplate",
] as const

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

const defined = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))

/** Checks the vendor rules shared by previews and direct renders (before any request). */
export const checkVideoFields = (
  request: PreviewRequest | RenderRequest,
  options: LinkVideoOptions,
  operation: string,
): Effect.Effect<void, VideoError> =>
  rejectIssues({ provider: PROVIDER_ID, operation }, [
    durationIssue(request.durationSeconds),
    options.language === undefined ? languageIssue(request.language) : undefined,
  ])

/** Fields common to `preview_list_async` and the direct `POST /api/link_to_videos/`. */
const videoFields = (
  request: PreviewRequest | RenderRequest,
  options: LinkVideoOptions,
  link: string,
  webhookUrl: string | undefined,
) =>
  defined({
    link,
    name: request.name,
    language: options.language ?? toLanguage(request.language),
    video_length: request.durationSeconds,
    aspect_ratio: request.aspectRatio === undefined ? undefined : aspectToVendor[request.aspectRatio],
    script_style: request.scriptStyle,
    override_avatar: request.avatar,
    override_voice: request.voice,
    override_script: request.script,
    webhook_url: webhookUrl,
    ...(request.subtitles === false ? { no_caption: true } : {}),
    ...options,
  })

/** The body of `POST /api/link_to_videos/preview_list_async/`. */
export const previewBody = (
  request: PreviewRequest,
  options: LinkVideoOptions,
  link: string,
  webhookUrl: string | undefined,
): Record<string, unknown> =>
  defined({
    ...videoFields(request, options, link, webhookUrl),
    visual_styles:
      request.visualStyles ?? (request.visualStyle ? [request.visualStyle] : [...DefaultVisualStyles]),
    aspect_ratios: request.aspectRatios?.map((a) => aspectToVendor[a]),
    target_platform: request.targetPlatform,
    target_audience: request.targetAudience,
  })

/** The body of the direct `POST /api/link_to_videos/` (one visual style, no previews). */
export const directRenderBody = (
  request: RenderRequest,
  options: LinkVideoOptions,
  link: string,
  webhookUrl: string | undefined,
): Record<string, unknown> =>
  defined({ ...videoFields(request, options, link, webhookUrl), visual_style: request.visualStyle })
