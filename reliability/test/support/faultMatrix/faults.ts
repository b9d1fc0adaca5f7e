// The faults of the matrix (its columns), how each is planned on a simulator, and what each
// must come to for every credit-spending call.
import type { VideoErrorReasonTag } from "@vidbridge/core"
import type { Fault, VendorSimulator } from "@vidbridge/core/testing"
import type { CreditCall } from "./call.js"

/** The faults, in column order. */
export const faultColumns = [
  { id: "5xx-before", label: "5xx before" },
  { id: "5xx-after", label: "5xx after" },
  { id: "timeout", label: "timeout after send" },
  { id: "reset", label: "reset after send" },
  { id: "429-seconds", label: "429 Retry-After s" },
  { id: "429-date", label: "429 Retry-After date" },
  { id: "malformed", label: "malformed JSON" },
  { id: "missing-field", label: "missing field" },
  { id: "extra-fields", label: "extra fields" },
  { id: "unknown-status", label: "unknown status" },
  { id: "moderation", label: "moderation" },
  { id: "job-fails", label: "job fails" },
] as const

export type FaultId = (typeof faultColumns)[number]["id"]

/**
 * The client's per-attempt timeout in the timeout scenario, and how late the vendor answers.
 * One process serves and calls, so the client's timer always fires first, however busy the
 * machine. A call whose lost answer is looked up (findSubmission) makes a read after the timeout with the same
 * client: its timeout is sized so that read never races a busy machine.
 */
export const timing = (call: CreditCall): { readonly timeoutMs: number; readonly slowMs: number } =>
  call.findsSubmissions ? { timeoutMs: 1_000, slowMs: 1_200 } : { timeoutMs: 50, slowMs: 200 }
/** `Retry-After` in the seconds form (fractions are valid delay-seconds for the parser). */
export const RETRY_AFTER_SECONDS = 0.05
/** Status reads answered with the undocumented status before the real one. */
export const STATUS_REWRITES = 2

/** Why `fault` does not apply to `call`, or `undefined` when it does. */
export const notApplicable = (call: CreditCall, fault: FaultId): string | undefined => {
  if (fault === "unknown-status" && "na" in call.unknownStatus) return call.unknownStatus.na
  if (fault === "moderation" && typeof call.moderation !== "function") return call.moderation.na
  if (fault === "job-fails" && typeof call.jobFails !== "function") return call.jobFails.na
  return undefined
}

/** What the invariants demand of one scenario. */
export interface Expected {
  /** `ok`, or the reason the call fails with. */
  readonly call: "ok" | VideoErrorReasonTag
  /** Jobs the call leaves at the vendor. */
  readonly effects: number
  /** Requests on the call's route. */
  readonly requests: number
  /** HTTP status the error carries. */
  readonly status?: number
  /** `UnexpectedResponse.path`. */
  readonly path?: string
  /** How waiting for the returned job ends. */
  readonly wait: "settled" | VideoErrorReasonTag
}

/** What `fault` on `call` must come to. */
export const expectation = (call: CreditCall, fault: FaultId): Expected => {
  const settled = { wait: "settled" } as const
  // A provider that looks lost answers up (Hour One by correlation_id, the others by their
  // findSubmission) finds the job: the call succeeds.
  const lost = (reason: VideoErrorReasonTag, extra: Partial<Expected> = {}): Expected =>
    call.findsSubmissions === "unsupported"
      ? { call: "SubmissionUnknown", effects: 1, requests: 1, ...settled }
      : call.findsSubmissions
        ? { call: "ok", effects: 1, requests: 1, ...settled }
        : { call: reason, effects: 1, requests: 1, ...settled, ...extra }
  switch (fault) {
    case "5xx-before":
      // Nothing was made. A provider that looks lost answers up finds nothing and fails
      // SubmissionUnknown with the submission ref; it never sends again unless the caller opts in
      // (resendIfNotFound, not used here).
      return call.findsSubmissions
        ? { call: "SubmissionUnknown", effects: 0, requests: 1, status: 500, ...settled }
        : { call: "VendorUnavailable", effects: 0, requests: 1, status: 500, ...settled }
    case "5xx-after":
      return lost("VendorUnavailable", { status: 503 })
    case "timeout":
      return lost("Timeout")
    case "reset":
      return lost("VendorUnavailable")
    case "429-seconds":
    case "429-date":
      return { call: "ok", effects: 1, requests: 2, ...settled }
    case "malformed":
      return lost("UnexpectedResponse", { path: "" })
    case "missing-field":
      return call.missing.on === "status"
        ? { call: "ok", effects: 1, requests: 1, wait: "UnexpectedResponse", path: call.missing.path }
        : lost("UnexpectedResponse", { path: call.missing.path })
    case "extra-fields":
    case "unknown-status":
      return { call: "ok", effects: 1, requests: 1, ...settled }
    case "moderation":
      return { call: "ok", effects: 1, requests: 1, wait: "ContentRejected" }
    case "job-fails":
      return { call: "ok", effects: 1, requests: 1, wait: "JobFailed" }
  }
}

const faultFor = (fault: FaultId, call: CreditCall): Fault | undefined => {
  switch (fault) {
    case "5xx-before":
      return { kind: "status", status: 500, when: "before" }
    case "5xx-after":
      return { kind: "status", status: 503, when: "after" }
    case "timeout":
      return { kind: "slow", millis: timing(call).slowMs }
    case "reset":
      return { kind: "reset", when: "after" }
    case "429-seconds":
      return { kind: "rateLimit", retryAfterSeconds: RETRY_AFTER_SECONDS, form: "seconds" }
    case "429-date":
      // A date already due: the client may retry at once (a later date would cost whole seconds).
      return { kind: "rateLimit", retryAfterSeconds: 0, form: "date" }
    case "malformed":
      return { kind: "malformed" }
    case "missing-field":
      return call.missing.on === "answer" ? { kind: "missingField", field: call.missing.field } : undefined
    case "extra-fields":
      return { kind: "extraField" }
    default:
      return undefined
  }
}

/** Plans `fault` on the simulator: on the call's route, its status reads, or the simulator's controls. */
export const plan = (call: CreditCall, fault: FaultId, sim: VendorSimulator) => {
  const onCall = faultFor(fault, call)
  if (onCall !== undefined) sim.faults.inject(call.route, onCall)
  const statusRoute = call.statusRoute
  if (fault === "missing-field" && call.missing.on === "status" && statusRoute !== undefined) {
    sim.faults.inject(statusRoute, { kind: "missingField", field: call.missing.field })
  }
  if (fault === "extra-fields" && statusRoute !== undefined && call.lifecycle === "job") {
    sim.faults.inject(statusRoute, { kind: "extraField" })
  }
  if (fault === "unknown-status" && !("na" in call.unknownStatus)) {
    const { answer, status } = call.unknownStatus
    if (answer !== undefined) sim.faults.inject(call.route, { kind: "rewrite", rewrite: answer })
    if (status !== undefined && statusRoute !== undefined) {
      sim.faults.inject(statusRoute, { kind: "rewrite", rewrite: status }, STATUS_REWRITES)
    }
  }
  if (fault === "moderation" && typeof call.moderation === "function") call.moderation(sim)
  if (fault === "job-fails" && typeof call.jobFails === "function") call.jobFails(sim)
}
