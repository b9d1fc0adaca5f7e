import type { VideoError } from "@vidbridge/core"
import { makeHttpClient, type Redactor, readConfig, validate } from "@vidbridge/core/adapter"
import type * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { maskingFetch } from "./internal/callbacks.js"
import { makeCalls } from "./internal/client/calls.js"
import { type CreatifyCatalogApi, catalogApi } from "./internal/client/catalogs.js"
import { type CreatifyJobsApi, jobsApi } from "./internal/client/jobs.js"
import { classify } from "./internal/errors.js"
import { PROVIDER_ID } from "./internal/mapping.js"
import type {
  AiScript,
  AuroraJob,
  CustomTemplateJob,
  LinkAnyShape,
  LinkToVideo,
  LipsyncV2,
} from "./internal/wire.js"
import { CREATIFY_BASE_URL, CreatifySettings, type CreatifySettingsInput } from "./settings.js"

export type { CreatifyCatalogApi, CreatifyPageQuery } from "./internal/client/catalogs.js"
export type { CreatifyJobsApi, CreatifyListQuery } from "./internal/client/jobs.js"

/** A link (product) as Creatify returns it; both documented shapes. */
export type CreatifyLink = LinkAnyShape
/** A Link-to-Video job (`/api/link_to_videos/...`). */
export type CreatifyLinkToVideo = LinkToVideo
/** An AI script job (`/api/ai_scripts/...`). */
export type CreatifyAiScript = AiScript
/** A custom template job (`/api/custom_template_jobs/...`). */
export type CreatifyCustomTemplateJob = CustomTemplateJob
/** An Aurora avatar job (`/api/aurora/`). */
export type CreatifyAuroraJob = AuroraJob
/** An AI Avatar v2 job (`/api/lipsyncs_v2/...`). */
export type CreatifyLipsyncV2 = LipsyncV2

/**
 * Creatify's HTTP API, one request per call, paths exactly as documented (trailing slash): the
 * product, script and video endpoints ({@link CreatifyJobsApi}) and the catalog and account reads
 * ({@link CreatifyCatalogApi}). Core's HTTP runtime adds `X-API-ID`/`X-API-KEY`, timeouts, retries
 * and credit safety: calls that spend credits are never resent after an ambiguous failure.
 * Callback tokens in answers (Creatify sends back each job's `webhook_url`) read `vb_token=[REDACTED]`.
 */
export interface CreatifyClientShape extends CreatifyJobsApi, CreatifyCatalogApi {
  /** Scrubs credentials and secrets from text or JSON. */
  readonly redact: Redactor
}

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
  const calls = makeCalls(http)
  return { ...jobsApi(calls), ...catalogApi(calls), redact: http.redact }
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
    Layer.effect(CreatifyClient, Effect.flatMap(readConfig(PROVIDER_ID, config), fromInput))
}
