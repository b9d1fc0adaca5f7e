import type { VideoProviderShape } from "@vidbridge/core"
import type { Fault } from "@vidbridge/core/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  CREATIFY_ROUTES,
  type CreatifySimulator,
  SIM_CUSTOM_TEMPLATES,
  SIM_PERSONAS,
  SIM_VOICES,
} from "../src/testing/index.js"
import { productInput, providerFor, useSimulatorServer } from "./simulatorSupport.js"

const { mount } = useSimulatorServer()

/** A credit-spending call through the adapter, with what it needs set up first. */
interface Spender {
  readonly route: string
  /** Credits the setup spends. */
  readonly setupCredits: number
  /** Credits the call spends when it takes effect. */
  readonly cost: number
  /** Prepares the call on a fresh simulator; answers the call. */
  readonly prepare: (
    sim: CreatifySimulator,
    provider: VideoProviderShape,
  ) => Promise<(provider: VideoProviderShape) => Effect.Effect<unknown, unknown>>
  /** How many times the call took effect on the simulator. */
  readonly effects: (sim: CreatifySimulator) => number
  /** The call reads the job first (a wrong key stops it there, before the paid route). */
  readonly readsFirst?: boolean
}

const template = String(SIM_CUSTOM_TEMPLATES[0]!.template_id)
const avatar = String(SIM_PERSONAS[0]!.id)
const voice = (SIM_VOICES[0]!.accents as ReadonlyArray<{ id: string }>)[0]!.id
const kindOf = (kind: string) => (sim: CreatifySimulator) => sim.jobs().filter((j) => j.kind === kind).length

const spenders: Record<string, Spender> = {
  preview_list_async: {
    route: CREATIFY_ROUTES.previews,
    setupCredits: 1,
    cost: 1,
    prepare: async (_sim, provider) => {
      const product = await Effect.runPromise(provider.createProduct!(productInput))
      return (p) => p.generatePreviews!({ product, visualStyles: ["FullScreenTemplate"] })
    },
    effects: (sim) => sim.jobs().length,
  },
  render_single_preview: {
    route: CREATIFY_ROUTES.renderPreview,
    setupCredits: 3,
    cost: 4,
    prepare: async (sim, provider) => {
      const product = await Effect.runPromise(provider.createProduct!(productInput))
      const job = await Effect.runPromise(
        provider.generatePreviews!({ product, visualStyles: ["FullScreenTemplate", "VanillaTemplate"] }),
      )
      sim.clock.advance(120_000)
      const previewId = sim.jobs()[0]!.previews[1]!.media_job
      return (p) => p.renderPreview!({ job: job.ref, previewId })
    },
    effects: (sim) => sim.jobs().filter((j) => j.stage === "render").length,
  },
  "custom template job": {
    route: CREATIFY_ROUTES.createTemplateJob,
    setupCredits: 0,
    cost: 5,
    prepare: async () => (p) => p.render!({ template, variables: { a: "b" } }),
    effects: kindOf("custom_template_job"),
  },
  "custom template preview": {
    route: CREATIFY_ROUTES.previewTemplate,
    setupCredits: 0,
    cost: 1,
    prepare: async () => (p) => p.generatePreviews!({ template, variables: { a: "b" } }),
    effects: kindOf("custom_template_job"),
  },
  "render of a custom template preview": {
    route: CREATIFY_ROUTES.renderTemplate,
    setupCredits: 1,
    cost: 4,
    prepare: async (sim, provider) => {
      const job = await Effect.runPromise(provider.generatePreviews!({ template, variables: { a: "b" } }))
      sim.clock.advance(120_000)
      return (p) => p.renderPreview!({ job: job.ref, previewId: job.ref.split(":")[2]! })
    },
    effects: (sim) =>
      sim.jobs().filter((j) => j.kind === "custom_template_job" && j.stage === "render").length,
    readsFirst: true,
  },
  "AI Avatar v2": {
    route: CREATIFY_ROUTES.createLipsync,
    setupCredits: 0,
    cost: 5,
    prepare: async () => (p) => p.render!({ avatar, voice, script: "Meet the new bottle." }),
    effects: kindOf("lipsync_v2"),
  },
  Aurora: {
    route: CREATIFY_ROUTES.createAurora,
    setupCredits: 0,
    cost: 15,
    prepare: async () => (p) =>
      p.render!({ imageUrl: "https://cdn.test/face.png", audioUrl: "https://cdn.test/voice.mp3" }),
    effects: kindOf("aurora"),
  },
}

const run = async (name: string, fault: Fault | undefined, overrides: Record<string, unknown> = {}) => {
  const spender = spenders[name]!
  const sim = mount()
  const provider = await providerFor(sim, overrides)
  const call = await spender.prepare(sim, await providerFor(sim))
  if (fault !== undefined) sim.faults.inject(spender.route, fault)
  const started = performance.now()
  const result = await Effect.runPromise(Effect.result(call(provider)))
  return {
    sim,
    spender,
    result,
    elapsed: performance.now() - started,
    counts: {
      requests: sim.log.count(spender.route),
      effects: spender.effects(sim),
      credits: sim.creditsSpent() - spender.setupCredits,
    },
  }
}

const failureTag = (result: Awaited<ReturnType<typeof run>>["result"]) =>
  result._tag === "Failure" ? (result.failure as { reason: { _tag: string } }).reason._tag : "Success"

describe.each(Object.keys(spenders))(
  "faults on %s, through the adapter (sent once, never resent)",
  (name) => {
    const cost = spenders[name]!.cost

    it.each<[string, Fault, string, { requests: number; effects: number }]>([
      [
        "a 500 before the call: nothing created",
        { kind: "status", status: 500, when: "before" },
        "VendorUnavailable",
        { requests: 1, effects: 0 },
      ],
      [
        "a 503 after the call: created, not resent",
        { kind: "status", status: 503, when: "after" },
        "VendorUnavailable",
        { requests: 1, effects: 1 },
      ],
      [
        "a reset before the call: nothing created, not resent",
        { kind: "reset", when: "before" },
        "VendorUnavailable",
        { requests: 1, effects: 0 },
      ],
      [
        "a reset after the call: created, not resent",
        { kind: "reset", when: "after" },
        "VendorUnavailable",
        { requests: 1, effects: 1 },
      ],
      [
        "a 429 with Retry-After seconds: retried",
        { kind: "rateLimit", retryAfterSeconds: 0.02 },
        "Success",
        { requests: 2, effects: 1 },
      ],
      [
        "a 429 with a Retry-After date: retried",
        { kind: "rateLimit", retryAfterSeconds: 0, form: "date" },
        "Success",
        { requests: 2, effects: 1 },
      ],
      ["an extra field in the answer: fine", { kind: "extraField" }, "Success", { requests: 1, effects: 1 }],
      [
        "a malformed answer: UnexpectedResponse, the job exists",
        { kind: "malformed" },
        "UnexpectedResponse",
        { requests: 1, effects: 1 },
      ],
    ])("%s", async (_, fault, tag, expected) => {
      const { result, counts } = await run(name, fault)
      expect(failureTag(result)).toBe(tag)
      expect(counts).toEqual({ ...expected, credits: expected.effects * cost })
    })

    it("a slow answer beyond the adapter's timeout: the call took effect once, the adapter gave up", async () => {
      // One request, one process: the client's 60 ms timer always fires before the 300 ms answer,
      // however busy the machine, so the outcome is the timeout (no wall-clock assertion needed).
      const { result, counts } = await run(name, { kind: "slow", millis: 300 }, { timeout: 60 })
      expect(failureTag(result)).toBe("Timeout")
      expect(counts).toEqual({ requests: 1, effects: 1, credits: cost })
    })

    it.each(["status", "id"])(
      "a required field (%s) missing from the answer: UnexpectedResponse naming it",
      async (field) => {
        const { result, counts } = await run(name, { kind: "missingField", field })
        if (result._tag !== "Failure") throw new Error("expected a failure")
        const failure = result.failure as { reason: { _tag: string; path: string }; message: string }
        expect(failure.reason).toMatchObject({ _tag: "UnexpectedResponse", path: field })
        expect(failure.message).toContain(field)
        expect(counts.effects).toBe(1)
      },
    )

    it("a wrong API key: AuthenticationFailed (401), nothing created or spent", async () => {
      const { result, counts } = await run(name, undefined, { apiKey: "not-the-key" })
      if (result._tag !== "Failure") throw new Error("expected a failure")
      const failure = result.failure as { reason: { _tag: string }; status: number; message: string }
      expect(failure.reason._tag).toBe("AuthenticationFailed")
      expect(failure.status).toBe(401)
      expect(failure.message).not.toContain("not-the-key")
      expect(counts).toEqual({ requests: spenders[name]!.readsFirst ? 0 : 1, effects: 0, credits: 0 })
    })
  },
)

describe("render_single_preview errors name the render", () => {
  it.each<[string, Fault]>([
    ["a 503 after the call", { kind: "status", status: 503, when: "after" }],
    ["a malformed answer", { kind: "malformed" }],
  ])("%s: the error carries the job's render ref (the render runs on the same job)", async (_, fault) => {
    const { result, sim } = await run("render_single_preview", fault)
    if (result._tag !== "Failure") throw new Error("expected a failure")
    const id = sim.jobs()[0]!.id
    expect((result.failure as { ref?: string }).ref).toBe(`creatify:link_to_video:${id}?stage=render`)
  })
})

describe("faults on reads", () => {
  it("a 503 on a status read is retried by core", async () => {
    const sim = mount()
    const provider = await providerFor(sim)
    const job = await Effect.runPromise(provider.render!({ template, variables: {} }))
    sim.faults.inject(CREATIFY_ROUTES.getTemplateJob, { kind: "status", status: 503, when: "before" }, 2)
    const read = await Effect.runPromise(
      provider.getStatus({ provider: "creatify", kind: "custom_template_job", id: job.ref.split(":")[2]! }),
    )
    expect(read.vendorStatus).toBe("pending")
    expect(sim.log.count(CREATIFY_ROUTES.getTemplateJob)).toBe(3)
    expect(sim.creditsSpent()).toBe(5)
  })
})
