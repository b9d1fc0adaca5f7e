import type {
  Capabilities,
  CreditEstimate,
  PreviewRequest,
  RenderRequest,
  VideoError,
  VideoProviderShape,
} from "@vidbridge/core"
import { defineProvider, unsupported } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { creditsFor, defaultDuration, durations } from "./internal/mapping.js"
import { openOperations } from "./internal/openOperations.js"
import { v2Operations } from "./internal/v2Operations.js"
import { type JoggSettings, JoggSettingsSchema, makeJoggClient } from "./JoggClient.js"
import { parseJoggWebhook } from "./webhook.js"

/**
 * What JoggAI's v2 API can do (the default `apiVersion`). With `apiVersion: "open"` the
 * built provider's `capabilities` differ: see {@link joggOpenCapabilities}.
 */
export const joggCapabilities: Capabilities = {
  operations: [
    "createProduct",
    "updateProduct",
    "generatePreviews",
    "renderPreview",
    "render",
    "getStatus",
    "listJobs",
    "parseWebhook",
  ],
  aspectRatios: ["9:16", "16:9", "1:1"],
  durations,
  productFromUrl: true,
  productFromParams: true,
  templates: false,
  webhooks: "signature",
  batchStatusLimit: 1,
  credits: { reported: true, estimate: true },
}

/**
 * What the older `open` API can do: products from a URL only, one render per product
 * project (AI templates by name), no previews, no job list, no credit report.
 * `generatePreviews`, `renderPreview` and `listJobs` fail with `UnsupportedOperation`.
 */
export const joggOpenCapabilities: Capabilities = {
  operations: ["createProduct", "updateProduct", "render", "getStatus", "parseWebhook"],
  aspectRatios: ["9:16", "16:9", "1:1"],
  durations: undefined,
  productFromUrl: true,
  productFromParams: false,
  templates: true,
  webhooks: "signature",
  batchStatusLimit: 1,
  credits: { reported: false, estimate: true },
}

const estimateCredits =
  (apiVersion: "v2" | "open") =>
  (
    request: RenderRequest | PreviewRequest,
    kind: "render" | "previews",
  ): Effect.Effect<CreditEstimate, VideoError> => {
    if (kind === "previews" && apiVersion === "open") {
      return Effect.fail(unsupported("jogg", "estimateCredits", "the open API has no previews"))
    }
    const seconds = request.durationSeconds ?? defaultDuration
    if (kind === "render") {
      return Effect.succeed({
        provider: "jogg",
        credits: creditsFor(seconds, "render"),
        estimate: true,
        basis: `1 credit per started 2 minutes of video (${seconds}s)`,
      })
    }
    const preview = request as PreviewRequest
    const count = new Set([
      ...(preview.visualStyles ?? []),
      ...(preview.visualStyle ? [preview.visualStyle] : []),
    ]).size
    const previews = Math.max(1, count)
    return Effect.succeed({
      provider: "jogg",
      credits: creditsFor(seconds, "preview") * previews,
      estimate: true,
      basis: `0.5 credit per started 2 minutes per preview (${previews} × ${seconds}s)`,
    })
  }

/** Builds the JoggAI provider from checked settings (no request is made). */
export const makeJoggProvider = (settings: JoggSettings): VideoProviderShape => {
  const client = makeJoggClient(settings)
  const ops = client.apiVersion === "open" ? openOperations(client) : v2Operations(client)
  return {
    id: "jogg",
    capabilities: client.apiVersion === "open" ? joggOpenCapabilities : joggCapabilities,
    ...ops,
    parseWebhook: (request) =>
      parseJoggWebhook(request, {
        secret: settings.webhookSecret,
        toleranceSeconds: settings.webhookToleranceSeconds,
      }),
    estimateCredits: estimateCredits(client.apiVersion),
  }
}

/**
 * The JoggAI provider. `jogg({ apiKey })` talks to the current v2 API;
 * `jogg({ apiKey, apiVersion: "open" })` to the older `open` API of the seed documents.
 *
 * @example
 * ```ts
 * import { createVideoClient } from "@vidbridge/core"
 * import { jogg } from "@vidbridge/adapter-jogg"
 *
 * const client = createVideoClient({ provider: jogg({ apiKey: process.env.JOGG_API_KEY! }) })
 * const product = await client.createProduct({ url: "https://shop.example/p/42" })
 * ```
 */
export const jogg = defineProvider({
  id: "jogg",
  displayName: "JoggAI",
  capabilities: joggCapabilities,
  capabilitiesFor: (settings) => (settings.apiVersion === "open" ? joggOpenCapabilities : joggCapabilities),
  settings: JoggSettingsSchema,
  env: {
    apiKey: { name: "JOGG_API_KEY", description: "JoggAI API key (app.jogg.ai, avatar menu, API)" },
    apiVersion: { name: "JOGG_API_VERSION", description: 'JoggAI API generation: "v2" (default) or "open"' },
    webhookSecret: {
      name: "JOGG_WEBHOOK_SECRET",
      description: "secret of the JoggAI webhook endpoint, to verify X-Webhook-Signature",
    },
    baseUrl: { name: "JOGG_BASE_URL", description: "overrides the JoggAI base URL (proxies, simulators)" },
  },
  make: (settings) => Effect.sync(() => makeJoggProvider(settings)),
})
