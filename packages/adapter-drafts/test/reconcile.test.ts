import { createVideoClient, SubmissionRef, VideoError } from "@vidbridge/core"
import { Schedule } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { drafts } from "../src/index.js"
import { API_KEY, BASE, type Fault, mockVendor, useServer, WEBHOOK_SECRET } from "./support.js"

// A create whose answer was lost, against a hand-written Hour One (msw): core looks the video up
// by the correlation_id the key travelled in (one GET /videos), and never sends the create again
// unless asked to. Virtual-time lag and window cases are in submissions.test.ts.

const { server, seen } = useServer()

const trace = () => seen.map((s) => `${s.method} ${s.path}`)

/** The Promise client; `once`: a single lookup, so a miss fails at once instead of after the window. */
const clientOn = (once = false) =>
  createVideoClient({
    provider: drafts({
      apiKey: API_KEY,
      baseUrl: BASE,
      webhookSecret: WEBHOOK_SECRET,
      retry: { baseDelay: 1, maxDelay: 1 },
    }),
    ...(once ? { reconcile: { schedule: Schedule.recurs(0) } } : {}),
  })

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("expected a failure")),
    (error: unknown) => {
      if (!(error instanceof VideoError)) throw error
      return error
    },
  )

const sentKey = (vendor: ReturnType<typeof mockVendor>, i = 0) =>
  (vendor.state.bodies[i] as { correlation_id?: string }).correlation_id

describe("a create whose answer was lost: core reconciles by correlation_id", () => {
  it.each<[string, Fault]>([
    ["a lost answer (connection reset)", "lost"],
    ["a 500 after creating", "500"],
    ["a 504 after creating", "504"],
    ["a 201 whose body is not JSON", "malformed"],
    ["a 201 without the video id", "noId"],
  ])("%s: found by correlation_id, returned, never created twice", async (_name, fault) => {
    const vendor = mockVendor(server, { createFaults: [fault] })
    const job = await clientOn().render({ template: "draft-1", script: "Hi" })
    expect(vendor.state.creates).toBe(1)
    expect(vendor.state.videos).toHaveLength(1)
    expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos"])
    expect(job).toMatchObject({
      ref: "drafts:video:vid-1",
      metadata: { correlationId: sentKey(vendor) },
      submission: { key: sentKey(vendor), reconciled: true },
    })
  })

  it("nothing made (dropped before creating): SubmissionUnknown with the ref, never re-sent", async () => {
    const vendor = mockVendor(server, { createFaults: ["dropped"] })
    const error = await rejection(clientOn(true).render({ template: "draft-1", script: "Hi" }))
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      lookup: "not_found",
      failure: { _tag: "VendorUnavailable", delivery: "ambiguous" },
    })
    expect(error.retryable).toBe(false)
    expect(SubmissionRef.parse(error.ref!)).toMatchObject({ provider: "drafts", key: sentKey(vendor) })
    expect(trace()).toEqual(["POST /api/v1/videos", "GET /api/v1/videos"])
    expect(vendor.state.creates).toBe(1)
  })

  it("the lookup fails too: SubmissionUnknown with the ref, no key or secret in it", async () => {
    const vendor = mockVendor(server, { createFaults: ["500"], listFails: true })
    const error = await rejection(clientOn(true).render({ template: "draft-1", script: "Hi" }))
    expect(error.reason._tag).toBe("SubmissionUnknown")
    expect(error.status).toBe(500)
    expect(error.operation).toBe("render")
    expect(SubmissionRef.is(error.ref!)).toBe(true)
    expect(vendor.state.creates).toBe(1)
    expect(trace().filter((t) => t.startsWith("POST"))).toHaveLength(1)
    const text = JSON.stringify(error) + error.message
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain(WEBHOOK_SECRET)
  })

  it("an unreadable 201 and no such video listed: SubmissionUnknown, its failure a 2xx accepted, not re-sent", async () => {
    const vendor = mockVendor(server, { createFaults: ["malformedNothing"] })
    const error = await rejection(clientOn(true).render({ template: "draft-1", script: "Hi" }))
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      failure: { _tag: "UnexpectedResponse", delivery: "accepted" },
    })
    expect(error.status).toBe(201)
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
    const error = await rejection(clientOn().render({ template: "nope", script: "Hi" }))
    expect(error.reason._tag).toBe("VendorRejected")
    expect(posts).toBe(1)
    expect(trace()).toEqual(["POST /api/v1/videos"])
  })

  it("429 on create is retried by core (provably not taken), with the same body and key", async () => {
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
    const job = await clientOn().render({ template: "d", script: "Hi" })
    expect(job.ref).toBe("drafts:video:vid-9")
    expect(posts).toBe(2)
    expect(bodies[1]).toEqual(bodies[0])
    expect(job.submission?.key).toBe((bodies[0] as { correlation_id: string }).correlation_id)
  })
})
