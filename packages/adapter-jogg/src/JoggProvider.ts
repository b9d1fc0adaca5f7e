import { CatalogOperations, type VideoProviderShape } from "@vidbridge/core"
import { deferOperations, defineProvider } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { estimateCredits } from "./internal/credits.js"
import { joggPolling } from "./internal/operations/scan.js"
import { type Operations, v2Operations } from "./internal/operations/v2.js"
import { makeJoggClient } from "./JoggClient.js"
import { JoggSettings } from "./settings.js"
import { joggCapabilities, joggOpenCapabilities, joggSummary, PROVIDER_ID } from "./summary.js"
import { parseJoggWebhook } from "./webhook.js"

export { joggCapabilities, joggOpenCapabilities } from "./summary.js"

const catalogNames = [...CatalogOperations, "getCreditBalance"] as const
const openNames = [
  "createProduct",
  "updateProduct",
  "generatePreviews",
  "renderPreview",
  "render",
  "getStatus",
  "listJobs",
  "findSubmission",
] as const

/** Builds the JoggAI provider from checked settings (no request is made). */
export const makeJoggProvider = (settings: JoggSettings): VideoProviderShape => {
  const client = makeJoggClient(settings)
  // What most apps never call at start-up loads on first use: the older API, the catalogs and
  // AI scripts.
  const ops =
    client.apiVersion === "open"
      ? deferOperations(PROVIDER_ID, "JoggAI's open API", openNames, () =>
          import("./internal/operations/open.js").then(
            (m) => m.openOperations(client) as Required<Operations>,
          ),
        )
      : {
          ...v2Operations(client, settings.batchCredits !== false),
          ...deferOperations(PROVIDER_ID, "JoggAI's catalogs", catalogNames, () =>
            import("./internal/catalogs/index.js").then((m) => m.catalogOperations(client.v2)),
          ),
          ...deferOperations(PROVIDER_ID, "JoggAI's AI scripts", ["generateScripts", "getScripts"], () =>
            import("./internal/operations/scripts.js").then((m) => m.scriptOperations(client.v2)),
          ),
        }
  return {
    id: PROVIDER_ID,
    capabilities: client.apiVersion === "open" ? joggOpenCapabilities : joggCapabilities,
    polling: joggPolling,
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
  ...joggSummary,
  capabilitiesFor: (settings) => (settings.apiVersion === "open" ? joggOpenCapabilities : joggCapabilities),
  settings: JoggSettings,
  make: (settings) => Effect.sync(() => makeJoggProvider(settings)),
})
