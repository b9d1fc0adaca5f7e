import { readFileSync } from "node:fs"
import { OFF_CONTRACT_HEADER } from "@vidbridge/contracts"
import type { VideoError } from "@vidbridge/core"
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { JOGG_OPEN_ROUTES, JOGG_V2_ROUTES } from "../src/testing/index.js"
import { clientFor, previewRequest, useSimulatorServer } from "./simulatorSupport.js"
import { rejection } from "./support.js"

const renderRequest = (product: string, durationSeconds: 15 | 30 | 60 = 30) => ({
  product,
  visualStyle: "Simple Product Switch",
  avatar: "81",
  aspectRatio: "16:9" as const,
  durationSeconds,
})

const reasonOf = (error: VideoError) => error.reason._tag

const { mount } = useSimulatorServer()
let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())

describe("the JoggAI simulator in-process (msw), v2", () => {
  it("runs the whole flow: product from a page -> previews -> awaiting_selection -> render -> succeeded", async () => {
    const sim = mount()
    const client = clientFor(sim)

    const product = await client.createProduct({ url: page.url })
    expect(product).toMatchObject({
      title: "Aurora Trail Running Shoe",
      url: page.url,
      imageUrls: expect.arrayContaining([`${page.origin}/images/shoe-side.jpg`]),
    })
    expect(product.ref).toMatch(/^jogg:product:/)

    const job = await client.generatePreviews(previewRequest(product.ref))
    expect(job.status).toBe("running")
    expect(job.previews?.map((p) => p.visualStyle)).toEqual(["Simple Product Switch", "Split Screen"])

    sim.clock.advance(60_000)
    expect((await client.getStatus(job.ref)).status).toBe("running")
    sim.clock.advance(90_000)
    const ready = await client.getStatus(job.ref)
    expect(ready.status).toBe("awaiting_selection")
    expect(ready.previews).toHaveLength(2)
    expect(ready.previews![0]!.url).toMatch(/^https:\/\/api\.jogg\.ai\/sim\/files\/preview_\d+\.mp4$/)

    const render = await client.renderPreview({ job: job.ref, previewId: ready.previews![0]!.id })
    expect(render).toMatchObject({ status: "queued", vendorStatus: "pending" })
    const seen: string[] = []
    for (const step of [0, 20_000, 400_000]) {
      sim.clock.advance(step)
      seen.push((await client.getStatus(render.ref)).vendorStatus ?? "")
    }
    expect(seen).toEqual(["pending", "processing", "completed"])
    const done = await client.getStatus(render.ref)
    expect(done).toMatchObject({ status: "succeeded", creditsUsed: 1, durationSeconds: 30 })
    expect(done.videoUrl).toMatch(/^https:\/\/api\.jogg\.ai\/sim\/files\/pv_\d+\.mp4$/)
    const file = await fetch(done.videoUrl!)
    expect(file.headers.get("content-type")).toBe("video/mp4")
    expect(
      Buffer.from(await file.arrayBuffer()).equals(
        readFileSync(new URL("../media/video.mp4", import.meta.url)),
      ),
    ).toBe(true)
    expect((await fetch(done.thumbnailUrl!)).headers.get("content-type")).toBe("image/jpeg")
    expect(sim.clock.now()).toBeLessThanOrEqual(10 * 60_000)

    // Credits by JoggAI's rules: 2 previews x 0.5 (30 s) + 1 video (30 s).
    expect(sim.creditsSpent()).toBe(2)
    expect(sim.log.count(JOGG_V2_ROUTES.previewList)).toBe(1)
    expect(sim.log.count(JOGG_V2_ROUTES.renderPreview)).toBe(1)

    const list = await client.listJobs({ limit: 10 })
    expect(list.jobs.map((j) => j.ref)).toEqual([render.ref])
  })
})

describe("the JoggAI simulator in-process (msw), v2 details", () => {
  it("creates products from your data, updates them, and renders directly", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct({
      title: "Bottle",
      description: "Keeps cold",
      imageUrls: ["https://cdn.example/a.jpg"],
    })
    expect(product).toMatchObject({ title: "Bottle", imageUrls: ["https://cdn.example/a.jpg"] })
    await client.updateProduct(product.ref, { targetAudience: "hikers" })
    const job = await client.render(renderRequest(product.ref, 60))
    sim.clock.advance(420_000)
    const done = await client.getStatus(job.ref)
    expect(done).toMatchObject({ status: "succeeded", creditsUsed: 1, durationSeconds: 60 })
    expect(sim.jobs()).toMatchObject([
      { kind: "video", status: "completed", visualStyle: "Simple Product Switch" },
    ])
  })

  it("answers the scrape error when a page cannot be read", async () => {
    const sim = mount()
    const error = await rejection(clientFor(sim).createProduct({ url: `${page.origin}/blocked` }))
    expect(reasonOf(error)).toBe("VendorRejected")
    expect(error.message).toContain("Failed to extract product information")
    expect(sim.log.count(JOGG_V2_ROUTES.createProduct)).toBe(1)
  })

  it("a failed video: status failed with error {code: 50000, message}", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct({ title: "Bottle" })
    sim.failNextVideo("Insufficient media quality for video generation")
    const job = await client.render(renderRequest(product.ref))
    sim.clock.advance(60_000)
    expect((await client.getStatus(job.ref)).status).toBe("running")
    sim.clock.advance(400_000)
    const failed = await client.getStatus(job.ref)
    expect(failed).toMatchObject({
      status: "failed",
      failure: { code: "50000", message: "Insufficient media quality for video generation" },
    })
  })

  it("a failed preview set: every preview failed", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct({ title: "Bottle" })
    sim.failNextPreview("bad media")
    const job = await client.generatePreviews(previewRequest(product.ref, ["Only Style"]))
    sim.clock.advance(150_000)
    expect(await client.getStatus(job.ref)).toMatchObject({ status: "failed" })
  })

  it("answers 10104 for unknown videos and products", async () => {
    const sim = mount()
    const client = clientFor(sim)
    expect(reasonOf(await rejection(client.getStatus("jogg:product_video:pv_nope")))).toBe("NotFound")
    expect(reasonOf(await rejection(client.render(renderRequest("jogg:product:nope"))))).toBe("NotFound")
  })

  it("counts credits by the published rules and stops at the balance (18020)", async () => {
    const sim = mount({ balance: 2 })
    const client = clientFor(sim)
    const product = await client.createProduct({ title: "Bottle" })
    await client.generatePreviews({ ...previewRequest(product.ref, ["A", "B", "C"]), durationSeconds: 60 })
    expect(sim.creditsSpent()).toBe(1.5)
    await client.generatePreviews({ ...previewRequest(product.ref, ["D"]), durationSeconds: 15 })
    expect(sim.creditsSpent()).toBe(2)
    expect(sim.creditsLeft()).toBe(0)
    const quota = await fetch(`${sim.canonicalBase}/v2/user/remaining_quota`, {
      headers: { "x-api-key": sim.settings().apiKey },
    })
    expect(await quota.json()).toMatchObject({ code: 0, data: { remaining_quota: 0 } })
    const error = await rejection(client.render(renderRequest(product.ref)))
    expect(reasonOf(error)).toBe("InsufficientCredits")
    expect(sim.jobs().filter((j) => j.kind === "video")).toHaveLength(0)
    const estimate = await client.estimateCredits(renderRequest(product.ref), "render")
    expect(estimate.credits).toBe(1)
  })

  it("checks x-api-key: a wrong key is envelope 10105", async () => {
    const sim = mount()
    const error = await rejection(clientFor(sim, { apiKey: "wrong" }).createProduct({ title: "Bottle" }))
    expect(reasonOf(error)).toBe("AuthenticationFailed")
    const raw = await fetch(`${sim.canonicalBase}/v2/product_videos`, { headers: { "x-api-key": "nope" } })
    expect(await raw.json()).toMatchObject({ code: 10105, msg: "Invalid API key", data: null })
  })

  it("answers 40000 for missing required fields", async () => {
    const sim = mount()
    // Some of these bodies break JoggAI's document on purpose: the contract check leaves them be.
    const post = (path: string, body: unknown) =>
      fetch(`${sim.canonicalBase}${path}`, {
        method: "POST",
        headers: {
          "x-api-key": sim.settings().apiKey,
          "content-type": "application/json",
          [OFF_CONTRACT_HEADER]: "checks the simulator's 40000 answers",
        },
        body: JSON.stringify(body),
      }).then((r) => r.json())
    expect(await post("/v2/product", {})).toMatchObject({
      code: 40000,
      msg: "Parameter error: url or name is required",
    })
    const product = (await post("/v2/product", { name: "Bottle" })) as { data: { product_id: string } }
    const body = {
      product_id: product.data.product_id,
      visual_styles: ["A"],
      video_spec: { length: "30" },
      avatar: { id: 81 },
      voice: {},
      audio: {},
      script: { style: "Discovery", language: "english" },
    }
    expect(await post("/v2/create_video_from_product/preview_list", { ...body, avatar: {} })).toMatchObject({
      code: 40000,
      msg: "Parameter error: avatar.id is required",
    })
    expect(
      await post("/v2/create_video_from_product/preview_list", { ...body, video_spec: { length: "45" } }),
    ).toMatchObject({ code: 40000 })
    expect(await post("/v2/create_video_from_product/render_single_preview", {})).toMatchObject({
      code: 40000,
      msg: "Parameter error: preview_id is required",
    })
    expect(await post("/v2/create_video_from_product/preview_list", body)).toMatchObject({ code: 0 })
    expect(sim.creditsSpent()).toBe(0.5)
  })

  it("lists previews and videos page by page, newest first", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct({ title: "Bottle" })
    const refs: string[] = []
    for (let i = 0; i < 3; i++) {
      refs.push((await client.render(renderRequest(product.ref))).ref)
      sim.clock.advance(1_000)
    }
    const first = await client.listJobs({ limit: 2 })
    expect(first.jobs.map((j) => j.ref)).toEqual([refs[2], refs[1]])
    expect(first.nextCursor).toBe("2")
    const second = await client.listJobs({ limit: 2, cursor: "2" })
    expect(second.jobs.map((j) => j.ref)).toEqual([refs[0]])
    expect(second.nextCursor).toBeUndefined()
  })
})

describe("the JoggAI simulator in-process (msw), open API", () => {
  it("runs the whole open flow: product from a page (status 1) -> update -> render -> status 3, 4 -> succeeded", async () => {
    const sim = mount({ apiVersion: "open" })
    expect(sim.canonicalBase).toBe("https://api-services.jogg.ai")
    expect(sim.settings()).toMatchObject({ apiVersion: "open" })
    const client = clientFor(sim)
    const product = await client.createProduct({ url: page.url })
    expect(product.ref).toMatch(/^jogg:open_product:\d+\?prj=[0-9a-f]{32}$/)
    await client.updateProduct(product.ref, { title: "Aurora", description: "Light" })
    // The project exists with the product and waits for a render: a wait on it ends at once.
    const made = await client.waitForCompletion(product.ref)
    expect(made).toMatchObject({ status: "awaiting_selection", vendorStatus: "1" })
    const job = await client.render({
      product: product.ref,
      avatar: "37",
      aspectRatio: "9:16",
      template: "Card Stacking",
    })
    expect(job.status).toBe("queued")
    const seen: string[] = []
    for (const step of [0, 359_000, 1_000]) {
      sim.clock.advance(step)
      const read = await client.getStatus(job.ref)
      seen.push(`${read.vendorStatus}:${read.status}`)
    }
    expect(seen).toEqual(["3:running", "3:running", "4:succeeded"])
    const done = await client.getStatus(job.ref)
    expect(done.videoUrl).toMatch(/^https:\/\/api-services\.jogg\.ai\/sim\/files\/[0-9a-f]{32}\.mp4$/)
    expect(done.durationSeconds).toBe(30)
    expect(sim.creditsSpent()).toBe(1)
    expect(sim.log.count(JOGG_OPEN_ROUTES.render)).toBe(1)
    expect((await fetch(done.videoUrl!)).status).toBe(200)
  })

  it("reports progress percent while rendering, and failures as status 5", async () => {
    const sim = mount({ apiVersion: "open" })
    const client = clientFor(sim)
    const product = await client.createProduct({ url: page.url })
    sim.failNextVideo("avatar unavailable")
    const job = await client.render({ product: product.ref, avatar: "37", template: "Card Stacking" })
    sim.clock.advance(180_000)
    const halfway = await client.getStatus(job.ref)
    expect(halfway.progress).toBeCloseTo(0.5, 1)
    sim.clock.advance(180_000)
    expect(await client.getStatus(job.ref)).toMatchObject({
      status: "failed",
      vendorStatus: "5",
      failure: { message: "avatar unavailable" },
    })
  })

  it("answers the scrape error and 10105 on the open API too", async () => {
    const sim = mount({ apiVersion: "open" })
    const scrape = await rejection(clientFor(sim).createProduct({ url: `${page.origin}/blocked` }))
    expect(scrape.message).toContain("Failed to extract product information")
    const key = await rejection(clientFor(sim, { apiKey: "wrong" }).createProduct({ url: page.url }))
    expect(reasonOf(key)).toBe("AuthenticationFailed")
  })
})
