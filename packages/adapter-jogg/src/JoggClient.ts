import type { VideoError } from "@vidbridge/core"
import {
  httpSettingsFields,
  makeHttpClient,
  makeRateLimiter,
  secret,
  validate,
} from "@vidbridge/core/adapter"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as z from "zod/mini"
import { classify, requestId } from "./internal/errors.js"
import { type JoggOpenApi, makeOpenApi } from "./JoggOpenClient.js"
import { type JoggV2Api, makeV2Api } from "./JoggV2Client.js"

/** The base URL of JoggAI's current (v2) API. */
export const JOGG_V2_BASE_URL = "https://api.jogg.ai"

/** The base URL of JoggAI's older `open` API (the seed documents). */
export const JOGG_OPEN_BASE_URL = "https://api-services.jogg.ai"

/**
 * JoggAI settings: `apiKey` (required), `apiVersion` (`"v2"` default, or `"open"`),
 * `webhookSecret` (the endpoint secret, to verify callbacks), `webhookToleranceSeconds`
 * (oldest accepted delivery, default 300), `postsPerMinute` (client-side POST limit,
 * default 20, `false` to turn off), plus core's transport settings.
 */
export const JoggSettingsSchema = z.strictObject({
  apiKey: secret(),
  apiVersion: z.optional(z.enum(["v2", "open"])),
  webhookSecret: z.optional(secret()),
  webhookToleranceSeconds: z.optional(z.number().check(z.gte(0))),
  postsPerMinute: z.optional(z.union([z.literal(false), z.number().check(z.int(), z.positive())])),
  ...httpSettingsFields,
})

/** Settings as you pass them to `jogg({...})`. */
export type JoggSettingsInput = z.input<typeof JoggSettingsSchema>

/** Settings after checking (credentials are `Redacted`). */
export type JoggSettings = z.output<typeof JoggSettingsSchema>

/** What a call is about, for error context. */
export interface Call {
  readonly operation: string
  readonly ref?: string | undefined
}

/** One JoggAI request. */
export interface SendSpec<A> {
  readonly call: Call
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  readonly path: string
  readonly query?: Readonly<Record<string, string | number | undefined>>
  readonly body?: unknown
  readonly spendsCredits: boolean
  readonly schema: z.ZodMiniType<A>
}

/** One request through core's HTTP runtime (and the POST limiter); answers the decoded body. */
export type Send = <A>(spec: SendSpec<A>) => Effect.Effect<A, VideoError>

/**
 * The JoggAI HTTP API, both generations, over core's HTTP runtime. POSTs pass a
 * client-side limiter first (20 per minute per key, JoggAI's documented limit), so a batch
 * of renders queues instead of failing; GETs are not limited.
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
    provider: "jogg",
    baseUrl: settings.baseUrl ?? (apiVersion === "open" ? JOGG_OPEN_BASE_URL : JOGG_V2_BASE_URL),
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
  const send: Send = (spec) =>
    http.requestBody({
      operation: spec.call.operation,
      ref: spec.call.ref,
      method: spec.method,
      path: spec.path,
      query: spec.query,
      body: spec.body,
      spendsCredits: spec.spendsCredits,
      schema: spec.schema,
    })
  return { apiVersion, v2: makeV2Api(send), open: makeOpenApi(send) }
}

/**
 * The JoggAI client as an Effect service, for calls the neutral port does not cover.
 * `JoggClient.layer({ apiKey })` checks the settings and builds it.
 */
export class JoggClient extends Context.Service<JoggClient, JoggClientShape>()(
  "@vidbridge/adapter-jogg/JoggClient",
) {
  /** A layer from raw settings; fails with `InvalidInput` naming a wrong setting. */
  static layer = (input: JoggSettingsInput): Layer.Layer<JoggClient, VideoError> =>
    Layer.effect(JoggClient, Effect.map(parseJoggSettings(input), makeJoggClient))
}

/** Checks raw settings (the same check `jogg({...})` does). */
export const parseJoggSettings = (input: unknown): Effect.Effect<JoggSettings, VideoError> =>
  validate(JoggSettingsSchema, input, { provider: "jogg", operation: "configure" })
