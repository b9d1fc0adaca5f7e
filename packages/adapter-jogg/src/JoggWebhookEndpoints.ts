import type { VideoError } from "@vidbridge/core"
import { validate } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as z from "zod/mini"
import { HOOK_URL_RULE, isHookUrl } from "./internal/hookUrl.js"
import { PROVIDER_ID, str } from "./internal/mapping/refs.js"
import type { WebhookEndpoint } from "./internal/wire/v2.js"
import { makeJoggClient } from "./JoggClient.js"
import { checkSettings, type JoggSettingsInput } from "./settings.js"

/** JoggAI's documented account webhook events (v2). */
export const JoggWebhookEvents = [
  "generated_video_success",
  "generated_video_failed",
  "generated_avatar_video_success",
  "generated_avatar_video_failed",
  "generated_product_video_success",
  "generated_product_video_failed",
  "generated_template_video_success",
  "generated_template_video_failed",
] as const

/** An account webhook endpoint. `secret` verifies deliveries: pass it as `webhookSecret`. */
export interface JoggWebhookEndpoint {
  readonly id: string
  readonly url?: string | undefined
  /** The signing secret (JoggAI cannot change it); `Redacted` so it is not printed by accident. */
  readonly secret?: Redacted.Redacted<string> | undefined
  readonly status?: string | undefined
  readonly events: ReadonlyArray<string>
  readonly createdAt?: string | number | undefined
}

/**
 * What to register: an https URL (http only on a loopback host, for a simulator) and the event
 * names (`status` defaults to `"enabled"`).
 */
export interface JoggWebhookRegistration {
  readonly url: string
  readonly events: ReadonlyArray<string>
  readonly status?: "enabled" | "disabled" | undefined
}

/** Manages JoggAI account webhook endpoints (v2: `/v2/endpoint(s)`; at most 20 per account). */
export interface JoggWebhookEndpoints {
  /**
   * `POST /v2/endpoint`: registers an endpoint; its answer carries the signing secret. The URL
   * must be https (`InvalidInput` otherwise, before any request); http only on a loopback host.
   */
  readonly register: (registration: JoggWebhookRegistration) => Effect.Effect<JoggWebhookEndpoint, VideoError>
  /** `GET /v2/endpoints`: the account's endpoints. */
  readonly list: () => Effect.Effect<ReadonlyArray<JoggWebhookEndpoint>, VideoError>
  /** `DELETE /v2/endpoint/{id}`: removes an endpoint. */
  readonly remove: (endpointId: string) => Effect.Effect<void, VideoError>
}

const Registration = z.strictObject({
  url: z.string().check(z.refine(isHookUrl, HOOK_URL_RULE)),
  events: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  status: z.optional(z.enum(["enabled", "disabled"])),
})

const endpointOf = (endpoint: WebhookEndpoint): JoggWebhookEndpoint => ({
  id: String(endpoint.endpoint_id),
  url: str(endpoint.url),
  secret: endpoint.secret ? Redacted.make(endpoint.secret) : undefined,
  status: str(endpoint.status),
  events: endpoint.events ?? [],
  createdAt: endpoint.created_at ?? undefined,
})

/**
 * Account webhook endpoint management for JoggAI (always the v2 API). Takes the same settings as
 * `jogg({...})`; register an endpoint once, store its `secret`, and pass it as
 * `webhookSecret` so `parseWebhook` (`parseJoggWebhook`) can verify deliveries.
 *
 * @example
 * ```ts
 * const endpoints = yield* joggWebhookEndpoints({ apiKey })
 * const endpoint = yield* endpoints.register({ url: "https://app.example/hooks/jogg", events: ["generated_product_video_success"] })
 * saveSecret(Redacted.value(endpoint.secret!))
 * ```
 */
export const joggWebhookEndpoints = (
  settings: JoggSettingsInput,
): Effect.Effect<JoggWebhookEndpoints, VideoError> =>
  Effect.map(checkSettings(settings), (checked) => {
    const api = makeJoggClient({ ...checked, apiVersion: "v2" }).v2
    return {
      register: (registration) =>
        Effect.gen(function* () {
          const valid = yield* validate(Registration, registration, {
            provider: PROVIDER_ID,
            operation: "registerWebhook",
          })
          const endpoint = yield* api.createEndpoint(
            { url: valid.url, events: valid.events, status: valid.status ?? "enabled" },
            { operation: "registerWebhook" },
          )
          return endpointOf(endpoint)
        }),
      list: () =>
        Effect.map(api.listEndpoints({ operation: "listWebhooks" }), (list) => list.map(endpointOf)),
      remove: (endpointId) => api.deleteEndpoint(endpointId, { operation: "deleteWebhook", ref: undefined }),
    }
  })
