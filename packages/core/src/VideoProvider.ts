import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { Capabilities } from "./Capabilities.js"
import type { JobRef } from "./JobRef.js"
import type {
  ListJobsQuery,
  PreviewRequest,
  ProductInput,
  ProductUpdate,
  RenderPreviewRequest,
  RenderRequest,
  ScriptRequest,
} from "./model/inputs.js"
import type {
  CreditEstimate,
  JobPage,
  Product,
  ScriptJob,
  VideoJob,
  VideoJobEvent,
} from "./model/VideoJob.js"
import type { VideoError } from "./VideoError.js"

/**
 * A vendor callback as received: the body, headers and URL. `body` is the text to parse;
 * `rawBody` the exact bytes, which signatures are verified over (`toWebhookRequest` fills
 * both). Built by hand without `rawBody`, verification uses the UTF-8 encoding of `body`.
 */
export interface WebhookRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  /** The body decoded as UTF-8, for parsing. */
  readonly body: string
  /** The body's exact bytes, for signatures; absent, the UTF-8 encoding of `body` is used. */
  readonly rawBody?: Uint8Array | undefined
}

/**
 * A product reference inside a request, after validation: a ref string (or a bare vendor id),
 * or the Product object itself, whose data an adapter may read (e.g. to fill a template).
 */
export type ProductRefLike =
  | string
  | {
      readonly ref: string
      readonly id: string
      readonly provider: string
      readonly url?: string | undefined
      readonly title?: string | undefined
      readonly description?: string | undefined
      readonly imageUrls?: ReadonlyArray<string> | undefined
      readonly videoUrls?: ReadonlyArray<string> | undefined
    }

/**
 * The port every adapter implements: one vendor's API, in neutral terms.
 *
 * Adapters make one request per call and map it; core validates neutral input first,
 * checks the operation exists, polls, retries and handles webhooks. Omit an operation the
 * vendor lacks: core answers `UnsupportedOperation` before any request and lists only the
 * implemented ones in `capabilities.operations`.
 */
export interface VideoProviderShape {
  /** The provider id, also the first part of every JobRef it makes. */
  readonly id: string
  readonly capabilities: Capabilities
  readonly createProduct?: (input: ProductInput) => Effect.Effect<Product, VideoError>
  readonly updateProduct?: (
    product: ProductRefLike,
    patch: ProductUpdate,
  ) => Effect.Effect<Product, VideoError>
  readonly generateScripts?: (request: ScriptRequest) => Effect.Effect<ScriptJob, VideoError>
  /** Reads a pending script job again; core polls it until it is ready. */
  readonly getScripts?: (ref: JobRef) => Effect.Effect<ScriptJob, VideoError>
  readonly generatePreviews?: (request: PreviewRequest) => Effect.Effect<VideoJob, VideoError>
  readonly renderPreview?: (request: RenderPreviewRequest) => Effect.Effect<VideoJob, VideoError>
  readonly render?: (request: RenderRequest) => Effect.Effect<VideoJob, VideoError>
  readonly getStatus: (ref: JobRef) => Effect.Effect<VideoJob, VideoError>
  /** Reads up to `capabilities.batchStatusLimit` jobs in one request. Jobs it cannot find are left out. */
  readonly getStatuses?: (refs: ReadonlyArray<JobRef>) => Effect.Effect<ReadonlyArray<VideoJob>, VideoError>
  readonly listJobs?: (query: ListJobsQuery) => Effect.Effect<JobPage, VideoError>
  /** Verifies and parses a callback; fails with `AuthenticationFailed` when verification fails. */
  readonly parseWebhook?: (request: WebhookRequest) => Effect.Effect<VideoJobEvent, VideoError>
  /** Estimates credits from the vendor's published rules. */
  readonly estimateCredits?: (
    request: RenderRequest | PreviewRequest,
    kind: "render" | "previews",
  ) => Effect.Effect<CreditEstimate, VideoError>
}

/**
 * The Effect service holding the active {@link VideoProviderShape}. Provide it with an
 * adapter's layer (`CreatifyProvider.layer(...)`) or {@link providerLayer}.
 */
export class VideoProvider extends Context.Service<VideoProvider, VideoProviderShape>()(
  "@vidbridge/core/VideoProvider",
) {}
