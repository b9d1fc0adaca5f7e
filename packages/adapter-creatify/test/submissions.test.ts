import { it } from "@effect/vitest"
import {
  createProduct,
  findSubmission,
  generatePreviews,
  generateScripts,
  JobRef,
  type Product,
  render,
  renderPreview,
  SubmissionRef,
  type SubmissionResult,
  type SubmissionStatus,
  type VideoError,
  type VideoProvider,
} from "@vidbridge/core"
import type { Fault } from "@vidbridge/core/testing"
import { Duration, Effect } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import {
  CREATIFY_ROUTES,
  type CreatifySimulator,
  SIM_CUSTOM_TEMPLATES,
  SIM_PERSONAS,
  SIM_VOICES,
} from "../src/testing/index.js"
import { productInput, useProductPage, useSimulatorServer } from "./simulatorSupport.js"
import { drive, failureOf, simOnTestClock, successOf } from "./submissionSupport.js"

// Every credit-spending call of the adapter x every way its answer can be lost x list lag, on
// virtual time through core's Effect face: the call returns the vendor's job (reconciled), or
// fails SubmissionUnknown with a submission ref that findSubmission resolves once the lag has
// passed; a 500 before the vendor committed is "not found"; and the simulator saw one paid
// request and charged once, never twice.

const { server } = useSimulatorServer()
const page = useProductPage()
const WINDOW = Duration.toMillis(Duration.minutes(2)) // core's default reconcile window

const lostAnswers: ReadonlyArray<{
  readonly id: string
  readonly fault: Fault | "hold"
  readonly tag: string
}> = [
  { id: "5xx after commit", fault: { kind: "status", status: 503, when: "after" }, tag: "VendorUnavailable" },
  { id: "timeout after send", fault: "hold", tag: "Timeout" },
  { id: "reset after send", fault: { kind: "reset", when: "after" }, tag: "VendorUnavailable" },
  { id: "unreadable 2xx", fault: { kind: "malformed" }, tag: "UnexpectedResponse" },
  { id: "2xx without the id", fault: { kind: "missingField", field: "id" }, tag: "UnexpectedResponse" },
]

const lags = [
  { id: "no lag", ms: 0 },
  { id: "lag within the window", ms: 60_000 },
  { id: "lag beyond the window", ms: 10 * 60_000 },
] as const

type Call = Effect.Effect<SubmissionResult, VideoError, VideoProvider>

interface PaidCall {
  readonly route: string
  /** Credits one submission costs on the simulator. */
  readonly cost: number
  /** Work before the paid call (not counted); answers the call. */
  readonly prepare: (sim: CreatifySimulator) => Effect.Effect<Call, VideoError, VideoProvider>
  /** Refs of what calls of this kind left at the vendor, built from the simulator's own records. */
  readonly made: (sim: CreatifySimulator) => ReadonlyArray<string>
  /** Found through a list (lag applies), or by reading the job the call acted on (no lag). */
  readonly listed: boolean
}

const ref = (kind: string, id: string, render?: boolean) =>
  JobRef.format(JobRef.make("creatify", kind, id, render ? { stage: "render" } : undefined))
const videos = (sim: CreatifySimulator, stage?: "render") =>
  sim
    .jobs()
    .filter((j) => j.kind === "link_to_video" && (stage === undefined || j.stage === stage))
    .map((j) => ref(j.kind, j.id, j.stage === "render"))
const links = (sim: CreatifySimulator, from: "url" | "params") =>
  sim
    .links()
    .filter((l) => l.createdWith === from)
    .map((l) => ref("product", l.id))
const jobsOf = (sim: CreatifySimulator, kind: string, stage?: "render") =>
  sim
    .jobs()
    .filter((j) => j.kind === kind && (stage === undefined || j.stage === stage))
    .map((j) => ref(j.kind, j.id))
const template = String(SIM_CUSTOM_TEMPLATES[0]!.template_id)
const avatar = String(SIM_PERSONAS[0]!.id)
const voice = (SIM_VOICES[0]!.accents as ReadonlyArray<{ id: string }>)[0]!.id
const aProduct = createProduct(productInput)
const previews = (product: Product) =>
  generatePreviews({ product, visualStyles: ["FullScreenTemplate"], name: "Spring ad" })
const previewsOf = Effect.flatMap(aProduct, previews)

const calls: Record<string, PaidCall> = {
  "createProduct (URL)": {
    route: CREATIFY_ROUTES.createLink,
    cost: 1,
    prepare: () => Effect.succeed(createProduct({ url: page().url })),
    made: (sim) => links(sim, "url"),
    listed: true,
  },
  "createProduct (data)": {
    route: CREATIFY_ROUTES.createLinkWithParams,
    cost: 1,
    prepare: () => Effect.succeed(aProduct),
    made: (sim) => links(sim, "params"),
    listed: true,
  },
  generateScripts: {
    route: CREATIFY_ROUTES.createScripts,
    cost: 1,
    prepare: () => Effect.map(aProduct, (product) => generateScripts({ product })),
    made: (sim) => sim.scriptJobs().map((s) => ref("ai_script", s.id)),
    listed: true,
  },
  generatePreviews: {
    route: CREATIFY_ROUTES.previews,
    cost: 1,
    prepare: () => Effect.map(aProduct, previews),
    made: (sim) => videos(sim),
    listed: true,
  },
  renderPreview: {
    route: CREATIFY_ROUTES.renderPreview,
    cost: 4,
    prepare: (sim) =>
      Effect.gen(function* () {
        const previews = yield* previewsOf
        yield* TestClock.adjust(Duration.minutes(2))
        const previewId = sim.jobs()[0]!.previews[0]!.media_job
        return renderPreview({ job: previews.ref, previewId })
      }),
    made: (sim) => videos(sim, "render"),
    listed: false,
  },
  "render (product)": {
    route: CREATIFY_ROUTES.createVideo,
    cost: 4,
    prepare: () => Effect.map(aProduct, (product) => render({ product, name: "Spring ad" })),
    made: (sim) => videos(sim),
    listed: true,
  },
  "renderPreview (template)": {
    route: CREATIFY_ROUTES.renderTemplate,
    cost: 4,
    prepare: () =>
      Effect.gen(function* () {
        const job = yield* generatePreviews({ template, variables: { headline: "Hi" }, name: "Spring ad" })
        yield* TestClock.adjust(Duration.minutes(2))
        return renderPreview({ job: job.ref, previewId: JobRef.parse(job.ref).id })
      }),
    made: (sim) => jobsOf(sim, "custom_template_job", "render"),
    listed: false,
  },
  "render (AI Avatar v2)": {
    route: CREATIFY_ROUTES.createLipsync,
    cost: 5,
    prepare: () =>
      Effect.succeed(render({ avatar, voice, script: "Meet the new bottle.", name: "Spring ad" })),
    made: (sim) => jobsOf(sim, "lipsync_v2"),
    listed: true,
  },
  "render (Aurora)": {
    route: CREATIFY_ROUTES.createAurora,
    cost: 15,
    prepare: () =>
      Effect.succeed(render({ imageUrl: "https://cdn.test/face.png", audioUrl: "https://cdn.test/a.mp3" })),
    made: (sim) => jobsOf(sim, "aurora"),
    listed: true,
  },
}

/** Custom template jobs Creatify does not list: a lost answer cannot be looked up. */
const unlisted: Record<string, PaidCall> = {
  "render (template)": {
    route: CREATIFY_ROUTES.createTemplateJob,
    cost: 5,
    prepare: () => Effect.succeed(render({ template, variables: { headline: "Hi" }, name: "Spring ad" })),
    made: (sim) => jobsOf(sim, "custom_template_job"),
    listed: false,
  },
  "generatePreviews (template)": {
    route: CREATIFY_ROUTES.previewTemplate,
    cost: 1,
    prepare: () => Effect.succeed(generatePreviews({ template, variables: { headline: "Hi" } })),
    made: (sim) => jobsOf(sim, "custom_template_job"),
    listed: false,
  },
}

/** The simulator and the provider, with the call prepared and what the preparation left. */
const setUp = (call: PaidCall, listLag: number) =>
  Effect.gen(function* () {
    const { sim, layer, busy } = yield* simOnTestClock(server, listLag)
    const send = yield* call.prepare(sim).pipe(Effect.provide(layer))
    const before = { made: call.made(sim).length, credits: sim.creditsSpent() }
    return { sim, layer, busy, send, before }
  })

/** The ref of what findSubmission found (the test fails on anything else). */
const found = (answer: SubmissionStatus): string | undefined => {
  if (answer.status !== "found") throw new Error(`expected found, got ${JSON.stringify(answer)}`)
  return "job" in answer ? answer.job.ref : "product" in answer ? answer.product.ref : answer.scripts.ref
}

const scenarios = Object.entries(calls).flatMap(([name, call]) =>
  lostAnswers.flatMap((lost) =>
    (call.listed ? lags : lags.slice(0, 1)).map((lag) => ({ name, call, lost, lag })),
  ),
)

describe("a paid call whose answer is lost is accounted for (virtual time)", () => {
  it.effect.each(scenarios)("$name, $lost.id, $lag.id", ({ call, lost, lag }) =>
    Effect.gen(function* () {
      const { sim, layer, busy, send, before } = yield* setUp(call, lag.ms)
      if (lost.fault === "hold") sim.holdAnswer(call.route)
      else sim.faults.inject(call.route, lost.fault)
      const exit = yield* drive(send.pipe(Effect.provide(layer)), busy)

      // One paid request, one job, one charge.
      expect(sim.log.count(call.route)).toBe(1)
      const made = call.made(sim).slice(before.made)
      expect(made).toHaveLength(1)
      expect(sim.creditsSpent() - before.credits).toBe(call.cost)

      if (lag.ms < WINDOW) {
        const job = successOf(exit)
        expect(job.ref).toBe(made[0])
        expect(job.submission).toMatchObject({ reconciled: true })
        return
      }
      const error = failureOf(exit)
      expect(error.reason).toMatchObject({
        _tag: "SubmissionUnknown",
        lookup: "not_found",
        submission: error.ref,
      })
      expect(error.retryable).toBe(false)
      if (error.reason._tag === "SubmissionUnknown") expect(error.reason.failure._tag).toBe(lost.tag)
      expect(SubmissionRef.is(error.ref!)).toBe(true)
      const early = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(early).toMatchObject({ status: "not_found", settled: true })
      yield* TestClock.adjust(lag.ms)
      expect(found(yield* findSubmission(error.ref!).pipe(Effect.provide(layer)))).toBe(made[0])
      expect(sim.log.count(call.route)).toBe(1)
    }),
  )

  it.effect.each(Object.entries(calls).map(([name, call]) => ({ name, call })))(
    "$name, 5xx before the vendor committed: SubmissionUnknown, then findSubmission says not found",
    ({ call }) =>
      Effect.gen(function* () {
        const { sim, layer, busy, send, before } = yield* setUp(call, 0)
        sim.faults.inject(call.route, { kind: "status", status: 500, when: "before" })
        const error = failureOf(yield* drive(send.pipe(Effect.provide(layer)), busy))
        expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "not_found" })
        expect(error.status).toBe(500)
        expect(call.made(sim).slice(before.made)).toHaveLength(0)
        expect(sim.creditsSpent()).toBe(before.credits)
        const answer = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
        expect(answer).toMatchObject({ status: "not_found", settled: true })
        expect(sim.log.count(call.route)).toBe(1)
      }),
  )

  it.effect.each(Object.entries(calls).map(([name, call]) => ({ name, call })))(
    "$name, answered: the result carries its submission, which findSubmission finds",
    ({ call }) =>
      Effect.gen(function* () {
        const { sim, layer, send, before } = yield* setUp(call, 0)
        const job = yield* send.pipe(Effect.provide(layer))
        expect(job.submission?.reconciled).toBeUndefined()
        expect(job.ref).toBe(call.made(sim).slice(before.made)[0])
        expect(found(yield* findSubmission(job.submission!.ref).pipe(Effect.provide(layer)))).toBe(job.ref)
      }),
  )
})

describe("custom template jobs are not listed: a lost answer is SubmissionUnknown, with no lookup", () => {
  it.effect.each(
    Object.entries(unlisted).flatMap(([name, call]) => lostAnswers.map((lost) => ({ name, call, lost }))),
  )("$name, $lost.id", ({ call, lost }) =>
    Effect.gen(function* () {
      const { sim, layer, busy, send, before } = yield* setUp(call, 0)
      if (lost.fault === "hold") sim.holdAnswer(call.route)
      else sim.faults.inject(call.route, lost.fault)
      const error = failureOf(yield* drive(send.pipe(Effect.provide(layer)), busy))
      expect(sim.log.count(call.route)).toBe(1)
      expect(call.made(sim).slice(before.made)).toHaveLength(1)
      expect(sim.creditsSpent() - before.credits).toBe(call.cost)
      expect(error.reason).toMatchObject({
        _tag: "SubmissionUnknown",
        lookup: "unsupported",
        submission: error.ref,
      })
      expect(error.reason.message).toContain("Creatify lists no custom template jobs")
      expect(error.retryable).toBe(false)
      const asked = yield* Effect.flip(findSubmission(error.ref!).pipe(Effect.provide(layer)))
      expect(asked.reason._tag).toBe("UnsupportedOperation")
      // The key is in the job's name, for finding it in Creatify's web app.
      const key = SubmissionRef.parse(error.ref!).key
      expect(String(sim.jobs().at(-1)!.body.name)).toContain(`[vb:${key}`)
    }),
  )

  it.effect.each(Object.entries(unlisted).map(([name, call]) => ({ name, call })))(
    "$name, answered: the result carries its submission",
    ({ call }) =>
      Effect.gen(function* () {
        const { sim, layer, send, before } = yield* setUp(call, 0)
        const job = yield* send.pipe(Effect.provide(layer))
        expect(job.ref).toBe(call.made(sim).slice(before.made)[0])
        expect(job.submission?.ref).toBeDefined()
      }),
  )
})

describe("script jobs are matched by product and creation time (they keep no key)", () => {
  it.effect("an older job for the same product is not a match; one made around the send is", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* simOnTestClock(server)
      const product = yield* aProduct.pipe(Effect.provide(layer))
      yield* generateScripts({ product }).pipe(Effect.provide(layer))
      yield* TestClock.adjust(Duration.minutes(10))
      sim.faults.inject(CREATIFY_ROUTES.createScripts, { kind: "status", status: 503, when: "after" })
      const job = successOf(yield* drive(generateScripts({ product }).pipe(Effect.provide(layer)), busy))
      expect(job.ref).toBe(`creatify:ai_script:${sim.scriptJobs()[1]!.id}`)
      expect(job.submission?.reconciled).toBe(true)
      // Two jobs for the same product within the clock-skew margin: both match, never a guess.
      sim.faults.inject(CREATIFY_ROUTES.createScripts, { kind: "reset", when: "after" })
      const error = failureOf(yield* drive(generateScripts({ product }).pipe(Effect.provide(layer)), busy))
      expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "ambiguous" })
      expect(sim.log.count(CREATIFY_ROUTES.createScripts)).toBe(3)
    }),
  )

  it.effect(
    "a script job Creatify rejected fails ContentRejected whether its answer arrived or was lost",
    () =>
      Effect.gen(function* () {
        const { sim, layer, busy } = yield* simOnTestClock(server)
        const product = yield* aProduct.pipe(Effect.provide(layer))
        sim.rejectNext("The product text breaks the content policy.", "scripts")
        const answered = failureOf(
          yield* drive(generateScripts({ product }).pipe(Effect.provide(layer)), busy),
        )
        // Apart by more than the clock-skew margin, so the lost one is the only match.
        yield* TestClock.adjust(Duration.minutes(10))
        sim.rejectNext("The product text breaks the content policy.", "scripts")
        sim.faults.inject(CREATIFY_ROUTES.createScripts, { kind: "status", status: 503, when: "after" })
        const found = failureOf(yield* drive(generateScripts({ product }).pipe(Effect.provide(layer)), busy))
        for (const error of [answered, found]) {
          expect(error.reason._tag).toBe("ContentRejected")
          expect(error.reason.message).toContain("The product text breaks the content policy.")
          expect(error.retryable).toBe(false)
        }
        // Found by its product and time, not sent again.
        expect(sim.log.count(CREATIFY_ROUTES.createScripts)).toBe(2)
      }),
  )

  it.effect("a lost script job that Creatify rejected is found rejected, with the vendor's reason", () =>
    Effect.gen(function* () {
      const lag = 10 * 60_000 // beyond core's reconcile window: the call fails SubmissionUnknown
      const { sim, layer, busy } = yield* simOnTestClock(server, lag)
      const product = yield* aProduct.pipe(Effect.provide(layer))
      sim.rejectNext("The product text breaks the content policy.", "scripts")
      sim.faults.inject(CREATIFY_ROUTES.createScripts, { kind: "status", status: 503, when: "after" })
      const error = failureOf(yield* drive(generateScripts({ product }).pipe(Effect.provide(layer)), busy))
      expect(error.reason._tag).toBe("SubmissionUnknown")
      yield* TestClock.adjust(lag)
      const answer = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(answer).toMatchObject({
        status: "found",
        scripts: {
          ref: `creatify:ai_script:${sim.scriptJobs()[0]!.id}`,
          status: "rejected",
          scripts: [],
          failure: { message: "The product text breaks the content policy." },
        },
      })
    }),
  )
})
