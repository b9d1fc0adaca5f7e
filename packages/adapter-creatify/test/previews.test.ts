import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import {
  API_ID,
  API_KEY,
  authOf,
  BASE,
  failure,
  linkToVideo,
  makeProvider,
  run,
  type Seen,
  snapshot,
  useServer,
} from "./support.js"

const { server } = useServer()

describe("generatePreviews", () => {
  it("POSTs /api/link_to_videos/preview_list_async/ with every mapped field", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/link_to_videos/preview_list_async/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(linkToVideo({ id: "ltv-2" }), { status: 201 })
      }),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.generatePreviews!({
        product: { ref: "creatify:product:link-1", id: "link-1", provider: "creatify" },
        aspectRatios: ["9:16", "16:9", "1:1"],
        language: "pt-BR",
        durationSeconds: 60,
        scriptStyle: "DIY",
        name: "Spring",
        providerOptions: { creatify: { model_version: "aurora_v1_fast", no_background_music: true } },
      }),
    )
    expect(calls[0]!.method).toBe("POST")
    expect(calls[0]!.path).toBe("/api/link_to_videos/preview_list_async/")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    const body = calls[0]!.body as Record<string, unknown>
    expect(body).toMatchObject({
      link: "link-1",
      aspect_ratios: ["9x16", "16x9", "1x1"],
      language: "pt",
      video_length: 60,
      script_style: "DIY",
      name: "Spring",
      model_version: "aurora_v1_fast",
      no_background_music: true,
    })
    // No styles named: the nine styles of Creatify's guide.
    expect(body.visual_styles).toHaveLength(9)
    expect(job).toMatchObject({
      ref: "creatify:link_to_video:ltv-2",
      status: "queued",
      stage: "preview",
      creditsUsed: 1,
    })
  })

  it.each([
    [{ durationSeconds: 45 }, "durationSeconds", "15, 30, 60"],
    [{ language: "xx" }, "language", "en"],
    [{ providerOptions: { creatify: { unknown_flag: true } } }, "unknown_flag", ""],
    [{ providerOptions: { creatify: { voiceover_volume: 2 } } }, "voiceover_volume", ""],
  ])("rejects %j before any request", async (patch, field, allowed) => {
    const provider = await makeProvider()
    const error = await failure(provider.generatePreviews!({ product: "link-1", ...patch }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain(field)
    expect(error.message).toContain(allowed)
  })

  it("sends a newer language code verbatim through providerOptions", async () => {
    const bodies: unknown[] = []
    server.use(
      http.post(`${BASE}/api/link_to_videos/preview_list_async/`, async ({ request }) => {
        bodies.push(await request.json())
        return HttpResponse.json(linkToVideo())
      }),
    )
    const provider = await makeProvider()
    await run(
      provider.generatePreviews!({
        product: "link-1",
        language: "xx",
        providerOptions: { creatify: { language: "sw" } },
      }),
    )
    expect(bodies[0]).toMatchObject({ language: "sw" })
  })

  it("is sent exactly once after a network error", async () => {
    let count = 0
    server.use(
      http.post(`${BASE}/api/link_to_videos/preview_list_async/`, () => {
        count++
        return HttpResponse.error()
      }),
    )
    const provider = await makeProvider()
    const error = await failure(provider.generatePreviews!({ product: "link-1" }))
    expect(error.reason._tag).toBe("VendorUnavailable")
    expect(count).toBe(1)
  })

  it("refuses another provider's product", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.generatePreviews!({ product: "jogg:product:1" }))
    expect(error.reason._tag).toBe("InvalidInput")
  })
})

describe("renderPreview", () => {
  it("refuses webhookUrl (Creatify uses the one given to generatePreviews)", async () => {
    const provider = await makeProvider()
    const error = await failure(
      provider.renderPreview!({
        job: "creatify:link_to_video:l",
        previewId: "m",
        webhookUrl: "https://a.example/h",
      }),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("webhookUrl")
  })

  it("reads a 404 as NotFound", async () => {
    server.use(
      http.post(`${BASE}/api/link_to_videos/l/render_single_preview/`, () =>
        HttpResponse.json({ detail: "Not found." }, { status: 404 }),
      ),
    )
    const provider = await makeProvider()
    const error = await failure(provider.renderPreview!({ job: "creatify:link_to_video:l", previewId: "m" }))
    expect(error.reason._tag).toBe("NotFound")
  })
})

describe("renderPreview input", () => {
  it("refuses a job that is not a Creatify preview job, before any request", async () => {
    const provider = await makeProvider()
    for (const job of ["not a ref", "creatify:aurora:a1", "creatify:product:l1", "jogg:product_video:v1"]) {
      const error = await failure(provider.renderPreview!({ job, previewId: "m" }))
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain("job")
    }
  })
})
