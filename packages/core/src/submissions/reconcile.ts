import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import * as z from "zod/mini"
import { callback, durationInput } from "../internal/inputChecks.js"
import type { SubmissionResult } from "../model/VideoJob.js"
import { pollFloor, pollUntil } from "../polling/pollUntil.js"
import { newSubmissionKey, type PaidOperation, SubmissionRef } from "../SubmissionRef.js"
import { invalidInput, SubmissionUnknown, SubmitHookFailed, VideoError } from "../VideoError.js"
import type { SubmissionContext, SubmissionLookup, VideoProviderShape } from "../VideoProvider.js"
import { validate } from "../validate.js"

// What core does around every paid call: a key, the write-ahead hook, and, when the answer is
// lost after the request was announced, looking the job up instead of sending it again.

/** How core looks for a paid request whose answer was lost (the client's `reconcile` option). */
export interface ReconcileOptions {
  /**
   * How long to keep looking. Default 2 minutes: vendor lists can lag. After it (counted from
   * the send), `findSubmission`'s `not_found` is `settled`.
   */
  readonly window?: Duration.Input | undefined
  /** When to look again within the window. Default: the polling schedule (2 s growing 1.5x to 30 s). */
  readonly schedule?: Schedule.Schedule<unknown, unknown> | undefined
  /**
   * The least time between two looks. Default: the vendor's polling floor
   * (`provider.polling.minInterval`); set it (even to 0) to look faster on purpose.
   */
  readonly minInterval?: Duration.Input | undefined
}

/**
 * The reconcile options in effect: a `Context.Reference` (default: 2 minutes, the polling
 * schedule). The Promise client sets it from its `reconcile` option; in Effect, provide it:
 * `Effect.provideService(Reconcile, { window: "5 minutes" })`.
 */
export const Reconcile = Context.Reference<ReconcileOptions>("@vidbridge/core/Reconcile", {
  defaultValue: () => ({}),
})

/** Options of every paid operation (Effect: its second argument; Promise: next to `signal`). */
export interface SubmitOptions {
  /**
   * Called with the submission ref before the paid request is sent, and awaited: persist it,
   * and after a crash between send and answer, `findSubmission(ref)` still finds the job. If it
   * throws or rejects, nothing is sent and the call fails with `SubmitHookFailed`. Called again
   * (same key, later time) before a `resendIfNotFound` resend.
   */
  readonly onSubmit?: ((submissionRef: string) => void | PromiseLike<void>) | undefined
  /**
   * After a lost answer and a full reconcile window without a match, send the request once more
   * (same key). Only where `capabilities.submissions.resend` is true (else `InvalidInput`).
   */
  readonly resendIfNotFound?: boolean | undefined
}

const ReconcileSchema = z.strictObject({
  window: z.optional(durationInput),
  minInterval: z.optional(durationInput),
  schedule: z.optional(
    z.custom<Schedule.Schedule<unknown, unknown>>(Schedule.isSchedule, "must be an Effect Schedule"),
  ),
})

/** Checks the client's `reconcile` option; throws `InvalidInput` naming the field. @internal */
export const checkReconcile = (options: ReconcileOptions): ReconcileOptions => {
  const checked = Effect.runSync(
    Effect.result(
      validate(ReconcileSchema, options, {
        provider: "vidbridge",
        operation: "configure",
        field: "reconcile",
      }),
    ),
  )
  if (checked._tag === "Failure") throw checked.failure
  return checked.success
}

const SubmitOptionsSchema = z.looseObject({
  onSubmit: z.optional(callback()),
  resendIfNotFound: z.optional(z.boolean()),
})

/** The reconcile window in effect. @internal */
export const reconcileWindow = Effect.map(Reconcile, (o) =>
  Duration.fromInputUnsafe(o.window ?? Duration.minutes(2)),
)

const lostAnswer = ({ reason }: VideoError): boolean =>
  reason._tag === "VendorUnavailable"
    ? reason.delivery === "ambiguous"
    : reason._tag === "Timeout" || (reason._tag === "UnexpectedResponse" && reason.delivery === "accepted")

const NOT_FOUND: SubmissionLookup = { _tag: "NotFound" }

/**
 * Runs one paid operation: checks `options`, gives `send` its {@link SubmissionContext}, marks
 * the result with its submission, and reconciles a lost answer. @internal
 */
export const submitWith = <A extends SubmissionResult>(
  provider: VideoProviderShape,
  operation: PaidOperation,
  key: string | undefined,
  options: SubmitOptions = {},
  send: (submission: SubmissionContext) => Effect.Effect<A, VideoError>,
): Effect.Effect<A, VideoError> =>
  Effect.gen(function* () {
    const id = provider.id
    yield* validate(SubmitOptionsSchema, options, { provider: id, operation })
    if (options.resendIfNotFound && provider.capabilities.submissions?.resend !== true) {
      return yield* Effect.fail(
        invalidInput(id, operation, [
          {
            path: "resendIfNotFound",
            message: `${id} cannot prove a lost request was never made, so never resends`,
          },
        ]),
      )
    }
    const theKey = key ?? newSubmissionKey()
    const find = provider.capabilities.operations.includes("findSubmission")
      ? provider.findSubmission
      : undefined

    const unknown = (
      error: VideoError,
      ref: string,
      lookup: SubmissionUnknown["lookup"],
      why: string,
      candidates?: ReadonlyArray<SubmissionResult>,
    ) =>
      new VideoError({
        provider: id,
        operation,
        ref,
        status: error.status,
        requestId: error.requestId,
        reason: new SubmissionUnknown({
          message: `${error.reason.message}; ${why}. Keep the submission ref and ask findSubmission later`,
          submission: ref,
          lookup,
          candidates,
          failure: error.reason,
        }),
      })

    const reconcile = (error: VideoError, ref: string, resend: boolean): Effect.Effect<A, VideoError> =>
      Effect.gen(function* () {
        if (find === undefined)
          return yield* Effect.fail(unknown(error, ref, "unsupported", `${id} cannot look it up`))
        const parsed = SubmissionRef.parse(ref)
        const window = yield* reconcileWindow
        // A lookup the adapter cannot make for this kind of call is "unsupported", not a failure.
        const failed = (e: VideoError) =>
          e.reason._tag === "UnsupportedOperation"
            ? unknown(error, ref, "unsupported", `${id} cannot look it up (${e.reason.message})`)
            : unknown(error, ref, "failed", `looking it up failed (${e.message})`)
        const gaveUp = new VideoError({ provider: id, operation, reason: error.reason }) // a marker
        let found = yield* pollUntil(find(parsed), (l) => l._tag !== "NotFound", {
          schedule: (yield* Reconcile).schedule,
          minInterval: pollFloor(provider, (yield* Reconcile).minInterval),
          timeout: window,
          onTimeout: () => gaveUp,
        }).pipe(Effect.catch((e) => (e === gaveUp ? Effect.succeed(NOT_FOUND) : Effect.fail(failed(e)))))
        if (found._tag === "NotFound" && resend) {
          // Only after the whole window since the send, and one last look: then once more, same key.
          const left = parsed.at + Duration.toMillis(window) - (yield* Clock.currentTimeMillis)
          if (left > 0) yield* Effect.sleep(left)
          found = yield* Effect.mapError(find(parsed), failed)
          if (found._tag === "NotFound") return yield* attempt(false)
        }
        if (found._tag === "Found")
          return { ...found.result, submission: { key: theKey, ref, reconciled: true } } as A
        return yield* Effect.fail(
          found._tag === "Ambiguous"
            ? unknown(
                error,
                ref,
                "ambiguous",
                `${found.candidates.length} vendor jobs match it`,
                found.candidates,
              )
            : unknown(
                error,
                ref,
                "not_found",
                `no job with key ${theKey} showed up within ${Duration.format(window)}`,
              ),
        )
      })

    const attempt = (resend: boolean): Effect.Effect<A, VideoError> =>
      Effect.suspend(() => {
        let announced: string | undefined
        const announce: SubmissionContext["announce"] = (hints = {}) =>
          Effect.flatMap(Clock.currentTimeMillis, (at) => {
            let ref: string
            try {
              ref = SubmissionRef.format({
                provider: id,
                operation,
                key: theKey,
                at,
                hints: hints as Record<string, string>,
              })
            } catch (e) {
              return Effect.fail(
                invalidInput(id, operation, [{ path: "submission", message: (e as Error).message }]),
              )
            }
            const hook = options.onSubmit
            const written =
              hook === undefined
                ? Effect.void
                : Effect.tryPromise({
                    try: async () => {
                      await hook(ref)
                    },
                    catch: (cause) =>
                      new VideoError({
                        provider: id,
                        operation,
                        ref,
                        reason: new SubmitHookFailed({
                          message: `onSubmit failed (${cause instanceof Error ? cause.message : String(cause)}); nothing was sent`,
                          submission: ref,
                          cause,
                        }),
                      }),
                  })
            return Effect.map(written, () => (announced = ref))
          })
        return send({ key: theKey, announce }).pipe(
          Effect.map((result) =>
            announced === undefined
              ? result
              : ({ ...result, submission: { key: theKey, ref: announced } } as A),
          ),
          Effect.catch((error: VideoError) =>
            announced !== undefined && lostAnswer(error)
              ? reconcile(error, announced, resend)
              : Effect.fail(error),
          ),
        )
      })

    return yield* attempt(options.resendIfNotFound === true)
  })
