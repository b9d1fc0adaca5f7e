// The matrix's invariants as checks that collect problems (a scenario then reports every one):
//   1. never submitted twice: at most one job and one charge per call;
//   2. every job the vendor made ends (settled after polling), or the client holds a typed error
//      carrying the job's ref where the client could know it;
//   3. the error reason is the documented one.
// Invariant 4 (every paid submission accounted for) is in accounted.ts.
import { isSettled, SubmissionRef, type VideoClient, VideoError, type VideoJob } from "@vidbridge/core"
import type { Answer, CreditCall } from "./call.js"
import type { Expected } from "./faults.js"

/** A promise's outcome as a value. */
export type Settled<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly error: unknown }

export const settle = <A>(promise: Promise<A>): Promise<Settled<A>> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  )

export const describeError = (error: unknown): string =>
  error instanceof VideoError ? `${error.reason._tag} (${error.message})` : `an untyped ${String(error)}`

/** The job shows an undocumented vendor status as `unknown` (itself, or one of its previews). */
export const sawUnknown = (job: Answer | VideoJob): boolean =>
  job.status === "unknown" || (job.previews ?? []).some((p) => p.status === "unknown")

/** Invariant 1: at most one job and one charge; a resend only where the vendor provably took nothing. */
export const checkSentOnce = (
  problems: string[],
  expected: Expected,
  call: CreditCall,
  seen: { readonly made: number; readonly spent: number; readonly requests: number },
) => {
  if (seen.made > 1) problems.push(`submitted twice: ${seen.made} jobs at the vendor`)
  else if (seen.made !== expected.effects) {
    problems.push(`expected ${expected.effects} job(s) at the vendor, found ${seen.made}`)
  }
  if (seen.spent !== seen.made * call.cost) {
    problems.push(`charged ${seen.spent} credits for ${seen.made} job(s) of ${call.cost}`)
  }
  if (seen.requests !== expected.requests) {
    problems.push(`expected ${expected.requests} request(s) on ${call.route}, saw ${seen.requests}`)
  }
}

/** Invariant 3 (and the ref half of 2) for a failed call: the documented reason, marked ambiguous, naming the job. */
export const checkCallError = (
  problems: string[],
  expected: Expected,
  error: unknown,
  knownRef: string | undefined,
) => {
  if (!(error instanceof VideoError)) {
    problems.push(`expected a VideoError (${expected.call}), got ${describeError(error)}`)
    return
  }
  const { reason } = error
  if (reason._tag !== expected.call) {
    problems.push(`expected reason ${expected.call}, got ${describeError(error)}`)
    return
  }
  if (expected.status !== undefined && error.status !== expected.status) {
    problems.push(`expected HTTP ${expected.status} on the error, got ${error.status}`)
  }
  // Not found after a lost answer: the error carries the submission ref to look it up later by.
  if (reason._tag === "SubmissionUnknown") {
    if (error.retryable) problems.push("SubmissionUnknown must be retryable: false")
    if (error.ref === undefined || !SubmissionRef.is(error.ref) || reason.submission !== error.ref) {
      problems.push(`SubmissionUnknown must carry its submission ref, got ${error.ref}`)
    }
    return
  }
  if (reason._tag === "UnexpectedResponse" && reason.path !== expected.path) {
    problems.push(`expected UnexpectedResponse at "${expected.path}", got "${reason.path}"`)
  }
  // The error must say the request may have taken effect: the caller must not simply resend.
  if (reason._tag === "VendorUnavailable" && reason.delivery !== "ambiguous") {
    problems.push(`VendorUnavailable after sending must be delivery "ambiguous", got "${reason.delivery}"`)
  }
  // Every call here spends credits: a failure that may have taken effect must not invite a retry.
  if ((reason._tag === "VendorUnavailable" || reason._tag === "Timeout") && error.retryable) {
    problems.push(`${reason._tag} on a credit-spending call must be retryable: false (a retry may pay twice)`)
  }
  if (reason._tag === "Timeout" && !/may have reached the vendor/.test(reason.message)) {
    problems.push(
      `a Timeout after sending must say the request may have reached the vendor: ${reason.message}`,
    )
  }
  // UnexpectedResponse means the vendor answered; where the HTTP status is kept it is a success.
  if (reason._tag === "UnexpectedResponse" && error.status !== undefined && error.status >= 300) {
    problems.push(
      `an unreadable answer must be a 2xx one (the vendor accepted the call), got ${error.status}`,
    )
  }
  if (knownRef !== undefined && error.ref !== knownRef) {
    problems.push(`the error must carry the ref the client knows (${knownRef}), got ${error.ref}`)
  }
}

/**
 * A call the vendor keeps no list for (a lookup the adapter cannot make): its lost answer is
 * `SubmissionUnknown` with `lookup: "unsupported"`, and `findSubmission` says it cannot look
 * (`UnsupportedOperation`) rather than pretending it found nothing.
 */
export const checkLookupUnsupported = async (problems: string[], client: VideoClient, error: unknown) => {
  if (!(error instanceof VideoError) || error.reason._tag !== "SubmissionUnknown") return
  if (error.reason.submission !== error.ref) problems.push("SubmissionUnknown must carry its submission ref")
  if (error.reason.lookup !== "unsupported")
    problems.push(`expected lookup "unsupported", got "${error.reason.lookup}"`)
  const found = await settle(client.findSubmission(error.ref ?? ""))
  if (
    found.ok ||
    !(found.error instanceof VideoError) ||
    found.error.reason._tag !== "UnsupportedOperation"
  ) {
    problems.push(
      `findSubmission(${error.ref}) must fail UnsupportedOperation, got ${found.ok ? "an answer" : describeError(found.error)}`,
    )
  }
}

/** Waits for `ref` and checks it ends as `expected` (settled, or the reason, carrying the ref). */
export const checkWait = async (
  problems: string[],
  client: VideoClient,
  ref: string,
  expected: Expected["wait"],
  path: string | undefined,
  seen: Array<Answer | VideoJob>,
) => {
  const waited = await settle(client.waitForCompletion(ref, { onProgress: (job) => seen.push(job) }))
  if (expected === "settled") {
    if (!waited.ok)
      problems.push(`waiting for ${ref}: expected it to settle, got ${describeError(waited.error)}`)
    else if (!isSettled(waited.value.status)) problems.push(`${ref} ended ${waited.value.status}`)
    return
  }
  if (waited.ok) {
    problems.push(`waiting for ${ref}: expected ${expected}, it ended ${waited.value.status}`)
    return
  }
  const error = waited.error
  if (!(error instanceof VideoError) || error.reason._tag !== expected) {
    problems.push(`waiting for ${ref}: expected ${expected}, got ${describeError(error)}`)
    return
  }
  if (error.ref !== ref) problems.push(`the ${expected} error must carry ${ref}, got ${error.ref}`)
  if (error.reason._tag === "UnexpectedResponse" && error.reason.path !== path) {
    problems.push(`expected UnexpectedResponse at "${path}", got "${error.reason.path}"`)
  }
  if (
    (error.reason._tag === "JobFailed" || error.reason._tag === "ContentRejected") &&
    error.reason.job?.ref !== ref
  ) {
    problems.push(`the ${expected} reason must carry the job's last state`)
  }
}
