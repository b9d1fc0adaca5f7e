import { it } from "@effect/vitest"
import {
  createProduct,
  findSubmission,
  generatePreviews,
  JobRef,
  render,
  renderPreview,
  SubmissionRef,
  type VideoError,
  type VideoJob,
  type VideoProvider,
} from "@vidbridge/core"
import { serveProductPage } from "@vidbridge/core/testing"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { afterAll, beforeAll, describe, expect } from "vitest"
import { JOGG_OPEN_ROUTES, JOGG_V2_ROUTES, type JoggSimulator } from "../src/testing/index.js"
import { drive, failureOf, joggOnTestClock, successOf } from "./submissionsSupport.js"
import { useMsw } from "./support.js"

// Every paid call of both API generations x every way its answer can be lost x list lag, on
// virtual time: the call returns the vendor's job (reconciled), or fails SubmissionUnknown with
// a submission ref that findSubmission resolves once the lag has passed; the simulator saw one
// paid request, never two, and every lookup was a GET.

const server = useMsw()
const register = (sim: JoggSimulator) => server.use(...sim.handlers)
// The open API makes products from a page only: a sample page on 127.0.0.1.
let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())
const WINDOW = 120_000 // core's default reconcile window

type Provided<A> = Effect.Effect<A, VideoError, VideoProvider>

interface LostAnswer {
  readonly id: string
  readonly failure: "VendorUnavailable" | "Timeout" | "UnexpectedResponse"
  readonly plan: (sim: JoggSimulator, call: PaidCall) => void
}

const lostAnswers: ReadonlyArray<LostAnswer> = [
  {
    id: "5xx after commit",
    failure: "VendorUnavailable",
    plan: (sim, call) => sim.faults.inject(call.route, { kind: "status", status: 503, when: "after" }),
  },
  {
    id: "envelope 50000 after commit",
    failure: "VendorUnavailable",
    plan: (sim, call) => sim.injectSystemError(call.route, "after"),
  },
  { id: "timeout after send", failure: "Timeout", plan: (sim, call) => sim.holdAnswer(call.route) },
  {
    id: "reset after send",
    failure: "VendorUnavailable",
    plan: (sim, call) => sim.faults.inject(call.route, { kind: "reset", when: "after" }),
  },
  {
    id: "unreadable 2xx",
    failure: "UnexpectedResponse",
    plan: (sim, call) => sim.faults.inject(call.route, { kind: "malformed" }),
  },
  {
    id: "2xx without the id",
    failure: "UnexpectedResponse",
    plan: (sim, call) => sim.faults.inject(call.route, { kind: "missingField", field: call.missing! }),
  },
]

const lags = [
  { id: "no lag", ms: 0 },
  { id: "lag shorter than the window", ms: 60_000 },
  { id: "lag longer than the window", ms: 10 * 60_000 },
] as const

interface PaidCall {
  readonly apiVersion: "v2" | "open"
  /** The paid route. */
  readonly route: string
  /** The route findSubmission reads. */
  readonly lookup: string
  /** Whether that read is a list that lags (v2), or the job itself (open). */
  readonly lags: boolean
  /** The field naming the job in the answer (none in open's render answer: the project is known before). */
  readonly missing?: string
  /** Credits one submission costs on the simulator. */
  readonly credits: number
  /** Prepares what the call needs (unpaid, or an earlier paid step) and answers the call. */
  readonly prepare: () => Provided<Provided<VideoJob>>
  /** Checks that `job` is what the call made at the vendor, with submission key `key`. */
  readonly check: (job: VideoJob, sim: JoggSimulator, key: string) => void
}

const style = { avatar: "81", aspectRatio: "9:16", language: "en", durationSeconds: 30 } as const
const styles = ["Simple Product Switch", "Split Screen"]
const v2Product = createProduct({ title: "Aurora Trail Shoe" })
const lastVideo = (sim: JoggSimulator) =>
  sim
    .jobs()
    .filter((j) => j.kind === "video")
    .at(-1)!

const calls: Record<string, PaidCall> = {
  generatePreviews: {
    apiVersion: "v2",
    route: JOGG_V2_ROUTES.previewList,
    lookup: JOGG_V2_ROUTES.productPreviews,
    lags: true,
    missing: "data.previews",
    credits: 1,
    prepare: () =>
      Effect.map(v2Product, (product) =>
        generatePreviews({ product: product.ref, visualStyles: styles, name: "Spring", ...style }),
      ),
    check: (job, sim, key) => {
      const made = sim.jobs().filter((j) => j.kind === "preview")
      expect(made.map((p) => p.name)).toEqual([`Spring [${key}]`, `Spring [${key}]`])
      const ref = JobRef.parse(job.ref)
      expect(ref).toMatchObject({ kind: "preview_set", id: made[0]!.productId, params: { key } })
      expect(ref.params!.ids!.split(",").sort()).toEqual(made.map((p) => p.id).sort())
      expect(job).toMatchObject({ stage: "preview", name: "Spring" })
    },
  },
  renderPreview: {
    apiVersion: "v2",
    route: JOGG_V2_ROUTES.renderPreview,
    lookup: JOGG_V2_ROUTES.productVideos,
    lags: true,
    missing: "data.video_id",
    credits: 1,
    prepare: () =>
      Effect.gen(function* () {
        const product = yield* v2Product
        const previews = yield* generatePreviews({ product: product.ref, visualStyles: styles, ...style })
        yield* TestClock.adjust(150_000) // the previews complete
        return renderPreview({ job: previews.ref, previewId: previews.previews![0]!.id })
      }),
    check: (job, sim) => {
      expect(job.ref).toBe(`jogg:product_video:${lastVideo(sim).id}`)
      expect(job.stage).toBe("render")
    },
  },
  render: {
    apiVersion: "v2",
    route: JOGG_V2_ROUTES.createVideo,
    lookup: JOGG_V2_ROUTES.productVideos,
    lags: true,
    missing: "data.video_id",
    credits: 1,
    prepare: () =>
      Effect.map(v2Product, (product) =>
        render({ product: product.ref, visualStyle: styles[0], name: "Spring ad", ...style }),
      ),
    check: (job, sim, key) => {
      expect(lastVideo(sim).name).toBe(`Spring ad [${key}]`)
      expect(job).toMatchObject({ ref: `jogg:product_video:${lastVideo(sim).id}`, name: "Spring ad" })
    },
  },
  "open render": {
    apiVersion: "open",
    route: JOGG_OPEN_ROUTES.render,
    lookup: JOGG_OPEN_ROUTES.projectInfo,
    lags: false,
    credits: 1,
    prepare: () =>
      Effect.map(createProduct({ url: page.url }), (product) =>
        render({ product: product.ref, avatar: "37", aspectRatio: "9:16", template: "Card Stacking" }),
      ),
    check: (job, sim) => {
      const project = sim.jobs().find((j) => j.kind === "open_project")!
      expect(job.ref).toBe(`jogg:open_project:${project.id}`)
    },
  },
}

const scenarios = Object.entries(calls).flatMap(([name, call]) =>
  lostAnswers
    // The open render's answer names nothing: there is no id to lose (the project is known before).
    .filter((lost) => lost.id !== "2xx without the id" || call.missing !== undefined)
    // The open lookup reads the project itself, which does not lag.
    .flatMap((lost) => (call.lags ? lags : lags.slice(0, 1)).map((lag) => ({ name, call, lost, lag }))),
)

const posts = (sim: JoggSimulator) => sim.log.all().filter((entry) => entry.method === "POST").length

describe("a paid call whose answer is lost is accounted for (Effect face, virtual time)", () => {
  it.effect.each(scenarios)("$name, $lost.id, $lag.id", ({ call, lost, lag }) =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* joggOnTestClock({
        apiVersion: call.apiVersion,
        listLag: lag.ms,
        register,
      })
      const send = yield* call.prepare().pipe(Effect.provide(layer))
      const credits = sim.creditsSpent()
      const lookupsBefore = sim.log.count(call.lookup)
      const postsBefore = posts(sim)
      lost.plan(sim, call)

      const exit = yield* drive(send.pipe(Effect.provide(layer)), busy)

      // 0 double submissions: one paid request, one charge; every lookup was a GET.
      expect(sim.log.count(call.route)).toBe(1)
      expect(posts(sim) - postsBefore).toBe(1)
      expect(sim.creditsSpent() - credits).toBe(call.credits)
      const lookups = sim.log.count(call.lookup) - lookupsBefore
      if (lag.ms === 0) expect(lookups).toBe(1)
      else expect(lookups).toBeGreaterThan(2)
      expect(lookups).toBeLessThan(16)

      if (lag.ms < WINDOW) {
        const job = successOf(exit)
        const key = job.submission!.key
        expect(key).toMatch(/^vb[a-z2-7]{20}$/)
        expect(job.submission).toMatchObject({ reconciled: true })
        expect(SubmissionRef.parse(job.submission!.ref)).toMatchObject({ provider: "jogg", key })
        call.check(job, sim, key)
        return
      }
      const error = failureOf(exit)
      expect(error.retryable).toBe(false)
      expect(error.reason).toMatchObject({
        _tag: "SubmissionUnknown",
        lookup: "not_found",
        submission: error.ref,
        failure: { _tag: lost.failure },
      })
      if (error.reason._tag === "SubmissionUnknown" && error.reason.failure._tag === "UnexpectedResponse") {
        expect(error.reason.failure.delivery).toBe("accepted")
      }
      // Once JoggAI's list shows it, the stored ref finds the job, and nothing more is sent.
      yield* TestClock.adjust(lag.ms)
      const later = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
      expect(later.status).toBe("found")
      if (later.status !== "found" || !("job" in later)) return
      const key = SubmissionRef.parse(error.ref!).key
      expect(later.job.submission).toMatchObject({ key, reconciled: true })
      call.check(later.job, sim, key)
      expect(sim.log.count(call.route)).toBe(1)
    }),
  )
})

describe("5xx before JoggAI committed", () => {
  it.effect.each(Object.entries(calls).map(([name, call]) => ({ name, call })))(
    "$name: SubmissionUnknown after the window, findSubmission says not found (settled), nothing made",
    ({ call }) =>
      Effect.gen(function* () {
        const { sim, layer, busy } = yield* joggOnTestClock({ apiVersion: call.apiVersion, register })
        const send = yield* call.prepare().pipe(Effect.provide(layer))
        const jobs = sim.jobs().length
        sim.faults.inject(call.route, { kind: "status", status: 500, when: "before" })
        const error = failureOf(yield* drive(send.pipe(Effect.provide(layer)), busy))
        expect(error.reason).toMatchObject({
          _tag: "SubmissionUnknown",
          lookup: "not_found",
          failure: { _tag: "VendorUnavailable", delivery: "ambiguous" },
        })
        expect(error.status).toBe(500)
        expect(sim.jobs().length).toBe(jobs)
        const answer = yield* findSubmission(error.ref!).pipe(Effect.provide(layer))
        expect(answer).toMatchObject({ status: "not_found", settled: true })
        expect(sim.log.count(call.route)).toBe(1)
      }),
  )
})

describe("the heuristic never guesses", () => {
  const ready = Effect.gen(function* () {
    const product = yield* v2Product
    const previews = yield* generatePreviews({ product: product.ref, visualStyles: styles, ...style })
    yield* TestClock.adjust(150_000)
    return { product, previews }
  })

  it.effect("two renders of one preview set in the window: the lost one is ambiguous, with both", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* joggOnTestClock({ register })
      const { previews } = yield* ready.pipe(Effect.provide(layer))
      const [a, b] = previews.previews!
      yield* renderPreview({ job: previews.ref, previewId: a!.id }).pipe(Effect.provide(layer))
      sim.faults.inject(JOGG_V2_ROUTES.renderPreview, { kind: "status", status: 503, when: "after" })
      const second = renderPreview({ job: previews.ref, previewId: b!.id })
      const error = failureOf(yield* drive(second.pipe(Effect.provide(layer)), busy))
      expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "ambiguous" })
      if (error.reason._tag !== "SubmissionUnknown") return
      const videos = sim.jobs().filter((j) => j.kind === "video")
      expect(error.reason.candidates?.map((c) => (c as VideoJob).ref).sort()).toEqual(
        videos.map((v) => `jogg:product_video:${v.id}`).sort(),
      )
      expect(sim.log.count(JOGG_V2_ROUTES.renderPreview)).toBe(2)
    }),
  )

  it.effect("a lost rendered preview is not confused with another submission's video", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* joggOnTestClock({ register })
      const { product, previews } = yield* ready.pipe(Effect.provide(layer))
      const other = yield* render({ product: product.ref, visualStyle: styles[0], ...style }).pipe(
        Effect.provide(layer),
      )
      sim.faults.inject(JOGG_V2_ROUTES.renderPreview, { kind: "reset", when: "after" })
      const send = renderPreview({ job: previews.ref, previewId: previews.previews![0]!.id })
      const job = successOf(yield* drive(send.pipe(Effect.provide(layer)), busy))
      expect(job.ref).toBe(`jogg:product_video:${lastVideo(sim).id}`)
      expect(job.ref).not.toBe(other.ref)
      // The ref names the preview set's key: the video carries its preview's name.
      expect(SubmissionRef.parse(job.submission!.ref).hints).toEqual({
        set: JobRef.parse(previews.ref).params!.key,
      })
    }),
  )

  it.effect("a preview without an id in a 2xx answer is a lost answer, not a failed style", () =>
    Effect.gen(function* () {
      const { sim, layer, busy } = yield* joggOnTestClock({ register })
      const product = yield* v2Product.pipe(Effect.provide(layer))
      sim.faults.inject(JOGG_V2_ROUTES.previewList, {
        kind: "missingField",
        field: "data.previews.0.preview_id",
      })
      const send = generatePreviews({ product: product.ref, visualStyles: styles, ...style })
      const job = successOf(yield* drive(send.pipe(Effect.provide(layer)), busy))
      expect(job.submission).toMatchObject({ reconciled: true })
      expect(job.previews).toHaveLength(2)
      expect(sim.log.count(JOGG_V2_ROUTES.previewList)).toBe(1)
    }),
  )
})
