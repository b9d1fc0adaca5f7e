import { SubmissionRef, VideoError } from "@vidbridge/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { draftsCapabilities } from "../src/index.js"
import { DRAFTS_ROUTES } from "../src/testing/index.js"
import { clientFor, providerFor, useSimulatorServer } from "./simulatorSupport.js"

// Where render's submission key travels (correlation_id), what the submission ref carries, and
// how findSubmission finds the video again: through the Promise client, on the simulator.

const { mount, seen } = useSimulatorServer()

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("expected a failure")),
    (error: unknown) => {
      if (!(error instanceof VideoError)) throw error
      return error
    },
  )

const request = { template: "draft-1", name: "Spring ad", script: "Meet the new shoe." }

describe("render's submission key", () => {
  it("travels as correlation_id; the job carries it and its ref, and the name the caller gave", async () => {
    const sim = mount()
    const job = await clientFor(sim).render(request)
    const [video] = sim.videos()
    expect(video!.correlationId).toMatch(/^vb[a-z2-7]{20}$/)
    expect(video!.body.name).toBe("Spring ad")
    expect(job).toMatchObject({
      ref: `drafts:video:${video!.id}`,
      name: "Spring ad",
      submission: { key: video!.correlationId, ref: expect.any(String) },
      metadata: { correlationId: video!.correlationId },
    })
    expect(job.submission?.reconciled).toBeUndefined()
    expect(SubmissionRef.parse(job.submission!.ref)).toMatchObject({
      provider: "drafts",
      operation: "render",
      key: video!.correlationId,
      hints: {},
    })
  })

  it("is the caller's idempotencyKey when given", async () => {
    const sim = mount()
    const job = await clientFor(sim).render({ ...request, idempotencyKey: "order-42_render" })
    expect(sim.videos()[0]!.correlationId).toBe("order-42_render")
    expect(job.submission?.key).toBe("order-42_render")
  })

  it("onSubmit gets the ref before the request is sent; findSubmission resolves it to the video", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const before: number[] = []
    let stored = ""
    const job = await client.render(request, {
      onSubmit: (ref) => {
        before.push(sim.log.count(DRAFTS_ROUTES.create))
        stored = ref
      },
    })
    expect(before).toEqual([0])
    expect(stored).toBe(job.submission?.ref)
    const found = await client.findSubmission(stored)
    expect(found).toMatchObject({
      status: "found",
      operation: "render",
      job: { ref: job.ref, name: "Spring ad" },
    })
    expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
  })

  it("a lost answer through the Promise client: found by correlation_id, returned, sent once", async () => {
    const sim = mount()
    sim.faults.inject(DRAFTS_ROUTES.create, { kind: "status", status: 503, when: "after" })
    const job = await clientFor(sim).render(request)
    expect(job).toMatchObject({
      ref: `drafts:video:${sim.videos()[0]!.id}`,
      submission: { reconciled: true },
    })
    expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
    expect(sim.log.count(DRAFTS_ROUTES.list)).toBe(1)
  })

  it("per-call workspace and team travel in the ref: findSubmission lists that same account", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const job = await client.render({
      ...request,
      providerOptions: { drafts: { workspaceId: "ws-2", teamId: "t-2" } },
    })
    expect(SubmissionRef.parse(job.submission!.ref).hints).toEqual({ workspace: "ws-2", team: "t-2" })
    seen.length = 0
    expect(await client.findSubmission(job.submission!.ref)).toMatchObject({ status: "found" })
    expect(seen.map((s) => [s.path, s.headers.get("workspace-id"), s.headers.get("team-id")])).toEqual([
      ["/api/v1/videos", "ws-2", "t-2"],
    ])
  })

  it("a key reused for two videos: findSubmission answers ambiguous with both, never a pick", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const first = await client.render({ ...request, idempotencyKey: "order-7" })
    const second = await client.render({ ...request, idempotencyKey: "order-7" })
    const answer = await client.findSubmission(first.submission!.ref)
    if (answer.status !== "ambiguous") throw new Error(`expected ambiguous, got ${answer.status}`)
    expect(answer.candidates.map((c) => c.ref).sort()).toEqual([first.ref, second.ref].sort())
  })
})

describe("providerOptions.drafts.correlationId (Hour One's own spelling of the key)", () => {
  it("alone: sent as given; the ref carries it, so findSubmission finds the video", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const job = await client.render({
      ...request,
      providerOptions: { drafts: { correlationId: "order 42/a" } },
    })
    expect(sim.videos()[0]!.correlationId).toBe("order 42/a")
    const ref = SubmissionRef.parse(job.submission!.ref)
    expect(ref.hints).toEqual({ correlation_id: "order 42/a" })
    expect(await client.findSubmission(job.submission!.ref)).toMatchObject({
      status: "found",
      job: { ref: job.ref, metadata: { correlationId: "order 42/a" } },
    })
  })

  it("with idempotencyKey too: InvalidInput naming it, before any request", async () => {
    const sim = mount()
    const error = await rejection(
      clientFor(sim).render({
        ...request,
        idempotencyKey: "order-8",
        providerOptions: { drafts: { correlationId: "order-8" } },
      }),
    )
    expect(error.reason).toMatchObject({
      _tag: "InvalidInput",
      issues: [{ path: "providerOptions.drafts.correlationId" }],
    })
    expect(error.message).toContain("not both")
    expect(sim.log.all()).toHaveLength(0)
  })
})

describe("what Hour One does not offer", () => {
  it("cancel is UnsupportedOperation before any request (DELETE /videos/{id} is a delete, not a cancel)", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const job = await client.render(request)
    const before = sim.log.all().length
    const error = await rejection(client.cancel(job.ref))
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect(sim.log.all()).toHaveLength(before)
    expect(sim.log.count(DRAFTS_ROUTES.remove)).toBe(0)
    expect(client.capabilities().operations).not.toContain("cancel")
    expect(client.capabilities()).toMatchObject({ submissions: { lookup: "exact", resend: true } })
    expect(draftsCapabilities.operations).toContain("findSubmission")
  })

  it("findSubmission of a submission other than render is InvalidInput, nothing read", async () => {
    const sim = mount()
    const ref = SubmissionRef.format({
      provider: "drafts",
      operation: "generatePreviews",
      key: "vb1",
      at: 1,
      hints: {},
    })
    const error = await rejection(clientFor(sim).findSubmission(ref))
    expect(error.reason).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "submission" }] })
    expect(sim.log.all()).toHaveLength(0)
  })
})

describe("the port alone (no SubmissionContext, as a test calling it directly)", () => {
  it("sends no key and reports a lost answer as it is: one request, no lookup (core reconciles)", async () => {
    const sim = mount()
    sim.faults.inject(DRAFTS_ROUTES.create, { kind: "status", status: 503, when: "after" })
    const provider = await providerFor(sim)
    const error = await Effect.runPromise(Effect.flip(provider.render!(request)))
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
    expect(error.retryable).toBe(false)
    expect(sim.videos()[0]!.correlationId).toBeUndefined()
    expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
    expect(sim.log.count(DRAFTS_ROUTES.list)).toBe(0)
  })
})
