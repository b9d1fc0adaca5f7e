import { createVideoClient, SubmissionRef, VideoError } from "@vidbridge/core"
import { Schedule } from "effect"
import { describe, expect, it } from "vitest"
import { creatify, creatifyCapabilities } from "../src/index.js"
import { CREATIFY_ROUTES, type CreatifySimulator, SIM_CUSTOM_TEMPLATES } from "../src/testing/index.js"
import { productInput, useProductPage, useSimulatorServer } from "./simulatorSupport.js"

// Where the submission key travels, what the results and refs carry, and what the lookups answer,
// through the Promise client on the simulator (manual clock).

const { mount } = useSimulatorServer()
const page = useProductPage()

const clientOf = (sim: CreatifySimulator) =>
  createVideoClient({
    provider: creatify({ ...sim.settings(), retry: { baseDelay: 1, maxDelay: 1 } }),
    polling: { schedule: Schedule.spaced("1 millis") },
    // One lookup: a lost answer is found at once, or reported at once.
    reconcile: { schedule: Schedule.recurs(0) },
  })

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("expected a failure")),
    (error: unknown) => {
      if (!(error instanceof VideoError)) throw error
      return error
    },
  )

const bodies = (sim: CreatifySimulator) => sim.jobs().map((j) => j.body)

describe("the submission key", () => {
  it("travels in the name of previews, direct and template renders; VideoJob.name is the caller's", async () => {
    const sim = mount()
    const client = clientOf(sim)
    const product = await client.createProduct(productInput)
    const previews = await client.generatePreviews({ product, name: "Spring ad", idempotencyKey: "order-42" })
    const direct = await client.render({ product, idempotencyKey: "order-43" })
    const template = await client.render({
      template: String(SIM_CUSTOM_TEMPLATES[0]!.template_id),
      variables: {},
      name: "[vb:x] me",
      idempotencyKey: "o-44",
    })
    expect(bodies(sim).map((b) => b.name)).toEqual([
      "Spring ad [vb:order-42]",
      "[vb:order-43]",
      "[vb:x] me [vb:o-44]",
    ])
    expect([previews.name, direct.name, template.name]).toEqual(["Spring ad", undefined, "[vb:x] me"])
    expect(previews.submission?.key).toBe("order-42")
    // Reads keep the key out of the name too.
    expect((await client.getStatus(previews.ref)).name).toBe("Spring ad")
    expect((await client.getStatus(template.ref)).name).toBe("[vb:x] me")
    expect((await client.listJobs()).jobs.map((j) => j.name)).toEqual(["Spring ad", undefined])
  })

  it("is never put into a field Creatify does not have: links, scripts and render_single_preview send what they did", async () => {
    const sim = mount()
    const client = clientOf(sim)
    const product = await client.createProduct(productInput)
    await client.generateScripts({ product })
    const previews = await client.generatePreviews({ product, visualStyles: ["FullScreenTemplate"] })
    sim.clock.advance(120_000)
    const ready = await client.getStatus(previews.ref)
    const render = await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    const links = sim.links()
    expect(links).toHaveLength(1)
    expect(Object.keys(sim.scriptJobs()[0]!.body).sort()).toEqual(["description", "title"])
    // The refs carry what the lookups need instead: a fingerprint of what was sent, the job.
    expect(SubmissionRef.parse(product.submission!.ref).hints).toEqual({
      fp: expect.stringMatching(/^[0-9a-z]+$/),
    })
    expect(SubmissionRef.parse(render.submission!.ref)).toMatchObject({
      operation: "renderPreview",
      hints: { job: sim.jobs()[0]!.id },
    })
  })

  it("leaves room for itself in the name: a name too long for it is InvalidInput before any request", async () => {
    const sim = mount()
    const client = clientOf(sim)
    const product = await client.createProduct(productInput)
    const name = "n".repeat(255 - " [vb:order-42]".length)
    await client.generatePreviews({ product, name, idempotencyKey: "order-42" })
    expect(sim.jobs()[0]!.body.name).toHaveLength(255)
    for (const call of [
      () => client.generatePreviews({ product, name: `${name}x`, idempotencyKey: "order-42" }),
      () => client.render({ product, name: "n".repeat(250) }),
      () => client.render({ template: "t", variables: {}, name: "n".repeat(230) }),
      // A template preview keeps its template in the name too.
      () =>
        client.generatePreviews({
          template: String(SIM_CUSTOM_TEMPLATES[0]!.template_id),
          name: "n".repeat(200),
        }),
      () => client.render({ avatar: "a", voice: "v", script: "Hi", name: "n".repeat(230) }),
    ]) {
      const error = await rejection(call())
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toMatch(/name: Creatify keeps at most \d+ characters here/)
    }
    expect(sim.jobs()).toHaveLength(1)
  })
})

describe("lost answers through the Promise client", () => {
  it("a render whose answer was lost comes back reconciled, with the caller's name", async () => {
    const sim = mount()
    const client = clientOf(sim)
    const product = await client.createProduct(productInput)
    sim.faults.inject(CREATIFY_ROUTES.createVideo, { kind: "status", status: 502, when: "after" })
    const hooked: string[] = []
    const job = await client.render(
      { product, name: "Spring ad" },
      { onSubmit: (ref) => void hooked.push(ref) },
    )
    expect(job).toMatchObject({
      ref: `creatify:link_to_video:${sim.jobs()[0]!.id}?stage=render`,
      name: "Spring ad",
      submission: { ref: hooked[0], reconciled: true },
    })
    expect(sim.log.count(CREATIFY_ROUTES.createVideo)).toBe(1)
  })

  it("two jobs with the same key: ambiguous, both candidates, nothing sent again", async () => {
    const sim = mount()
    const client = clientOf(sim)
    const product = await client.createProduct(productInput)
    const request = { product, idempotencyKey: "order-7" }
    const first = await client.generatePreviews(request)
    sim.faults.inject(CREATIFY_ROUTES.previews, { kind: "reset", when: "after" })
    const error = await rejection(client.generatePreviews(request))
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "ambiguous" })
    const candidates = error.reason._tag === "SubmissionUnknown" ? (error.reason.candidates ?? []) : []
    expect(candidates.map((c) => c.ref).sort()).toEqual(
      sim
        .jobs()
        .map((j) => `creatify:link_to_video:${j.id}`)
        .sort(),
    )
    expect(candidates.map((c) => c.ref)).toContain(first.ref)
    expect(sim.log.count(CREATIFY_ROUTES.previews)).toBe(2)
    expect(await client.findSubmission(error.ref!)).toMatchObject({ status: "ambiguous" })
  })

  it("a link made twice from the same page: ambiguous (links keep no key), never a guess", async () => {
    const sim = mount()
    const client = clientOf(sim)
    await client.createProduct({ url: page().url })
    sim.faults.inject(CREATIFY_ROUTES.createLink, { kind: "malformed" })
    const error = await rejection(client.createProduct({ url: page().url }))
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "ambiguous" })
    expect(sim.links()).toHaveLength(2)
  })

  it("a link found after a lost answer is remembered: generateScripts takes its bare ref", async () => {
    const sim = mount()
    const client = clientOf(sim)
    sim.faults.inject(CREATIFY_ROUTES.createLinkWithParams, { kind: "missingField", field: "id" })
    const product = await client.createProduct(productInput)
    expect(product.submission?.reconciled).toBe(true)
    const scripts = await client.generateScripts({ product: product.ref })
    expect(scripts.status).toBe("ready")
  })

  it("a stored submission ref is enough for a new client to find the job", async () => {
    const sim = mount()
    const product = await clientOf(sim).createProduct(productInput)
    sim.listLag = 60_000
    sim.faults.inject(CREATIFY_ROUTES.previews, { kind: "status", status: 503, when: "after" })
    const error = await rejection(clientOf(sim).generatePreviews({ product }))
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "not_found" })
    sim.clock.advance(60_000)
    const found = await clientOf(sim).findSubmission(error.ref!)
    expect(found).toMatchObject({
      status: "found",
      operation: "generatePreviews",
      job: { ref: `creatify:link_to_video:${sim.jobs()[0]!.id}`, submission: { reconciled: true } },
    })
  })
})

describe("capabilities", () => {
  it("findSubmission, heuristic, no resend; resendIfNotFound is InvalidInput before any request", async () => {
    expect(creatifyCapabilities.operations).toContain("findSubmission")
    expect(creatifyCapabilities.submissions).toEqual({ lookup: "heuristic", resend: false })
    const sim = mount()
    const error = await rejection(
      clientOf(sim).render({ template: "t", variables: {} }, { resendIfNotFound: true }),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("resendIfNotFound")
    expect(sim.log.all()).toHaveLength(0)
  })

  it("cancel: Creatify documents none, UnsupportedOperation before any request", async () => {
    expect(creatifyCapabilities.operations).not.toContain("cancel")
    const sim = mount()
    const error = await rejection(clientOf(sim).cancel("creatify:link_to_video:3c90c3cc"))
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect(sim.log.all()).toHaveLength(0)
  })
})

describe("reads that tell the truth", () => {
  it("a render ref whose render never arrived reads awaiting_selection, and a wait on it ends at once", async () => {
    const sim = mount()
    const client = clientOf(sim)
    const product = await client.createProduct(productInput)
    const previews = await client.generatePreviews({ product, visualStyles: ["FullScreenTemplate"] })
    sim.clock.advance(120_000)
    sim.faults.inject(CREATIFY_ROUTES.renderPreview, { kind: "status", status: 500, when: "before" })
    const ready = await client.getStatus(previews.ref)
    const error = await rejection(
      client.renderPreview({ job: previews.ref, previewId: ready.previews![0]!.id }),
    )
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "not_found" })
    const reads = sim.log.count(CREATIFY_ROUTES.getVideo)
    const waited = await client.waitForCompletion(`${previews.ref}?stage=render`)
    expect(waited).toMatchObject({ status: "awaiting_selection", stage: "preview", vendorStatus: "pending" })
    expect(sim.log.count(CREATIFY_ROUTES.getVideo)).toBe(reads + 1)
  })
})
