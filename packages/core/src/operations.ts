import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { catalogOperations } from "./catalogs/operations.js"
import { checked, operation } from "./internal/operation.js"
import { JobRef, type JobRefInput } from "./JobRef.js"
import {
  type ListJobsQuery,
  ListJobsQuerySchema,
  type PreviewRequest,
  PreviewRequestSchema,
  type ProductInput,
  ProductInputSchema,
  ProductRefSchema,
  type ProductUpdate,
  ProductUpdateSchema,
  type RenderPreviewRequest,
  RenderPreviewRequestSchema,
  type RenderRequest,
  RenderRequestSchema,
  type ScriptRequest,
  ScriptRequestSchema,
} from "./model/inputs.js"
import type {
  CreditEstimate,
  JobPage,
  Product,
  ScriptJob,
  SubmissionStatus,
  VideoJob,
} from "./model/VideoJob.js"
import { cancelled } from "./polling/cancellations.js"
import { pollFloor, pollUntil } from "./polling/pollUntil.js"
import { checkWaitOptions, parseRef, type WaitOptions } from "./polling/waitForCompletion.js"
import { SubmissionRef } from "./SubmissionRef.js"
import { reconcileWindow, type SubmitOptions, submitWith } from "./submissions/reconcile.js"
import {
  ContentRejected,
  invalidInput,
  Timeout,
  unsupported,
  VendorRejected,
  VideoError,
} from "./VideoError.js"
import { VideoProvider, type VideoProviderShape, type WebhookRequest } from "./VideoProvider.js"
import { validate } from "./validate.js"

/**
 * The neutral operations against one explicit provider. The Effect functions below
 * (`createProduct`, ...) are these, reading the provider from the {@link VideoProvider}
 * service; the Promise client uses them directly.
 */
const makeOperations = (provider: VideoProviderShape) => ({
  ...catalogOperations(provider),
  createProduct: (input: ProductInput, options?: SubmitOptions): Effect.Effect<Product, VideoError> =>
    Effect.flatMap(operation(provider, "createProduct"), (run) =>
      Effect.flatMap(checked(provider, "createProduct", ProductInputSchema, input), (valid) =>
        submitWith(provider, "createProduct", valid.idempotencyKey, options, (s) => run(valid, s)),
      ),
    ),
  updateProduct: (product: string | Product, patch: ProductUpdate): Effect.Effect<Product, VideoError> =>
    Effect.gen(function* () {
      const run = yield* operation(provider, "updateProduct")
      const ref = yield* validate(ProductRefSchema, product, {
        provider: provider.id,
        operation: "updateProduct",
        field: "product",
      })
      return yield* run(ref, yield* checked(provider, "updateProduct", ProductUpdateSchema, patch))
    }),
  generateScripts: (
    request: ScriptRequest,
    options: WaitOptions & SubmitOptions = {},
  ): Effect.Effect<ScriptJob, VideoError> =>
    Effect.gen(function* () {
      const run = yield* operation(provider, "generateScripts")
      const valid = yield* checked(provider, "generateScripts", ScriptRequestSchema, request)
      // Checked before the (credit-spending) request: a bad wait option must not fail after it.
      yield* checkWaitOptions(provider.id, "generateScripts", options)
      const first = yield* submitWith(provider, "generateScripts", valid.idempotencyKey, options, (s) =>
        run(valid, s),
      )
      if (first.status !== "pending") return yield* scriptsOutcome(provider, first)
      const read = yield* operation(provider, "getScripts")
      if (first.ref === undefined) return yield* Effect.fail(unsupported(provider.id, "getScripts"))
      const ref = JobRef.parse(first.ref)
      const done = yield* pollUntil(read(ref), (job) => job.status !== "pending", {
        schedule: options.schedule ?? provider.polling?.schedule,
        minInterval: pollFloor(provider, options.minInterval),
        timeout: options.timeout,
        maxConsecutiveErrors: options.maxConsecutiveErrors,
        onTimeout: (_last, after) =>
          scriptsError(
            provider.id,
            first.ref,
            new Timeout({ message: "the scripts were not ready in time", after }),
          ),
      })
      return yield* scriptsOutcome(provider, { ...done, submission: first.submission })
    }),
  generatePreviews: (request: PreviewRequest, options?: SubmitOptions): Effect.Effect<VideoJob, VideoError> =>
    Effect.flatMap(operation(provider, "generatePreviews"), (run) =>
      Effect.flatMap(checked(provider, "generatePreviews", PreviewRequestSchema, request), (valid) =>
        submitWith(provider, "generatePreviews", valid.idempotencyKey, options, (s) => run(valid, s)),
      ),
    ),
  renderPreview: (
    request: RenderPreviewRequest,
    options?: SubmitOptions,
  ): Effect.Effect<VideoJob, VideoError> =>
    Effect.gen(function* () {
      const run = yield* operation(provider, "renderPreview")
      const valid = yield* checked(provider, "renderPreview", RenderPreviewRequestSchema, request)
      yield* parseRef(provider, valid.job, "renderPreview", "job")
      return yield* submitWith(provider, "renderPreview", valid.idempotencyKey, options, (s) => run(valid, s))
    }),
  render: (request: RenderRequest, options?: SubmitOptions): Effect.Effect<VideoJob, VideoError> =>
    Effect.flatMap(operation(provider, "render"), (run) =>
      Effect.flatMap(checked(provider, "render", RenderRequestSchema, request), (valid) =>
        submitWith(provider, "render", valid.idempotencyKey, options, (s) => run(valid, s)),
      ),
    ),
  findSubmission: (input: string | SubmissionRef): Effect.Effect<SubmissionStatus, VideoError> =>
    Effect.gen(function* () {
      const run = yield* operation(provider, "findSubmission")
      const ref = yield* parseSubmission(provider.id, input)
      const submission = SubmissionRef.format(ref)
      const base = { submission, operation: ref.operation }
      const lookup = yield* run(ref)
      if (lookup._tag === "Ambiguous") return { status: "ambiguous", ...base, candidates: lookup.candidates }
      if (lookup._tag === "Found") {
        const op = ref.operation
        const field = op === "createProduct" ? "product" : op === "generateScripts" ? "scripts" : "job"
        const result = { ...lookup.result, submission: { key: ref.key, ref: submission, reconciled: true } }
        return { status: "found", ...base, [field]: result } as SubmissionStatus
      }
      const now = yield* Clock.currentTimeMillis
      return {
        status: "not_found",
        ...base,
        settled: now - ref.at >= Duration.toMillis(yield* reconcileWindow),
      }
    }),
  cancel: (ref: JobRefInput): Effect.Effect<VideoJob, VideoError> =>
    Effect.gen(function* () {
      const run = yield* operation(provider, "cancel")
      const parsed = yield* parseRef(provider, ref, "cancel")
      const job = yield* run(parsed)
      cancelled(provider, JobRef.format(parsed), job)
      return job
    }),
  getStatus: (ref: JobRefInput): Effect.Effect<VideoJob, VideoError> =>
    Effect.flatMap(parseRef(provider, ref, "getStatus"), provider.getStatus),
  listJobs: (query: ListJobsQuery = {}): Effect.Effect<JobPage, VideoError> =>
    Effect.flatMap(operation(provider, "listJobs"), (run) =>
      Effect.flatMap(checked(provider, "listJobs", ListJobsQuerySchema, query), run),
    ),
  parseWebhook: (request: WebhookRequest) =>
    Effect.flatMap(operation(provider, "parseWebhook"), (run) => run(request)),
  estimateCredits: (
    request: RenderRequest | PreviewRequest,
    kind: "render" | "previews" = "render",
  ): Effect.Effect<CreditEstimate, VideoError> =>
    Effect.gen(function* () {
      const run = yield* operation(provider, "estimateCredits")
      const valid: RenderRequest | PreviewRequest =
        kind === "render"
          ? yield* checked(provider, "estimateCredits", RenderRequestSchema, request)
          : yield* checked(provider, "estimateCredits", PreviewRequestSchema, request)
      return yield* run(valid, kind)
    }),
})

/** The neutral operations over one provider. */
export type NeutralOperations = ReturnType<typeof makeOperations>

// One set of operations per provider shape: they are called for every request (and every poll).
const operationsCache = new WeakMap<VideoProviderShape, NeutralOperations>()

/**
 * The neutral operations over one provider: input checked against the neutral schemas, an
 * operation the provider lacks failing `UnsupportedOperation`, all before any request.
 * Built once per provider and reused.
 */
export const operationsFor = (provider: VideoProviderShape): NeutralOperations => {
  let ops = operationsCache.get(provider)
  if (ops === undefined) {
    ops = makeOperations(provider)
    operationsCache.set(provider, ops)
  }
  return ops
}

const parseSubmission = (provider: string, input: string | SubmissionRef) =>
  Effect.suspend(() => {
    try {
      const ref = typeof input === "string" ? SubmissionRef.parse(input) : SubmissionRef.make(input)
      if (ref.provider === provider) return Effect.succeed(ref)
      throw new Error(`belongs to provider "${ref.provider}", not "${provider}"`)
    } catch (error) {
      return Effect.fail(
        invalidInput(provider, "findSubmission", [{ path: "ref", message: (error as Error).message }]),
      )
    }
  })

const scriptsError = (
  provider: string,
  ref: string | undefined,
  reason: Timeout | VendorRejected | ContentRejected,
): VideoError => new VideoError({ provider, operation: "generateScripts", ref, reason })

/**
 * A finished script job as `generateScripts` answers it, whether the vendor's answer arrived or the
 * job was found after a lost one: `rejected` (moderation) fails `ContentRejected`, `failed`
 * fails `VendorRejected`, each with the vendor's reason.
 */
const scriptsOutcome = (
  provider: VideoProviderShape,
  job: ScriptJob,
): Effect.Effect<ScriptJob, VideoError> =>
  job.status === "rejected"
    ? Effect.fail(
        scriptsError(
          provider.id,
          job.ref,
          new ContentRejected({
            message: `the vendor rejected the script job${job.failure ? `: ${job.failure.message}` : ""}`,
          }),
        ),
      )
    : job.status === "failed"
      ? Effect.fail(
          scriptsError(
            provider.id,
            job.ref,
            new VendorRejected({
              message: `script generation failed${job.failure ? `: ${job.failure.message}` : ""}`,
              vendorMessages: job.failure ? [job.failure.message] : [],
            }),
          ),
        )
      : Effect.succeed(job)

const withProvider =
  <Args extends ReadonlyArray<unknown>, A>(
    pick: (ops: ReturnType<typeof operationsFor>) => (...args: Args) => Effect.Effect<A, VideoError>,
  ) =>
  (...args: Args): Effect.Effect<A, VideoError, VideoProvider> =>
    Effect.flatMap(VideoProvider, (provider: VideoProviderShape) => pick(operationsFor(provider))(...args))

/** Scrapes a product page (`{ url }`) or registers your own product data. */
export const createProduct = /* @__PURE__ */ withProvider((ops) => ops.createProduct)
/** Changes a product's title, description or media. */
export const updateProduct = /* @__PURE__ */ withProvider((ops) => ops.updateProduct)
/** Asks the vendor to write scripts for a product; waits while the vendor is still writing. */
export const generateScripts = /* @__PURE__ */ withProvider((ops) => ops.generateScripts)
/** Starts preview generation; wait for `awaiting_selection`, then `renderPreview`. */
export const generatePreviews = /* @__PURE__ */ withProvider((ops) => ops.generatePreviews)
/** Renders the chosen preview into the final video. Spends credits; never retried blindly. */
export const renderPreview = /* @__PURE__ */ withProvider((ops) => ops.renderPreview)
/** Renders a video directly (template, draft, or product without previews). Spends credits. */
export const render = /* @__PURE__ */ withProvider((ops) => ops.render)
/** Reads a job once. Works from a stored ref string alone. */
export const getStatus = /* @__PURE__ */ withProvider((ops) => ops.getStatus)
/** Lists the vendor's jobs, newest first where the vendor orders them. */
export const listJobs = /* @__PURE__ */ withProvider((ops) => ops.listJobs)
/** Verifies and parses a vendor callback into a neutral event. */
export const parseWebhook = /* @__PURE__ */ withProvider((ops) => ops.parseWebhook)
/**
 * Looks a paid request up once by its submission ref (from `onSubmit`, or a `SubmissionUnknown`
 * error): `found` with the job, `not_found` (`settled` once the reconcile window has passed), or
 * `ambiguous` with every candidate. Sends nothing that spends credits.
 */
export const findSubmission = /* @__PURE__ */ withProvider((ops) => ops.findSubmission)
/** Cancels a job where the vendor can; local waits on it end at once. Else `UnsupportedOperation`. */
export const cancel = /* @__PURE__ */ withProvider((ops) => ops.cancel)
/** Estimates credits from the vendor's published rules (an estimate, not a quote). */
export const estimateCredits = /* @__PURE__ */ withProvider((ops) => ops.estimateCredits)
/**
 * One page of the vendor's avatars: `{ items, cursor? }`, each with the `id` that `avatar` takes.
 * Pass `cursor` back for the next page; `collectCatalog` reads them all.
 */
export const listAvatars = /* @__PURE__ */ withProvider((ops) => ops.listAvatars)
/** One page of the vendor's voices; each `id` is what `voice` takes. */
export const listVoices = /* @__PURE__ */ withProvider((ops) => ops.listVoices)
/** One page of the vendor's background music. */
export const listMusic = /* @__PURE__ */ withProvider((ops) => ops.listMusic)
/** One page of the vendor's templates (and the account's own); each `id` is what `template` takes. */
export const listTemplates = /* @__PURE__ */ withProvider((ops) => ops.listTemplates)
/** One page of the vendor's visual styles; each `id` is what `visualStyle` takes. */
export const listVisualStyles = /* @__PURE__ */ withProvider((ops) => ops.listVisualStyles)
/** The account's remaining balance: `{ remaining, unit, raw }`. */
export const getCreditBalance = /* @__PURE__ */ withProvider((ops) => ops.getCreditBalance)
