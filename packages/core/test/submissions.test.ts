import { it } from "@effect/vitest"
import { Duration, Effect, Schedule } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import { unsupported } from "../src/adapter/index.js"
import {
  findSubmission,
  Reconcile,
  render,
  SubmissionRef,
  type VideoError,
  type VideoProviderShape,
} from "../src/index.js"
import type { FakeVendorSimulator } from "../src/testing/index.js"
import { useMsw } from "./support/msw.js"
import { drive, failureOf, fakeOnTestClock, successOf } from "./support/submissions.js"

const server = useMsw()
const register = (sim: FakeVendorSimulator) => server.use(...sim.handlers)
const WINDOW = Duration.minutes(2)

const reasonOf = (error: VideoError) => {
  if (error.reason._tag !== "SubmissionUnknown")
    throw new Error(`expected SubmissionUnknown: ${error.message}`)
  return error.reason
}

describe("5xx before the vendor committed", () => {
  it.effect("fails SubmissionUnknown after the window; findSubmission then says not found, settled", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 500, when: "before" })
      const error = failureOf(yield* drive(render({ template: "t" }).pipe(Effect.provide(layer)), busy))
      expect(reasonOf(error)).toMatchObject({ lookup: "not_found", failure: { _tag: "VendorUnavailable" } })
      expect(error.status).toBe(500)
      expect(sim.jobs.size).toBe(0)
      const answer = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(answer).toEqual({
        status: "not_found",
        submission: error.ref,
        operation: "render",
        settled: true,
      })
      expect(sim.log.count("POST /renders")).toBe(1)
    }),
  )

  it.effect("not_found is settled only once the window since the send has passed", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 500, when: "before" })
      // One lookup only: the call gives up at once, well inside the window.
      const quick = Effect.provideService(Reconcile, { schedule: Schedule.recurs(0) })
      const error = failureOf(
        yield* drive(render({ template: "t" }).pipe(quick, Effect.provide(layer)), busy),
      )
      const early = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(early).toMatchObject({ status: "not_found", settled: false })
      yield* TestClock.adjust(WINDOW)
      const late = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(late).toMatchObject({ status: "not_found", settled: true })
    }),
  )

  it.effect("resendIfNotFound sends once more with the same key, only after the whole window", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 500, when: "before" })
      const job = successOf(
        yield* drive(render({ template: "t" }, { resendIfNotFound: true }).pipe(Effect.provide(layer)), busy),
      )
      const posts = sim.log.all().filter((entry) => entry.route === "POST /renders")
      expect(posts).toHaveLength(2)
      expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(Duration.toMillis(WINDOW))
      const keys = sim.requests
        .filter((r) => r.method === "POST")
        .map((r) => (r.body as { reference: string }).reference)
      expect(keys[0]).toBe(keys[1])
      expect(sim.jobs.size).toBe(1)
      expect(job.submission).toMatchObject({ key: keys[0] })
      expect(job.submission?.reconciled).toBeUndefined()
      // The ref of the resend says when it was sent.
      expect(SubmissionRef.parse(job.submission!.ref).at).toBe(posts[1]!.at)
    }),
  )

  it.effect("resendIfNotFound is InvalidInput, before any request, where the lookup is not exact", () =>
    Effect.gen(function* () {
      const heuristic = (shape: VideoProviderShape): VideoProviderShape => ({
        ...shape,
        capabilities: { ...shape.capabilities, submissions: { lookup: "heuristic", resend: false } },
      })
      const { sim, layer } = yield* fakeOnTestClock({ register, shape: heuristic })
      const error = yield* Effect.flip(
        render({ template: "t" }, { resendIfNotFound: true }).pipe(Effect.provide(layer)),
      )
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain("resendIfNotFound")
      expect(sim.requests).toHaveLength(0)
    }),
  )
})

describe("what reconciliation never does", () => {
  it.effect("two vendor jobs with the key: SubmissionUnknown, ambiguous, with both, never a guess", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      const reused = { template: "t", idempotencyKey: "order-7" }
      const first = yield* render(reused).pipe(Effect.provide(layer))
      sim.faults.inject("POST /renders", { kind: "status", status: 503, when: "after" })
      const error = failureOf(yield* drive(render(reused).pipe(Effect.provide(layer)), busy))
      const reason = reasonOf(error)
      expect(reason.lookup).toBe("ambiguous")
      expect((reason.candidates ?? []).map((c) => c.ref).sort()).toEqual(
        [first.ref, "fake:render:job-2"].sort(),
      )
      expect(sim.log.count("POST /renders")).toBe(2)
      const later = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(later).toMatchObject({ status: "ambiguous", operation: "render" })
    }),
  )

  it.effect("a provider without findSubmission: SubmissionUnknown at once, with the ref, no lookups", () =>
    Effect.gen(function* () {
      const blind = ({ findSubmission: _, ...shape }: VideoProviderShape): VideoProviderShape => ({
        ...shape,
        capabilities: {
          ...shape.capabilities,
          operations: shape.capabilities.operations.filter((op) => op !== "findSubmission"),
        },
      })
      const { sim, layer } = yield* fakeOnTestClock({ register, shape: blind })
      sim.faults.inject("POST /renders", { kind: "reset", when: "after" })
      const error = yield* Effect.flip(render({ template: "t" }).pipe(Effect.provide(layer)))
      expect(reasonOf(error)).toMatchObject({ lookup: "unsupported", submission: error.ref })
      expect(SubmissionRef.is(error.ref!)).toBe(true)
      expect(sim.log.count("GET /jobs")).toBe(0)
      const lookup = yield* Effect.flip(findSubmission(error.ref!).pipe(Effect.provide(layer)))
      expect(lookup.reason._tag).toBe("UnsupportedOperation")
    }),
  )

  it.effect(
    "a lookup the adapter cannot make for this call: SubmissionUnknown (unsupported), not failed",
    () =>
      Effect.gen(function* () {
        const noList = (shape: VideoProviderShape): VideoProviderShape => ({
          ...shape,
          findSubmission: () =>
            Effect.fail(unsupported(shape.id, "findSubmission", "the vendor lists no renders")),
        })
        const { sim, layer, busy } = yield* fakeOnTestClock({ register, shape: noList })
        sim.faults.inject("POST /renders", { kind: "status", status: 502, when: "after" })
        const error = failureOf(yield* drive(render({ template: "t" }).pipe(Effect.provide(layer)), busy))
        expect(reasonOf(error)).toMatchObject({ lookup: "unsupported", submission: error.ref })
        expect(error.message).toContain("the vendor lists no renders")
        expect(sim.log.count("POST /renders")).toBe(1)
      }),
  )

  it.effect("a lookup that fails for good: SubmissionUnknown (failed) naming why, with the ref", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 502, when: "after" })
      sim.faults.inject("GET /jobs", { kind: "status", status: 404, when: "before" })
      const error = failureOf(yield* drive(render({ template: "t" }).pipe(Effect.provide(layer)), busy))
      expect(reasonOf(error).lookup).toBe("failed")
      expect(error.message).toContain("looking it up failed")
      expect(sim.log.count("POST /renders")).toBe(1)
    }),
  )

  it.effect("a failure that proves nothing was made is reported as it is, without lookups", () =>
    Effect.gen(function* () {
      const { sim, layer } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 402, when: "before" })
      const error = yield* Effect.flip(render({ template: "t" }).pipe(Effect.provide(layer)))
      expect(error.reason._tag).toBe("InsufficientCredits")
      expect(sim.log.count("GET /jobs")).toBe(0)
    }),
  )
})
