import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { API_KEY, client, fixture, json, rejection, route, useMsw } from "./support.js"

const server = useMsw()

const cases: Array<[number, string, string, number]> = [
  [10104, "Record not found", "NotFound", 404],
  [10105, "Invalid API key", "AuthenticationFailed", 401],
  [18020, "Insufficient credit", "InsufficientCredits", 402],
  [18025, "No permission to call APIs", "AuthenticationFailed", 403],
  [40000, "Parameter error: avatar_id is required", "VendorRejected", 400],
  [429, "Rate limit exceeded. Please try again later.", "RateLimited", 429],
  [50000, "System error", "VendorUnavailable", 500],
]

describe("JoggAI envelope errors", () => {
  describe.each([
    ["HTTP 200", false],
    ["real HTTP status", true],
  ])("with %s", (_label, realStatus) => {
    it.each(cases)("code %i (%s) -> %s", async (code, msg, tag, status) => {
      const seen = route(server, "get", "/v2/product_video/pv_1", () =>
        HttpResponse.json(
          { code, msg, data: null, rid: "864ecc09edbc22041a7312fb4ffb0cd2" },
          { status: realStatus ? status : 200 },
        ),
      )
      const error = await rejection(client({ retry: false }).getStatus("jogg:product_video:pv_1"))
      expect(seen).toHaveLength(1)
      expect(error.reason._tag).toBe(tag)
      expect(error.message).toContain(msg)
      expect(error.requestId).toBe("864ecc09edbc22041a7312fb4ffb0cd2")
      expect(error.status).toBe(realStatus ? status : 200)
      if (tag === "VendorRejected") expect(error.reason).toMatchObject({ vendorMessages: [msg] })
      if (tag === "VendorUnavailable") expect(error.reason).toMatchObject({ delivery: "ambiguous" })
      expect(JSON.stringify(error)).not.toContain(API_KEY)
      expect(error.message).not.toContain(API_KEY)
    })
  })

  it("parses the documented invalid-key answer", async () => {
    route(server, "post", "/v2/product", () => HttpResponse.json(fixture("v2-error-invalid-key")))
    const error = await rejection(client().createProduct({ url: "https://shop.example/p" }))
    expect(error.reason._tag).toBe("AuthenticationFailed")
  })

  it("names a scrape failure and hints at product data", async () => {
    route(server, "post", "/v2/product", () =>
      HttpResponse.json({ code: 40001, msg: "Failed to extract product information", data: null }),
    )
    const error = await rejection(client().createProduct({ url: "https://shop.example/p" }))
    expect(error.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: ["Failed to extract product information"],
    })
    expect((error.reason as { hint?: string }).hint).toContain("title")
  })

  it("retries a read after code 50000, and a rate-limited POST after 429", async () => {
    const read = route(server, "get", "/v2/product_video/pv_1", (n) =>
      n === 1
        ? HttpResponse.json({ code: 50000, msg: "System error" })
        : HttpResponse.json({ code: 0, msg: "Success", data: { id: "pv_1", status: "processing" } }),
    )
    const job = await client().getStatus("jogg:product_video:pv_1")
    expect(job.status).toBe("running")
    expect(read).toHaveLength(2)
    const post = route(server, "post", "/v2/create_video_from_product/render_single_preview", (n) =>
      n === 1
        ? HttpResponse.json({ code: 429, msg: "Rate limit exceeded. Please try again later." })
        : HttpResponse.json(fixture("v2-render-single-preview")),
    )
    await client().renderPreview({ job: "jogg:preview_set:P?ids=a", previewId: "a" })
    expect(post).toHaveLength(2)
  })

  // A lost answer of a paid call: sent once, then core looks it up with findSubmission, whose
  // reads are GETs (JoggAI limits POSTs to 20 a minute; the client's limiter counts only POSTs).
  const emptyList = (items: "videos" | "previews") =>
    json({ code: 0, msg: "Success", data: { [items]: [], total: 0, page: 1, page_size: 100 } })

  it.each([
    ["HTTP 500", () => HttpResponse.json({ code: 50000, msg: "System error" }, { status: 500 })],
    ["HTTP 502 without envelope", () => new HttpResponse("bad gateway", { status: 502 })],
    ["a network error", () => HttpResponse.error()],
  ])("sends a render exactly once after %s, then only reads the video list", async (_label, respond) => {
    const seen = route(server, "post", "/v2/create_video_from_product/render_single_preview", respond)
    const lookups = route(server, "get", "/v2/product_videos", emptyList("videos"))
    const error = await rejection(client().renderPreview({ job: "jogg:preview_set:P?ids=a", previewId: "a" }))
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      lookup: "not_found",
      failure: { _tag: "VendorUnavailable", delivery: "ambiguous" },
    })
    expect(error.retryable).toBe(false)
    expect(error.ref).toMatch(/^jogg:submission:vb[a-z2-7]{20}\?at=\d+&op=renderPreview$/)
    expect(seen).toHaveLength(1)
    expect(lookups.length).toBeGreaterThan(0)
    expect(lookups.every((l) => l.method === "GET")).toBe(true)
    expect(Object.fromEntries(lookups[0]!.url.searchParams)).toEqual({
      page: "1",
      page_size: "100",
      sort_by: "created_at",
      sort_order: "desc",
    })
  })

  it("sends previews exactly once after a 500", async () => {
    const seen = route(server, "post", "/v2/create_video_from_product/preview_list", () =>
      HttpResponse.json({ code: 50000, msg: "System error" }, { status: 500 }),
    )
    const lookups = route(server, "get", "/v2/product_previews", emptyList("previews"))
    const error = await rejection(
      client().generatePreviews({ product: "jogg:product:P", visualStyles: ["S"], avatar: "1" }),
    )
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "not_found" })
    expect(seen).toHaveLength(1)
    expect(lookups.length).toBeGreaterThan(0)
  })

  it("reports a shape drift as UnexpectedResponse naming the path (accepted: looked up)", async () => {
    route(server, "post", "/v2/create_video_from_product/preview_list", () =>
      HttpResponse.json({ code: 0, msg: "Success", data: { previews: "nope" } }),
    )
    route(server, "get", "/v2/product_previews", emptyList("previews"))
    const error = await rejection(
      client().generatePreviews({ product: "jogg:product:P", visualStyles: ["S"], avatar: "1" }),
    )
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      failure: { _tag: "UnexpectedResponse", path: "data.previews", delivery: "accepted" },
    })
  })

  it("reports an id no JobRef can carry (a lone surrogate) as UnexpectedResponse, not a crash", async () => {
    route(server, "get", "/v2/product_videos", () =>
      HttpResponse.json({
        code: 0,
        msg: "Success",
        data: { videos: [{ id: "pv_\ud800", status: "completed" }] },
      }),
    )
    const error = await rejection(client().listJobs())
    expect(error.reason).toMatchObject({ _tag: "UnexpectedResponse", path: "data.videos[0].id" })
  })

  it("never leaks the key or the webhook secret", async () => {
    route(server, "get", "/v2/product_video/pv_1", () =>
      HttpResponse.json({ code: 40000, msg: `bad key ${API_KEY} secret whsec_topsecret`, data: null }),
    )
    const error = await rejection(
      client({ webhookSecret: "whsec_topsecret" }).getStatus("jogg:product_video:pv_1"),
    )
    const text = `${JSON.stringify(error)} ${error.message}`
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain("whsec_topsecret")
  })
})
