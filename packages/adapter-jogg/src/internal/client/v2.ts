import type { HttpClient } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import {
  ScriptResult,
  ScriptTask,
  TemplateVideoList,
  type V2AvatarVideoBody,
  type V2ScriptBody,
  type V2TemplateVideoBody,
} from "../wire/jobs.js"
import {
  PreviewListResult,
  ProductInfo,
  ProductVideo,
  RenderResult,
  type V2EndpointBody,
  type V2Page,
  type V2ProductBody,
  type V2VideoBody,
  VideoList,
  WebhookEndpoint,
  WebhookEndpointList,
} from "../wire/v2.js"
import { catalogApi, type JoggCatalogApi } from "./catalogs.js"
import { type Answer, type Call, envelopeOf, segment, spec } from "./http.js"

type Out<T extends z.ZodMiniType> = Answer<z.infer<T>>

/**
 * The v2 endpoints vidbridge uses, one request each: products, previews and product videos,
 * AI scripts, avatar and template videos, webhook endpoints, and the catalogs
 * ({@link JoggCatalogApi}). POSTs that spend credits say so (never retried blindly).
 */
export interface JoggV2Api extends JoggCatalogApi {
  readonly createProduct: (body: V2ProductBody, call: Call) => Out<typeof ProductInfo>
  readonly updateProduct: (body: V2ProductBody, call: Call) => Answer<void>
  readonly previewList: (body: V2VideoBody, call: Call) => Out<typeof PreviewListResult>
  readonly renderSinglePreview: (previewId: string, call: Call) => Out<typeof RenderResult>
  readonly createVideo: (body: V2VideoBody, call: Call) => Out<typeof RenderResult>
  readonly productVideo: (id: string, call: Call) => Out<typeof ProductVideo>
  readonly productPreviews: (page: V2Page, call: Call) => Out<typeof VideoList>
  readonly productVideos: (page: V2Page, call: Call) => Out<typeof VideoList>
  /** `POST /v2/ai_scripts` (0.2 credit): a task to read with `aiScriptResult`. */
  readonly aiScripts: (body: V2ScriptBody, call: Call) => Out<typeof ScriptTask>
  readonly aiScriptResult: (taskId: string, call: Call) => Out<typeof ScriptResult>
  /** `POST /v2/create_video_from_avatar`: an avatar (talking-head) video. */
  readonly createAvatarVideo: (body: V2AvatarVideoBody, call: Call) => Out<typeof RenderResult>
  readonly avatarVideo: (id: string, call: Call) => Out<typeof ProductVideo>
  /** `POST /v2/create_video_with_template`: a video from a template and its variables. */
  readonly createTemplateVideo: (body: V2TemplateVideoBody, call: Call) => Out<typeof RenderResult>
  readonly templateVideo: (id: string, call: Call) => Out<typeof ProductVideo>
  readonly templateVideos: (page: V2Page, call: Call) => Out<typeof TemplateVideoList>
  readonly listEndpoints: (call: Call) => Answer<ReadonlyArray<z.infer<typeof WebhookEndpoint>>>
  readonly createEndpoint: (body: V2EndpointBody, call: Call) => Out<typeof WebhookEndpoint>
  readonly deleteEndpoint: (id: string, call: Call) => Answer<void>
}

/** The v2 endpoints over core's HTTP client. */
export const v2Api = (http: HttpClient): JoggV2Api => {
  const { data, done } = envelopeOf(http)
  const paid = (path: string, body: unknown, call: Call) =>
    data(RenderResult, spec(call, "POST", path, { body, spendsCredits: true }))
  const read = (path: string) => (id: string, call: Call) =>
    data(ProductVideo, spec(call, "GET", `${path}/${segment(id)}`))
  const page =
    <T extends z.ZodMiniType>(schema: T, path: string) =>
    (query: V2Page, call: Call) =>
      data(schema, spec(call, "GET", path, { query: { ...query } }))
  return {
    ...catalogApi(http),
    createProduct: (body, call) => data(ProductInfo, spec(call, "POST", "/v2/product", { body })),
    updateProduct: (body, call) => done(spec(call, "PUT", "/v2/product", { body })),
    previewList: (body, call) =>
      data(
        PreviewListResult,
        spec(call, "POST", "/v2/create_video_from_product/preview_list", { body, spendsCredits: true }),
      ),
    renderSinglePreview: (previewId, call) =>
      paid("/v2/create_video_from_product/render_single_preview", { preview_id: previewId }, call),
    createVideo: (body, call) => paid("/v2/create_video_from_product", body, call),
    productVideo: read("/v2/product_video"),
    productPreviews: page(VideoList, "/v2/product_previews"),
    productVideos: page(VideoList, "/v2/product_videos"),
    aiScripts: (body, call) =>
      data(ScriptTask, spec(call, "POST", "/v2/ai_scripts", { body, spendsCredits: true })),
    aiScriptResult: (taskId, call) =>
      data(ScriptResult, spec(call, "GET", `/v2/ai_scripts/results/${segment(taskId)}`)),
    createAvatarVideo: (body, call) => paid("/v2/create_video_from_avatar", body, call),
    avatarVideo: read("/v2/avatar_video"),
    createTemplateVideo: (body, call) => paid("/v2/create_video_with_template", body, call),
    templateVideo: read("/v2/template_video"),
    templateVideos: page(TemplateVideoList, "/v2/template_videos"),
    listEndpoints: (call) =>
      Effect.map(
        data(WebhookEndpointList, spec(call, "GET", "/v2/endpoints")),
        (list) => list.endpoints ?? [],
      ),
    createEndpoint: (body, call) => data(WebhookEndpoint, spec(call, "POST", "/v2/endpoint", { body })),
    deleteEndpoint: (id, call) => done(spec(call, "DELETE", `/v2/endpoint/${segment(id)}`)),
  }
}
