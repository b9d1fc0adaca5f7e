import { createVideoClient, JobRef } from "@vidbridge/core"
import { Effect, Schedule } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { drafts } from "../src/index.js"
import { API_KEY, BASE, failure, makeProvider, mockVendor, useServer } from "./support.js"

const { server, seen } = useServer()

const productInput = {
  title: "Trail Shoe X",
  description: "A light trail shoe with a grippy sole.",
  imageUrls: ["https://shop.test/x1.jpg", "https://shop.test/x2.jpg"],
}

describe("the neutral flow on Hour One", () => {
  it("createProduct from params -> render with product + template -> statuses -> ready with metadata", async () => {
    const vendor = mockVendor(server)
    const provider = await makeProvider({ videoMetadata: true })

    const product = await Effect.runPromise(provider.createProduct!(productInput))
    expect(seen).toHaveLength(0)
    expect(product).toMatchObject({
      provider: "drafts",
      title: "Trail Shoe X",
      imageUrls: productInput.imageUrls,
    })
    expect(JobRef.parse(product.ref)).toMatchObject({ provider: "drafts", kind: "product", id: product.id })
    const again = await Effect.runPromise(provider.createProduct!(productInput))
    expect(again.ref).toBe(product.ref)

    const job = await Effect.runPromise(
      provider.render!({ product: product.ref, template: "draft-1", script: "Grip every trail." }),
    )
    expect(vendor.state.bodies[0]).toMatchObject({
      type: "override",
      source_draft_id: "draft-1",
      scenes: [
        {
          name: "Scene 1",
          type: "override_scene",
          texts: ["Trail Shoe X"],
          media: productInput.imageUrls,
          transcript: "Grip every trail.",
        },
      ],
    })
    expect(job.status).toBe("queued")

    const id = JobRef.parse(job.ref).id
    const ref = JobRef.parse(job.ref)
    const statuses: string[] = []
    for (const [status, progress] of [
      ["started", 5],
      ["processing", 60],
    ] as const) {
      vendor.advance(id, { status, progress })
      const read = await Effect.runPromise(provider.getStatus(ref))
      statuses.push(`${read.status}:${read.progress}`)
      expect(read.durationSeconds).toBeUndefined()
    }
    expect(statuses).toEqual(["running:0.05", "running:0.6"])
    expect(vendor.state.metadataReads).toBe(0)

    vendor.advance(id, { status: "ready", progress: 100, download_url: "https://cdn.hourone.test/v.mp4" })
    seen.length = 0
    const done = await Effect.runPromise(provider.getStatus(ref))
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      `GET /api/v1/videos/${id}`,
      `GET /api/v1/videos/${id}/metadata`,
    ])
    expect(seen.every((s) => s.headers.get("api-key") === API_KEY)).toBe(true)
    expect(done).toMatchObject({
      status: "succeeded",
      progress: 1,
      videoUrl: "https://cdn.hourone.test/v.mp4",
      previewUrl: `https://player.hourone.test/${id}`,
      durationSeconds: 21.5,
      metadata: { scenes: [{ index: 0, startSeconds: 0, durationSeconds: 21.5 }] },
    })
  })

  it("a Product object works without the in-memory map (after a restart)", async () => {
    const vendor = mockVendor(server)
    const before = await makeProvider()
    const product = await Effect.runPromise(before.createProduct!(productInput))
    const after = await makeProvider()
    await Effect.runPromise(after.render!({ product, template: "draft-1" }))
    expect(vendor.state.bodies[0]).toMatchObject({
      scenes: [{ texts: ["Trail Shoe X"], transcript: "A light trail shoe with a grippy sole." }],
    })
    const byRef = await failure(after.render!({ product: product.ref, template: "draft-1" }))
    expect(byRef.reason._tag).toBe("InvalidInput")
    expect(vendor.state.creates).toBe(1)
  })

  it("createProduct({ url }) without params is an early InvalidInput: no scraping", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.createProduct!({ url: "https://shop.test/p/1" }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("cannot read product pages")
    expect(error.message).toContain("title")
    expect(seen).toHaveLength(0)
  })

  it("the Promise client: unsupported operations fail early, waitForCompletion ends with the video", async () => {
    const vendor = mockVendor(server)
    let reads = 0
    server.use(
      http.get(`${BASE}/videos/:id`, ({ params }) => {
        const video = vendor.state.videos.find((v) => v.id === params.id)!
        const step = (["started", "processing", "ready"] as const)[Math.min(reads++, 2)]!
        Object.assign(video, {
          status: step,
          download_url: step === "ready" ? "https://cdn.test/v.mp4" : null,
        })
        return HttpResponse.json(video)
      }),
    )
    const client = createVideoClient({
      provider: drafts({
        apiKey: API_KEY,
        baseUrl: BASE,
        retry: { baseDelay: 1, maxDelay: 1 },
        videoMetadata: true,
      }),
    })
    expect(client.capabilities()).toMatchObject({ productFromUrl: false, productFromParams: true })
    await expect(client.generateScripts({ product: "drafts:product:p1" })).rejects.toMatchObject({
      reason: { _tag: "UnsupportedOperation" },
    })
    await expect(client.render({ name: "no template" })).rejects.toMatchObject({
      reason: { _tag: "InvalidInput", issues: [{ path: "template" }] },
    })
    expect(seen).toHaveLength(0)
    const product = await client.createProduct(productInput)
    const job = await client.render({ product: product.ref, template: "draft-1" })
    const seenStatuses: string[] = []
    const done = await client.waitForCompletion(job.ref, {
      schedule: Schedule.spaced(1),
      onProgress: (j) => seenStatuses.push(j.vendorStatus),
    })
    expect(done).toMatchObject({
      status: "succeeded",
      videoUrl: "https://cdn.test/v.mp4",
      durationSeconds: 21.5,
    })
    expect(seenStatuses).toEqual(["started", "processing", "ready"])
    expect(vendor.state.creates).toBe(1)
  })

  it("getStatus on a product ref is InvalidInput naming ref", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(JobRef.parse("drafts:product:p1")))
    expect(error.reason).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "ref" }] })
    expect(seen).toHaveLength(0)
  })

  it("metadata that cannot be read leaves the ready job usable", async () => {
    const vendor = mockVendor(server)
    const provider = await makeProvider({ videoMetadata: true })
    const job = await Effect.runPromise(provider.render!({ template: "d", script: "Hi" }))
    const id = JobRef.parse(job.ref).id
    vendor.advance(id, { status: "published", download_url: "https://cdn.test/v.mp4" })
    server.use(
      http.get(`${BASE}/videos/:id/metadata`, () => HttpResponse.json({ detail: "nope" }, { status: 404 })),
    )
    const done = await Effect.runPromise(provider.getStatus(JobRef.parse(job.ref)))
    expect(done.status).toBe("succeeded")
    expect(done.durationSeconds).toBeUndefined()
    expect(done.metadata?.metadataError).toContain("not found")
  })

  it("an unknown vendor status over HTTP is 'unknown', no metadata read, no crash", async () => {
    const vendor = mockVendor(server)
    const provider = await makeProvider()
    const job = await Effect.runPromise(provider.render!({ template: "d", script: "Hi" }))
    vendor.advance(JobRef.parse(job.ref).id, { status: "archived", progress: -1 })
    const read = await Effect.runPromise(provider.getStatus(JobRef.parse(job.ref)))
    expect(read).toMatchObject({ status: "unknown", vendorStatus: "archived", progress: 0 })
    expect(vendor.state.metadataReads).toBe(0)
  })
})
