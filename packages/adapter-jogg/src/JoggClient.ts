import type { VideoError } from "@vidbridge/core"
import { makeHttpClient, makeRateLimiter, readConfig } from "@vidbridge/core/adapter"
import type * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type JoggOpenApi, openApi } from "./internal/client/open.js"
import { type JoggV2Api, v2Api } from "./internal/client/v2.js"
import { classify, requestId } from "./internal/errors.js"
import { PROVIDER_ID } from "./internal/mapping/refs.js"
import {
  checkSettings,
  JOGG_BASE_URL,
  JOGG_OPEN_BASE_URL,
  type JoggSettings,
  type JoggSettingsInput,
} from "./settings.js"

export type { JoggCatalogApi } from "./internal/client/catalogs.js"
export type { Call } from "./internal/client/http.js"
export type { JoggOpenApi } from "./internal/client/open.js"
export type { JoggV2Api } from "./internal/client/v2.js"

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
    Layer.effect(
      JoggClient,
      Effect.map(Effect.flatMap(readConfig(PROVIDER_ID, config), checkSettings), makeJoggClient),
    )
}
