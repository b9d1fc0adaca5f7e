import * as Effect from "effect/Effect"
import type { Capabilities } from "../Capabilities.js"
import { eachCatalog } from "../catalogs/operations.js"
import type { CatalogOperation, CatalogQuery } from "../model/Catalog.js"
import { type NeutralOperations, operationsFor } from "../operations.js"
import type { ConfiguredProvider } from "../ProviderDefinition.js"
import type { VideoError } from "../VideoError.js"
import type { VideoProviderShape } from "../VideoProvider.js"

/**
 * A configured provider the Promise client builds on first use: its `make` runs once (callers
 * that arrive while it runs share that run), and may be asynchronous. A failed build is the
 * error of the operation that asked for it (and of every later one: settings do not change).
 */
export interface LazyProvider {
  readonly id: string
  /** Known without building: the configured provider's `capabilities`. */
  readonly capabilities: Capabilities
  /** The neutral operations; until the provider is built, each one builds it first. */
  readonly operations: () => NeutralOperations
  /** Runs `f` with the built provider, building it first when this is the first use. */
  readonly use: <A, R = never>(
    f: (shape: VideoProviderShape) => Effect.Effect<A, VideoError, R>,
  ) => Effect.Effect<A, VideoError, R>
}

export const lazyProvider = (configured: ConfiguredProvider): LazyProvider => {
  // Once built, operations go to the shape directly: nothing more on the request path.
  let built: VideoProviderShape | undefined
  const build = Effect.runSync(
    Effect.cached(
      Effect.map(configured.make, (shape) => {
        built = shape
        return shape
      }),
    ),
  )
  const use: LazyProvider["use"] = (f) => (built === undefined ? Effect.flatMap(build, f) : f(built))
  const beforeBuilt: NeutralOperations = {
    createProduct: (input, options) => use((s) => operationsFor(s).createProduct(input, options)),
    updateProduct: (product, patch) => use((s) => operationsFor(s).updateProduct(product, patch)),
    generateScripts: (request, options) => use((s) => operationsFor(s).generateScripts(request, options)),
    generatePreviews: (request, options) => use((s) => operationsFor(s).generatePreviews(request, options)),
    renderPreview: (request, options) => use((s) => operationsFor(s).renderPreview(request, options)),
    render: (request, options) => use((s) => operationsFor(s).render(request, options)),
    getStatus: (ref) => use((s) => operationsFor(s).getStatus(ref)),
    listJobs: (query) => use((s) => operationsFor(s).listJobs(query)),
    parseWebhook: (request) => use((s) => operationsFor(s).parseWebhook(request)),
    estimateCredits: (request, kind) => use((s) => operationsFor(s).estimateCredits(request, kind)),
    findSubmission: (ref) => use((s) => operationsFor(s).findSubmission(ref)),
    cancel: (ref) => use((s) => operationsFor(s).cancel(ref)),
    ...(eachCatalog((name) => (query?: CatalogQuery) => use((s) => operationsFor(s)[name](query))) as Pick<
      NeutralOperations,
      CatalogOperation
    >),
    getCreditBalance: () => use((s) => operationsFor(s).getCreditBalance()),
  }
  return {
    id: configured.id,
    capabilities: configured.capabilities,
    operations: () => (built === undefined ? beforeBuilt : operationsFor(built)),
    use,
  }
}
