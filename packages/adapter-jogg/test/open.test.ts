import { SubmissionRef, type VideoError } from "@vidbridge/core"
import { Schedule } from "effect"
import { describe, expect, it } from "vitest"
import { API_KEY, client, fixture, issuesOf, json, rejection, route, useMsw } from "./support.js"

const server = useMsw()
const open = () => client({ apiVersion: "open" })
const productRef = "jogg:open_product:3924?prj=2508cd37da0a4f978623827f71ba995c"
// The project id alone: a webhook names the project by `data.project_id`, and the two refs are equal.
const projectRef = "jogg:open_project:2508cd37da0a4f978623827f71ba995c"

describe("JoggAI open API (the seed's flow)", () => {
  it("creates a product from a URL; the ref carries the product id and prj_id", async () => {
    const seen = route(server, "post", "/open/product", json(fixture("open-product-create")))
    const product = await open().createProduct({ url: "https://www.amazon.com/product-url" })
    expect(seen[0]!.headers.get("x-api-key")).toBe(API_KEY)
    expect(seen[0]!.body).toEqual({ url: "https://www.amazon.com/product-url" })
    expect(product).toMatchObject({ ref: productRef, id: "3924" })
  })

  it("updates the product with the open field names (PUT /open/product)", async () => {
    const seen = route(server, "put", "/open/product", json(fixture("open-product-update")))
    const product = await open().updateProduct(productRef, {
      title: "Bottle",
      description: "Keeps cold",
      targetAudience: "hikers",
      imageUrls: ["https://cdn.example/a.jpg"],
    })
    expect(seen[0]!.body).toEqual({
      product_id: 3924,
      title: "Bottle",
      intro_text: "Keeps cold",
      target_audience: "hikers",
      intro_medias: [{ type: 1, url: "https://cdn.example/a.jpg" }],
    })
    expect(product.ref).toBe(productRef)
  })

  it("renders the project with numeric aspect codes and the seed's fields", async () => {
    const seen = route(server, "post", "/open/project/render", json(fixture("open-render")))
    const job = await open().render({
      product: productRef,
      aspectRatio: "9:16",
      language: "en",
      subtitles: true,
      avatar: "37",
      template: "Card Stacking",
      scriptStyle: "Discovery_stage",
      providerOptions: { jogg: { template_type: "common", index_template_name: "" } },
    })
    expect(seen[0]!.body).toEqual(fixture("open-render-request"))
    expect(job).toMatchObject({ ref: projectRef, status: "queued", stage: "render" })
  })

  it.each([
    [3, "found: the call answers the project, reconciled"],
    [1, "not found: the project was never rendered"],
  ])("a render whose answer is lost (5xx after sending), project status %i: %s", async (status) => {
    const seen = route(server, "post", "/open/project/render", json({ detail: "upstream failed" }, 502))
    const reads = route(server, "get", "/open/prj_info", () => {
      const body = fixture("open-prj-info")
      Object.assign(body.data, { status, progress: 0, video_url: "" })
      return Response.json(body)
    })
    const result = await open()
      .render({ product: productRef, aspectRatio: "9:16", avatar: "37" })
      .then(
        (job) => ({ job }),
        (error: VideoError) => ({ error }),
      )
    expect(seen).toHaveLength(1)
    expect(reads.length).toBeGreaterThan(0)
    expect(reads[0]!.url.searchParams.get("project_id")).toBe("2508cd37da0a4f978623827f71ba995c")
    if ("job" in result) {
      expect(status).toBe(3)
      expect(result.job).toMatchObject({
        ref: projectRef,
        status: "running",
        submission: { reconciled: true },
      })
      return
    }
    expect(status).toBe(1)
    expect(result.error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      lookup: "not_found",
      failure: { _tag: "VendorUnavailable", delivery: "ambiguous" },
    })
    // The submission ref names the project, so findSubmission can read it again later.
    expect(SubmissionRef.parse(result.error.ref!)).toMatchObject({
      operation: "render",
      hints: { prj: "2508cd37da0a4f978623827f71ba995c", product: "3924" },
    })
  })

  it.each([1, 2])(
    "a project in status %i waits for the caller's render: awaiting_selection, a wait ends at once",
    async (status) => {
      const reads = route(server, "get", "/open/prj_info", () => {
        const body = fixture("open-prj-info")
        Object.assign(body.data, { status, progress: 0, video_url: "" })
        return Response.json(body)
      })
      const job = await open().waitForCompletion(productRef, { schedule: Schedule.spaced(1), minInterval: 0 })
      expect(job).toMatchObject({ status: "awaiting_selection", vendorStatus: String(status) })
      expect(reads).toHaveLength(1)
    },
  )

  it.each([
    ["1:1", 2],
    ["16:9", 1],
  ] as const)("maps aspect %s to code %i", async (aspectRatio, code) => {
    const seen = route(server, "post", "/open/project/render", json(fixture("open-render")))
    await open().render({ product: productRef, aspectRatio, avatar: "37" })
    expect((seen[0]!.body as { aspect_ratio: number }).aspect_ratio).toBe(code)
  })

  it("reads status, progress and video_url from GET /open/prj_info", async () => {
    const seen = route(server, "get", "/open/prj_info", (n) => {
      const body = fixture("open-prj-info")
      if (n === 1) Object.assign(body.data, { status: 3, progress: 40, video_url: "" })
      return Response.json(body)
    })
    const running = await open().getStatus(projectRef)
    expect(seen[0]!.url.searchParams.get("project_id")).toBe("2508cd37da0a4f978623827f71ba995c")
    expect(running).toMatchObject({ status: "running", progress: 0.4, vendorStatus: "3" })
    // A ref made by an earlier version (with `?product=`) still reads, and keeps its form.
    const done = await open().getStatus(`${projectRef}?product=3924`)
    expect(done.ref).toBe(`${projectRef}?product=3924`)
    expect(done).toMatchObject({
      status: "succeeded",
      progress: 1,
      durationSeconds: 29.8,
      videoUrl: "https://res.jogg.ai/joggUserData/project/2508cd37da0a4f978623827f71ba995c/video.mp4",
    })
  })

  it.each([
    [5, "failed"],
    [99, "cancelled"],
    [7, "unknown"],
  ])("status %i -> %s, never a crash", async (status, neutral) => {
    route(server, "get", "/open/prj_info", () => {
      const body = fixture("open-prj-info")
      Object.assign(body.data, { status, err_msg: "render failed" })
      return Response.json(body)
    })
    const job = await open().getStatus(projectRef)
    expect(job.status).toBe(neutral)
    if (neutral === "failed") expect(job.failure?.message).toBe("render failed")
  })

  it("runs the whole flow: product -> update -> render -> succeeded", async () => {
    route(server, "post", "/open/product", json(fixture("open-product-create")))
    route(server, "put", "/open/product", json(fixture("open-product-update")))
    route(server, "post", "/open/project/render", json(fixture("open-render")))
    route(server, "get", "/open/prj_info", (n) => {
      const body = fixture("open-prj-info")
      if (n === 1) Object.assign(body.data, { status: 3, progress: 0 })
      return Response.json(body)
    })
    const videos = open()
    const product = await videos.createProduct({ url: "https://www.amazon.com/product-url" })
    const updated = await videos.updateProduct(product, { title: "Owala" })
    const job = await videos.render({ product: updated.ref, avatar: "37", aspectRatio: "9:16" })
    const done = await videos.waitForCompletion(job.ref, { schedule: Schedule.spaced(1), minInterval: 0 })
    expect(done.status).toBe("succeeded")
  })

  it("answers UnsupportedOperation for previews and job lists, before any request", async () => {
    const previews = await rejection(
      open().generatePreviews({ product: productRef, visualStyles: ["S"], avatar: "37" }),
    )
    expect(previews.reason._tag).toBe("UnsupportedOperation")
    const list = await rejection(open().listJobs())
    expect(list.reason._tag).toBe("UnsupportedOperation")
  })

  it.each([
    ["a missing avatar", { product: productRef }, "avatar"],
    ["a duration", { product: productRef, avatar: "37", durationSeconds: 30 }, "durationSeconds"],
    [
      "a script style not in the enum",
      { product: productRef, avatar: "37", scriptStyle: "Storytime" },
      "scriptStyle",
    ],
    ["a product without prj_id", { product: "3924", avatar: "37" }, "product"],
    ["a v2 product ref", { product: "jogg:product:NTIz", avatar: "37" }, "product"],
    [
      "a v2-only option",
      { product: productRef, avatar: "37", providerOptions: { jogg: { music_id: 1 } } },
      "providerOptions.jogg.music_id",
    ],
  ] as const)("rejects %s before any request", async (_label, request, path) => {
    const error = await rejection(open().render(request as never))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(issuesOf(error).map((i) => i.path)).toContain(path)
  })

  it("rejects product data without a URL (the open API scrapes pages only)", async () => {
    const error = await rejection(open().createProduct({ title: "Bottle" }))
    expect(error.message).toContain("url")
  })
})
