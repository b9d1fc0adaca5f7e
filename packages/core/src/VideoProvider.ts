import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import type * as Schedule from "effect/Schedule"
import type { Capabilities } from "./Capabilities.js"
import type { JobRef } from "./JobRef.js"
import type {
  Avatar,
  CatalogPage,
  CatalogQuery,
  CreditBalance,
  Music,
  Template,
  VisualStyle,
  Voice,
} from "./model/Catalog.js"
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
  SubmissionResult,
  VideoJob,
  VideoJobEvent,
} from "./model/VideoJob.js"
import type { SubmissionRef } from "./SubmissionRef.js"
import type { VideoError } from "./VideoError.js"

/**
 * What core hands a paid operation (the port's second argument). Put `key` in the vendor field
 * that the vendor echoes in its reads and lists; then, after every check and immediately
 * before sending the paid request, `yield* submission.announce({ hint: value })`: core stamps
 * the time, makes the submission ref (answered), and awaits the caller's `onSubmit` hook. An
 * answer lost after `announce` (ambiguous 5xx or reset, timeout, unreadable 2xx) is reconciled
 * by core with `findSubmission`; a failure before it is reported as it is. An adapter that
 * sends no key never calls `announce`.
 */
export interface SubmissionContext {
  /** The submission key: the caller's `idempotencyKey`, or one core made. */
  readonly key: string
  /**
   * Call once, right before the paid request. `hints` (values `undefined` are dropped; not `op`
   * or `at`) go into the ref for `findSubmission`: the product or link id, the preview job id.
   * Fails with `SubmitHookFailed` when the caller's hook fails: then send nothing.
   */
  readonly announce: (
    hints?: Readonly<Record<string, string | undefined>>,
  ) => Effect.Effect<string, VideoError>
}

/**
 * What one `findSubmission` lookup found: the job (`Found`, a VideoJob, Product or ScriptJob as
 * the operation answers), nothing (`NotFound`), or several matches (`Ambiguous`: all of them).
 */
export type SubmissionLookup =
  | { readonly _tag: "Found"; readonly result: SubmissionResult }
  | { readonly _tag: "NotFound" }
  | { readonly _tag: "Ambiguous"; readonly candidates: ReadonlyArray<SubmissionResult> }

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
 * How often a vendor's jobs may be read, as its documents say (the port's `polling`). Core never
 * reads a job of this vendor sooner than `minInterval` after the last read, in any wait or batch
 * round, unless the caller sets its own `minInterval` (the explicit way to poll faster).
 */
export interface PollingPolicy {
  /** The vendor's documented floor between two reads of one job (JoggAI: 5 s). */
  readonly minInterval: Duration.Input
  /** The default schedule of this vendor's waits, instead of core's (2 s growing to 30 s). */
  readonly schedule?: Schedule.Schedule<unknown, unknown> | undefined
}

/**
 * What one {@link VideoProviderShape.scanStatuses} found: the jobs (each as `getStatus` would
 * answer it) and how many requests reading them took.
 */
export interface StatusScan {
  readonly jobs: ReadonlyArray<VideoJob>
  readonly requests: number
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
  /**
   * Paid operations (this and the others taking `submission`): see {@link SubmissionContext}.
   * Core always passes `submission`; it is optional so a test can call the port directly (then
   * send no key and announce nothing).
   */
  readonly createProduct?: (
    input: ProductInput,
    submission?: SubmissionContext,
  ) => Effect.Effect<Product, VideoError>
  readonly updateProduct?: (
    product: ProductRefLike,
    patch: ProductUpdate,
  ) => Effect.Effect<Product, VideoError>
  readonly generateScripts?: (
    request: ScriptRequest,
    submission?: SubmissionContext,
  ) => Effect.Effect<ScriptJob, VideoError>
  /** Reads a pending script job again; core polls it until it is ready. */
  readonly getScripts?: (ref: JobRef) => Effect.Effect<ScriptJob, VideoError>
  readonly generatePreviews?: (
    request: PreviewRequest,
    submission?: SubmissionContext,
  ) => Effect.Effect<VideoJob, VideoError>
  readonly renderPreview?: (
    request: RenderPreviewRequest,
    submission?: SubmissionContext,
  ) => Effect.Effect<VideoJob, VideoError>
  readonly render?: (
    request: RenderRequest,
    submission?: SubmissionContext,
  ) => Effect.Effect<VideoJob, VideoError>
  /**
   * ONE lookup of a submission with the vendor's reads (it may page a list): no waiting, no
   * retry loop (core repeats it over the reconcile window). Match the key field first; a
   * heuristic (link id and creation time after `ref.at`) only where the vendor keeps no key, and
   * then declare `capabilities.submissions.lookup: "heuristic"`. Several matches: `Ambiguous`
   * with all of them, never a pick. Never sends anything that spends credits.
   */
  readonly findSubmission?: (ref: SubmissionRef) => Effect.Effect<SubmissionLookup, VideoError>
  /**
   * Cancels a job where the vendor documents a cancel (or stop); answers the job as it is after
   * that (`cancelled`, or `succeeded` if it finished first). Omit it where the vendor has none.
   */
  readonly cancel?: (ref: JobRef) => Effect.Effect<VideoJob, VideoError>
  readonly getStatus: (ref: JobRef) => Effect.Effect<VideoJob, VideoError>
  /** Reads up to `capabilities.batchStatusLimit` jobs in one request. Jobs it cannot find are left out. */
  readonly getStatuses?: (refs: ReadonlyArray<JobRef>) => Effect.Effect<ReadonlyArray<VideoJob>, VideoError>
  /**
   * For a vendor with no ids filter but a newest-first job list: reads every ref it can from
   * that list in one pass (paging until each is seen, stopping early) and answers the jobs found,
   * each exactly as `getStatus` would answer it, with the number of requests made. Core calls it
   * once a round with every tracked job and reads the jobs left out with `getStatus`.
   */
  readonly scanStatuses?: (refs: ReadonlyArray<JobRef>) => Effect.Effect<StatusScan, VideoError>
  /** The vendor's documented polling floor and default schedule; absent: no floor, core's schedule. */
  readonly polling?: PollingPolicy | undefined
  readonly listJobs?: (query: ListJobsQuery) => Effect.Effect<JobPage, VideoError>
  /** Verifies and parses a callback; fails with `AuthenticationFailed` when verification fails. */
  readonly parseWebhook?: (request: WebhookRequest) => Effect.Effect<VideoJobEvent, VideoError>
  /**
   * Catalog reads: ONE request (or one page of each list the catalog is made of) per call,
   * mapped to neutral items whose `id` is what the vendor's create calls take. `query` is checked
   * by core (cursor text, limit 1-100, search); make `cursor` from the vendor's paging (a page
   * number, an offset, its own token; the helpers in `@vidbridge/core/adapter`) and leave it out
   * on the last page. Where the vendor cannot search, filter the page by name (`matchesSearch`).
   * Free reads: `spendsCredits: false`.
   */
  readonly listAvatars?: (query: CatalogQuery) => Effect.Effect<CatalogPage<Avatar>, VideoError>
  readonly listVoices?: (query: CatalogQuery) => Effect.Effect<CatalogPage<Voice>, VideoError>
  readonly listMusic?: (query: CatalogQuery) => Effect.Effect<CatalogPage<Music>, VideoError>
  readonly listTemplates?: (query: CatalogQuery) => Effect.Effect<CatalogPage<Template>, VideoError>
  readonly listVisualStyles?: (query: CatalogQuery) => Effect.Effect<CatalogPage<VisualStyle>, VideoError>
  /** The account's remaining balance (one free read). */
  readonly getCreditBalance?: () => Effect.Effect<CreditBalance, VideoError>
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
