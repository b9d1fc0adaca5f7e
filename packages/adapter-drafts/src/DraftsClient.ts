import { publicHeader, type VideoError } from "@vidbridge/core"
import { makeHttpClient, type Redactor, readConfig } from "@vidbridge/core/adapter"
import type * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { classify } from "./internal/errors.js"
import { PROVIDER_ID, videoRef } from "./internal/mapping.js"
import {
  type OverrideVideoRequest,
  VideoList,
  VideoMetadataResponse,
  VideoResponse,
} from "./internal/wire.js"
import {
  type DraftsSettings,
  type DraftsSettingsInput,
  HOURONE_BASE_URL,
  parseDraftsSettings,
} from "./settings.js"

/** Per-call overrides of the `workspace-id` / `team-id` headers. */
export interface DraftsScope {
  readonly workspaceId?: string | undefined
  readonly teamId?: string | undefined
}

/** A video as Hour One returns it (`VideoResponse`): `id`, `status`, `progress`, URLs, ids. */
export type DraftsVideo = VideoResponse

/** Scene timings of a rendered video (`VideoMetadataResponse`): `duration`, `scenes_metadata`. */
export type DraftsVideoMetadata = VideoMetadataResponse

/** The `POST /videos` body (`OverrideVideoRequest`, `type: "override"`). */
export type DraftsCreateVideoBody = OverrideVideoRequest

/**
 * Hour One's videos API, one request per call (core's HTTP runtime does timeouts, retries
 * and credit safety). Use the provider (`drafts({...})`) for neutral work; use this for
 * vendor calls the neutral model does not cover.
 */
export interface DraftsClientShape {
  /**
   * `POST /videos`. Spends credits: core never resends it after an ambiguous failure (through
   * the provider, it looks the video up by `correlation_id` instead).
   */
  readonly createVideo: (
    body: OverrideVideoRequest,
    scope?: DraftsScope,
  ) => Effect.Effect<VideoResponse, VideoError>
  /** `GET /videos/{id}`. */
  readonly getVideo: (id: string, operation?: string) => Effect.Effect<VideoResponse, VideoError>
  /** `GET /videos`: every video of the account (the vendor has no pagination or filters). */
  readonly listVideos: (
    operation?: string,
    scope?: DraftsScope,
  ) => Effect.Effect<ReadonlyArray<VideoResponse>, VideoError>
  /** `GET /videos/{id}/metadata`: duration and per-scene timings of a rendered video. */
  readonly getVideoMetadata: (
    id: string,
    operation?: string,
  ) => Effect.Effect<VideoMetadataResponse, VideoError>
  /** Scrubs the key and secrets from text or JSON. */
  readonly redact: Redactor
}

const scopeHeaders = (scope: DraftsScope | undefined): Record<string, string> => ({
  ...(scope?.workspaceId ? { "workspace-id": scope.workspaceId } : {}),
  ...(scope?.teamId ? { "team-id": scope.teamId } : {}),
})

const videoPath = (id: string) => `/videos/${encodeURIComponent(id)}`

/**
 * Builds the Hour One client over core's HTTP runtime from checked settings (the webhook
 * secret, when set, is scrubbed from errors and payloads too).
 *
 * @example
 * ```ts
 * const client = makeDraftsClient(yield* drafts.parseSettings({ apiKey: process.env.HOURONE_API_KEY }))
 * const video = yield* client.getVideo("65f0c2...")
 * ```
 */
export const makeDraftsClient = (settings: DraftsSettings): DraftsClientShape => {
  const http = makeHttpClient({
    provider: PROVIDER_ID,
    baseUrl: settings.baseUrl ?? HOURONE_BASE_URL,
    auth: { "api-key": settings.apiKey },
    secrets: settings.webhookSecret ? [settings.webhookSecret] : [],
    classify,
    fetch: settings.fetch,
    timeout: settings.timeout,
    retry: settings.retry,
    // Workspace and team ids are not secrets: shown as is (other configured headers are masked).
    headers: {
      ...settings.headers,
      ...Object.fromEntries(Object.entries(scopeHeaders(settings)).map(([k, v]) => [k, publicHeader(v)])),
    },
    observer: settings.observer,
  })
  return {
    createVideo: (body, scope) =>
      http.requestBody({
        operation: "render",
        method: "POST",
        path: "/videos",
        body,
        headers: { "content-type": "application/json", ...scopeHeaders(scope) },
        spendsCredits: true,
        schema: VideoResponse,
      }),
    getVideo: (id, operation = "getStatus") =>
      http.requestBody({
        operation,
        method: "GET",
        path: videoPath(id),
        spendsCredits: false,
        schema: VideoResponse,
        ref: videoRef(id),
      }),
    listVideos: (operation = "listJobs", scope) =>
      http.requestBody({
        operation,
        method: "GET",
        path: "/videos",
        headers: scopeHeaders(scope),
        spendsCredits: false,
        schema: VideoList,
      }),
    getVideoMetadata: (id, operation = "getStatus") =>
      http.requestBody({
        operation,
        method: "GET",
        path: `${videoPath(id)}/metadata`,
        spendsCredits: false,
        schema: VideoMetadataResponse,
        ref: videoRef(id),
      }),
    redact: http.redact,
  }
}

// Marked pure so that a bundle using only the provider leaves the service (and Effect's Config) out.
const DraftsClientKey = /* @__PURE__ */ Context.Service<DraftsClient, DraftsClientShape>()(
  "@vidbridge/adapter-drafts/DraftsClient",
)

/**
 * The Hour One client as an Effect service. `DraftsClient.layer({ apiKey })` checks the
 * settings and builds it; `DraftsClient.layerConfig({ apiKey: Config.Redacted("HOURONE_API_KEY") })`
 * reads them from Effect's `Config` first.
 *
 * @example
 * ```ts
 * const meta = yield* DraftsClient.use((client) => client.getVideoMetadata(id))
 * // provided by: DraftsClient.layerConfig({ apiKey: Config.Redacted("HOURONE_API_KEY") })
 * ```
 */
export class DraftsClient extends DraftsClientKey {
  /** A layer from raw settings; fails with `InvalidInput` naming a wrong setting. */
  static readonly layer = (input: DraftsSettingsInput): Layer.Layer<DraftsClient, VideoError> =>
    Layer.effect(DraftsClient, Effect.map(parseDraftsSettings(input), makeDraftsClient))

  /**
   * A layer from settings read with Effect `Config` (each setting a `Config`, or one `Config`
   * of them all; keep the key a `Config.Redacted`). A missing or malformed value fails with
   * `ConfigError`; a value the adapter refuses, with `InvalidInput` naming the setting.
   */
  static readonly layerConfig = (
    config: Config.Wrap<DraftsSettingsInput>,
  ): Layer.Layer<DraftsClient, Config.ConfigError | VideoError> =>
    Layer.effect(
      DraftsClient,
      Effect.map(Effect.flatMap(readConfig(PROVIDER_ID, config), parseDraftsSettings), makeDraftsClient),
    )
}
