import { readFileSync } from "node:fs"
import { JobRef, VideoError } from "@vidbridge/core"
import { makeSimClock, sampleProduct } from "@vidbridge/core/testing"
import { Effect, Schedule } from "effect"
import { describe, expect, it } from "vitest"
import {
  CREATIFY_ROUTES,
  createSimulator,
  DEFAULT_SIM_API_ID,
  DEFAULT_SIM_API_KEY,
  DEFAULT_SIM_WEBHOOK_SECRET,
  NO_MEDIA_MESSAGE,
  SIM_CUSTOM_TEMPLATES,
} from "../src/testing/index.js"
import {
  clientFor,
  productInput,
  providerFor,
  useProductPage,
  useSimulatorServer,
} from "./simulatorSupport.js"

const { mount } = useSimulatorServer()
const page = useProductPage()

const styles = ["FullScreenTemplate", "EnhancedVanillaTemplate"]

const unexpected = (): never => {
  throw new Error("expected a failure")
}

describe("the Creatify simulator, in-process (msw)", () => {
  it("runs the whole flow: page URL -> previews -> pick -> in_queue/running/done with video and credits", async () => {
    const sim = mount()
    const client = clientFor(sim)

    const product = await client.createProduct({ url: page().url })
    expect(product).toMatchObject({
      title: sampleProduct.name,
      description: sampleProduct.description,
      url: page().url,
      creditsUsed: 1,
    })
    expect(product.imageUrls).toEqual(sampleProduct.images.map((i) => `${page().origin}${i}`))
    expect(sim.links()).toEqual([expect.objectContaining({ id: product.id, createdWith: "url" })])

    const job = await client.generatePreviews({
      product,
      aspectRatio: "9:16",
      durationSeconds: 30,
      visualStyles: styles,
    })
    expect(job).toMatchObject({ status: "queued", vendorStatus: "pending", stage: "preview" })
    expect(job.previews).toBeUndefined()

    sim.clock.advance(60_000)
    const halfway = await client.getStatus(job.ref)
    expect(halfway).toMatchObject({ status: "queued", progress: 0.5 })

    sim.clock.advance(60_000)
    const ready = await client.getStatus(job.ref)
    expect(ready).toMatchObject({ status: "awaiting_selection", vendorStatus: "pending", stage: "preview" })
    expect(ready.previews).toEqual(
      styles.map((visualStyle) => ({
        id: expect.stringMatching(/^33333333-/),
        visualStyle,
        aspectRatio: "9:16",
        url: expect.stringMatching(/^https:\/\/api\.creatify\.ai\/sim\/preview\//),
      })),
    )

    const chosen = ready.previews![1]!.id
    const rendering = await client.renderPreview({ job: ready.ref, previewId: chosen })
    expect(rendering).toMatchObject({
      ref: `${job.ref}?stage=render`,
      status: "queued",
      vendorStatus: "in_queue",
      stage: "render",
    })

    const seen: string[] = []
    for (const step of [30_000, 100_000]) {
      sim.clock.advance(step)
      const read = await client.getStatus(rendering.ref)
      seen.push(`${read.vendorStatus}->${read.status}`)
      expect(read.videoUrl).toBeUndefined()
    }
    expect(seen).toEqual(["running->running", "running->running"])

    sim.clock.advance(110_000)
    const id = JobRef.parse(job.ref).id
    const done = await client.getStatus(rendering.ref)
    expect(done).toMatchObject({
      status: "succeeded",
      vendorStatus: "done",
      stage: "render",
      progress: 1,
      videoUrl: `https://api.creatify.ai/sim/files/${id}.mp4`,
      thumbnailUrl: `https://api.creatify.ai/sim/files/${id}.jpg`,
      durationSeconds: 30,
      // 1 credit per preview (two styles) + the render's 4
      creditsUsed: 2 + 4,
    })
    expect((done.raw as { media_job: string }).media_job).toBe(chosen)
    expect(sim.clock.now()).toBeLessThanOrEqual(600_000)

    const file = await fetch(done.videoUrl!)
    expect(file.headers.get("content-type")).toBe("video/mp4")
    expect(
      Buffer.from(await file.arrayBuffer()).equals(
        readFileSync(new URL("../media/video.mp4", import.meta.url)),
      ),
    ).toBe(true)
    const poster = await fetch(done.thumbnailUrl!, { headers: { range: "bytes=0-1" } })
    expect(poster.status).toBe(206)
    expect([...new Uint8Array(await poster.arrayBuffer())]).toEqual([0xff, 0xd8])
    expect(sim.creditsSpent()).toBe(1 + 2 + 4)
    expect(sim.jobs()).toEqual([
      expect.objectContaining({ id, kind: "link_to_video", status: "done", stage: "render", creditsUsed: 6 }),
    ])
  })

  it("waits with the client's poller to awaiting_selection and to done", async () => {
    const sim = mount({ timeline: { previewsReadyAt: 0, render: [{ status: "done", at: 0 }] } })
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    const job = await client.generatePreviews({ product, durationSeconds: 15 })
    const ready = await client.waitForCompletion(job.ref)
    expect(ready.status).toBe("awaiting_selection")
    expect(ready.previews).toHaveLength(9)
    expect(ready.previews!.every((p) => p.aspectRatio === "16:9")).toBe(true)
    const render = await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    const done = await client.waitForCompletion(render.ref)
    // The nine styles of Creatify's guide: 9 previews of 1 credit each, then the render's 4.
    expect(done).toMatchObject({ status: "succeeded", durationSeconds: 15, creditsUsed: 9 + 4 })
  })

  it("makes one preview per visual style and aspect ratio", async () => {
    const sim = mount({ timeline: { previewsReadyAt: 0 } })
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    const job = await client.generatePreviews({
      product,
      visualStyles: styles,
      aspectRatios: ["9:16", "1:1"],
      durationSeconds: 60,
    })
    const ready = await client.getStatus(job.ref)
    expect(ready.previews?.map((p) => `${p.visualStyle}/${p.aspectRatio}`)).toEqual([
      "FullScreenTemplate/9:16",
      "FullScreenTemplate/1:1",
      "EnhancedVanillaTemplate/9:16",
      "EnhancedVanillaTemplate/1:1",
    ])
    // The link, then 4 previews of 60 s: 2 credits each.
    expect(sim.creditsSpent()).toBe(1 + 4 * 2)
  })

  it.each([
    ["a page that refuses scrapers", "/blocked", "Failed to scrape url: the page answered HTTP 403"],
    ["a page without images or videos", "/empty", NO_MEDIA_MESSAGE],
  ])("%s -> VendorRejected with Creatify's text and the hint", async (_, path, message) => {
    const sim = mount()
    const error = await clientFor(sim)
      .createProduct({ url: `${page().origin}${path}` })
      .then(unexpected, (e: unknown) => e)
    expect(error).toBeInstanceOf(VideoError)
    expect((error as VideoError).status).toBe(400)
    expect((error as VideoError).reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: [message],
      hint: expect.stringContaining("create the product from its data"),
    })
    expect(sim.links()).toHaveLength(0)
    expect(sim.creditsSpent()).toBe(0)
  })

  it("an unreachable page -> Failed to scrape url", async () => {
    const sim = mount()
    const error = await clientFor(sim)
      .createProduct({ url: "http://127.0.0.1:1/products/gone" })
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(error.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: [expect.stringMatching(/^Failed to scrape url: /)],
    })
  })

  it("creates products from data (1 credit), rejects fewer than 3 images without video, updates and reads links", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const http = await providerFor(sim)
    const product = await client.createProduct(productInput)
    expect(product).toMatchObject({
      title: productInput.title,
      imageUrls: productInput.imageUrls,
      creditsUsed: 1,
    })
    const withVideo = await client.createProduct({ title: "Clip", videoUrls: ["https://shop.test/clip.mp4"] })
    expect(withVideo.videoUrls).toEqual(["https://shop.test/clip.mp4"])
    expect(sim.creditsSpent()).toBe(2)

    const updated = await client.updateProduct(product, { title: "Aurora Trail Shoe v2" })
    expect(updated).toMatchObject({
      id: product.id,
      title: "Aurora Trail Shoe v2",
      imageUrls: productInput.imageUrls,
    })
    expect(sim.links()[0]).toMatchObject({ title: "Aurora Trail Shoe v2", createdWith: "params" })
    expect(sim.creditsSpent()).toBe(2)
    expect(http.id).toBe("creatify")

    const headers = {
      "x-api-id": DEFAULT_SIM_API_ID,
      "x-api-key": DEFAULT_SIM_API_KEY,
      "content-type": "application/json",
    }
    const tooFew = await fetch("https://api.creatify.ai/api/links/link_with_params/", {
      method: "POST",
      headers,
      body: JSON.stringify({ title: "x", image_urls: ["https://shop.test/1.jpg"] }),
    })
    expect(tooFew.status).toBe(400)
    expect(await tooFew.json()).toEqual(["If no videos are included, provide at least 3 images."])
    const read = await fetch(`https://api.creatify.ai/api/links/${product.id}/`, { headers })
    expect(await read.json()).toMatchObject({ id: product.id, link: { title: "Aurora Trail Shoe v2" } })
    const missing = await fetch("https://api.creatify.ai/api/links/nope/", { headers })
    expect(missing.status).toBe(404)
  })

  it("generates scripts: finished at once by default, or pending then done (pendingScripts)", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    const scripts = await client.generateScripts({ product, scriptStyles: ["DIY", "BenefitsV2"] })
    expect(scripts.status).toBe("ready")
    expect(scripts.scripts.map((s) => s.style)).toEqual(["DIY", "BenefitsV2"])
    expect(scripts.scripts[0]!.text).toContain(productInput.title)
    expect(sim.creditsSpent()).toBe(2)

    const slow = mount({ pendingScripts: true })
    const provider = await providerFor(slow)
    const slowProduct = await Effect.runPromise(provider.createProduct!(productInput))
    const pending = await Effect.runPromise(provider.generateScripts!({ product: slowProduct }))
    expect(pending).toMatchObject({ status: "pending", scripts: [] })
    slow.clock.advance(19_999)
    expect((await Effect.runPromise(provider.getScripts!(JobRef.parse(pending.ref!)))).status).toBe("pending")
    slow.clock.advance(1)
    const waited = await Effect.runPromise(provider.getScripts!(JobRef.parse(pending.ref!)))
    expect(waited.status).toBe("ready")
    expect(waited.scripts).toHaveLength(3)
    expect(slow.log.count(CREATIFY_ROUTES.getScripts)).toBe(2)
  })

  it("renders a product directly (POST /api/link_to_videos/), 4 credits per 30 s", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    const job = await client.render({ product, durationSeconds: 60, visualStyle: "FullScreenTemplate" })
    expect(job).toMatchObject({ status: "queued", vendorStatus: "in_queue", stage: "render" })
    expect(job.ref).toMatch(/\?stage=render$/)
    sim.clock.advance(240_000)
    const done = await client.getStatus(job.ref)
    expect(done).toMatchObject({ status: "succeeded", durationSeconds: 60, creditsUsed: 8 })
    expect(sim.creditsSpent()).toBe(1 + 8)
  })

  it.each([
    ["rejectNext", "rejected", "ContentRejected"],
    ["failNext", "failed", "JobFailed"],
  ] as const)("%s: the render ends %s with failed_reason -> %s", async (control, vendor, tag) => {
    const sim = mount()
    const client = clientFor(sim)
    sim[control]("The product image shows prohibited content.")
    const product = await client.createProduct(productInput)
    const job = await client.generatePreviews({ product, visualStyles: styles })
    sim.clock.advance(120_000)
    const ready = await client.getStatus(job.ref)
    const render = await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    sim.clock.advance(239_999)
    expect((await client.getStatus(render.ref)).status).toBe("running")
    sim.clock.advance(1)
    const ended = await client.getStatus(render.ref)
    expect(ended).toMatchObject({
      status: vendor,
      vendorStatus: vendor,
      failure: { message: "The product image shows prohibited content." },
    })
    expect(ended.videoUrl).toBeUndefined()
    await expect(client.waitForCompletion(render.ref)).rejects.toMatchObject({ reason: { _tag: tag } })
    expect(sim.jobs()[0]).toMatchObject({
      status: vendor,
      failedReason: "The product image shows prohibited content.",
    })
  })

  it("moderation at the preview step: the preview list ends rejected, and cannot be rendered", async () => {
    const sim = mount()
    const client = clientFor(sim)
    sim.rejectNext("Prohibited product.", "previews")
    const product = await client.createProduct(productInput)
    const job = await client.generatePreviews({ product, visualStyles: styles })
    sim.clock.advance(120_000)
    const read = await client.getStatus(job.ref)
    expect(read).toMatchObject({ status: "rejected", failure: { message: "Prohibited product." } })
    expect(read.previews).toBeUndefined()
    const error = await client
      .renderPreview({ job: job.ref, previewId: sim.jobs()[0]!.previews[0]!.media_job })
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(error.reason._tag).toBe("VendorRejected")
    expect(sim.creditsSpent()).toBe(1 + 2)
  })

  it("render_single_preview checks media_job and the job: 400 for a media job of another job, 404 unknown", async () => {
    const sim = mount({ timeline: { previewsReadyAt: 0 } })
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    const a = await client.generatePreviews({ product, visualStyles: styles })
    const b = await client.generatePreviews({ product, visualStyles: styles })
    const otherPreview = (await client.getStatus(b.ref)).previews![0]!.id
    const wrong = await client
      .renderPreview({ job: a.ref, previewId: otherPreview })
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(wrong.status).toBe(400)
    expect(wrong.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: [expect.stringContaining("is not one of the previews")],
    })
    const unknown = await client
      .renderPreview({ job: "creatify:link_to_video:nope", previewId: otherPreview })
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(unknown.reason._tag).toBe("NotFound")
    const missing = await client
      .getStatus("creatify:link_to_video:nope")
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(missing.reason._tag).toBe("NotFound")
    expect(sim.creditsSpent()).toBe(1 + 2 + 2)

    await client.renderPreview({ job: a.ref, previewId: (await client.getStatus(a.ref)).previews![0]!.id })
    const again = await client
      .renderPreview({ job: a.ref, previewId: (await client.getStatus(a.ref)).previews![1]!.id })
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(again.reason._tag).toBe("VendorRejected")
    expect(sim.creditsSpent()).toBe(5 + 4)
  })

  it("renders the account's custom templates by model: standard 5/30 s, aurora_v1 1/s, aurora_v1_fast 0.5/s", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const [first, second, third] = SIM_CUSTOM_TEMPLATES.map((t) => String(t.template_id))
    const standard = await client.render({ template: first!, variables: { headline: "Trail ready" } })
    expect(standard).toMatchObject({ status: "queued", vendorStatus: "pending", stage: "render" })
    // POST /api/custom_template_jobs/ makes a job of its own.
    expect(standard.ref).toMatch(/^creatify:custom_template_job:55555555-/)
    const unknown = await client
      .render({ template: "tpl-any-id", variables: {} })
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(unknown.reason).toMatchObject({
      _tag: "VendorRejected",
      message: expect.stringContaining("template_id"),
    })
    const aurora = await client.render({
      template: second!,
      variables: {},
      providerOptions: { creatify: { model_version: "aurora_v1" } },
    })
    const fast = await client.render({
      template: third!,
      variables: {},
      providerOptions: { creatify: { model_version: "aurora_v1_fast" } },
    })
    sim.clock.advance(5_000)
    expect((await client.getStatus(standard.ref)).vendorStatus).toBe("in_queue")
    sim.clock.advance(25_000)
    expect((await client.getStatus(standard.ref)).status).toBe("running")
    sim.clock.advance(150_000)
    const done = await Promise.all([standard, aurora, fast].map((j) => client.getStatus(j.ref)))
    expect(done.map((j) => [j.status, j.creditsUsed, j.durationSeconds])).toEqual([
      ["succeeded", 5, 30],
      ["succeeded", 30, 30],
      ["succeeded", 15, 30],
    ])
    expect(done[0]!.videoUrl).toBe(`https://api.creatify.ai/sim/files/${JobRef.parse(standard.ref).id}.mp4`)
    expect(sim.creditsSpent()).toBe(50)
    expect(sim.jobs().map((j) => j.kind)).toEqual([
      "custom_template_job",
      "custom_template_job",
      "custom_template_job",
    ])
  })

  it("a rejected template render -> ContentRejected", async () => {
    const sim = mount()
    const client = clientFor(sim)
    sim.rejectNext("Template text rejected by moderation.")
    const job = await client.render({ template: String(SIM_CUSTOM_TEMPLATES[0]!.template_id), variables: {} })
    sim.clock.advance(180_000)
    await expect(client.waitForCompletion(job.ref)).rejects.toMatchObject({
      reason: { _tag: "ContentRejected" },
    })
  })

  it("reads Aurora jobs with GET /api/aurora/{id}/", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const id = sim.createAuroraJob({ seconds: 12, modelVersion: "aurora_v1_fast" })
    expect(sim.creditsSpent()).toBe(6)
    const ref = `creatify:aurora:${id}`
    expect(await client.getStatus(ref)).toMatchObject({ status: "queued", vendorStatus: "pending" })
    sim.clock.advance(180_000)
    expect(await client.getStatus(ref)).toMatchObject({
      status: "succeeded",
      durationSeconds: 12,
      creditsUsed: 6,
    })
    expect(sim.log.count(CREATIFY_ROUTES.getAurora)).toBe(2)
    const missing = await client
      .getStatus("creatify:aurora:nope")
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(missing.reason._tag).toBe("NotFound")
  })

  it("reads 250 jobs in 3 list requests (at most 100 ids each); more than 100 ids is a 400", async () => {
    const sim = mount()
    const provider = await providerFor(sim)
    const product = await Effect.runPromise(provider.createProduct!(productInput))
    const refs: JobRef[] = []
    for (let i = 0; i < 250; i++) {
      const job = await Effect.runPromise(
        provider.generatePreviews!({ product, visualStyles: ["FullScreenTemplate"] }),
      )
      refs.push(JobRef.parse(job.ref))
    }
    sim.clock.advance(120_000)
    const jobs = await Effect.runPromise(provider.getStatuses!(refs))
    expect(jobs).toHaveLength(250)
    expect(new Set(jobs.map((j) => j.status))).toEqual(new Set(["awaiting_selection"]))
    expect(sim.log.count(CREATIFY_ROUTES.listVideos)).toBe(3)
    expect(sim.log.count(CREATIFY_ROUTES.getVideo)).toBe(0)

    const ids = refs.slice(0, 101).map((r) => r.id)
    const tooMany = await fetch(`https://api.creatify.ai/api/link_to_videos/?ids=${ids.join(",")}`, {
      headers: { "x-api-id": DEFAULT_SIM_API_ID, "x-api-key": DEFAULT_SIM_API_KEY },
    })
    expect(tooMany.status).toBe(400)
    expect(await tooMany.json()).toEqual({ ids: ["Maximum 100 entries allowed."] })
  })

  it("lists jobs, and counts credits against a balance (insufficient credits -> InsufficientCredits)", async () => {
    const sim = mount({ balance: 7 })
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    const job = await client.generatePreviews({ product, visualStyles: styles, durationSeconds: 30 })
    const page = await client.listJobs()
    expect(page.jobs.map((j) => j.ref)).toEqual([job.ref])
    sim.clock.advance(120_000)
    const ready = await client.getStatus(job.ref)
    await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    expect(sim.creditsSpent()).toBe(7)
    const error = await client
      .generatePreviews({ product, visualStyles: styles })
      .then(unexpected, (e: unknown) => e as VideoError)
    expect(error.reason._tag).toBe("InsufficientCredits")
    expect(error.reason.message).toContain("Insufficient credits")
    expect(sim.creditsSpent()).toBe(7)
    expect(sim.jobs()).toHaveLength(1)
  })

  it("runs on a real, sped-up clock too (the CLI's mode): the whole flow settles by itself", async () => {
    const sim = mount({ clock: makeSimClock({ speed: 100_000 }) })
    const client = clientFor(sim)
    const product = await client.createProduct({ url: page().url })
    const job = await client.generatePreviews({ product, visualStyles: styles, durationSeconds: 15 })
    const wait = { schedule: Schedule.spaced("5 millis"), timeout: "5 seconds" } as const
    const ready = await client.waitForCompletion(job.ref, wait)
    expect(ready.status).toBe("awaiting_selection")
    const render = await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    const done = await client.waitForCompletion(render.ref, wait)
    expect(done).toMatchObject({
      status: "succeeded",
      vendorStatus: "done",
      durationSeconds: 15,
      creditsUsed: 2 + 4,
    })
  })

  it("checks the timeline and hands out settings", () => {
    expect(() => createSimulator({ timeline: { render: [{ status: "running", at: 0 }] } })).toThrow(/done/)
    expect(() => createSimulator({ timeline: { template: [] } })).toThrow(/at least one/)
    expect(() => createSimulator({ timeline: { previewsReadyAt: -1 } })).toThrow(/previewsReadyAt/)
    const sim = createSimulator()
    expect(sim.provider).toBe("creatify")
    expect(sim.canonicalBase).toBe("https://api.creatify.ai")
    expect(sim.settings()).toEqual({
      apiId: DEFAULT_SIM_API_ID,
      apiKey: DEFAULT_SIM_API_KEY,
      webhookSecret: DEFAULT_SIM_WEBHOOK_SECRET,
    })
    expect(sim.settings("http://127.0.0.1:4000/")).toMatchObject({ baseUrl: "http://127.0.0.1:4000" })
  })
})
