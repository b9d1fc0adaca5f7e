import { OFF_CONTRACT_HEADER } from "@vidbridge/contracts"
import type { Fault } from "@vidbridge/core/testing"
import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { makeDraftsClient } from "../src/index.js"
import { DRAFTS_ROUTES, type DraftsSimulator } from "../src/testing/index.js"
import { productInput, providerFor, useSimulatorServer } from "./simulatorSupport.js"

const { mount } = useSimulatorServer()

const renderOn = async (sim: DraftsSimulator, overrides: Record<string, unknown> = {}) => {
  const provider = await providerFor(sim, overrides)
  return Effect.runPromise(Effect.result(provider.render!({ template: "sim-template", script: "Hi" })))
}

const counts = (sim: DraftsSimulator) => ({
  creates: sim.log.count(DRAFTS_ROUTES.create),
  lists: sim.log.count(DRAFTS_ROUTES.list),
  videos: sim.videos().length,
  credits: sim.creditsSpent(),
})

describe("faults on POST /videos, through the adapter", () => {
  it.each<[string, Fault, { creates: number; lists: number }]>([
    [
      "a 500 before the create (no video): reconciled, sent once more",
      { kind: "status", status: 500, when: "before" },
      { creates: 2, lists: 1 },
    ],
    [
      "a 503 after the create: reconciled, the video is found",
      { kind: "status", status: 503, when: "after" },
      { creates: 1, lists: 1 },
    ],
    [
      "a reset before the create: reconciled, sent once more",
      { kind: "reset", when: "before" },
      { creates: 2, lists: 1 },
    ],
    [
      "a reset after the create: reconciled, the video is found",
      { kind: "reset", when: "after" },
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
    const result = await renderOn(sim)
    if (result._tag !== "Success") throw new Error(`render failed: ${String(result.failure)}`)
    const [video] = sim.videos()
    expect(result.success).toMatchObject({ ref: `drafts:video:${video!.id}`, status: "queued" })
    expect(counts(sim)).toEqual({ ...expected, videos: 1, credits: 1 })
  })

  it("a slow answer beyond the adapter's timeout: the create took effect, reconciliation finds it", async () => {
    const sim = mount()
    // The answer would come long after this test's own time limit, so finishing at all shows the
    // adapter gave up at its timeout; that timeout (which the reconciling read gets too) is
    // generous, so a busy machine does not make the read time out as well.
    sim.faults.inject(DRAFTS_ROUTES.create, { kind: "slow", millis: 60_000 })
    const result = await renderOn(sim, { timeout: 1_000 })
    if (result._tag !== "Success") throw new Error(`render failed: ${String(result.failure)}`)
    expect(result.success.ref).toBe(`drafts:video:${sim.videos()[0]!.id}`)
    expect(counts(sim)).toEqual({ creates: 1, lists: 1, videos: 1, credits: 1 })
  })

  it.each<[string, Fault]>([
    ["a malformed answer", { kind: "malformed" }],
    ["a required field (id) missing from the answer", { kind: "missingField", field: "id" }],
    ["a required field (status) missing from the answer", { kind: "missingField", field: "status" }],
  ])("%s: the create took effect, reconciliation finds the video (never sent twice)", async (_, fault) => {
    const sim = mount()
    sim.faults.inject(DRAFTS_ROUTES.create, fault)
    const result = await renderOn(sim)
    if (result._tag !== "Success") throw new Error(`render failed: ${String(result.failure)}`)
    expect(result.success.ref).toBe(`drafts:video:${sim.videos()[0]!.id}`)
    expect(counts(sim)).toEqual({ creates: 1, lists: 1, videos: 1, credits: 1 })
  })

  it("a malformed answer and a failing list: UnexpectedResponse naming the correlation id", async () => {
    const sim = mount()
    sim.faults.inject(DRAFTS_ROUTES.create, { kind: "malformed" })
    sim.faults.inject(DRAFTS_ROUTES.list, { kind: "status", status: 503, when: "before" }, 4)
    const result = await renderOn(sim)
    if (result._tag !== "Failure") throw new Error("expected a failure")
    expect(result.failure.reason._tag).toBe("UnexpectedResponse")
    expect(result.failure.message).toContain("correlation_id")
    expect(counts(sim)).toMatchObject({ creates: 1, videos: 1, credits: 1 })
  })

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
    const provider = await providerFor(sim)
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
