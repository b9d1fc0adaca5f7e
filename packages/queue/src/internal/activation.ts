import { type Capabilities, type VideoClient, VideoError, type VideoJob } from "@vidbridge/core"
import { DelayedError, type Job, type Queue, RateLimitError, UnrecoverableError, WaitingError } from "bullmq"
import * as Duration from "effect/Duration"
import type { OrderFailure } from "../Order.js"
import { type Step, stepsOf } from "../OrderInput.js"
import {
  callbackUrl,
  choosePreview,
  doneFor,
  previewsRequest,
  productRequest,
  renderPreviewRequest,
  renderRequest,
} from "./flow.js"
import type { OrderJobData } from "./orders.js"
import { applyFields, type Lock, lean, type Progress, parseProgress, type Store } from "./store.js"

// One activation of an order: run its steps from where it stopped, until it must wait for the
// vendor (parked: a delayed job), hand over its turn (one paid request per turn on a rate-limited
// account), or ends. Every step's result is saved before the next one starts.

/** What an activation works with (one per provider account). @internal */
export interface ActivationContext {
  readonly account: string
  readonly store: Store
  readonly client: VideoClient
  readonly capabilities: Capabilities
  /** The account's BullMQ queue: its rate limit is paused from here on a vendor 429. */
  readonly queue: Queue
  readonly lockKey: (jobId: string) => string
  /** One vendor request per activation: the account's queue has a rate limit. */
  readonly limited: boolean
  /** Callback URL base for vendor jobs (`?provider=` is added). */
  readonly webhookUrl: string | undefined
  /** How long a parked order sleeps when neither the tracker nor a webhook wakes it (ms). */
  readonly parkFor: number
  /** How long to wait between looks for a submission whose answer was lost (ms). */
  readonly lookupEvery: number
  /** How long a 429 without `Retry-After` pauses the account (ms). */
  readonly rateLimitPause: number
}

const LOST_ANSWER = (e: VideoError) =>
  (e.reason._tag === "VendorUnavailable" && e.reason.delivery === "ambiguous") ||
  e.reason._tag === "Timeout" ||
  e.reason._tag === "SubmissionUnknown" ||
  (e.reason._tag === "UnexpectedResponse" && e.reason.delivery === "accepted")

/** Ends the order: its failure saved, BullMQ told not to retry. */
const fail = async (ctx: ActivationContext, job: Job, lock: Lock, failure: OrderFailure): Promise<never> => {
  await ctx.store.write(job.id!, { failure }, lock)
  throw new UnrecoverableError(`${failure.reason}: ${failure.message}`)
}

const failureOfJob = (step: Step, seen: VideoJob): OrderFailure => ({
  step,
  reason: seen.status === "rejected" ? "ContentRejected" : "JobFailed",
  message: seen.failure?.message ?? `the vendor job ended ${seen.status}`,
  job: seen.ref,
})

/** Runs one activation of an order job; see the module comment. @internal */
export const activate = async (ctx: ActivationContext, job: Job<OrderJobData>, token: string) => {
  const id = job.id!
  const lock: Lock = { key: ctx.lockKey(id), token }
  const { order } = job.data
  const hook = ctx.capabilities.webhooks === "none" ? undefined : callbackUrl(ctx.webhookUrl, order.provider)
  // A copy of the saved hash, kept in step with this activation's own writes (no read-back).
  const hash = await ctx.store.readHash(id)
  let progress = parseProgress(hash)
  const save = async (fields: Record<string, unknown>) => {
    await ctx.store.write(id, fields, lock)
    applyFields(hash, fields)
    progress = parseProgress(hash)
  }
  const report = async (step: Step, status: string, value?: number) => {
    const now = { step, status, ...(value === undefined ? {} : { progress: value }) }
    await save({ progress: now })
    await job.updateProgress(now)
  }

  const park = async (delay: number, tracked?: { ref: string; step: Step }): Promise<never> => {
    if (tracked) {
      // A webhook that arrived before the job was tracked left its settled state here.
      const early = await ctx.store.track(ctx.account, tracked.ref, id, tracked.step)
      if (early !== undefined && doneFor(tracked.step, early)) await save({ [`${tracked.step}.seen`]: early })
    }
    await job.moveToDelayed(Date.now() + delay, token)
    // A tracker or webhook that saw the job settle before the order was parked could not wake it.
    if (tracked && (await ctx.store.read(id)).seen[tracked.step] !== undefined)
      await job.promote().catch(() => undefined)
    throw new DelayedError()
  }
  const handOver = async (): Promise<never> => {
    await job.moveToWait(token)
    throw new WaitingError()
  }

  // A vendor request that may spend credits, with its write-ahead marker and submission ref.
  const submit = async <A>(
    step: Step,
    call: (onSubmit: (ref: string) => Promise<void>) => Promise<A>,
  ): Promise<A> => {
    const canLook = ctx.capabilities.operations.includes("findSubmission")
    const pending = progress.submissions[step]
    if (pending !== undefined) return resolveLost<A>(step, pending)
    if (progress.sending[step] !== undefined && !canLook) {
      // The worker stopped mid-request, and this vendor cannot look the request up: never resend.
      return fail(ctx, job, lock, {
        step,
        reason: "SubmissionUnknown",
        message: `a worker stopped while this request to ${order.provider} may have been in flight; ${order.provider} cannot look it up, so it is not sent again`,
      })
    }
    // (With a lookup, a marker without a submission ref means core never announced: nothing was sent.)
    await save({ [`${step}.sending`]: Date.now() })
    try {
      const result = await call((ref) => save({ [`${step}.submission`]: ref }))
      return result
    } catch (error) {
      if (!(error instanceof VideoError)) throw error
      const reason = error.reason
      const submission =
        progress.submissions[step] ?? (reason._tag === "SubmissionUnknown" ? reason.submission : undefined)
      if (reason._tag === "SubmitHookFailed") throw error // the lock is gone (or Redis): the owner decides
      if (LOST_ANSWER(error) && !reason.retryable)
        return fail(ctx, job, lock, {
          step,
          reason: reason._tag,
          message: error.message,
          submission,
          job: error.ref,
        })
      // Nothing was made: forget the markers.
      await save({ [`${step}.sending`]: undefined, [`${step}.submission`]: undefined })
      if (reason._tag === "RateLimited") {
        const pause = reason.retryAfter ? Duration.toMillis(reason.retryAfter) : ctx.rateLimitPause
        await ctx.queue.rateLimit(Math.max(1, Math.ceil(pause)))
        throw new RateLimitError()
      }
      if (reason.retryable && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error
      return fail(ctx, job, lock, { step, reason: reason._tag, message: error.message, job: error.ref })
    }
  }

  // After a worker stopped between announcing a paid request and saving its answer.
  const resolveLost = async <A>(step: Step, ref: string): Promise<A> => {
    if (!ctx.capabilities.operations.includes("findSubmission"))
      return fail(ctx, job, lock, {
        step,
        reason: "SubmissionUnknown",
        message: `${order.provider} cannot look a lost request up`,
        submission: ref,
      })
    const found = await ctx.client.findSubmission(ref)
    if (found.status === "found")
      return (
        found.operation === "createProduct"
          ? found.product
          : found.operation === "generateScripts"
            ? found.scripts
            : found.job
      ) as A
    if (found.status === "not_found" && !found.settled) return park(ctx.lookupEvery)
    return fail(ctx, job, lock, {
      step,
      reason: "SubmissionUnknown",
      message:
        found.status === "ambiguous"
          ? `${found.candidates.length} vendor jobs match the lost request; choose with findSubmission`
          : "the lost request is not at the vendor after the whole reconcile window; it is not sent again",
      submission: ref,
    })
  }

  // A step that made a vendor job: wait for it (parked), then keep its settled state.
  const awaitJob = async (step: Step, ref: string): Promise<VideoJob> => {
    let seen = progress.seen[step]
    if (seen === undefined || !doneFor(step, seen)) {
      try {
        seen = await ctx.client.getStatus(ref)
      } catch (error) {
        // A job the vendor no longer knows (or refuses to show) ends the order; a passing failure is retried.
        if (!(error instanceof VideoError) || error.reason.retryable) throw error
        await ctx.store.untrack(ctx.account, ref)
        return fail(ctx, job, lock, { step, reason: error.reason._tag, message: error.message, job: ref })
      }
      if (!doneFor(step, seen)) {
        await report(step, seen.status, seen.progress)
        return park(ctx.parkFor, { ref, step })
      }
    }
    await ctx.store.untrack(ctx.account, ref)
    if (seen.status !== "succeeded" && seen.status !== "awaiting_selection") {
      await save({ [`${step}.seen`]: lean(seen) })
      return fail(ctx, job, lock, failureOfJob(step, seen))
    }
    await save({ [step]: lean(seen) })
    await report(step, seen.status, seen.progress)
    return seen
  }

  let requests = 0
  const turn = async () => {
    // On a rate-limited account each activation makes one vendor request at most.
    if (ctx.limited && requests++ > 0) await handOver()
  }

  for (const step of stepsOf(order, ctx.capabilities)) {
    if (step === "product") {
      if (progress.product !== undefined) continue
      await turn()
      const product = await submit(step, (onSubmit) =>
        ctx.client.createProduct(productRequest(order), { onSubmit }),
      )
      await save({
        product: { ref: product.ref, id: product.id, provider: product.provider, title: product.title },
        "product.sending": undefined,
        "product.submission": product.submission?.ref ?? progress.submissions.product,
      })
      await report(step, "succeeded")
      continue
    }
    if (progress[step] !== undefined) continue
    let ref = progress.jobs[step]
    if (ref === undefined) {
      await turn()
      const made = await submit(step, (onSubmit) => {
        if (step === "previews")
          return ctx.client.generatePreviews(previewsRequest(order, progress, hook), { onSubmit })
        if (progress.previews === undefined)
          return ctx.client.render(renderRequest(order, progress, hook), { onSubmit })
        const previewId = choosePreview(order, progress.previews)
        if (previewId === undefined)
          return fail(ctx, job, lock, {
            step,
            reason: "NoUsablePreview",
            message: "the vendor made no usable preview",
            job: progress.previews.ref,
          })
        return ctx.client.renderPreview(renderPreviewRequest(order, progress.previews, previewId), {
          onSubmit,
        })
      })
      ref = made.ref
      await save({
        [`${step}.job`]: ref,
        [`${step}.sending`]: undefined,
        [`${step}.submission`]: made.submission?.ref ?? progress.submissions[step],
        ...(doneFor(step, made) ? { [`${step}.seen`]: lean(made) } : {}),
      })
    }
    await awaitJob(step, ref)
  }
  return { video: progress.render } satisfies { video: VideoJob | undefined }
}

/** The progress of an order as the activation saw it (for tests). @internal */
export type ActivationProgress = Progress
