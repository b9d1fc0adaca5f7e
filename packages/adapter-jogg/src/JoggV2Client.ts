import type { VideoError } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import {
  EmptyEnvelope,
  envelope,
  PreviewListResult,
  ProductInfo,
  ProductVideo,
  RenderResult,
  VideoList,
  WebhookEndpoint,
  WebhookEndpointList,
} from "./internal/wire.js"
import type { Call, Send, SendSpec } from "./JoggClient.js"

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
  readonly override_script?: string
  readonly webhook_url?: string
}

/** Body of `POST /v2/endpoint`. */
export interface V2EndpointBody {
  readonly url: string
  readonly status: "enabled" | "disabled"
  readonly events: ReadonlyArray<string>
}

/** A page query of the v2 list endpoints. */
export interface V2Page {
  readonly page: number
  readonly page_size: number
}

type Answer<A> = Effect.Effect<A, VideoError>

/** The v2 endpoints vidbridge uses, one request each. */
export interface JoggV2Api {
  readonly createProduct: (body: V2ProductBody, call: Call) => Answer<z.infer<typeof ProductInfo>>
  readonly updateProduct: (body: V2ProductBody, call: Call) => Answer<void>
  readonly previewList: (body: V2VideoBody, call: Call) => Answer<z.infer<typeof PreviewListResult>>
  readonly renderSinglePreview: (previewId: string, call: Call) => Answer<z.infer<typeof RenderResult>>
  readonly createVideo: (body: V2VideoBody, call: Call) => Answer<z.infer<typeof RenderResult>>
  readonly productVideo: (id: string, call: Call) => Answer<z.infer<typeof ProductVideo>>
  readonly productPreviews: (page: V2Page, call: Call) => Answer<z.infer<typeof VideoList>>
  readonly productVideos: (page: V2Page, call: Call) => Answer<z.infer<typeof VideoList>>
  readonly listEndpoints: (call: Call) => Answer<ReadonlyArray<z.infer<typeof WebhookEndpoint>>>
  readonly createEndpoint: (body: V2EndpointBody, call: Call) => Answer<z.infer<typeof WebhookEndpoint>>
  readonly deleteEndpoint: (id: string, call: Call) => Answer<void>
}

/** Sends one request and answers the envelope's `data`, decoded by `schema`. */
export const dataOf =
  (send: Send) =>
  <T extends z.ZodMiniType>(schema: T, spec: Omit<SendSpec<unknown>, "schema">): Answer<z.output<T>> =>
    Effect.map(send({ ...spec, schema: envelope(schema) }), (answer) => answer.data as z.output<T>)

/** Binds the v2 endpoints to a sender. */
export const makeV2Api = (send: Send): JoggV2Api => {
  const get = dataOf(send)
  const done = (spec: Omit<SendSpec<unknown>, "schema">): Answer<void> =>
    Effect.asVoid(send({ ...spec, schema: EmptyEnvelope }))
  return {
    createProduct: (body, call) =>
      get(ProductInfo, { call, method: "POST", path: "/v2/product", body, spendsCredits: false }),
    updateProduct: (body, call) =>
      done({ call, method: "PUT", path: "/v2/product", body, spendsCredits: false }),
    previewList: (body, call) =>
      get(PreviewListResult, {
        call,
        method: "POST",
        path: "/v2/create_video_from_product/preview_list",
        body,
        spendsCredits: true,
      }),
    renderSinglePreview: (previewId, call) =>
      get(RenderResult, {
        call,
        method: "POST",
        path: "/v2/create_video_from_product/render_single_preview",
        body: { preview_id: previewId },
        spendsCredits: true,
      }),
    createVideo: (body, call) =>
      get(RenderResult, {
        call,
        method: "POST",
        path: "/v2/create_video_from_product",
        body,
        spendsCredits: true,
      }),
    productVideo: (id, call) =>
      get(ProductVideo, {
        call,
        method: "GET",
        path: `/v2/product_video/${encodeURIComponent(id)}`,
        spendsCredits: false,
      }),
    productPreviews: (page, call) =>
      get(VideoList, {
        call,
        method: "GET",
        path: "/v2/product_previews",
        query: { ...page },
        spendsCredits: false,
      }),
    productVideos: (page, call) =>
      get(VideoList, {
        call,
        method: "GET",
        path: "/v2/product_videos",
        query: { ...page },
        spendsCredits: false,
      }),
    listEndpoints: (call) =>
      Effect.map(
        get(WebhookEndpointList, { call, method: "GET", path: "/v2/endpoints", spendsCredits: false }),
        (list) => list.endpoints ?? [],
      ),
    createEndpoint: (body, call) =>
      get(WebhookEndpoint, { call, method: "POST", path: "/v2/endpoint", body, spendsCredits: false }),
    deleteEndpoint: (id, call) =>
      done({ call, method: "DELETE", path: `/v2/endpoint/${encodeURIComponent(id)}`, spendsCredits: false }),
  }
}
