import { Effect, Schedule } from "effect"
import { describe, expect, it } from "vitest"
import { API_KEY, client, fixture, json, provider, rejection, route, useMsw } from "./support.js"

const server = useMsw()
const fast = { schedule: Schedule.spaced(1), minInterval: 0 }

describe("JoggAI v2: products", () => {
  it("creates a product from a URL (POST /v2/product, x-api-key)", async () => {
    const seen = route(server, "post", "/v2/product", json(fixture("v2-product-create")))
    const product = await client().createProduct({ url: "https://www.amazon.com/dp/B0" })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.headers.get("x-api-key")).toBe(API_KEY)
    expect(seen[0]!.headers.get("content-type")).toContain("application/json")
    expect(seen[0]!.body).toEqual({ url: "https://www.amazon.com/dp/B0" })
    expect(product).toMatchObject({
      ref: "jogg:product:NTIzMzc0NjI5",
      id: "NTIzMzc0NjI5",
      title: "Owala FreeSip Water Bottle",
      url: "https://www.amazon.com/dp/B0",
      imageUrls: ["https://m.media-amazon.com/images/I/61wvLrf8ekL._AC_SL1500_.jpg"],
    })
  })

  it("creates a product from fields, media typed 1 image / 2 video", async () => {
    const seen = route(server, "post", "/v2/product", json({ code: 0, msg: "Success", data: { id: "P1" } }))
    const product = await client().createProduct({
      title: "Bottle",
      description: "Keeps cold",
      targetAudience: "hikers",
      imageUrls: ["https://cdn.example/a.jpg"],
      videoUrls: ["https://cdn.example/a.mp4"],
    })
    expect(seen[0]!.body).toEqual({
      name: "Bottle",
      description: "Keeps cold",
      target_audience: "hikers",
      media: [
        { type: 1, url: "https://cdn.example/a.jpg" },
        { type: 2, url: "https://cdn.example/a.mp4" },
      ],
    })
    expect(product.ref).toBe("jogg:product:P1")
  })

  it("updates a product (PUT /v2/product) by ref, or by bare id through the Effect port", async () => {
    const seen = route(server, "put", "/v2/product", json(fixture("v2-product-update")))
    const product = await client().updateProduct("jogg:product:NTIzMzc0NjI5", {
      title: "New",
      description: "D",
    })
    const shape = await provider()
    await Effect.runPromise(shape.updateProduct!("NTIzMzc0NjI5", { targetAudience: "runners" }))
    expect(seen.map((s) => s.body)).toEqual([
      { product_id: "NTIzMzc0NjI5", name: "New", description: "D" },
      { product_id: "NTIzMzc0NjI5", target_audience: "runners" },
    ])
    expect(product).toMatchObject({ ref: "jogg:product:NTIzMzc0NjI5", title: "New" })
  })
})

describe("JoggAI v2: previews and render", () => {
  it("sends the nested preview_list body and carries the preview ids in the ref", async () => {
    const seen = route(
      server,
      "post",
      "/v2/create_video_from_product/preview_list",
      json(fixture("v2-preview-list-guide")),
    )
    const job = await client().generatePreviews({
      product: "jogg:product:NTIzMzc0NjI5",
      visualStyles: ["Simple Product Switch", "Simple split screen template"],
      aspectRatio: "9:16",
      durationSeconds: 15,
      avatar: "81",
      voice: "en-US-ChristopherNeural",
      scriptStyle: "Storytime",
      language: "en",
      subtitles: true,
      script: "Stay cold all day.",
      webhookUrl: "https://app.example/hooks/jogg",
      name: "ad-1",
      idempotencyKey: "order-42",
      providerOptions: { jogg: { avatar_type: "custom", music_id: 62 } },
    })
    // The submission key travels with the name in video_spec.name (JoggAI lists it as `title`).
    expect(seen[0]!.body).toEqual({
      product_id: "NTIzMzc0NjI5",
      visual_styles: ["Simple Product Switch", "Simple split screen template"],
      video_spec: { aspect_ratio: "portrait", length: "15", caption: true, name: "ad-1 [order-42]" },
      avatar: { id: 81, type: 1 },
      voice: { id: "en-US-ChristopherNeural" },
      audio: { music_id: 62 },
      script: { style: "Storytime", language: "english" },
      // The spec puts `language` at the top level, the guides in `script`: both are sent.
      language: "english",
      override_script: "Stay cold all day.",
      webhook_url: "https://app.example/hooks/jogg",
    })
    expect(job.ref).toBe("jogg:preview_set:NTIzMzc0NjI5?ids=preview_456%2Cpreview_457&key=order-42")
    expect(job).toMatchObject({ status: "running", stage: "preview", name: "ad-1" })
    expect(job.submission).toMatchObject({ key: "order-42" })
    expect(job.previews?.map((p) => p.id)).toEqual(["preview_456", "preview_457"])
  })

  it("reports styles JoggAI refused (err_msg) and fails when none was submitted", async () => {
    route(server, "post", "/v2/create_video_from_product/preview_list", json(fixture("v2-preview-list")))
    const job = await client().generatePreviews({
      product: "NTIzMzc0NjI5",
      visualStyles: ["Simple Product Switch"],
      avatar: "81",
    })
    expect(job.status).toBe("failed")
    expect(job.failure?.message).toContain("Generation failed due to invalid parameters")
  })

  it("derives the preview set's status from GET /v2/product_previews", async () => {
    const ref = "jogg:preview_set:NTIzMzc0NjI5?ids=preview_456%2Cpreview_457"
    const listed = fixture("v2-product-previews")
    const seen = route(server, "get", "/v2/product_previews", (n) => {
      const body = structuredClone(listed)
      if (n > 1) body.data.previews[1].status = "completed"
      return Response.json(body)
    })
    const first = await client().getStatus(ref)
    expect(first).toMatchObject({ status: "running", vendorStatus: "completed,processing", progress: 0.5 })
    const second = await client().getStatus(ref)
    expect(second.status).toBe("awaiting_selection")
    expect(second.previews?.[0]).toMatchObject({
      id: "preview_456",
      url: "https://res.jogg.ai/previews/preview_456.mp4",
    })
    expect(seen[0]!.url.searchParams.get("page")).toBe("1")
    expect(seen[0]!.url.searchParams.get("page_size")).toBe("100")
  })

  it.each([
    ["v2-render-single-preview", "jogg:product_video:video_789", "running"],
    ["v2-render-single-preview-guide", "jogg:product_video:pv_123456", "queued"],
  ])("renders one preview (%s): accepts video_id or product_video_id", async (name, ref, status) => {
    const seen = route(
      server,
      "post",
      "/v2/create_video_from_product/render_single_preview",
      json(fixture(name)),
    )
    const job = await client().renderPreview({
      job: "jogg:preview_set:NTIzMzc0NjI5?ids=preview_456%2Cpreview_457",
      previewId: "preview_456",
    })
    expect(seen[0]!.body).toEqual({ preview_id: "preview_456" })
    expect(job).toMatchObject({ ref, status, stage: "render" })
  })

  it("renders directly (POST /v2/create_video_from_product) with the guide's example body", async () => {
    const seen = route(
      server,
      "post",
      "/v2/create_video_from_product",
      json(fixture("v2-render-single-preview")),
    )
    await client().render({
      product: "jogg:product:NTIzMzc0NjI5",
      visualStyle: "Simple Product Switch",
      aspectRatio: "9:16",
      durationSeconds: 30,
      subtitles: true,
      avatar: "81",
      voice: "en-US-ChristopherNeural",
      scriptStyle: "Storytime",
      language: "en-US",
      providerOptions: { jogg: { avatar_type: 0 } },
      idempotencyKey: "render-7",
    })
    // The guide's body, plus the submission key as the video's name (no name was given).
    const { video_spec, ...rest } = seen[0]!.body as { video_spec: Record<string, unknown> }
    const { video_spec: guideSpec, ...guide } = fixture("v2-create-video-request")
    expect(rest).toEqual(guide)
    expect(video_spec).toEqual({ ...guideSpec, name: "[render-7]" })
  })

  it.each([
    ["v2-product-video-processing", "running", undefined],
    ["v2-product-video-completed", "succeeded", "https://res.jogg.ai/videos/pv_789012.mp4"],
    ["v2-product-video-failed", "failed", undefined],
  ])("reads GET /v2/product_video/{id} (%s)", async (name, status, videoUrl) => {
    const seen = route(server, "get", "/v2/product_video/pv_789012", json(fixture(name)))
    const job = await client().getStatus("jogg:product_video:pv_789012")
    expect(seen).toHaveLength(1)
    expect(job).toMatchObject({ status, videoUrl })
    if (status === "failed")
      expect(job.failure).toEqual({
        code: "50000",
        message: "Insufficient media quality for video generation",
      })
    if (status === "succeeded")
      expect(job).toMatchObject({ durationSeconds: 30.5, createdAt: "2024-11-28T15:10:31.000Z" })
  })

  it("reports deducted_credit as creditsUsed", async () => {
    route(server, "get", "/v2/product_video/video_789", json(fixture("v2-product-video-spec")))
    const job = await client().getStatus("jogg:product_video:video_789")
    expect(job).toMatchObject({
      status: "succeeded",
      creditsUsed: 10.5,
      thumbnailUrl: "https://res.jogg.ai/covers/video_789.jpg",
    })
  })

  it("keeps an unknown status as unknown without crashing", async () => {
    route(
      server,
      "get",
      "/v2/product_video/pv_1",
      json({ code: 0, msg: "Success", data: { id: "pv_1", status: "rendering_v3" } }),
    )
    const job = await client().getStatus("jogg:product_video:pv_1")
    expect(job).toMatchObject({ status: "unknown", vendorStatus: "rendering_v3" })
    expect(job.raw).toMatchObject({ status: "rendering_v3" })
  })

  it("lists product videos page by page (cursor = page number)", async () => {
    const seen = route(server, "get", "/v2/product_videos", json(fixture("v2-product-videos")))
    const page = await client().listJobs({ limit: 2 })
    expect(seen[0]!.url.searchParams.get("page")).toBe("1")
    expect(seen[0]!.url.searchParams.get("page_size")).toBe("2")
    expect(page.jobs.map((j) => [j.ref, j.status])).toEqual([
      ["jogg:product_video:pv_789012", "succeeded"],
      ["jogg:product_video:pv_123456", "running"],
    ])
    expect(page.nextCursor).toBe("2")
    await client().listJobs({ limit: 2, cursor: "2" })
    expect(seen[1]!.url.searchParams.get("page")).toBe("2")
  })
})

describe("JoggAI v2: the whole flow", () => {
  it("product -> previews -> awaiting_selection -> render -> succeeded", async () => {
    route(server, "post", "/v2/product", json(fixture("v2-product-create")))
    route(
      server,
      "post",
      "/v2/create_video_from_product/preview_list",
      json(fixture("v2-preview-list-guide")),
    )
    route(server, "get", "/v2/product_previews", (n) => {
      const body = fixture("v2-product-previews")
      body.data.previews[1].status = n > 1 ? "completed" : "processing"
      return Response.json(body)
    })
    route(
      server,
      "post",
      "/v2/create_video_from_product/render_single_preview",
      json(fixture("v2-render-single-preview")),
    )
    route(server, "get", "/v2/product_video/video_789", (n) =>
      Response.json(
        n > 1
          ? fixture("v2-product-video-spec")
          : { code: 0, msg: "Success", data: { status: "processing" } },
      ),
    )
    const videos = client()
    const product = await videos.createProduct({ url: "https://www.amazon.com/dp/B0" })
    const previews = await videos.generatePreviews({
      product: product.ref,
      visualStyles: ["Simple Product Switch"],
      avatar: "81",
    })
    const ready = await videos.waitForCompletion(previews.ref, fast)
    expect(ready.status).toBe("awaiting_selection")
    const render = await videos.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    const done = await videos.waitForCompletion(render.ref, fast)
    expect(done).toMatchObject({
      status: "succeeded",
      videoUrl: "https://res.jogg.ai/videos/video_789.mp4",
      creditsUsed: 10.5,
    })
  })

  it("a failed video makes waitForCompletion reject with JobFailed", async () => {
    route(server, "get", "/v2/product_video/pv_789012", json(fixture("v2-product-video-failed")))
    const error = await rejection(client().waitForCompletion("jogg:product_video:pv_789012", fast))
    expect(error.reason._tag).toBe("JobFailed")
  })
})
