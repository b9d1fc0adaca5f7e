import type { VideoError } from "@vidbridge/core"
import type { Fault } from "@vidbridge/core/testing"
import { Duration, Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { JOGG_V2_ROUTES, type JoggSimulator } from "../src/testing/index.js"
import { clientFor, previewRequest, providerFor, useSimulatorServer } from "./simulatorSupport.js"
import { realTicks, rejection } from "./support.js"

const { mount } = useSimulatorServer()

type Overrides = Record<string, unknown>

/** A credit-spending call, set up on a fresh simulator, and how to count what it created. */
interface SpendingCall {
  readonly name: string
  readonly route: string
  readonly setup: (sim: JoggSimulator) => Promise<(overrides?: Overrides) => Promise<unknown>>
  readonly created: (sim: JoggSimulator) => number
}

const calls: ReadonlyArray<SpendingCall> = [
  {
    name: "preview_list",
    route: JOGG_V2_ROUTES.previewList,
    setup: async (sim) => {
      const product = await clientFor(sim).createProduct({ title: "Bottle" })
      return (overrides = {}) =>
        clientFor(sim, overrides).generatePreviews(previewRequest(product.ref, ["Simple Product Switch"]))
    },
    created: (sim) => sim.jobs().filter((j) => j.kind === "preview").length,
  },
  {
    name: "render_single_preview",
    route: JOGG_V2_ROUTES.renderPreview,
    setup: async (sim) => {
      const client = clientFor(sim)
      const product = await client.createProduct({ title: "Bottle" })
      const job = await client.generatePreviews(previewRequest(product.ref, ["Simple Product Switch"]))
      sim.clock.advance(150_000)
      const previewId = job.previews![0]!.id
      return (overrides = {}) => clientFor(sim, overrides).renderPreview({ job: job.ref, previewId })
    },
    created: (sim) => sim.jobs().filter((j) => j.kind === "video").length,
  },
]

const tagOf = (error: VideoError) => error.reason._tag

describe.each(calls)("faults on $name (credit-spending) through the adapter", (call) => {
  const start = async (options: Parameters<typeof mount>[0] = {}) => {
    const sim = mount(options)
    const run = await call.setup(sim)
    return { sim, run }
  }
  const sent = (sim: JoggSimulator) => sim.log.count(call.route)

  // Lost answers (5xx, reset, timeout, unreadable 2xx, missing id, with and without list lag)
  // are in submissions.test.ts, on virtual time.
  it.each([
    ["seconds", { kind: "rateLimit", retryAfterSeconds: 0, form: "seconds" }],
    ["an HTTP date", { kind: "rateLimit", retryAfterSeconds: 0, form: "date" }],
  ] as const)("429 with Retry-After as %s: retried, exactly one job", async (_, fault) => {
    const { sim, run } = await start()
    sim.faults.inject(call.route, fault as Fault)
    await run()
    expect(call.created(sim)).toBe(1)
    expect(sent(sim)).toBe(2)
  })

  it("an extra field: fine", async () => {
    const { sim, run } = await start()
    sim.faults.inject(call.route, { kind: "extraField" })
    await run()
    expect(call.created(sim)).toBe(1)
  })

  it("envelope 50000 before / after: never resent; looked up, found only when it was made", async () => {
    const { sim, run } = await start()
    sim.injectSystemError(call.route, "before")
    const error = await rejection(run())
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      lookup: "not_found",
      failure: { _tag: "VendorUnavailable", delivery: "ambiguous" },
    })
    expect(call.created(sim)).toBe(0)
    sim.injectSystemError(call.route, "after")
    expect(await run()).toMatchObject({ submission: { reconciled: true } })
    expect(call.created(sim)).toBe(1)
    expect(sent(sim)).toBe(2)
  })

  it("envelope 10105 for a wrong key", async () => {
    const { sim, run } = await start()
    expect(tagOf(await rejection(run({ apiKey: "wrong" })))).toBe("AuthenticationFailed")
    expect(call.created(sim)).toBe(0)
  })

  it("envelope 18020 when the credits are spent", async () => {
    const { sim, run } = await start({ balance: 0.5 })
    if (call.name === "preview_list") await run()
    const before = call.created(sim)
    expect(tagOf(await rejection(run()))).toBe("InsufficientCredits")
    expect(call.created(sim)).toBe(before)
    expect(sim.creditsSpent()).toBe(0.5)
  })
})

describe("envelope 40000 through the adapter", () => {
  it("render_single_preview of a preview that is not completed yet", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct({ title: "Bottle" })
    const job = await client.generatePreviews(previewRequest(product.ref, ["A"]))
    const error = await rejection(client.renderPreview({ job: job.ref, previewId: job.previews![0]!.id }))
    expect(error.reason).toMatchObject({ _tag: "VendorRejected" })
    expect(error.message).toContain("Parameter error")
  })
})

describe("JoggAI's 20 POSTs per minute", () => {
  const ready = async (sim: JoggSimulator, count: number) => {
    const client = clientFor(sim)
    const product = await client.createProduct({ title: "Bottle" })
    const job = await client.generatePreviews(previewRequest(product.ref, ["A"]))
    sim.clock.advance(150_000)
    return { job, previewId: job.previews![0]!.id, count }
  }

  it("answers code 429 past 20 POSTs in a simulated minute when the adapter's limiter is off", async () => {
    const sim = mount()
    const { job, previewId } = await ready(sim, 21)
    const client = clientFor(sim, {
      postsPerMinute: false,
      retry: { baseDelay: 1, maxDelay: 1, maxRetryAfter: 10 },
    })
    for (let i = 0; i < 20; i++) await client.renderPreview({ job: job.ref, previewId })
    const error = await rejection(client.renderPreview({ job: job.ref, previewId }))
    expect(error.reason._tag).toBe("RateLimited")
    expect(sim.jobs().filter((j) => j.kind === "video")).toHaveLength(20)
    const raw = await fetch(`${sim.canonicalBase}/v2/create_video_from_product/render_single_preview`, {
      method: "POST",
      headers: { "x-api-key": sim.settings().apiKey, "content-type": "application/json" },
      body: JSON.stringify({ preview_id: previewId }),
    })
    expect(raw.status).toBe(200)
    expect(raw.headers.get("retry-after")).toBe("60")
    expect(await raw.json()).toMatchObject({ code: 429, msg: "Rate limit exceeded. Please try again later." })
    sim.clock.advance(60_000)
    await client.renderPreview({ job: job.ref, previewId })
    expect(sim.jobs().filter((j) => j.kind === "video")).toHaveLength(21)
  })

  it("is never hit with the adapter's limiter on: 25 renders queue on the adapter's clock", async () => {
    const sim = mount()
    const { job, previewId } = await ready(sim, 25)
    const shape = await providerFor(sim)
    const settle = () => Effect.promise(() => realTicks(20))
    const program = Effect.gen(function* () {
      const renders = Array.from({ length: 25 }, () => shape.renderPreview!({ job: job.ref, previewId }))
      const fiber = yield* Effect.forkChild(Effect.all(renders, { concurrency: "unbounded" }))
      yield* settle()
      expect(sim.log.count(JOGG_V2_ROUTES.renderPreview)).toBe(20)
      // Both clocks move together (the simulator's first, so it never runs behind the adapter's).
      sim.clock.advance(60_000)
      yield* TestClock.adjust(Duration.seconds(60))
      yield* settle()
      return yield* Fiber.join(fiber)
    })
    const jobs = await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
    expect(jobs).toHaveLength(25)
    expect(sim.log.count(JOGG_V2_ROUTES.renderPreview)).toBe(25)
    expect(sim.jobs().filter((j) => j.kind === "video")).toHaveLength(25)
    expect(sim.creditsSpent()).toBe(0.5 + 25)
  })
})
