import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import {
  API_KEY,
  BASE,
  type Fault,
  failure,
  makeProvider,
  mockVendor,
  useServer,
  WEBHOOK_SECRET,
} from "./support.js"

const { server, seen } = useServer()

const trace = () => seen.map((s) => `${s.method} ${s.path}`)

describe("credit-safe create: reconcile by correlation_id after an ambiguous failure", () => {
  it.each([
    ["a lost answer (connection reset)", "lost"],
    ["a 500 after creating", "500"],
    ["a 504 after creating", "504"],
  ] as const)("%s: found by correlation id, returned, never created twice", async (_name, fault: Fault) => {
    const vendor = mockVendor(server, { createFaults: [fault] })
    const provider = await makeProvider()
    const job = await Effect.runPromise(provider.render!({ template: "draft-1", script: "Hi" }))
    expect(vendor.state.creates).toBe(1)
    expect(vendor.state.videos).toHaveLength(1)
    expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos"])
    expect(job).toMatchObject({
      ref: "drafts:video:vid-1",
      metadata: { correlationId: (vendor.state.bodies[0] as { correlation_id: string }).correlation_id },
    })
  })

  it("a timeout: the late create is found, not repeated", async () => {
    // The create never answers; the reconciling read gets the same (generous) per-attempt timeout.
    const vendor = mockVendor(server, { createFaults: ["slow"] })
    const provider = await makeProvider({ timeout: 1_000 })
    const job = await Effect.runPromise(provider.render!({ template: "draft-1", script: "Hi" }))
    expect(job.ref).toBe("drafts:video:vid-1")
    expect(vendor.state.creates).toBe(1)
    expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos"])
  })

  it("not found: re-sent once with the SAME correlation id", async () => {
    const vendor = mockVendor(server, { createFaults: ["dropped"] })
    const provider = await makeProvider()
    const job = await Effect.runPromise(
      provider.render!({
        template: "draft-1",
        script: "Hi",
        providerOptions: { drafts: { correlationId: "order-1" } },
      }),
    )
    expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos", "POST /api/v1/videos"])
    expect(vendor.state.bodies.map((b) => (b as { correlation_id: string }).correlation_id)).toEqual([
      "order-1",
      "order-1",
    ])
    expect(vendor.state.bodies[1]).toEqual(vendor.state.bodies[0])
    expect(vendor.state.videos).toHaveLength(1)
    expect(job.metadata?.correlationId).toBe("order-1")
  })

  it("the re-send is ambiguous too: no third send; the error names the correlation id", async () => {
    const vendor = mockVendor(server, { createFaults: ["dropped", "dropped"] })
    const provider = await makeProvider()
    const error = await failure(
      provider.render!({
        template: "draft-1",
        script: "Hi",
        providerOptions: { drafts: { correlationId: "order-2" } },
      }),
    )
    expect(vendor.state.creates).toBe(2)
    expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos", "POST /api/v1/videos"])
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
    expect(error.message).toContain('correlation_id "order-2"')
  })

  it("the reconcile read fails: the original ambiguous error, naming the correlation id", async () => {
    const vendor = mockVendor(server, { createFaults: ["500"], listFails: true })
    const provider = await makeProvider()
    const error = await failure(
      provider.render!({
        template: "draft-1",
        script: "Hi",
        providerOptions: { drafts: { correlationId: "order-3" } },
      }),
    )
    expect(vendor.state.creates).toBe(1)
    expect(error.reason._tag).toBe("VendorUnavailable")
    expect(error.status).toBe(500)
    expect(error.operation).toBe("render")
    expect(error.message).toContain('correlation_id "order-3"')
    expect(trace().filter((t) => t.startsWith("POST"))).toHaveLength(1)
    const text = JSON.stringify(error) + error.message
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain(WEBHOOK_SECRET)
  })

  it.each([
    ["a 201 whose body is not JSON", "malformed"],
    ["a 201 without the video id", "noId"],
  ] as const)(
    "%s: the video the vendor made is found by correlation id, never created twice",
    async (_name, fault: Fault) => {
      const vendor = mockVendor(server, { createFaults: [fault] })
      const provider = await makeProvider()
      const job = await Effect.runPromise(provider.render!({ template: "draft-1", script: "Hi" }))
      expect(vendor.state.creates).toBe(1)
      expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos"])
      expect(job.ref).toBe("drafts:video:vid-1")
    },
  )

  it("an unreadable 201 and no such video listed: UnexpectedResponse naming the correlation id, not re-sent", async () => {
    const vendor = mockVendor(server, { createFaults: ["malformedNothing"] })
    const provider = await makeProvider()
    const error = await failure(
      provider.render!({
        template: "draft-1",
        script: "Hi",
        providerOptions: { drafts: { correlationId: "order-4" } },
      }),
    )
    expect(error.reason._tag).toBe("UnexpectedResponse")
    expect(error.status).toBe(201)
    expect(error.message).toContain('correlation_id "order-4"')
    expect(vendor.state.creates).toBe(1)
    expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos"])
  })

  it("a clear rejection (422) is not reconciled or re-sent", async () => {
    let posts = 0
    server.use(
      http.post(`${BASE}/videos`, () => {
        posts++
        return HttpResponse.json(
          { detail: [{ loc: ["body", "source_draft_id"], msg: "draft not found", type: "value_error" }] },
          { status: 422 },
        )
      }),
    )
    const provider = await makeProvider()
    const error = await failure(provider.render!({ template: "nope", script: "Hi" }))
    expect(error.reason._tag).toBe("VendorRejected")
    expect(posts).toBe(1)
    expect(trace()).toEqual(["POST /api/v1/videos"])
  })

  it("429 on create is retried by core (provably not taken), with the same body", async () => {
    let posts = 0
    const bodies: unknown[] = []
    server.use(
      http.post(`${BASE}/videos`, async ({ request }) => {
        bodies.push(await request.json())
        return ++posts === 1
          ? HttpResponse.json({ detail: "slow down" }, { status: 429, headers: { "retry-after": "0" } })
          : HttpResponse.json({ id: "vid-9", status: "not_started" }, { status: 201 })
      }),
    )
    const provider = await makeProvider()
    const job = await Effect.runPromise(provider.render!({ template: "d", script: "Hi" }))
    expect(job.ref).toBe("drafts:video:vid-9")
    expect(posts).toBe(2)
    expect(bodies[1]).toEqual(bodies[0])
  })
})
