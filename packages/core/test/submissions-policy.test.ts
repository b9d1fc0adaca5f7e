import { it } from "@effect/vitest"
import { Duration, Effect, Schedule } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import {
  createVideoClient,
  InsufficientCredits,
  Reconcile,
  render,
  UnexpectedResponse,
  VendorUnavailable,
  VideoError,
  type VideoErrorReason,
  type VideoProviderShape,
} from "../src/index.js"
import { type FakeVendorSimulator, fakeVendor } from "../src/testing/index.js"
import { API_KEY } from "./support/keys.js"
import { useMsw } from "./support/msw.js"
import { drive, failureOf, fakeOnTestClock, successOf } from "./support/submissions.js"

// Which failures of a paid call core reconciles, and how (issue 20, mutation testing of
// submissions/reconcile.ts). The money rules: a paid request is sent once unless the caller
// asked for `resendIfNotFound` and a whole window showed nothing, and then once more only; every
// lost answer ends with the job or a SubmissionUnknown carrying the ref.

const server = useMsw()
const register = (sim: FakeVendorSimulator) => server.use(...sim.handlers)
const WINDOW = Duration.toMillis(Duration.minutes(2))
/** One lookup, then give up: the rest of the window is waited for only by a resend. */
const quick = Effect.provideService(Reconcile, { schedule: Schedule.recurs(0) })

/** The fake vendor's render, announced (with `hints`), then failing with `reason` before any request. */
const failingAfterAnnounce =
  (reason: VideoErrorReason, hints: Record<string, string> = {}) =>
  (shape: VideoProviderShape): VideoProviderShape => ({
    ...shape,
    render: (_request, submission) =>
      Effect.andThen(submission!.announce(hints), () =>
        Effect.fail(new VideoError({ provider: shape.id, operation: "render", reason })),
      ),
  })

describe("which failures after the announcement are looked up", () => {
  const notLookedUp: Array<[string, VideoErrorReason]> = [
    [
      "refused before sending (not_sent)",
      new VendorUnavailable({ message: "could not connect", delivery: "not_sent" }),
    ],
    [
      "an unreadable answer that is not a 2xx (a redirect)",
      new UnexpectedResponse({ message: "redirect", path: "", excerpt: "" }),
    ],
    ["a refusal (402)", new InsufficientCredits({ message: "not enough credits" })],
  ]
  it.effect.each(notLookedUp)("%s: reported as it is, with no lookup", ([, reason]) =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register, shape: failingAfterAnnounce(reason) })
      const error = failureOf(yield* drive(render({ template: "t" }).pipe(Effect.provide(layer)), busy))
      expect(error.reason).toBe(reason)
      expect(sim.log.count("GET /jobs")).toBe(0)
    }),
  )

  it.effect("a 402 from the vendor on a paid call: InsufficientCredits, no lookup", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 402, when: "before" })
      const error = failureOf(yield* drive(render({ template: "t" }).pipe(Effect.provide(layer)), busy))
      expect(error.reason._tag).toBe("InsufficientCredits")
      expect(sim.log.count("GET /jobs")).toBe(0)
    }),
  )

  it.effect("an unreadable 2xx is looked up; so is a timeout", () =>
    Effect.gen(function* () {
      for (const reason of [
        new UnexpectedResponse({ message: "not JSON", path: "", excerpt: "", delivery: "accepted" }),
        new VendorUnavailable({ message: "reset", delivery: "ambiguous" }),
      ]) {
        const { sim, layer, busy } = yield* fakeOnTestClock({ register, shape: failingAfterAnnounce(reason) })
        const error = failureOf(
          yield* drive(render({ template: "t" }).pipe(quick, Effect.provide(layer)), busy),
        )
        expect(error.reason).toMatchObject({
          _tag: "SubmissionUnknown",
          lookup: "not_found",
          failure: reason,
        })
        expect(sim.log.count("GET /jobs")).toBe(1)
      }
    }),
  )

  it.effect("a render that announces nothing answers its job without a submission", () =>
    Effect.gen(function* () {
      const silent = (shape: VideoProviderShape): VideoProviderShape => ({
        ...shape,
        render: (request) => shape.render!(request),
      })
      const { layer } = yield* fakeOnTestClock({ register, shape: silent })
      const job = yield* render({ template: "t" }).pipe(Effect.provide(layer))
      expect(job.submission).toBeUndefined()
    }),
  )

  it.effect("a render that announces nothing and loses its answer: reported as it is, no lookup", () =>
    Effect.gen(function* () {
      const silent = (shape: VideoProviderShape): VideoProviderShape => ({
        ...shape,
        render: (request) => shape.render!(request),
      })
      const { sim, layer, busy } = yield* fakeOnTestClock({ register, shape: silent })
      sim.faults.inject("POST /renders", { kind: "status", status: 503, when: "after" })
      const error = failureOf(yield* drive(render({ template: "t" }).pipe(Effect.provide(layer)), busy))
      expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
      expect(sim.log.count("GET /jobs")).toBe(0)
      expect(sim.log.count("POST /renders")).toBe(1)
    }),
  )

  it.effect("a hint named op is InvalidInput naming submission, and nothing is sent", () =>
    Effect.gen(function* () {
      const reserved = failingAfterAnnounce(new VendorUnavailable({ message: "x", delivery: "ambiguous" }), {
        op: "render",
      })
      const { sim, layer } = yield* fakeOnTestClock({ register, shape: reserved })
      const error = yield* Effect.flip(render({ template: "t" }).pipe(Effect.provide(layer)))
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.reason._tag === "InvalidInput" && error.reason.issues[0]).toMatchObject({
        path: "submission",
        message: expect.stringContaining("the hints op and at are reserved"),
      })
      expect(sim.requests).toHaveLength(0)
    }),
  )
})

describe("what the caller is told", () => {
  it.effect("no job within the window: SubmissionUnknown naming the key and the window", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 500, when: "before" })
      const error = failureOf(
        yield* drive(render({ template: "t", idempotencyKey: "order-9" }).pipe(Effect.provide(layer)), busy),
      )
      expect(error.reason.message).toBe(
        "the vendor failed: simulated server error; the request may have reached the vendor and spent credits: look for the job before sending it again; no job with key order-9 showed up within 2m. Keep the submission ref and ask findSubmission later",
      )
      expect(error.status).toBe(500)
    }),
  )

  it.effect("two jobs with the key: the message counts them", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      const reused = { template: "t", idempotencyKey: "order-7" }
      yield* render(reused).pipe(Effect.provide(layer))
      sim.faults.inject("POST /renders", { kind: "status", status: 503, when: "after" })
      const error = failureOf(yield* drive(render(reused).pipe(Effect.provide(layer)), busy))
      expect(error.reason.message).toContain("; 2 vendor jobs match it. Keep the submission ref")
    }),
  )

  it.effect("a provider that cannot look it up says so, by name", () =>
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
      expect(error.reason.message).toMatch(
        /; fake cannot look it up\. Keep the submission ref and ask findSubmission later$/,
      )
    }),
  )
})

describe("resendIfNotFound: once, after the whole window, never when found", () => {
  it.effect("a job found at the first look is answered at once: no waiting out the window, no resend", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 503, when: "after" })
      const job = successOf(
        yield* drive(render({ template: "t" }, { resendIfNotFound: true }).pipe(Effect.provide(layer)), busy),
      )
      expect(job.submission?.reconciled).toBe(true)
      expect(sim.log.count("GET /jobs")).toBe(1)
      expect(sim.log.count("POST /renders")).toBe(1)
    }),
  )

  it.effect("the resend goes exactly one window after the send, not before, not later", () =>
    Effect.gen(function* () {
      yield* TestClock.adjust(Duration.minutes(1)) // the send is not at time 0
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 500, when: "before" })
      successOf(
        yield* drive(
          render({ template: "t" }, { resendIfNotFound: true }).pipe(quick, Effect.provide(layer)),
          busy,
        ),
      )
      const posts = sim.log.all().filter((entry) => entry.route === "POST /renders")
      expect(posts).toHaveLength(2)
      expect(posts[1]!.at - posts[0]!.at).toBe(WINDOW)
      // One look at once, one last look at the end of the window.
      expect(sim.log.count("GET /jobs")).toBe(2)
    }),
  )

  it.effect("a job that shows up by the last look is answered, and nothing is sent again", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register, listLag: 60_000 })
      sim.faults.inject("POST /renders", { kind: "status", status: 503, when: "after" })
      const job = successOf(
        yield* drive(
          render({ template: "t" }, { resendIfNotFound: true }).pipe(quick, Effect.provide(layer)),
          busy,
        ),
      )
      expect(job.submission?.reconciled).toBe(true)
      expect(sim.log.count("POST /renders")).toBe(1)
      expect(sim.jobs.size).toBe(1)
    }),
  )

  it.effect("a resend whose answer is lost too is looked up, never sent a third time", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* fakeOnTestClock({ register })
      sim.faults.inject("POST /renders", { kind: "status", status: 500, when: "before" }, 2)
      const error = failureOf(
        yield* drive(
          render({ template: "t" }, { resendIfNotFound: true }).pipe(quick, Effect.provide(layer)),
          busy,
        ),
      )
      expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "not_found" })
      expect(sim.log.count("POST /renders")).toBe(2)
      yield* TestClock.adjust(Duration.minutes(10))
      expect(sim.log.count("POST /renders")).toBe(2)
    }),
  )

  it.effect(
    "is InvalidInput naming the fake vendor, before any request, where the vendor declares no resend",
    () =>
      Effect.gen(function* () {
        const undeclared = (shape: VideoProviderShape): VideoProviderShape => {
          const { submissions: _, ...capabilities } = shape.capabilities
          return { ...shape, capabilities }
        }
        const { sim, layer } = yield* fakeOnTestClock({ register, shape: undeclared })
        const error = yield* Effect.flip(
          render({ template: "t" }, { resendIfNotFound: true }).pipe(Effect.provide(layer)),
        )
        expect(error.reason._tag).toBe("InvalidInput")
        expect(error.message).toContain(
          "resendIfNotFound: fake cannot prove a lost request was never made, so never resends",
        )
        expect(sim.requests).toHaveLength(0)
      }),
  )

  it.effect("must be a boolean: InvalidInput from the call's provider and operation", () =>
    Effect.gen(function* () {
      const { sim, layer } = yield* fakeOnTestClock({ register })
      const error = yield* Effect.flip(
        render({ template: "t" }, { resendIfNotFound: "yes" as never }).pipe(Effect.provide(layer)),
      )
      expect(error).toMatchObject({ provider: "fake", operation: "render", reason: { _tag: "InvalidInput" } })
      expect(error.message).toContain("resendIfNotFound")
      expect(sim.requests).toHaveLength(0)
    }),
  )
})

describe("the client's reconcile option", () => {
  it.effect("a schedule that is not an Effect Schedule is InvalidInput from vidbridge's configure", () =>
    Effect.sync(() => {
      let thrown: unknown
      try {
        createVideoClient({
          provider: fakeVendor({ apiKey: API_KEY }),
          reconcile: { schedule: "often" as never },
        })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(VideoError)
      expect(thrown).toMatchObject({ provider: "vidbridge", operation: "configure" })
      expect((thrown as VideoError).message).toContain("reconcile.schedule: must be an Effect Schedule")
    }),
  )
})
