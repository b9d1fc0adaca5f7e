// The fault matrix: one scenario per credit-spending call x injected fault, each on a fresh
// simulator served on 127.0.0.1, driven through the neutral client and judged by the
// invariants in checks.ts.
import { createVideoClient, type VideoClient, VideoError, type VideoJob } from "@vidbridge/core"
import { serveHandlers, type VendorSimulator } from "@vidbridge/core/testing"
import { Schedule } from "effect"
import {
  type Accounting,
  account,
  accountedNotApplicable,
  LIST_LAG_MS,
  lostAnswerFaults,
  setListLag,
  WINDOW,
} from "./accounted.js"
import type { Answer, CreditCall } from "./call.js"
import {
  checkCallError,
  checkLookupUnsupported,
  checkSentOnce,
  checkWait,
  describeError,
  sawUnknown,
  settle,
} from "./checks.js"
import {
  type Expected,
  expectation,
  type FaultId,
  plan,
  RETRY_AFTER_SECONDS,
  STATUS_REWRITES,
  timing,
} from "./faults.js"

/** Simulated time that finishes every job of every simulator. */
const FINISH_EVERYTHING = 60 * 60_000

/** What a scenario came to. */
export interface Outcome {
  readonly held: boolean
  /** The call's answer was lost and the vendor has no lookup: the job is known only at the vendor. */
  readonly vendorOnly: boolean
  readonly problems: ReadonlyArray<string>
  /** Invariant 4, where the fault loses a paid answer (or is a 5xx before the vendor acted). */
  readonly accounted?: Accounting | undefined
}

const providerFor = (
  call: CreditCall,
  sim: VendorSimulator,
  origin: string,
  overrides: Record<string, unknown> = {},
) => call.definition({ ...sim.settings(origin), retry: { baseDelay: 1, maxDelay: 1 }, ...overrides })

const clientFor = (
  call: CreditCall,
  sim: VendorSimulator,
  origin: string,
  overrides: Record<string, unknown> = {},
): VideoClient =>
  createVideoClient({
    provider: providerFor(call, sim, origin, overrides),
    // A job still not settled after 20 s of real time is stuck (the simulated work is long done;
    // a busy machine still settles it in a few reads).
    polling: { schedule: Schedule.spaced(1), minInterval: 0, timeout: 20_000 },
    // A lost paid answer is looked up twice, back to back, within core's default window: no real
    // minutes pass waiting. Without list lag a job not found at once was never made; with it,
    // a lookup by list misses the job and the call fails SubmissionUnknown (see accounted.ts).
    reconcile: { window: WINDOW, schedule: Schedule.recurs(1), minInterval: 0 },
  })

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis))

/**
 * Waits until the slow answer sent at `started` went out (`slowMs` later) and `done` holds. On
 * a busy machine that takes longer; the scenario's test timeout bounds it, and a scenario whose
 * vendor never gets there is reported by the checks that follow.
 */
const untilVendorDone = async (done: () => boolean, started: number, slowMs: number) => {
  while (performance.now() < started + slowMs + 20) await sleep(10)
  while (!done() && performance.now() < started + slowMs + SCENARIO_TIMEOUT_MS / 2) await sleep(10)
}

/** Invariant 2 after a successful call: the answer names the vendor's job, which then ends as expected. */
const followAnswer = async (
  problems: string[],
  call: CreditCall,
  expected: Expected,
  answer: Answer,
  made: ReadonlyArray<string | undefined>,
  client: VideoClient,
  seen: Array<Answer | VideoJob>,
) => {
  seen.push(answer)
  if (made[0] !== undefined && answer.ref !== made[0]) {
    problems.push(`the answer names ${answer.ref}, the vendor holds ${made[0]}`)
  }
  if (call.lifecycle === "instant") {
    if (answer.status === "pending" || answer.status === "unknown") {
      problems.push(`the answer is final but says ${answer.status}`)
    }
    return
  }
  await checkWait(problems, client, answer.ref, expected.wait, expected.path, seen)
  // The field is back on the next read: the job still ends.
  if (expected.wait === "UnexpectedResponse") {
    await checkWait(problems, client, answer.ref, "settled", undefined, [])
  }
}

/**
 * Invariant 2 after a failed call: whatever the vendor made must still end, read by the vendor's
 * own id. Answers whether a job is known only at the vendor (the error does not name it).
 */
const followLostJobs = async (
  problems: string[],
  call: CreditCall,
  error: unknown,
  made: ReadonlyArray<string | undefined>,
  client: VideoClient,
): Promise<boolean> => {
  let vendorOnly = false
  for (const ref of made) {
    if (!(error instanceof VideoError && ref !== undefined && error.ref === ref)) vendorOnly = true
    if (ref !== undefined && call.lifecycle === "job") {
      await checkWait(problems, client, ref, "settled", undefined, [])
    }
  }
  return vendorOnly
}

/** The unknown status was polled past (it is not terminal) and shown as `unknown`. */
const checkUnknownStatus = (
  problems: string[],
  call: CreditCall,
  reads: number,
  seen: ReadonlyArray<Answer | VideoJob>,
) => {
  if ("na" in call.unknownStatus) return
  const rewrites = call.unknownStatus.status === undefined ? 0 : STATUS_REWRITES
  if (reads < rewrites + 1) problems.push(`stopped reading after ${reads} status read(s)`)
  if (call.lifecycle === "job" && !seen.some(sawUnknown)) {
    problems.push(`the undocumented status never showed as "unknown"`)
  }
}

/** How long one scenario may take, sized for a busy 2-core machine (most take well under 1 s). */
export const SCENARIO_TIMEOUT_MS = 60_000

/** Whether invariant 4 (accounted for) applies to `fault` on `call`. */
export const accountable = (call: CreditCall, fault: FaultId): boolean =>
  (fault === "5xx-before" || (lostAnswerFaults as ReadonlyArray<FaultId>).includes(fault)) &&
  accountedNotApplicable(call, fault) === undefined

/**
 * Runs one scenario; never throws (a broken scenario is a held=false outcome). With `lag`, the
 * simulator's lists show a new job only {@link LIST_LAG_MS} after it was made.
 */
export const runScenario = async (
  call: CreditCall,
  fault: FaultId,
  pageUrl: string,
  lag = false,
): Promise<Outcome> => {
  const problems: string[] = []
  let vendorOnly = false
  let accounted: Accounting | undefined
  const sim = call.simulate()
  const server = await serveHandlers(sim.handlers, { canonicalBase: sim.canonicalBase })
  const healthy = clientFor(call, sim, server.url)
  const reads = () => (call.statusRoute === undefined ? 0 : sim.log.count(call.statusRoute))
  try {
    const prepared = await call.prepare({ sim, client: healthy, pageUrl })
    const before = {
      made: call.made(sim).length,
      credits: sim.creditsSpent(),
      requests: sim.log.count(call.route),
      reads: reads(),
    }
    plan(call, fault, sim, lag)
    if (lag) setListLag(sim, LIST_LAG_MS)
    const expected = expectation(call, fault, lag)
    const client = clientFor(
      call,
      sim,
      server.url,
      fault === "timeout" ? { timeout: timing(call, lag).timeoutMs } : {},
    )

    const started = performance.now()
    const result = await settle(prepared.call(client))
    const elapsed = performance.now() - started
    // A timed-out call's request is still being worked on at the vendor (a page scrape can take
    // longer than the client's timeout): count once its late answer went out.
    if (fault === "timeout") {
      await untilVendorDone(
        () => call.made(sim).length - before.made >= expected.effects,
        started,
        timing(call, lag).slowMs,
      )
    }
    const made = call.made(sim).slice(before.made)
    const seen = {
      spent: sim.creditsSpent() - before.credits,
      requests: sim.log.count(call.route) - before.requests,
    }
    checkSentOnce(problems, expected, call, { made: made.length, ...seen })
    if (accountable(call, fault)) {
      const provider = providerFor(call, sim, server.url)
      accounted = await account(problems, {
        call,
        fault,
        lag,
        sim,
        client: healthy,
        provider,
        result,
        made,
        seen,
      })
    }

    sim.clock.advance(FINISH_EVERYTHING)
    const shown: Array<Answer | VideoJob> = []
    if (result.ok) {
      if (expected.call !== "ok") problems.push(`expected ${expected.call}, the call succeeded`)
      if (fault === "429-seconds" && elapsed < RETRY_AFTER_SECONDS * 1000) {
        problems.push(`retried after ${elapsed.toFixed(0)} ms, before Retry-After (${RETRY_AFTER_SECONDS} s)`)
      }
      await followAnswer(problems, call, expected, result.value, made, healthy, shown)
    } else {
      // With list lag, a lookup by list misses the job during the call: SubmissionUnknown instead.
      const lagged =
        expected.lagged !== undefined &&
        result.error instanceof VideoError &&
        result.error.reason._tag === expected.lagged
      if (expected.call === "ok" && !lagged)
        problems.push(`expected success, got ${describeError(result.error)}`)
      else
        checkCallError(
          problems,
          lagged ? { ...expected, call: expected.lagged! } : expected,
          result.error,
          prepared.knownRef,
        )
      // A call the vendor keeps no list for: the lookup must say it cannot look (accounted.ts skips it).
      if (call.lookupUnsupported) await checkLookupUnsupported(problems, healthy, result.error)
      vendorOnly = await followLostJobs(problems, call, result.error, made, healthy)
    }
    if (fault === "unknown-status") checkUnknownStatus(problems, call, reads() - before.reads, shown)
  } catch (error) {
    problems.push(`the scenario broke: ${error instanceof Error ? error.stack : String(error)}`)
  } finally {
    await server.close()
  }
  return { held: problems.length === 0, vendorOnly: vendorOnly && problems.length === 0, problems, accounted }
}
