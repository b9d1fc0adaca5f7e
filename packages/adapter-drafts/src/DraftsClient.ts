import { type HttpSettings, publicHeader, type VideoError } from "@vidbridge/core"
import { makeHttpClient, type Redactor } from "@vidbridge/core/adapter"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import { classify } from "./internal/errors.js"
import { PROVIDER_ID, videoRef } from "./internal/mapping.js"
import {
  type OverrideVideoRequest,
  VideoList,
  VideoMetadataResponse,
  VideoResponse,
} from "./internal/wire.js"

/** Hour One's API base URL (the "MakeReals" developer host). */
export const DEFAULT_BASE_URL = "https://api.makereals.com/api/v1"

/** What {@link makeDraftsClient} needs: the API key, optional workspace/team, transport settings. */
export interface DraftsClientConfig extends HttpSettings {
  readonly apiKey: Redacted.Redacted<string>
  /** Sent as the `workspace-id` header on every request. */
  readonly workspaceId?: string | undefined
  /** Sent as the `team-id` header on every request. */
  readonly teamId?: string | undefined
  /** Other secrets to scrub from errors and payloads (the webhook secret). */
  readonly secrets?: ReadonlyArray<Redacted.Redacted<string>> | undefined
}

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
  /** `POST /videos`. Spends credits: never resent by core after an ambiguous failure. */
  readonly createVideo: (
    body: OverrideVideoRequest,
    scope?: DraftsScope,
  ) => Effect.Effect<VideoResponse, VideoError>
  /** `GET /videos/{id}`. */
  readonly getVideo: (id: string, operation?: string) => Effect.Effect<VideoResponse, VideoError>
  /** `GET /videos`: every video of the account (the vendor has no pagination). */
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

/**
 * Builds the Hour One client over core's HTTP runtime.
 *
 * @example
 * ```ts
 * const client = makeDraftsClient({ apiKey: Redacted.make(key) })
 * const video = yield* client.getVideo("65f0c2...")
 * ```
 */
export const makeDraftsClient = (config: DraftsClientConfig): DraftsClientShape => {
  const http = makeHttpClient({
    provider: PROVIDER_ID,
    baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
    auth: { "api-key": config.apiKey },
    secrets: config.secrets,
    classify,
    fetch: config.fetch,
    timeout: config.timeout,
    retry: config.retry,
    // Workspace and team ids are not secrets: shown as is (other configured headers are masked).
    headers: {
      ...config.headers,
      ...Object.fromEntries(Object.entries(scopeHeaders(config)).map(([k, v]) => [k, publicHeader(v)])),
    },
    observer: config.observer,
  })
  const videoPath = (id: string) => `/videos/${encodeURIComponent(id)}`
  return {
    createVideo: (body, scope) =>
      Effect.map(
        http.request({
          operation: "render",
          method: "POST",
          path: "/videos",
          body,
          headers: { "content-type": "application/json", ...scopeHeaders(scope) },
          spendsCredits: true,
          schema: VideoResponse,
        }),
        (res) => res.body,
      ),
    getVideo: (id, operation = "getStatus") =>
      Effect.map(
        http.request({
          operation,
          method: "GET",
          path: videoPath(id),
          spendsCredits: false,
          schema: VideoResponse,
          ref: videoRef(id),
        }),
        (res) => res.body,
      ),
    listVideos: (operation = "listJobs", scope) =>
      Effect.map(
        http.request({
          operation,
          method: "GET",
          path: "/videos",
          headers: scopeHeaders(scope),
          spendsCredits: false,
          schema: VideoList,
        }),
        (res) => res.body,
      ),
    getVideoMetadata: (id, operation = "getStatus") =>
      Effect.map(
        http.request({
          operation,
          method: "GET",
          path: `${videoPath(id)}/metadata`,
          spendsCredits: false,
          schema: VideoMetadataResponse,
          ref: videoRef(id),
        }),
        (res) => res.body,
      ),
    redact: http.redact,
  }
}

/** The Hour One client as an Effect service; provide it with {@link DraftsClient.layer}. */
export class DraftsClient extends Context.Service<DraftsClient, DraftsClientShape>()(
  "@vidbridge/adapter-drafts/DraftsClient",
) {
  /** A layer with a client built from `config`. */
  static readonly layer = (config: DraftsClientConfig): Layer.Layer<DraftsClient> =>
    Layer.succeed(DraftsClient, makeDraftsClient(config))
}
