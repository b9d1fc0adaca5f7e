import { OFF_CONTRACT_HEADER } from "@vidbridge/contracts"
import { createVideoClient, VideoError } from "@vidbridge/core"
import type { Fault } from "@vidbridge/core/testing"
import { Effect, Redacted, Schedule } from "effect"
import { describe, expect, it } from "vitest"
import { drafts, makeDraftsClient } from "../src/index.js"
import { DRAFTS_ROUTES, type DraftsSimulator } from "../src/testing/index.js"
import { productInput, providerFor, useSimulatorServer } from "./simulatorSupport.js"

const { mount } = useSimulatorServer()

const renderOn = async (sim: DraftsSimulator, overrides: Record<string, unknown> = {}) => {
  const provider = await providerFor(sim, overrides)
  return Effect.runPromise(Effect.result(provider.render!({ template: "sim-template", script: "Hi" })))
}

/** The Promise client on the simulator; `once`: a single lookup after a lost answer (no window). */
const clientOn = (sim: DraftsSimulator, once = false) =>
  createVideoClient({
    provider: drafts({ ...sim.settings(), retry: { baseDelay: 1, maxDelay: 1 } }),
    ...(once ? { reconcile: { schedule: Schedule.recurs(0) } } : {}),
  })

const failureOf = (promise: Promise<unknown>): Promise<VideoError> =>
  promise.then(
    () => Promise.reject(new Error("expected a failure")),
    (error: unknown) => (error instanceof VideoError ? error : Promise.reject(error)),
  )

const counts = (sim: DraftsSimulator) => ({
  creates: sim.log.count(DRAFTS_ROUTES.create),
  lists: sim.log.count(DRAFTS_ROUTES.list),
  videos: sim.videos().length,
  credits: sim.creditsSpent(),
})

describe("faults on POST /videos, through the client", () => {
  it.each<[string, Fault, { creates: number; lists: number }]>([
    [
      "a 503 after the create: core finds the video by correlation_id",
      { kind: "status", status: 503, when: "after" },
      { creates: 1, lists: 1 },
    ],
    [
      "a reset after the create: core finds the video by correlation_id",
      { kind: "reset", when: "after" },
      { creates: 1, lists: 1 },
    ],
    ["a malformed answer: the create took effect, found", { kind: "malformed" }, { creates: 1, lists: 1 }],
    [
      "a required field (id) missing from the answer: found",
      { kind: "missingField", field: "id" },
      { creates: 1, lists: 1 },
    ],
    [
      "a required field (status) missing from the answer: found",
      { kind: "missingField", field: "status" },
      { creates: 1, lists: 1 },
    ],
    [
      "a 429 with Retry-After seconds: retried",
      { kind: "rateLimit", retryAfterSeconds: 0.05 },
      { creates: 2, lists: 0 },
    ],
    [
      "a 429 with a Retry-After date: retried",
      { kind: "rateLimit", retryAfterSeconds: 1, form: "date" },
      { creates: 2, lists: 0 },
    ],
    ["an extra field in the answer: fine", { kind: "extraField" }, { creates: 1, lists: 0 }],
  ])("%s -> exactly one video", async (_, fault, expected) => {
    const sim = mount()
    sim.faults.inject(DRAFTS_ROUTES.create, fault)
    const job = await clientOn(sim).render({ template: "sim-template", script: "Hi" })
    const [video] = sim.videos()
    expect(job).toMatchObject({ ref: `drafts:video:${video!.id}`, status: "queued" })
    expect(counts(sim)).toEqual({ ...expected, videos: 1, credits: 1 })
  })

  it.each<[string, Fault]>([
    ["a 500 before the create", { kind: "status", status: 500, when: "before" }],
    ["a reset before the create", { kind: "reset", when: "before" }],
  ])("%s: no video, SubmissionUnknown carrying the ref, never sent again", async (_, fault) => {
    const sim = mount()
    sim.faults.inject(DRAFTS_ROUTES.create, fault)
    const error = await failureOf(clientOn(sim, true).render({ template: "sim-template", script: "Hi" }))
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      lookup: "not_found",
      submission: error.ref,
    })
    expect(counts(sim)).toEqual({ creates: 1, lists: 1, videos: 0, credits: 0 })
  })

  it("a malformed answer and a failing list: SubmissionUnknown, its failure the unreadable 2xx", async () => {
    const sim = mount()
    sim.faults.inject(DRAFTS_ROUTES.create, { kind: "malformed" })
    sim.faults.inject(DRAFTS_ROUTES.list, { kind: "status", status: 503, when: "before" }, 4)
    const error = await failureOf(clientOn(sim, true).render({ template: "sim-template", script: "Hi" }))
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      failure: { _tag: "UnexpectedResponse", delivery: "accepted" },
    })
    expect(counts(sim)).toMatchObject({ creates: 1, videos: 1, credits: 1 })
  })
})

describe("other answers to POST /videos, through the adapter", () => {
  it("a wrong api-key: AuthenticationFailed, nothing created or spent", async () => {
    const sim = mount()
    const result = await renderOn(sim, { apiKey: "not-the-key" })
    if (result._tag !== "Failure") throw new Error("expected a failure")
    expect(result.failure.reason._tag).toBe("AuthenticationFailed")
    expect(result.failure.status).toBe(401)
    expect(result.failure.message).not.toContain("not-the-key")
    expect(counts(sim)).toEqual({ creates: 1, lists: 0, videos: 0, credits: 0 })
  })

  it("422 for a body Hour One rejects: scene count differing from the draft's -> VendorRejected with the hint", async () => {
    const sim = mount({ draftScenes: { "two-scene-draft": 2 } })
    const provider = await providerFor(sim, { videoMetadata: true })
    const product = await Effect.runPromise(provider.createProduct!(productInput))
    const error = await Effect.runPromise(
      Effect.flip(provider.render!({ template: "two-scene-draft", product: product.ref })),
    )
    expect(error.status).toBe(422)
    expect(error.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: [expect.stringMatching(/^body\.scenes: .*scene count \(2\)/)],
      hint: expect.stringContaining("scene count"),
    })
    expect(counts(sim)).toEqual({ creates: 1, lists: 0, videos: 0, credits: 0 })

    const ok = await Effect.runPromise(
      provider.render!({
        template: "two-scene-draft",
        product: product.ref,
        providerOptions: {
          drafts: { scenes: [{ name: "Intro" }, { name: "Outro", transcript: "Buy it now." }] },
        },
      }),
    )
    expect(ok.status).toBe("queued")
    sim.clock.advance(300_000)
    const done = await Effect.runPromise(
      provider.getStatus({ provider: "drafts", kind: "video", id: sim.videos()[0]!.id }),
    )
    expect(done.metadata?.scenes).toHaveLength(2)
  })

  it("a 503 on a read is retried by core", async () => {
    const sim = mount()
    const provider = await providerFor(sim)
    const job = await Effect.runPromise(provider.render!({ template: "sim-template", script: "Hi" }))
    sim.faults.inject(DRAFTS_ROUTES.get, { kind: "status", status: 503, when: "before" }, 2)
    const read = await Effect.runPromise(
      provider.getStatus({ provider: "drafts", kind: "video", id: job.ref.split(":")[2]! }),
    )
    expect(read.status).toBe("queued")
    expect(sim.log.count(DRAFTS_ROUTES.get)).toBe(3)
    expect(sim.creditsSpent()).toBe(1)
  })
})

describe("validation of POST /videos (422, FastAPI's detail list)", () => {
  const base = { type: "override", source_draft_id: "sim-template", scenes: [{ name: "Intro" }] }
  // These bodies break Hour One's document on purpose: the contract check leaves them be.
  const offContract = { [OFF_CONTRACT_HEADER]: "a simulator validation test" }

  it.each<[string, Record<string, unknown>, ReadonlyArray<string>]>([
    ["no type", { source_draft_id: "d" }, ["body"]],
    ["an unknown type", { type: "remix", source_draft_id: "d" }, ["body"]],
    ["a Dynamic (create) request", { type: "create", source_draft_id: "d" }, ["body.type"]],
    ["no scenes (required by the document)", { type: "override", source_draft_id: "d" }, ["body.scenes"]],
    ["neither source", { type: "override", scenes: [] }, ["body"]],
    ["both sources", { ...base, recipe_id: "r" }, ["body"]],
    ["a correlation id over 100", { ...base, correlation_id: "c".repeat(101) }, ["body.correlation_id"]],
    [
      "a scene transcript over 1000 and a scene without name",
      { ...base, scenes: [{ name: "A", transcript: "t".repeat(1001) }, { texts: ["x"] }] },
      ["body.scenes[0].transcript", "body.scenes[1].name"],
    ],
    ["a non-string field", { ...base, voice_id: 7 }, ["body.voice_id"]],
    ["nested metadata", { ...base, metadata: { a: { b: 1 } } }, ["body.metadata.a"]],
  ])("%s", async (_, body, fields) => {
    const sim = mount()
    const client = makeDraftsClient({
      apiKey: Redacted.make(sim.settings().apiKey),
      retry: false,
      headers: offContract,
    })
    const error = await Effect.runPromise(Effect.flip(client.createVideo(body as never)))
    expect(error.status).toBe(422)
    expect(error.reason._tag).toBe("VendorRejected")
    const messages = (error.reason as { vendorMessages?: ReadonlyArray<string> }).vendorMessages ?? []
    expect(messages.map((m) => m.split(": ")[0])).toEqual(fields)
    expect(sim.videos()).toHaveLength(0)
  })

  it("accepts exactly the limits (100-character correlation id, 1000-character transcript)", async () => {
    const sim = mount()
    const client = makeDraftsClient({ apiKey: Redacted.make(sim.settings().apiKey) })
    const video = await Effect.runPromise(
      client.createVideo({
        ...base,
        type: "override",
        correlation_id: "c".repeat(100),
        scenes: [{ name: "A", transcript: "t".repeat(1000) }],
        metadata: { sku: "X1", qty: 2, live: true },
      }),
    )
    expect(video).toMatchObject({ status: "not_started", progress: 0, correlation_id: "c".repeat(100) })
    expect(video.metadata).toEqual({ sku: "X1", qty: 2, live: true })
  })

  it("answers json_invalid for a body that is not JSON", async () => {
    const sim = mount()
    const response = await fetch(`${sim.canonicalBase}/videos`, {
      method: "POST",
      headers: { "api-key": sim.settings().apiKey, "content-type": "application/json", ...offContract },
      body: "{not json",
    })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      detail: [{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }],
    })
  })

  it("deletes a video (204), then it is gone (404)", async () => {
    const sim = mount()
    const headers = { "api-key": sim.settings().apiKey, "content-type": "application/json" }
    const created = await fetch(`${sim.canonicalBase}/videos`, {
      method: "POST",
      headers,
      body: JSON.stringify(base),
    })
    const { id } = (await created.json()) as { id: string }
    expect(id).toMatch(/^[0-9a-f]{24}$/)
    expect((await fetch(`${sim.canonicalBase}/videos/${id}`, { method: "DELETE", headers })).status).toBe(204)
    expect((await fetch(`${sim.canonicalBase}/videos/${id}`, { headers })).status).toBe(404)
    expect((await fetch(`${sim.canonicalBase}/videos/${id}`, { method: "DELETE", headers })).status).toBe(404)
  })
})
