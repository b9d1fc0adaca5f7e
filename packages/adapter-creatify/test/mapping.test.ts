import { JobRef } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { API_ID, API_KEY, BASE, failure, linkToVideo, makeProvider, run, useServer } from "./support.js"

const { server } = useServer()

const read = async (body: Record<string, unknown>, ref = "creatify:link_to_video:ltv-1") => {
  server.use(http.get(`${BASE}/api/link_to_videos/ltv-1/`, () => HttpResponse.json(body)))
  const provider = await makeProvider()
  return run(provider.getStatus(JobRef.parse(ref)))
}

const previews = [
  { media_job: "m1", visual_style: "FullScreenTemplate", aspect_ratio: "16x9", url: "https://p/1" },
]

describe("status mapping (link to video)", () => {
  it.each([
    ["pending", [], "preview", "queued"],
    ["pending", previews, "preview", "awaiting_selection"],
    // A render ref whose render never arrived: still waiting for a choice (issue 13).
    ["pending", previews, "render", "awaiting_selection"],
    ["in_queue", previews, "render", "queued"],
    ["running", previews, "render", "running"],
    ["processing", [], "render", "running"],
    ["done", previews, "render", "succeeded"],
    ["failed", [], "preview", "failed"],
    ["error", [], "render", "failed"],
    ["rejected", previews, "render", "rejected"],
    ["brand_new_status", [], "preview", "unknown"],
    ["constructor", [], "preview", "unknown"],
    ["__proto__", previews, "render", "unknown"],
  ])("%s with %j previews in the %s stage -> %s", async (status, list, stage, neutral) => {
    const ref =
      stage === "render" ? "creatify:link_to_video:ltv-1?stage=render" : "creatify:link_to_video:ltv-1"
    const job = await read(linkToVideo({ status, previews: list }), ref)
    expect(job.status).toBe(neutral)
    expect(job.vendorStatus).toBe(status)
    expect(job.ref).toBe(ref)
  })

  it("keeps an unknown status and extra fields in raw without crashing", async () => {
    const job = await read(linkToVideo({ status: "thinking", surprise: { nested: true } }))
    expect(job.status).toBe("unknown")
    expect(job.raw).toMatchObject({ status: "thinking", surprise: { nested: true } })
  })

  it.each([
    ["9x16", "9:16"],
    ["16x9", "16:9"],
    ["1x1", "1:1"],
  ])("maps preview aspect %s to %s", async (code, neutral) => {
    const job = await read(linkToVideo({ previews: [{ media_job: "m", aspect_ratio: code }] }))
    expect(job.previews?.[0]?.aspectRatio).toBe(neutral)
  })

  it("reads an unknown aspect code, even an inherited property name, as no aspect", async () => {
    const job = await read(linkToVideo({ previews: [{ media_job: "m", aspect_ratio: "constructor" }] }))
    expect(job.previews?.[0]?.aspectRatio).toBeUndefined()
  })

  it.each([
    ["40", 0.4],
    ["0.25", 0.25],
    [100, 1],
    ["n/a", undefined],
  ])("reads progress %j as %j", async (progress, expected) => {
    const job = await read(linkToVideo({ progress }))
    expect(job.progress).toBe(expected)
  })

  it("scrubs credentials from raw", async () => {
    const job = await read(linkToVideo({ webhook_url: `https://h.example/?k=${API_KEY}&i=${API_ID}` }))
    const raw = JSON.stringify(job.raw)
    expect(raw).not.toContain(API_KEY)
    expect(raw).not.toContain(API_ID)
  })

  it("a missing required field is UnexpectedResponse naming the path", async () => {
    server.use(
      http.get(`${BASE}/api/link_to_videos/ltv-1/`, () => HttpResponse.json({ id: "ltv-1", previews: [] })),
    )
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(JobRef.parse("creatify:link_to_video:ltv-1")))
    expect(error.reason._tag).toBe("UnexpectedResponse")
    if (error.reason._tag === "UnexpectedResponse") expect(error.reason.path).toBe("status")
  })

  it("a preview without media_job is UnexpectedResponse naming previews[0].media_job", async () => {
    server.use(
      http.get(`${BASE}/api/link_to_videos/ltv-1/`, () =>
        HttpResponse.json(linkToVideo({ previews: [{ url: "x" }] })),
      ),
    )
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(JobRef.parse("creatify:link_to_video:ltv-1")))
    expect(error.reason._tag).toBe("UnexpectedResponse")
    expect(error.message).toMatch(/previews.*0.*media_job/)
  })
})

describe("ids a JobRef cannot carry", () => {
  it("a job id with a lone surrogate is UnexpectedResponse naming id, not a crash", async () => {
    server.use(
      http.get(`${BASE}/api/custom_template_jobs/c1/`, () =>
        HttpResponse.json({ id: "c\ud800", status: "done" }),
      ),
    )
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(JobRef.parse("creatify:custom_template_job:c1")))
    expect(error.reason).toMatchObject({ _tag: "UnexpectedResponse", path: "id" })
  })
})

describe("status mapping (custom template and Aurora jobs)", () => {
  it.each([
    ["pending", "queued"],
    ["in_queue", "queued"],
    ["running", "running"],
    ["done", "succeeded"],
    ["failed", "failed"],
    ["rejected", "rejected"],
    ["paused", "unknown"],
  ])("%s -> %s", async (status, neutral) => {
    server.use(
      http.get(`${BASE}/api/custom_template_jobs/c1/`, () => HttpResponse.json({ id: "c1", status })),
    )
    const provider = await makeProvider()
    const job = await run(provider.getStatus(JobRef.parse("creatify:custom_template_job:c1")))
    expect(job.status).toBe(neutral)
  })
})

describe("refs", () => {
  it("refuses another kind of ref", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(JobRef.parse("creatify:product:p1")))
    expect(error.reason._tag).toBe("InvalidInput")
  })
})
