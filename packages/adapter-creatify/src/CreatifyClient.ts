import { type HttpSettings, JobRef, type VideoError } from "@vidbridge/core"
import { makeHttpClient, type Redactor } from "@vidbridge/core/adapter"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import type * as z from "zod/mini"
import { maskingFetch } from "./internal/callbackToken.js"
import { classify } from "./internal/errors.js"
import { Kind, PROVIDER_ID } from "./internal/mapping.js"
import {
  AiScript,
  AuroraList,
  CustomTemplateJob,
  Link,
  LinkAnyShape,
  LinkToVideo,
  LinkToVideoList,
} from "./internal/wire.js"

/** Creatify's API base URL. */
export const DEFAULT_BASE_URL = "https://api.creatify.ai"

/** What {@link makeCreatifyClient} needs: both credentials and transport settings. */
export interface CreatifyClientConfig extends HttpSettings {
  /** Sent as `X-API-ID`. */
  readonly apiId: Redacted.Redacted<string>
  /** Sent as `X-API-KEY`. */
  readonly apiKey: Redacted.Redacted<string>
  /** Other values to scrub from answers and errors (the webhook secret). */
  readonly secrets?: ReadonlyArray<Redacted.Redacted<string>> | undefined
}

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
export interface ListQuery {
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
  /** `POST /api/ai_scripts/` (spends credits). */
  readonly createScripts: (body: Record<string, unknown>) => Effect.Effect<AiScript, VideoError>
  /** `GET /api/ai_scripts/{id}/`. */
  readonly getScripts: (id: string) => Effect.Effect<AiScript, VideoError>
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
    query: ListQuery,
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
    query: ListQuery,
    operation?: string,
  ) => Effect.Effect<ReadonlyArray<CreatifyAuroraJob>, VideoError>
  /** Scrubs credentials and secrets from text or JSON. */
  readonly redact: Redactor
}

const seg = (id: string) => encodeURIComponent(id)

const listQuery = (query: ListQuery) => ({
  ids: query.ids && query.ids.length > 0 ? query.ids.join(",") : undefined,
  ordering: query.ordering,
})

/**
 * Builds the Creatify client over core's HTTP runtime.
 *
 * @example
 * ```ts
 * const client = makeCreatifyClient({ apiId: Redacted.make(id), apiKey: Redacted.make(key) })
 * const job = yield* client.getLinkToVideo("3c90c3cc-0d44-4b50-8888-8dd25736052a")
 * ```
 */
export const makeCreatifyClient = (config: CreatifyClientConfig): CreatifyClientShape => {
  const http = makeHttpClient({
    provider: PROVIDER_ID,
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
    auth: { "X-API-ID": config.apiId, "X-API-KEY": config.apiKey },
    secrets: config.secrets,
    classify,
    // Creatify echoes each job's webhook_url, callback token included: masked as answers arrive.
    fetch: maskingFetch(config.fetch),
    timeout: config.timeout,
    retry: config.retry,
    headers: config.headers,
    observer: config.observer,
  })
  const call = <A>(
    operation: string,
    method: "GET" | "POST" | "PUT",
    path: string,
    schema: z.ZodMiniType<A>,
    extra: {
      body?: unknown
      spendsCredits?: boolean
      query?: Record<string, string | undefined>
      ref?: string
    } = {},
  ): Effect.Effect<A, VideoError> =>
    Effect.map(
      http.request({
        operation,
        method,
        path,
        schema,
        spendsCredits: extra.spendsCredits ?? false,
        query: extra.query,
        body: extra.body,
        ref: extra.ref,
        headers: extra.body === undefined ? undefined : { "content-type": "application/json" },
      }),
      (res) => res.body,
    )
  return {
    createLink: (url) =>
      call("createProduct", "POST", "/api/links/", Link, { body: { url }, spendsCredits: true }),
    createLinkWithParams: (body) =>
      call("createProduct", "POST", "/api/links/link_with_params/", LinkAnyShape, {
        body,
        spendsCredits: true,
      }),
    updateLink: (id, body) => call("updateProduct", "PUT", `/api/links/${seg(id)}/`, LinkAnyShape, { body }),
    createScripts: (body) =>
      call("generateScripts", "POST", "/api/ai_scripts/", AiScript, { body, spendsCredits: true }),
    getScripts: (id) => call("getScripts", "GET", `/api/ai_scripts/${seg(id)}/`, AiScript),
    createPreviews: (body) =>
      call("generatePreviews", "POST", "/api/link_to_videos/preview_list_async/", LinkToVideo, {
        body,
        spendsCredits: true,
      }),
    renderSinglePreview: (id, mediaJob) =>
      call("renderPreview", "POST", `/api/link_to_videos/${seg(id)}/render_single_preview/`, LinkToVideo, {
        body: { media_job: mediaJob },
        spendsCredits: true,
        // The render runs on this same job, so every error can name it, even one after a lost answer.
        ref: JobRef.format(JobRef.make(PROVIDER_ID, Kind.linkToVideo, id, { stage: "render" })),
      }),
    createLinkToVideo: (body) =>
      call("render", "POST", "/api/link_to_videos/", LinkToVideo, { body, spendsCredits: true }),
    getLinkToVideo: (id, operation = "getStatus") =>
      call(operation, "GET", `/api/link_to_videos/${seg(id)}/`, LinkToVideo),
    listLinkToVideos: (query, operation = "getStatuses") =>
      call(operation, "GET", "/api/link_to_videos/", LinkToVideoList, { query: listQuery(query) }),
    renderCustomTemplate: (id, body) =>
      call("render", "POST", `/api/custom_template_jobs/${seg(id)}/render/`, CustomTemplateJob, {
        body,
        spendsCredits: true,
      }),
    getCustomTemplateJob: (id, operation = "getStatus") =>
      call(operation, "GET", `/api/custom_template_jobs/${seg(id)}/`, CustomTemplateJob),
    listAurora: (query, operation = "getStatuses") =>
      call(operation, "GET", "/api/aurora/", AuroraList, { query: listQuery(query) }),
    redact: http.redact,
  }
}

/** The Creatify client as an Effect service; provide it with {@link CreatifyClient.layer}. */
export class CreatifyClient extends Context.Service<CreatifyClient, CreatifyClientShape>()(
  "@vidbridge/adapter-creatify/CreatifyClient",
) {
  /** A layer with a client built from `config`. */
  static readonly layer = (config: CreatifyClientConfig): Layer.Layer<CreatifyClient> =>
    Layer.succeed(CreatifyClient, makeCreatifyClient(config))
}
