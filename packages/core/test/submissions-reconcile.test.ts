import { it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import {
  findSubmission,
  generatePreviews,
  render,
  renderPreview,
  SubmissionRef,
  type VideoError,
  type VideoJob,
  type VideoProvider,
} from "../src/index.js"
import type { FakeVendorSimulator } from "../src/testing/index.js"
import { useMsw } from "./support/msw.js"
import { drive, failureOf, fakeOnTestClock, successOf } from "./support/submissions.js"

// Every way a paid call's answer can be lost, with and without list lag: the call returns the
// vendor's job (reconciled), or fails SubmissionUnknown with a ref that findSubmission resolves
// once the lag has passed; and the vendor saw one paid request, never two.

const server = useMsw()
const WINDOW = Duration.toMillis(Duration.minutes(2)) // the default reconcile window

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

interface PaidCall {
  readonly route: string
  /** The port operation (default: the call's name) and the job kind it makes (default: by operation). */
  readonly operation?: "render"
  readonly kind?: "avatar"
  /** Credits one submission costs on the simulator (previews 1, a render 4). */
  readonly credits: number
  readonly send: Effect.Effect<VideoJob, VideoError, VideoProvider>
  /** Work done before the paid call (a preview set to render), not counted. */
  readonly before?: Effect.Effect<VideoJob, VideoError, VideoProvider>
}

const previewsOf = generatePreviews({ product: "fake:product:p1" })

const calls: Record<string, (before?: VideoJob) => PaidCall> = {
  render: () => ({ route: "POST /renders", credits: 4, send: render({ template: "t", name: "Spring ad" }) }),
  generatePreviews: () => ({ route: "POST /previews", credits: 1, send: previewsOf }),
  avatarVideo: () => ({
    route: "POST /avatar_videos",
    credits: 2,
    operation: "render",
    kind: "avatar",
    send: render({ avatar: "av-1", voice: "vo-1", script: "Meet the bottle." }),
  }),
  renderPreview: (previews) => ({
    route: "POST /previews/:id/render",
    credits: 4,
    before: previewsOf,
    send: renderPreview({ job: previews?.ref ?? "", previewId: "job-1-a" }),
  }),
}

const scenarios = Object.keys(calls).flatMap((call) =>
  lostAnswers.flatMap((lost) =>
    // A rendered preview is found by reading its own job, which does not lag.
    (call === "renderPreview" ? lags.slice(0, 1) : lags).map((lag) => ({ call, lost, lag })),
  ),
)

const paidRequests = (sim: FakeVendorSimulator, route: string) => sim.log.count(route)

describe("a paid call whose answer is lost is accounted for (Effect face, virtual time)", () => {
  it.effect.each(scenarios)("$call, $lost.id, $lag.id", ({ call, lost, lag }) =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({
        listLag: lag.ms,
        register: (s) => server.use(...s.handlers),
      })
      const first = calls[call]!()
      const before = first.before ? yield* first.before.pipe(Effect.provide(layer)) : undefined
      const creditsBefore = sim.creditsSpent()
      const paid = calls[call]!(before)
      if (lost.plan === "hold") sim.holdAnswer(paid.route)
      else sim.faults.inject(paid.route, lost.plan)

      const exit = yield* drive(paid.send.pipe(Effect.provide(layer)), busy)

      // 0 double submissions: one paid request, one charge, whatever happened to its answer.
      expect(paidRequests(sim, paid.route)).toBe(1)
      expect(sim.creditsSpent() - creditsBefore).toBe(paid.credits)
      const made = [...sim.jobs.values()].at(-1)!
      const sent = sim.requests.filter((r) => r.method === "POST").at(-1)
      const sentKey = (sent?.body as { reference?: string } | undefined)?.reference
      expect(sentKey).toMatch(/^vb[a-z2-7]{20}$/)

      // Bounded lookups with backoff: one when the job shows at once, a few over the window otherwise.
      const lookups = sim.log.count(call === "renderPreview" ? "GET /jobs/:id" : "GET /jobs")
      if (lag.ms === 0) expect(lookups).toBe(1)
      else expect(lookups).toBeGreaterThan(2)
      expect(lookups).toBeLessThan(16)
      const madeRef = `fake:${paid.kind ?? (call === "generatePreviews" ? "previews" : "render")}:${made.id}`
      if (lag.ms < WINDOW) {
        const job = successOf(exit)
        expect(job.ref).toBe(madeRef)
        expect(job.submission).toMatchObject({ key: sentKey, reconciled: true })
        const ref = SubmissionRef.parse(job.submission!.ref)
        expect(ref).toMatchObject({ provider: "fake", operation: paid.operation ?? call, key: sentKey })
        return
      }
      const error = failureOf(exit)
      expect(error.reason._tag).toBe("SubmissionUnknown")
      expect(error.retryable).toBe(false)
      if (error.reason._tag !== "SubmissionUnknown") return
      expect(error.reason).toMatchObject({ lookup: "not_found", submission: error.ref })
      expect(error.reason.failure._tag).toBe(lost.failure)
      if (error.reason.failure._tag === "UnexpectedResponse") {
        expect(error.reason.failure.delivery).toBe("accepted")
      }
      expect(error.toJSON()).toMatchObject({
        ref: error.ref,
        reason: { _tag: "SubmissionUnknown", retryable: false, failure: { _tag: lost.failure } },
      })
      // Once the vendor's list shows it, the stored ref finds the job, and nothing more is sent.
      yield* TestClock.adjust(lag.ms)
      const later = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(later).toMatchObject({
        status: "found",
        submission: error.ref,
        job: { ref: madeRef, submission: { key: sentKey, reconciled: true } },
      })
      expect(paidRequests(sim, paid.route)).toBe(1)
    }),
  )
})
