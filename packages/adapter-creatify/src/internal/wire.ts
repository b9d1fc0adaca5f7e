import { isDotSegment } from "@vidbridge/core/adapter"
import * as z from "zod/mini"

// Wire shapes exactly as Creatify documents them (docs.creatify.ai, see vendors/creatify.md).
// Tolerant on purpose: unknown fields pass through, optional fields may be null or absent;
// only the ids and statuses we cannot work without are required.

const str = z.nullish(z.string())
const num = z.nullish(z.number())
const strings = z.nullish(z.array(z.string()))
/** Ids become JobRefs, which need a non-empty id without lone surrogates (no UTF-8 form). */
const id = z.string().check(
  z.minLength(1),
  z.refine((s) => !/\p{Cs}/u.test(s), "has a lone surrogate, which a JobRef cannot carry"),
  z.refine((s) => !isDotSegment(s), 'is "." or "..", which a JobRef cannot carry (a path segment)'),
)

/** The scraped product inside a link (`InnerLink`). */
export const InnerLink = z.looseObject({
  id: str,
  url: str,
  title: str,
  description: str,
  image_urls: strings,
  video_urls: strings,
  logo_url: str,
  ai_summary: str,
  ai_industry: str,
  ai_target_audiences: z.nullish(z.unknown()),
  reviews: z.nullish(z.unknown()),
})

/** `POST /api/links/`, `GET /api/links/{id}/`: `{id, url, link{...}, credits_used}`. */
export const Link = z.looseObject({
  id,
  url: str,
  link: z.nullish(InnerLink),
  credits_used: num,
})
export type Link = z.infer<typeof Link>

/**
 * `POST /api/links/link_with_params/` and `PUT /api/links/{id}/`: the reference shows both the
 * `Link` shape and a flat one (`id, title, description, image_urls, ...`). Both parse here.
 */
export const LinkAnyShape = z.looseObject({
  ...InnerLink.shape,
  id,
  link: z.nullish(InnerLink),
  credits_used: num,
})
export type LinkAnyShape = z.infer<typeof LinkAnyShape>

/** One script of an AI script job; `paragraphs` is one string, usable as `override_script`. */
export const GeneratedScript = z.looseObject({
  paragraphs: z.string(),
  script_name: str,
  script_style: str,
  title: str,
})

/** `POST /api/ai_scripts/`, `GET /api/ai_scripts/{id}/`; `product` is the product the scripts are for. */
export const AiScript = z.looseObject({
  id,
  status: str,
  created_at: str,
  product: z.nullish(z.looseObject({ title: str, description: str })),
  language: str,
  video_length: num,
  script_styles: strings,
  generated_scripts: z.nullish(z.array(GeneratedScript)),
  failed_reason: str,
  credits_used: num,
})
export type AiScript = z.infer<typeof AiScript>

/** `GET /api/ai_scripts/?ordering=...`: a bare array. */
export const AiScriptList = z.array(AiScript)

/** `GET /api/links/`: a bare array of links. */
export const LinkList = z.array(LinkAnyShape)

/** `previews[]` of a link-to-video job (one per visual style / aspect ratio). */
export const LinkPreview = z.looseObject({
  media_job: id,
  visual_style: str,
  aspect_ratio: str,
  url: str,
  editor_url: str,
  duration: num,
})

/** `outputs[]` of a link-to-video job after a render. */
export const LinkOutput = z.looseObject({
  media_job: str,
  visual_style: str,
  aspect_ratio: str,
  duration: num,
  video_output: str,
  video_thumbnail: str,
  status: str,
  progress: z.nullish(z.union([z.number(), z.string()])),
  failed_reason: str,
})

/** The Link-to-Video object: every `/api/link_to_videos/...` answer. `progress` is a string here. */
export const LinkToVideo = z.looseObject({
  id,
  status: z.string(),
  name: str,
  link: str,
  media_job: str,
  aspect_ratio: str,
  visual_style: str,
  video_length: num,
  failed_reason: str,
  video_output: str,
  video_thumbnail: str,
  preview: str,
  editor_url: str,
  previews: z.nullish(z.array(LinkPreview)),
  outputs: z.nullish(z.array(LinkOutput)),
  credits_used: num,
  duration: num,
  progress: z.nullish(z.union([z.number(), z.string()])),
  created_at: str,
})
export type LinkToVideo = z.infer<typeof LinkToVideo>

/** `GET /api/link_to_videos/?ids=...`: a bare array. */
export const LinkToVideoList = z.array(LinkToVideo)

const progress = z.nullish(z.union([z.number(), z.string()]))

/**
 * A custom template job: the answer of `POST /api/custom_template_jobs/`, `.../preview_async/`,
 * `.../{id}/render/` and `GET /api/custom_template_jobs/{id}/`. `template_id` is write-only (never
 * answered); `preview` is set once a preview is ready, `video_output` once the video is.
 */
export const CustomTemplateJob = z.looseObject({
  id,
  status: z.string(),
  created_at: str,
  variables: z.nullish(z.record(z.string(), z.unknown())),
  media_job: str,
  video_output: str,
  output: str,
  preview: str,
  editor_url: str,
  failed_reason: str,
  credits_used: num,
  duration: num,
  progress,
  name: str,
  webhook_url: str,
  model_version: str,
})
export type CustomTemplateJob = z.infer<typeof CustomTemplateJob>

/** An Aurora (image + audio) job: `POST /api/aurora/` (201) and `GET /api/aurora/`; the video in `video_output`. */
export const AuroraJob = z.looseObject({
  id,
  status: z.string(),
  created_at: str,
  name: str,
  audio: str,
  image: str,
  video_output: str,
  output: str,
  media_job: str,
  preview: str,
  editor_url: str,
  failed_reason: str,
  credits_used: num,
  duration: num,
  progress,
  model_version: str,
})
export type AuroraJob = z.infer<typeof AuroraJob>

/** `GET /api/aurora/?ids=...`: a bare array. */
export const AuroraList = z.array(AuroraJob)

/**
 * An AI Avatar v2 job: `POST /api/lipsyncs_v2/` and `GET /api/lipsyncs_v2/{id}/`. The video is in
 * `output` (not `video_output`); `progress` is a string.
 */
export const LipsyncV2 = z.looseObject({
  id,
  status: z.string(),
  created_at: str,
  name: str,
  output: str,
  video_output: str,
  video_thumbnail: str,
  preview: str,
  editor_url: str,
  aspect_ratio: str,
  media_job: str,
  failed_reason: str,
  credits_used: num,
  duration: num,
  progress,
  model_version: str,
})
export type LipsyncV2 = z.infer<typeof LipsyncV2>

/** `GET /api/lipsyncs_v2/?ids=...`: a bare array. */
export const LipsyncV2List = z.array(LipsyncV2)

/**
 * A callback body: `{id, status, failed_reason, video_output}` (link to video, custom template
 * create), `{id, status, failed_reason, previews}` (preview list) or `{id, status, failed_reason,
 * output}` (custom template render, AI Avatar v2).
 */
export const WebhookPayload = z.looseObject({
  id,
  status: z.string(),
  failed_reason: str,
  video_output: str,
  output: str,
  previews: z.nullish(z.array(LinkPreview)),
})
export type WebhookPayload = z.infer<typeof WebhookPayload>
