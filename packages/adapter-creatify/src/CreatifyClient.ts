import { JobRef, type VideoError } from "@vidbridge/core"
import { makeHttpClient, type Redactor, validate } from "@vidbridge/core/adapter"
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as z from "zod/mini"
import { classify } from "./internal/errors.js"
import { Kind, PROVIDER_ID } from "./internal/mapping.js"
import {
  AiScript,
  AiScriptList,
  AuroraList,
  CustomTemplateJob,
  Link,
  LinkAnyShape,
  LinkList,
  LinkToVideo,
  LinkToVideoList,
} from "./internal/wire.js"
import { CREATIFY_BASE_URL, CreatifySettings, type CreatifySettingsInput } from "./settings.js"
import { maskingFetch } from "./webhook.js"

/** A link (product) as Creatify returns it; both documented shapes. */
export type CreatifyLink = LinkAnyShape
/** A Link-to-Video job (`/api/link_to_videos/...`). */
export type CreatifyLinkToVideo = LinkToVideo
/** An AI script job (`/api/ai_scripts/...`). */
export type CreatifyAiScript = AiScript
/** A custom template job (`/api/custom_template_jobs/...`). */
export type CreatifyCustomTemplateJob = CustomTemplateJob
/** An Aurora avatar job (`/api/aurora/`). */
export type CreatifyAuroraJob = z.infer<typeof AuroraList>[number]

/** Query of the list endpoints: `ids` (at most 100) and `ordering`. */
export interface CreatifyListQuery {
  readonly ids?: ReadonlyArray<string> | undefined
  readonly ordering?: string | undefined
}

/**
 * Creatify's HTTP API, one request per call, paths exactly as documented (trailing slash).
 * Core's HTTP runtime adds `X-API-ID`/`X-API-KEY`, timeouts, retries and credit safety: calls
 * that spend credits are never resent after an ambiguous failure. Callback tokens in answers
 * (Creatify sends back each job's `webhook_url`) read `vb_token=[REDACTED]`.
 */
export interface CreatifyClientShape {
  /** `POST /api/links/` (spends credits). */
  readonly createLink: (url: string) => Effect.Effect<Link, VideoError>
  /** `POST /api/links/link_with_params/` (1 credit). */
  readonly createLinkWithParams: (body: Record<string, unknown>) => Effect.Effect<LinkAnyShape, VideoError>
  /** `PUT /api/links/{id}/`. */
  readonly updateLink: (id: string, body: Record<string, unknown>) => Effect.Effect<LinkAnyShape, VideoError>
  /** `GET /api/links/`: every link of the account (a bare array; Creatify documents no paging or ordering). */
  readonly listLinks: (operation?: string) => Effect.Effect<ReadonlyArray<LinkAnyShape>, VideoError>
  /** `POST /api/ai_scripts/` (spends credits). */
  readonly createScripts: (body: Record<string, unknown>) => Effect.Effect<AiScript, VideoError>
  /** `GET /api/ai_scripts/{id}/`. */
  readonly getScripts: (id: string) => Effect.Effect<AiScript, VideoError>
  /** `GET /api/ai_scripts/?ids=...&ordering=...` (at most 100 ids). */
  readonly listScripts: (
    query: CreatifyListQuery,
    operation?: string,
  ) => Effect.Effect<ReadonlyArray<AiScript>, VideoError>
  /** `POST /api/link_to_videos/preview_list_async/` (spends credits). */
  readonly createPreviews: (body: Record<string, unknown>) => Effect.Effect<LinkToVideo, VideoError>
  /** `POST /api/link_to_videos/{id}/render_single_preview/` (spends credits). */
  readonly renderSinglePreview: (id: string, mediaJob: string) => Effect.Effect<LinkToVideo, VideoError>
  /** `POST /api/link_to_videos/`: create and render without previews (spends credits). */
  readonly createLinkToVideo: (body: Record<string, unknown>) => Effect.Effect<LinkToVideo, VideoError>
  /** `GET /api/link_to_videos/{id}/`. */
  readonly getLinkToVideo: (id: string, operation?: string) => Effect.Effect<LinkToVideo, VideoError>
  /** `GET /api/link_to_videos/?ids=...` (at most 100 ids). */
  readonly listLinkToVideos: (
    query: CreatifyListQuery,
    operation?: string,
  ) => Effect.Effect<ReadonlyArray<LinkToVideo>, VideoError>
  /** `POST /api/custom_template_jobs/{id}/render/` (spends credits). */
  readonly renderCustomTemplate: (
    id: string,
    body: Record<string, unknown>,
  ) => Effect.Effect<CustomTemplateJob, VideoError>
  /** `GET /api/custom_template_jobs/{id}/`. */
  readonly getCustomTemplateJob: (
    id: string,
    operation?: string,
  ) => Effect.Effect<CustomTemplateJob, VideoError>
  /** `GET /api/aurora/?ids=...&ordering=...` (at most 100 ids). */
  readonly listAurora: (
    query: CreatifyListQuery,
    operation?: string,
  ) => Effect.Effect<ReadonlyArray<CreatifyAuroraJob>, VideoError>
  /** Scrubs credentials and secrets from text or JSON. */
  readonly redact: Redactor
}

const seg = (id: string) => encodeURIComponent(id)

const listQuery = (query: CreatifyListQuery) => ({
  ids: query.ids && query.ids.length > 0 ? query.ids.join(",") : undefined,
  ordering: query.ordering,
})

const JSON_BODY = { "content-type": "application/json" } as const

/**
 * Builds the Creatify client over core's HTTP runtime from checked settings (the
 * `webhookSecret`, when set, is scrubbed from answers and errors too).
 *
 * @example
 * ```ts
 * const client = makeCreatifyClient({ apiId: Redacted.make(id), apiKey: Redacted.make(key) })
 * const job = yield* client.getLinkToVideo("3c90c3cc-0d44-4b50-8888-8dd25736052a")
 * ```
 */
export const makeCreatifyClient = (settings: CreatifySettings): CreatifyClientShape => {
  const http = makeHttpClient({
    provider: PROVIDER_ID,
    baseUrl: settings.baseUrl ?? CREATIFY_BASE_URL,
    auth: { "X-API-ID": settings.apiId, "X-API-KEY": settings.apiKey },
    secrets: settings.webhookSecret ? [settings.webhookSecret] : [],
    classify,
    // Creatify echoes each job's webhook_url, callback token included: masked as answers arrive.
    fetch: maskingFetch(settings.fetch),
    timeout: settings.timeout,
    retry: settings.retry,
    headers: settings.headers,
    observer: settings.observer,
  })
  const post = <A>(operation: string, path: string, body: unknown, schema: z.ZodMiniType<A>, ref?: string) =>
    http.requestBody({
      operation,
      method: "POST",
      path,
      body,
      headers: JSON_BODY,
      spendsCredits: true,
      schema,
      ref,
    })
  const get = <A>(operation: string, path: string, schema: z.ZodMiniType<A>, query?: CreatifyListQuery) =>
    http.requestBody({
      operation,
      method: "GET",
      path,
      query: query && listQuery(query),
      spendsCredits: false,
      schema,
    })
  return {
    createLink: (url) => post("createProduct", "/api/links/", { url }, Link),
    createLinkWithParams: (body) => post("createProduct", "/api/links/link_with_params/", body, LinkAnyShape),
    updateLink: (id, body) =>
      http.requestBody({
        operation: "updateProduct",
        method: "PUT",
        path: `/api/links/${seg(id)}/`,
        body,
        headers: JSON_BODY,
        spendsCredits: false,
        schema: LinkAnyShape,
      }),
    listLinks: (operation = "findSubmission") => get(operation, "/api/links/", LinkList),
    createScripts: (body) => post("generateScripts", "/api/ai_scripts/", body, AiScript),
    getScripts: (id) => get("getScripts", `/api/ai_scripts/${seg(id)}/`, AiScript),
    listScripts: (query, operation = "findSubmission") =>
      get(operation, "/api/ai_scripts/", AiScriptList, query),
    createPreviews: (body) =>
      post("generatePreviews", "/api/link_to_videos/preview_list_async/", body, LinkToVideo),
    renderSinglePreview: (id, mediaJob) =>
      post(
        "renderPreview",
        `/api/link_to_videos/${seg(id)}/render_single_preview/`,
        { media_job: mediaJob },
        LinkToVideo,
        // The render runs on this same job, so every error can name it, even one after a lost answer.
        JobRef.format(JobRef.make(PROVIDER_ID, Kind.linkToVideo, id, { stage: "render" })),
      ),
    createLinkToVideo: (body) => post("render", "/api/link_to_videos/", body, LinkToVideo),
    getLinkToVideo: (id, operation = "getStatus") =>
      get(operation, `/api/link_to_videos/${seg(id)}/`, LinkToVideo),
    listLinkToVideos: (query, operation = "getStatuses") =>
      get(operation, "/api/link_to_videos/", LinkToVideoList, query),
    renderCustomTemplate: (id, body) =>
      post("render", `/api/custom_template_jobs/${seg(id)}/render/`, body, CustomTemplateJob),
    getCustomTemplateJob: (id, operation = "getStatus") =>
      get(operation, `/api/custom_template_jobs/${seg(id)}/`, CustomTemplateJob),
    listAurora: (query, operation = "getStatuses") => get(operation, "/api/aurora/", AuroraList, query),
    redact: http.redact,
  }
}

const fromInput = (input: unknown): Effect.Effect<CreatifyClientShape, VideoError> =>
  Effect.map(
    validate(CreatifySettings, input, { provider: PROVIDER_ID, operation: "configure" }),
    makeCreatifyClient,
  )

// The class is marked pure so that an app using only `creatify` leaves the service and its
// layers (Effect's `Config`) out of its bundle (bench/size.mjs).
/**
 * The Creatify client as an Effect service, for calling Creatify's API directly (endpoints the
 * neutral API does not cover, or one request at a time). Provide it with {@link CreatifyClient.layer}
 * or {@link CreatifyClient.layerConfig}.
 *
 * @example
 * ```ts
 * const program = Effect.gen(function* () {
 *   const creatify = yield* CreatifyClient
 *   return yield* creatify.getLinkToVideo(id)
 * })
 * program.pipe(Effect.provide(CreatifyClient.layerConfig({ apiId: Config.Redacted("CREATIFY_API_ID"), apiKey: Config.Redacted("CREATIFY_API_KEY") })))
 * ```
 */
export class CreatifyClient extends /* @__PURE__ */ Context.Service<CreatifyClient, CreatifyClientShape>()(
  "@vidbridge/adapter-creatify/CreatifyClient",
) {
  /** A layer with a client made from `settings`, checked first (a wrong one fails with `InvalidInput`). */
  static readonly layer = (settings: CreatifySettingsInput): Layer.Layer<CreatifyClient, VideoError> =>
    Layer.effect(CreatifyClient, fromInput(settings))

  /**
   * A layer with a client made from Effect `Config` values, one per setting (read the keys with
   * `Config.Redacted`), checked like {@link CreatifyClient.layer}.
   */
  static readonly layerConfig = (
    config: Config.Wrap<CreatifySettingsInput>,
  ): Layer.Layer<CreatifyClient, VideoError | Config.ConfigError> =>
    Layer.effect(CreatifyClient, Effect.flatMap(Config.unwrap(config), fromInput))
}
