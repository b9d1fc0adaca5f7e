import type { VideoError } from "@vidbridge/core"
import { type HttpClient, makeHttpClient, makeRateLimiter, type RequestSpec } from "@vidbridge/core/adapter"
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as z from "zod/mini"
import { classify, requestId } from "./internal/errors.js"
import { PROVIDER_ID } from "./internal/mapping/refs.js"
import {
  OpenProduct,
  type OpenProductUpdate,
  OpenProject,
  type OpenRenderBody,
} from "./internal/wire/open.js"
import {
  EmptyEnvelope,
  envelope,
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
} from "./internal/wire/v2.js"
import {
  checkSettings,
  JOGG_BASE_URL,
  JOGG_OPEN_BASE_URL,
  type JoggSettings,
  type JoggSettingsInput,
} from "./settings.js"

/** What a call is about, for error context: the operation, and the job it concerns. */
export type Call = Pick<RequestSpec<unknown>, "operation" | "ref">

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

/** The `open` endpoints of the seed documents, one request each. */
export interface JoggOpenApi {
  readonly createProduct: (url: string, call: Call) => Answer<z.infer<typeof OpenProduct>>
  readonly updateProduct: (body: OpenProductUpdate, call: Call) => Answer<void>
  readonly render: (body: OpenRenderBody, call: Call) => Answer<void>
  readonly projectInfo: (projectId: string, call: Call) => Answer<z.infer<typeof OpenProject>>
}

/**
 * The JoggAI HTTP API, both generations, over core's HTTP runtime: `v2` (the current API) and
 * `open` (the older one); `apiVersion` says which one the settings chose (the provider uses
 * that one). POSTs pass a client-side limiter first (20 per minute per key, JoggAI's documented
 * limit), so a batch of renders queues instead of failing; GETs are not limited.
 */
export interface JoggClientShape {
  readonly apiVersion: "v2" | "open"
  readonly v2: JoggV2Api
  readonly open: JoggOpenApi
}

type Spec = Omit<RequestSpec<unknown>, "schema">

/**
 * JoggAI wraps every answer in `{code, msg, rid, data}`. A non-zero `code` is an error, classified
 * by `internal/errors.ts` inside core's runtime; what reaches here succeeded, and this reads the
 * envelope: `data` checked by its schema, or nothing (`done`) when the answer carries none we use.
 */
const envelopeOf = (http: HttpClient) => ({
  data: <T extends z.ZodMiniType>(schema: T, spec: Spec): Answer<z.output<T>> =>
    Effect.map(
      http.requestBody({ ...spec, schema: envelope(schema) }),
      (answer) => answer.data as z.output<T>,
    ),
  done: (spec: Spec): Answer<void> => Effect.asVoid(http.requestBody({ ...spec, schema: EmptyEnvelope })),
})

/** A request about `call`; it spends no credits unless `more` says so. */
const spec = (call: Call, method: Spec["method"], path: string, more: Partial<Spec> = {}): Spec => ({
  ...call,
  method,
  path,
  spendsCredits: false,
  ...more,
})

const v2Api = (http: HttpClient): JoggV2Api => {
  const { data, done } = envelopeOf(http)
  return {
    createProduct: (body, call) => data(ProductInfo, spec(call, "POST", "/v2/product", { body })),
    updateProduct: (body, call) => done(spec(call, "PUT", "/v2/product", { body })),
    previewList: (body, call) =>
      data(
        PreviewListResult,
        spec(call, "POST", "/v2/create_video_from_product/preview_list", { body, spendsCredits: true }),
      ),
    renderSinglePreview: (previewId, call) =>
      data(
        RenderResult,
        spec(call, "POST", "/v2/create_video_from_product/render_single_preview", {
          body: { preview_id: previewId },
          spendsCredits: true,
        }),
      ),
    createVideo: (body, call) =>
      data(RenderResult, spec(call, "POST", "/v2/create_video_from_product", { body, spendsCredits: true })),
    productVideo: (id, call) =>
      data(ProductVideo, spec(call, "GET", `/v2/product_video/${encodeURIComponent(id)}`)),
    productPreviews: (page, call) =>
      data(VideoList, spec(call, "GET", "/v2/product_previews", { query: { ...page } })),
    productVideos: (page, call) =>
      data(VideoList, spec(call, "GET", "/v2/product_videos", { query: { ...page } })),
    listEndpoints: (call) =>
      Effect.map(
        data(WebhookEndpointList, spec(call, "GET", "/v2/endpoints")),
        (list) => list.endpoints ?? [],
      ),
    createEndpoint: (body, call) => data(WebhookEndpoint, spec(call, "POST", "/v2/endpoint", { body })),
    deleteEndpoint: (id, call) => done(spec(call, "DELETE", `/v2/endpoint/${encodeURIComponent(id)}`)),
  }
}

const openApi = (http: HttpClient): JoggOpenApi => {
  const { data, done } = envelopeOf(http)
  return {
    createProduct: (url, call) => data(OpenProduct, spec(call, "POST", "/open/product", { body: { url } })),
    updateProduct: (body, call) => done(spec(call, "PUT", "/open/product", { body })),
    render: (body, call) => done(spec(call, "POST", "/open/project/render", { body, spendsCredits: true })),
    projectInfo: (projectId, call) =>
      data(OpenProject, spec(call, "GET", "/open/prj_info", { query: { project_id: projectId } })),
  }
}

/**
 * Builds the JoggAI client from checked settings. Makes no request.
 *
 * @example
 * ```ts
 * const client = makeJoggClient(Effect.runSync(jogg.parseSettings({ apiKey })))
 * const video = yield* client.v2.productVideo("pv_123", { operation: "getStatus" })
 * ```
 */
export const makeJoggClient = (settings: JoggSettings): JoggClientShape => {
  const apiVersion = settings.apiVersion ?? "v2"
  const limit = settings.postsPerMinute ?? 20
  const http = makeHttpClient({
    provider: PROVIDER_ID,
    baseUrl: settings.baseUrl ?? (apiVersion === "open" ? JOGG_OPEN_BASE_URL : JOGG_BASE_URL),
    auth: { "x-api-key": settings.apiKey },
    secrets: settings.webhookSecret ? [settings.webhookSecret] : [],
    classify,
    requestId,
    fetch: settings.fetch,
    timeout: settings.timeout,
    retry: settings.retry,
    headers: settings.headers,
    observer: settings.observer,
    // JoggAI allows 20 POSTs per minute per key: a batch of renders queues instead of failing.
    rateLimiter:
      limit === false
        ? undefined
        : makeRateLimiter({ limit, window: Duration.minutes(1), methods: ["POST"] }),
  })
  return { apiVersion, v2: v2Api(http), open: openApi(http) }
}

/**
 * The JoggAI client as an Effect service, for calls the neutral port does not cover. The class is
 * marked pure, so an app that only uses `jogg(...)` does not bundle it (nor `effect/Config`).
 *
 * @example
 * ```ts
 * const video = yield* Effect.flatMap(JoggClient, (client) => client.v2.productVideo("pv_123", { operation: "getStatus" }))
 * // provided by JoggClient.layer({ apiKey }) or JoggClient.layerConfig({ apiKey: Config.Redacted("JOGG_API_KEY") })
 * ```
 */
export class JoggClient extends /* @__PURE__ */ Context.Service<JoggClient, JoggClientShape>()(
  "@vidbridge/adapter-jogg/JoggClient",
) {
  /** A layer from raw settings; fails with `InvalidInput` naming a wrong setting. */
  static layer = (input: JoggSettingsInput): Layer.Layer<JoggClient, VideoError> =>
    Layer.effect(JoggClient, Effect.map(checkSettings(input), makeJoggClient))

  /**
   * A layer from Effect `Config` (read from the `ConfigProvider`, the environment by default):
   * each setting a `Config`, credentials as `Config.Redacted`, or one `Config` of all settings.
   * A missing or malformed value fails with `ConfigError`; a wrong setting with `InvalidInput`.
   */
  static layerConfig = (
    config: Config.Wrap<JoggSettingsInput>,
  ): Layer.Layer<JoggClient, VideoError | Config.ConfigError> =>
    Layer.effect(JoggClient, Effect.map(Effect.flatMap(Config.unwrap(config), checkSettings), makeJoggClient))
}
