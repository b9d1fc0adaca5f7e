import { it } from "@effect/vitest"
import { findSubmission, render, SubmissionRef, type VideoError } from "@vidbridge/core"
import { Duration, Effect } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import { DRAFTS_ROUTES, type DraftsSimulator } from "../src/testing/index.js"
import { draftsOnTestClock, drive, failureOf, successOf } from "./submissionSupport.js"
import { useServer } from "./support.js"

// Hour One's one paid call, render (POST /videos), with every way its answer can be lost, with
// and without list lag, on virtual time: the call returns the video (core found it by the
// correlation_id the key travelled in), or fails SubmissionUnknown with a ref that findSubmission
// resolves once the list shows the video; and Hour One saw one paid request, never two.

const { server } = useServer()
const register = (sim: DraftsSimulator) => server.use(...sim.handlers)
const WINDOW = Duration.toMillis(Duration.minutes(2)) // core's default reconcile window

const lostAnswers = [
  {
    id: "5xx after commit",
    failure: "VendorUnavailable",
    plan: { kind: "status", status: 503, when: "after" },
  },
  { id: "timeout after send", failure: "Timeout", plan: "hold" },
  { id: "reset after send", failure: "VendorUnavailable", plan: { kind: "reset", when: "after" } },
  { id: "unreadable 2xx", failure: "UnexpectedResponse", plan: { kind: "malformed" } },
  { id: "2xx without the id", failure: "UnexpectedResponse", plan: { kind: "missingField", field: "id" } },
] as const

const lags = [
  { id: "no lag", ms: 0 },
  { id: "lag shorter than the window", ms: 60_000 },
  { id: "lag longer than the window", ms: 10 * 60_000 },
] as const

const scenarios = lostAnswers.flatMap((lost) => lags.map((lag) => ({ lost, lag })))

const request = { template: "draft-1", name: "Spring ad", script: "Meet the new shoe." }

const reasonOf = (error: VideoError) => {
  if (error.reason._tag !== "SubmissionUnknown")
    throw new Error(`expected SubmissionUnknown: ${error.message}`)
  return error.reason
}

describe("render whose answer is lost is accounted for (virtual time)", () => {
  it.effect.each(scenarios)("$lost.id, $lag.id", ({ lost, lag }) =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* draftsOnTestClock({ listLag: lag.ms, register })
      if (lost.plan === "hold") sim.holdAnswer(DRAFTS_ROUTES.create)
      else sim.faults.inject(DRAFTS_ROUTES.create, lost.plan)

      const exit = yield* drive(render(request).pipe(Effect.provide(layer)), busy)

      // 0 double submissions: one paid request, one video, one charge.
      expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
      expect(sim.creditsSpent()).toBe(1)
      const [video, ...more] = sim.videos()
      expect(more).toHaveLength(0)
      const key = video!.correlationId
      expect(key).toMatch(/^vb[a-z2-7]{20}$/)
      // Bounded lookups with backoff: one when the list shows the video at once, a few otherwise.
      const lookups = sim.log.count(DRAFTS_ROUTES.list)
      if (lag.ms === 0) expect(lookups).toBe(1)
      else expect(lookups).toBeGreaterThan(2)
      expect(lookups).toBeLessThan(16)

      const made = `drafts:video:${video!.id}`
      if (lag.ms < WINDOW) {
        const job = successOf(exit)
        expect(job).toMatchObject({ ref: made, name: "Spring ad", submission: { key, reconciled: true } })
        expect(SubmissionRef.parse(job.submission!.ref)).toMatchObject({
          provider: "drafts",
          operation: "render",
          key,
          hints: {},
        })
        return
      }
      const error = failureOf(exit)
      const reason = reasonOf(error)
      expect(error.retryable).toBe(false)
      expect(reason).toMatchObject({
        lookup: "not_found",
        submission: error.ref,
        failure: { _tag: lost.failure },
      })
      if (reason.failure._tag === "UnexpectedResponse") expect(reason.failure.delivery).toBe("accepted")
      // Once the list shows the video, the stored ref finds it; nothing more is sent.
      yield* TestClock.adjust(lag.ms)
      const later = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(later).toMatchObject({
        status: "found",
        operation: "render",
        job: { ref: made, name: "Spring ad", submission: { key, reconciled: true } },
      })
      expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
    }),
  )
})

describe("render refused before Hour One committed (5xx before)", () => {
  it.effect(
    "SubmissionUnknown after the window, one request; findSubmission then says not found, settled",
    () =>
      Effect.gen(function* () {
        const { sim, layer, busy } = yield* draftsOnTestClock({ register })
        sim.faults.inject(DRAFTS_ROUTES.create, { kind: "status", status: 500, when: "before" })
        const error = failureOf(yield* drive(render(request).pipe(Effect.provide(layer)), busy))
        expect(reasonOf(error)).toMatchObject({ lookup: "not_found", failure: { _tag: "VendorUnavailable" } })
        expect(error.status).toBe(500)
        expect(sim.videos()).toHaveLength(0)
        expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
        const answer = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
        expect(answer).toEqual({
          status: "not_found",
          submission: error.ref,
          operation: "render",
          settled: true,
        })
        expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
        expect(sim.creditsSpent()).toBe(0)
      }),
  )

  it.effect(
    "resendIfNotFound: sent once more with the same correlation_id, only after the whole window",
    () =>
      Effect.gen(function* () {
        const { sim, layer, busy } = yield* draftsOnTestClock({ register })
        sim.faults.inject(DRAFTS_ROUTES.create, { kind: "status", status: 500, when: "before" })
        const job = successOf(
          yield* drive(render(request, { resendIfNotFound: true }).pipe(Effect.provide(layer)), busy),
        )
        const posts = sim.log.all().filter((entry) => entry.route === DRAFTS_ROUTES.create)
        expect(posts).toHaveLength(2)
        expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(WINDOW)
        const [video, ...more] = sim.videos()
        expect(more).toHaveLength(0)
        expect(job).toMatchObject({
          ref: `drafts:video:${video!.id}`,
          submission: { key: video!.correlationId },
        })
        expect(job.submission?.reconciled).toBeUndefined()
        expect(sim.creditsSpent()).toBe(1)
      }),
  )

  it.effect(
    "resendIfNotFound after a lost answer that a lagging list shows in time: found, never resent",
    () =>
      Effect.gen(function* () {
        const { sim, layer, busy } = yield* draftsOnTestClock({ listLag: 90_000, register })
        sim.faults.inject(DRAFTS_ROUTES.create, { kind: "status", status: 502, when: "after" })
        const job = successOf(
          yield* drive(render(request, { resendIfNotFound: true }).pipe(Effect.provide(layer)), busy),
        )
        expect(job.submission?.reconciled).toBe(true)
        expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
        expect(sim.videos()).toHaveLength(1)
      }),
  )
})
