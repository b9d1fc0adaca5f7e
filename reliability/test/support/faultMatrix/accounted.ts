// Invariant 4 of the fault matrix (issue 13), "every paid submission accounted for": whenever a
// paid call's answer is lost, what the caller holds leads to the vendor's job, and a call the
// vendor never took is provably not sent. Applies to every row of the vendor files by itself.
import {
  findSubmission,
  providerLayer,
  Reconcile,
  SubmissionRef,
  type SubmissionStatus,
  type VideoClient,
  VideoError,
} from "@vidbridge/core"
import type { VendorSimulator } from "@vidbridge/core/testing"
import { Duration, Effect } from "effect"
import { TestClock } from "effect/testing"
import type { Answer, CreditCall } from "./call.js"
import { describeError, type Settled, settle } from "./checks.js"
import type { FaultId } from "./faults.js"

/** The faults whose answer is lost after the vendor may have acted, each also run with list lag. */
export const lostAnswerFaults = ["5xx-after", "timeout", "reset", "malformed", "missing-field"] as const

/** The accounted-for table's columns: a 5xx before the vendor acted, then each lost answer without and with list lag. */
export const accountedColumns: ReadonlyArray<{
  readonly fault: FaultId
  readonly lag: boolean
  readonly label: string
}> = [
  { fault: "5xx-before", lag: false, label: "5xx before" },
  ...lostAnswerFaults.flatMap((fault) => {
    const label = {
      "5xx-after": "5xx after",
      timeout: "timeout",
      reset: "reset",
      malformed: "unreadable 2xx",
      "missing-field": "missing id",
    }[fault]
    return [
      { fault, lag: false, label },
      { fault, lag: true, label: `${label} +lag` },
    ]
  }),
]

/**
 * How long (on the simulator's clock) a new job stays out of the vendor's list reads in a
 * "+lag" scenario: longer than the client's lookups take (it looks twice, at once), so a lookup
 * by list misses it during the call, and less than core's default window.
 */
export const LIST_LAG_MS = 60_000

/** The reconcile window the matrix's clients use (core's default), after which a miss is `settled`. */
export const WINDOW = Duration.minutes(2)

/** Why the invariant cannot apply to `fault` on `call`, or `undefined` when it does. */
export const accountedNotApplicable = (call: CreditCall, fault: FaultId): string | undefined =>
  call.lookupUnsupported
    ? "the vendor keeps no list of these jobs: a lost answer ends SubmissionUnknown (lookup failed), nothing is resent, and the job is known only at the vendor"
    : fault === "missing-field" && call.missing.on === "status"
      ? "the answer carries no id to lose (the client knows the job's ref before sending)"
      : undefined

/** Sets a simulator's list lag (every vendor simulator has one, issue 13). */
export const setListLag = (sim: VendorSimulator, millis: number) => {
  if (!("listLag" in sim)) throw new Error(`the ${sim.provider} simulator has no listLag`)
  ;(sim as VendorSimulator & { listLag: number }).listLag = millis
}

/**
 * How the caller reaches what the vendor made: the call's own answer (`job`), the submission
 * ref of its `SubmissionUnknown` through `findSubmission` once the lag passed (`ref`), the job
 * ref the error carries (`error-ref`, a call whose client knows it before sending), or, when
 * the vendor made nothing, a `findSubmission` that says so (`not-sent`).
 */
export type Via = "job" | "ref" | "error-ref" | "not-sent"

/** What invariant 4 found. */
export interface Accounting {
  /** `undefined`: not accounted for. */
  readonly via: Via | undefined
  /** The vendor holds more than one job, charge or paid request for the call. */
  readonly double: boolean
}

const resultRef = (answer: SubmissionStatus): string | undefined =>
  answer.status !== "found"
    ? undefined
    : "job" in answer
      ? answer.job.ref
      : "product" in answer
        ? answer.product.ref
        : answer.scripts.ref

const shown = (answer: SubmissionStatus) =>
  `${answer.status}${answer.status === "not_found" ? ` (settled: ${answer.settled})` : ""} ${resultRef(answer) ?? ""}`

/** `findSubmission` on the Effect face, its clock (a `TestClock`) set to `millis`: no real time passes. */
const findAt = (provider: Parameters<typeof providerLayer>[0], ref: string, millis: number) =>
  settle(
    Effect.runPromise(
      Effect.gen(function* () {
        yield* TestClock.setTime(millis)
        return yield* findSubmission(ref)
      }).pipe(
        Effect.provideService(Reconcile, { window: WINDOW }),
        Effect.provide(providerLayer(provider)),
        Effect.provide(TestClock.layer()),
      ),
    ),
  )

/** What invariant 4 reads of a scenario. */
export interface Scenario {
  readonly call: CreditCall
  readonly fault: FaultId
  readonly lag: boolean
  readonly sim: VendorSimulator
  /** A healthy client for the simulator (same reconcile window). */
  readonly client: VideoClient
  /** A healthy provider for the simulator, for `findSubmission` on virtual time. */
  readonly provider: Parameters<typeof providerLayer>[0]
  readonly result: Settled<Answer>
  /** What the call left at the vendor (refs from its own records). */
  readonly made: ReadonlyArray<string | undefined>
  readonly seen: { readonly spent: number; readonly requests: number }
}

/**
 * Invariant 4: the call returned the vendor's job, or failed with a submission ref that
 * `findSubmission` resolves to that job once the list lag has passed (before, it says
 * `not_found`, not `settled`); after a 5xx before the vendor acted, `findSubmission` says
 * `not_found`, and `settled` once the reconcile window has passed. Never a second job, charge or
 * paid request. Moves the simulator's clock past the lag when the scenario has one.
 */
export const account = async (problems: string[], s: Scenario): Promise<Accounting> => {
  const double = s.made.length > 1 || s.seen.spent > s.call.cost || s.seen.requests > 1
  if (double)
    problems.push(`accounted for: a second submission (${s.made.length} jobs, ${s.seen.requests} requests)`)
  const job = s.made[0]
  const before = problems.length
  const via = await reach(problems, s, job)
  return { via: problems.length === before ? via : undefined, double }
}

const reach = async (problems: string[], s: Scenario, job: string | undefined): Promise<Via | undefined> => {
  const { result } = s
  if (s.made.length > 0 && job === undefined) {
    problems.push("accounted for: the vendor's records give no id to check the job by")
    return undefined
  }
  if (result.ok) {
    if (job === undefined)
      problems.push(`accounted for: the call answered ${result.value.ref}, the vendor made nothing`)
    else if (result.value.ref !== job)
      problems.push(`accounted for: the call answered ${result.value.ref}, the vendor holds ${job}`)
    return "job"
  }
  const error = result.error
  if (!(error instanceof VideoError)) {
    problems.push(`accounted for: an untyped failure leads nowhere: ${describeError(error)}`)
    return undefined
  }
  if (error.reason._tag !== "SubmissionUnknown") {
    if (job !== undefined && error.ref === job) return "error-ref"
    problems.push(
      `accounted for: ${describeError(error)} carries ${error.ref ?? "no ref"}, neither a submission ref nor the job (${job ?? "none made"})`,
    )
    return undefined
  }
  const ref = error.reason.submission
  if (!SubmissionRef.is(ref)) {
    problems.push(`accounted for: SubmissionUnknown carries ${ref}, not a submission ref`)
    return undefined
  }
  const now = await settle(s.client.findSubmission(ref))
  if (!now.ok) {
    problems.push(`accounted for: findSubmission(${ref}) failed: ${describeError(now.error)}`)
    return undefined
  }
  if (job === undefined) {
    // Nothing was made: not found now, and settled (provably not sent) once the window passed.
    const at = SubmissionRef.parse(ref).at
    const later = await findAt(s.provider, ref, at + Duration.toMillis(WINDOW))
    if (now.value.status !== "not_found" || now.value.settled)
      problems.push(
        `accounted for: nothing was made; findSubmission answered ${shown(now.value)} (expected not_found, not settled)`,
      )
    if (!later.ok)
      problems.push(`accounted for: findSubmission after the window failed: ${describeError(later.error)}`)
    else if (later.value.status !== "not_found" || !later.value.settled)
      problems.push(
        `accounted for: after the window findSubmission answered ${shown(later.value)} (expected not_found, settled)`,
      )
    return "not-sent"
  }
  if (s.lag) {
    // The lag is still on: a lookup that reads lists misses the job, one that reads it by id finds it.
    if (now.value.status === "not_found" && now.value.settled)
      problems.push("accounted for: not_found is settled before the window passed")
    if (now.value.status === "ambiguous") problems.push(`accounted for: ${shown(now.value)} for one job`)
    s.sim.clock.advance(LIST_LAG_MS)
  }
  const found = s.lag ? await settle(s.client.findSubmission(ref)) : now
  if (!found.ok) problems.push(`accounted for: findSubmission(${ref}) failed: ${describeError(found.error)}`)
  else if (resultRef(found.value) !== job)
    problems.push(`accounted for: findSubmission answered ${shown(found.value)}, the vendor holds ${job}`)
  return "ref"
}
