import { createHmac } from "node:crypto"
import { JobRef, type VideoJob } from "@vidbridge/core"
import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { HOURONE_SIGNATURE_HEADER } from "../src/index.js"
import { BASE, makeProvider, useServer, WEBHOOK_SECRET } from "./support.js"

// Hour One's statuses, progress, job fields, listJobs pages and products, pinned where mutation
// testing (`pnpm mutate`, issue 20) found changes no test noticed. Vendor facts: vendors/hourone.md
// (§3.2 VideoResponse, §3.3 a bare list without paging, §4 VideoStatusEnum, progress -1..100).

const { server, seen } = useServer()

/** A `VideoResponse` with the required fields, as `GET /videos/{id}` answers it. */
const video = (fields: Record<string, unknown> = {}) => ({
  id: "vid-1",
  status: "processing",
  req_id: "req-1",
  draft_id: "draft-9",
  video_player_url: "https://player.hourone.test/vid-1",
  ...fields,
})

/** The job `getStatus` reads when Hour One answers `body` for `vid-1`. */
const read = async (body: Record<string, unknown>): Promise<VideoJob> => {
  server.use(http.get(`${BASE}/videos/vid-1`, () => HttpResponse.json(body)))
  const provider = await makeProvider({ retry: false })
  return Effect.runPromise(provider.getStatus(JobRef.parse("drafts:video:vid-1")))
}

describe("Hour One statuses: which end with a failure", () => {
  it.each([
    ["not_started", "queued"],
    ["started", "running"],
    ["processing", "running"],
    ["ready", "succeeded"],
    ["published", "succeeded"],
    ["an_undocumented_status", "unknown"],
  ])("a %s video (%s) carries no failure", async (status, neutral) => {
    const job = await read(video({ status, progress: 50 }))
    expect(job.status).toBe(neutral)
    expect(job).not.toHaveProperty("failure")
  })

  it.each([
    ["failed", "failed"],
    ["stopped", "cancelled"],
    ["cancelled", "cancelled"],
  ])("a %s video ends %s with a failure naming Hour One's status", async (status, neutral) => {
    const job = await read(video({ status, progress: -1 }))
    expect(job.status).toBe(neutral)
    expect(job.failure).toEqual({ code: status, message: `Hour One reported the video as "${status}"` })
  })
})

describe("Hour One progress (-1..100)", () => {
  it("a video without progress (absent or null) has none; -1 is 0; a ready video is 1 whatever it says", async () => {
    expect(await read(video())).not.toHaveProperty("progress")
    expect(await read(video({ progress: null }))).not.toHaveProperty("progress")
    expect((await read(video({ status: "failed", progress: -1 }))).progress).toBe(0)
    expect((await read(video({ progress: 42 }))).progress).toBe(0.42)
    expect((await read(video({ status: "ready", progress: 37 }))).progress).toBe(1)
  })

  it("a webhook's undocumented progress that is not a number gives no progress, never NaN", async () => {
    const provider = await makeProvider()
    const parse = async (progress: unknown) => {
      const body = JSON.stringify({
        event_name: "video.failed",
        data: { id: "vid-1", req_id: "req-1", draft_id: "draft-9", status: "processing", progress },
      })
      const signature = createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")
      const request = {
        method: "POST",
        url: "https://app.test/hooks",
        headers: { [HOURONE_SIGNATURE_HEADER]: signature },
        body,
      }
      return (await Effect.runPromise(provider.parseWebhook!(request))).job
    }
    expect(await parse("half")).not.toHaveProperty("progress")
    expect(await parse({ percent: 50 })).not.toHaveProperty("progress")
    expect((await parse(60)).progress).toBe(0.6)
  })
})

describe("Hour One ids in metadata", () => {
  it("holds only the ids Hour One sent: an absent or null one leaves no key", async () => {
    const job = await read(video({ correlation_id: null, source_draft_id: "draft-1", name: null }))
    expect(job.metadata).toStrictEqual({ draftId: "draft-9", sourceDraftId: "draft-1", requestId: "req-1" })
    expect(job).not.toHaveProperty("name")
  })
})

describe("listJobs over GET /videos (every video at once, sliced locally)", () => {
  const list = (count: number) => {
    const videos = Array.from({ length: count }, (_, i) => video({ id: `vid-${i + 1}` }))
    server.use(http.get(`${BASE}/videos`, () => HttpResponse.json(videos)))
  }

  it("a page that ends exactly at the last video has no next cursor", async () => {
    list(4)
    const provider = await makeProvider()
    const first = await Effect.runPromise(provider.listJobs!({ limit: 2 }))
    expect(first.nextCursor).toBe("2")
    const last = await Effect.runPromise(provider.listJobs!({ limit: 2, cursor: "2" }))
    expect(last.jobs.map((j) => j.ref)).toEqual(["drafts:video:vid-3", "drafts:video:vid-4"])
    expect(last).not.toHaveProperty("nextCursor")
  })

  it("100 a page by default: 100 videos are one page, 101 are two", async () => {
    const provider = await makeProvider()
    list(100)
    expect(await Effect.runPromise(provider.listJobs!({}))).not.toHaveProperty("nextCursor")
    list(101)
    const page = await Effect.runPromise(provider.listJobs!({}))
    expect(page.jobs).toHaveLength(100)
    expect(page.nextCursor).toBe("100")
  })
})

describe("products (kept on the client: Hour One has no product endpoint)", () => {
  it("keeps every field given, and sends nothing", async () => {
    const provider = await makeProvider()
    const input = {
      url: "https://shop.test/p/lamp",
      title: "Head Lamp",
      description: "300 lumens.",
      imageUrls: ["https://shop.test/lamp.jpg"],
      videoUrls: ["https://shop.test/lamp.mp4"],
      logoUrl: "https://shop.test/logo.png",
      targetAudience: "hikers",
    }
    const product = await Effect.runPromise(provider.createProduct!(input))
    expect(product).toStrictEqual({
      ref: `drafts:product:${product.id}`,
      provider: "drafts",
      id: product.id,
      ...input,
      raw: input,
    })
    expect(seen).toHaveLength(0)
  })

  it("a product of a title alone has empty media lists and no other field", async () => {
    const provider = await makeProvider()
    const { raw, ...product } = await Effect.runPromise(provider.createProduct!({ title: "Head Lamp" }))
    expect(product).toStrictEqual({
      ref: "drafts:product:p0829b4eff0f541dd",
      provider: "drafts",
      id: "p0829b4eff0f541dd",
      title: "Head Lamp",
      imageUrls: [],
      videoUrls: [],
    })
    expect(raw).toEqual({ title: "Head Lamp", imageUrls: [], videoUrls: [] })
  })

  it("its id is a hash of the content: 16 hex digits (leading zeros kept), the same in a new client, another for other data", async () => {
    const idOf = async (input: Record<string, unknown>) =>
      (await Effect.runPromise((await makeProvider()).createProduct!({ title: "Head Lamp", ...input }))).id
    // A known answer (FNV-1a 64 of the product's content), so a stored id stays valid across
    // processes and releases; this one starts with a zero digit.
    expect(await idOf({})).toBe("p0829b4eff0f541dd")
    const ids = await Promise.all(
      [
        {},
        { title: "Head Lamp 2" },
        { description: "300 lumens." },
        { imageUrls: ["https://shop.test/lamp.jpg"] },
        { videoUrls: ["https://shop.test/lamp.mp4"] },
        { logoUrl: "https://shop.test/logo.png" },
        { targetAudience: "hikers" },
        { url: "https://shop.test/p/lamp" },
      ].map(idOf),
    )
    for (const id of ids) expect(id).toMatch(/^p[0-9a-f]{16}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
