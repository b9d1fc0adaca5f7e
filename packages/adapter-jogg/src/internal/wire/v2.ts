import { isDotSegment } from "@vidbridge/core/adapter"
import * as z from "zod/mini"

// Wire shapes of JoggAI's v2 API (docs.jogg.ai, openapi-v2.yaml). Answers are tolerant on
// purpose: the guide, the spec and the Postman examples disagree, so every field is nullish
// and unknown fields are kept. Request bodies are typed as the spec documents them.

const idLike = z.union([z.string(), z.number()])

/** An id that becomes part of a JobRef: a number, or text without lone surrogates (no UTF-8 form). */
export const refId = z.union([
  z.string().check(
    z.refine((s) => !/\p{Cs}/u.test(s), "has a lone surrogate, which a JobRef cannot carry"),
    z.refine((s) => !isDotSegment(s), 'is "." or "..", which a JobRef cannot carry (a path segment)'),
  ),
  z.number(),
])

/** `{ code, msg, rid, data }`: every JoggAI answer. `code: 0` is success. */
export const envelope = <T extends z.ZodMiniType>(data: T) =>
  z.looseObject({
    code: z.nullish(z.number()),
    msg: z.nullish(z.string()),
    rid: z.nullish(z.string()),
    data,
  })

/** An answer whose `data` we do not read (`PUT /v2/product`). */
export const EmptyEnvelope = envelope(z.nullish(z.unknown()))

export const Media = z.looseObject({
  type: z.nullish(z.number()),
  name: z.nullish(z.string()),
  url: z.nullish(z.string()),
  description: z.nullish(z.string()),
})

/** `data` of `POST /v2/product`. The docs name the id `product_id`; JoggAI's own script also reads `id`. */
export const ProductInfo = z.looseObject({
  product_id: z.nullish(refId),
  id: z.nullish(refId),
  url: z.nullish(z.string()),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  target_audience: z.nullish(z.string()),
  media: z.nullish(z.array(Media)),
})
export type ProductInfo = z.infer<typeof ProductInfo>

export const PreviewSubmission = z.looseObject({
  preview_id: z.nullish(refId),
  visual_style: z.nullish(z.string()),
  err_msg: z.nullish(z.string()),
  status: z.nullish(z.string()),
})

/** `data` of `POST /v2/create_video_from_product/preview_list` (spec and guide variants). */
export const PreviewListResult = z.looseObject({
  preview_list_id: z.nullish(idLike),
  previews: z.array(PreviewSubmission),
})
export type PreviewListResult = z.infer<typeof PreviewListResult>

/** `data` of `render_single_preview` / `create_video_from_product`: `video_id` (spec) or `product_video_id` (guide). */
export const RenderResult = z.looseObject({
  video_id: z.nullish(refId),
  product_video_id: z.nullish(refId),
  status: z.nullish(z.string()),
})
export type RenderResult = z.infer<typeof RenderResult>

export const VendorFailure = z.looseObject({
  code: z.nullish(idLike),
  message: z.nullish(z.string()),
})

/** `error` as JoggAI sends it: `{code, message}` on videos, a plain message on image and motion events. */
export const Failure = z.union([VendorFailure, z.string()])

/** What a template video status keeps under `data` (the spec; the guides show it flat). */
const VideoData = z.looseObject({
  video_name: z.nullish(z.string()),
  url: z.nullish(z.string()),
  cover_url: z.nullish(z.string()),
  duration_seconds: z.nullish(z.number()),
  deducted_credit: z.nullish(z.number()),
})

/**
 * One video as JoggAI reads it: `data` of `GET /v2/product_video/{id}`, `/v2/avatar_video/{id}`
 * and `/v2/template_video/{id}`, and one item of the product video, preview and template video
 * lists. The three resources name the same things differently (`id` / `video_id`, `title` /
 * `video_name`, `video_url` / `url`, `duration` / `video_duration` / `duration_seconds`).
 */
export const ProductVideo = z.looseObject({
  id: z.nullish(refId),
  video_id: z.nullish(refId),
  preview_id: z.nullish(refId),
  title: z.nullish(z.string()),
  video_name: z.nullish(z.string()),
  status: z.nullish(z.union([z.string(), z.number()])),
  video_url: z.nullish(z.string()),
  url: z.nullish(z.string()),
  cover_url: z.nullish(z.string()),
  duration: z.nullish(z.number()),
  video_duration: z.nullish(z.number()),
  duration_seconds: z.nullish(z.number()),
  created_at: z.nullish(z.number()),
  deducted_credit: z.nullish(z.number()),
  error: z.nullish(Failure),
  err_msg: z.nullish(z.string()),
  data: z.nullish(VideoData),
})
export type ProductVideo = z.infer<typeof ProductVideo>

/** `data` of `GET /v2/product_videos` and `GET /v2/product_previews`. */
export const VideoList = z.looseObject({
  videos: z.nullish(z.array(ProductVideo)),
  previews: z.nullish(z.array(ProductVideo)),
  total: z.nullish(z.number()),
  page: z.nullish(z.number()),
  page_size: z.nullish(z.number()),
})
export type VideoList = z.infer<typeof VideoList>

/** An account webhook endpoint (`POST /v2/endpoint`, `GET /v2/endpoints`). */
export const WebhookEndpoint = z.looseObject({
  endpoint_id: idLike,
  url: z.nullish(z.string()),
  secret: z.nullish(z.string()),
  status: z.nullish(z.string()),
  events: z.nullish(z.array(z.string())),
  username: z.nullish(z.string()),
  created_at: z.nullish(z.union([z.number(), z.string()])),
})
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>

export const WebhookEndpointList = z.looseObject({ endpoints: z.nullish(z.array(WebhookEndpoint)) })

/**
 * A webhook delivery: v2 videos (`video_id`), v1/open projects (`project_id`), photo-avatar
 * images (`photo_id`) and motions (`motion_id`, whose `error` is a plain message).
 */
export const WebhookPayload = z.looseObject({
  event_id: z.nullish(z.string()),
  event: z.string(),
  timestamp: z.nullish(z.number()),
  data: z.nullish(
    z.looseObject({
      video_id: z.nullish(refId),
      product_video_id: z.nullish(refId),
      project_id: z.nullish(refId),
      photo_id: z.nullish(refId),
      motion_id: z.nullish(refId),
      status: z.nullish(z.string()),
      video_url: z.nullish(z.string()),
      motion_url: z.nullish(z.string()),
      cover_url: z.nullish(z.string()),
      photo_url: z.nullish(z.string()),
      photo_urls: z.nullish(z.array(z.string())),
      duration: z.nullish(z.number()),
      video_duration: z.nullish(z.number()),
      error: z.nullish(Failure),
    }),
  ),
})
export type WebhookPayload = z.infer<typeof WebhookPayload>

/** A media item of a v2 product: `type` 1 image, 2 video. */
export interface V2Media {
  readonly type: 1 | 2
  readonly url: string
  readonly name?: string
  readonly description?: string
}

/** Body of `POST /v2/product` (`url` or `name`) and, with `product_id`, of `PUT /v2/product`. */
export interface V2ProductBody {
  readonly product_id?: string
  readonly url?: string
  readonly name?: string
  readonly description?: string
  readonly target_audience?: string
  readonly media?: ReadonlyArray<V2Media>
}

/** Body of `preview_list` (`visual_styles`) and `create_video_from_product` (`visual_style`). */
export interface V2VideoBody {
  readonly product_id: string
  readonly visual_styles?: ReadonlyArray<string>
  readonly visual_style?: string
  readonly video_spec: {
    readonly aspect_ratio?: "portrait" | "landscape" | "square"
    readonly length: "15" | "30" | "60"
    readonly caption?: boolean
    readonly name?: string
  }
  readonly avatar: { readonly id: number; readonly type?: 0 | 1 }
  readonly voice: { readonly id?: string }
  readonly audio: { readonly music_id?: number }
  readonly script: { readonly style: string; readonly language: string }
  /** `preview_list` only: the spec puts `language` at the top level (the guides in `script`; both are sent). */
  readonly language?: string
  readonly override_script?: string
  readonly webhook_url?: string
}

/** Body of `POST /v2/endpoint`. */
export interface V2EndpointBody {
  readonly url: string
  readonly status: "enabled" | "disabled"
  readonly events: ReadonlyArray<string>
}

/** A page query of the v2 list endpoints (default order: `created_at`, newest first). */
export interface V2Page {
  readonly page: number
  readonly page_size: number
  readonly sort_by?: "created_at"
  readonly sort_order?: "asc" | "desc"
}
