import { createVideoClient, VideoError } from "@vidbridge/core"
import { Schedule } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { creatify } from "../src/index.js"
import { API_ID, API_KEY, authOf, BASE, linkToVideo, type Seen, snapshot, useServer } from "./support.js"

const { server } = useServer()

const previews = [
  {
    media_job: "mj-a",
    visual_style: "FullScreenTemplate",
    aspect_ratio: "9x16",
    url: "https://app.creatify.ai/preview?a",
  },
  {
    media_job: "mj-b",
    visual_style: "EnhancedVanillaTemplate",
    aspect_ratio: "9x16",
    url: "https://app.creatify.ai/preview?b",
  },
]

const makeClient = () =>
  createVideoClient({
    provider: creatify({
      apiId: API_ID,
      apiKey: API_KEY,
      baseUrl: BASE,
      retry: { baseDelay: 1, maxDelay: 1 },
    }),
    polling: { schedule: Schedule.spaced("1 millis") },
  })

describe("URL -> previews -> pick -> render -> done", () => {
  it("runs the whole flow with the documented requests", async () => {
    const calls: Seen[] = []
    // GET answers in order: previews not ready, previews ready, then (after the render) queued, running, done.
    const gets = [
      linkToVideo(),
      linkToVideo({ previews }),
      linkToVideo({ previews, status: "in_queue" }),
      linkToVideo({ previews, status: "running", progress: "40" }),
      linkToVideo({
        previews,
        status: "done",
        progress: "100",
        video_output: "https://cdn.creatify.test/final.mp4",
        video_thumbnail: "https://cdn.creatify.test/final.jpg",
        credits_used: 5,
      }),
    ]
    server.use(
      http.post(`${BASE}/api/links/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json({
          id: "link-1",
          url: "https://shop.example/p/1",
          link: { title: "Soap" },
          credits_used: 1,
        })
      }),
      http.post(`${BASE}/api/link_to_videos/preview_list_async/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(linkToVideo())
      }),
      http.get(`${BASE}/api/link_to_videos/ltv-1/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(gets.shift() ?? linkToVideo({ status: "unexpected-extra-read" }))
      }),
      http.post(`${BASE}/api/link_to_videos/ltv-1/render_single_preview/`, async ({ request }) => {
        calls.push(await snapshot(request))
        // Previews stay on the job while it renders: pending + previews must not mean "awaiting selection".
        return HttpResponse.json(linkToVideo({ previews, status: "pending" }))
      }),
    )
    const client = makeClient()
    const product = await client.createProduct({ url: "https://shop.example/p/1" })
    const job = await client.generatePreviews({
      product,
      aspectRatio: "9:16",
      durationSeconds: 30,
      language: "en",
      visualStyles: ["FullScreenTemplate", "EnhancedVanillaTemplate"],
      targetPlatform: "Instagram",
      targetAudience: "Young Adults",
      script: "Meet the soap.",
    })
    expect(job).toMatchObject({ ref: "creatify:link_to_video:ltv-1", status: "queued", stage: "preview" })

    const ready = await client.waitForCompletion(job.ref)
    expect(ready.status).toBe("awaiting_selection")
    expect(ready.previews).toEqual([
      {
        id: "mj-a",
        visualStyle: "FullScreenTemplate",
        aspectRatio: "9:16",
        url: "https://app.creatify.ai/preview?a",
      },
      {
        id: "mj-b",
        visualStyle: "EnhancedVanillaTemplate",
        aspectRatio: "9:16",
        url: "https://app.creatify.ai/preview?b",
      },
    ])

    const rendering = await client.renderPreview({ job: ready.ref, previewId: "mj-b" })
    expect(rendering).toMatchObject({
      ref: "creatify:link_to_video:ltv-1?stage=render",
      status: "queued",
      stage: "render",
    })

    const done = await client.waitForCompletion(rendering.ref)
    expect(done).toMatchObject({
      status: "succeeded",
      vendorStatus: "done",
      stage: "render",
      progress: 1,
      videoUrl: "https://cdn.creatify.test/final.mp4",
      thumbnailUrl: "https://cdn.creatify.test/final.jpg",
      creditsUsed: 5,
    })
    expect(gets).toHaveLength(0)

    const posts = calls.filter((c) => c.method === "POST")
    expect(posts.map((c) => c.path)).toEqual([
      "/api/links/",
      "/api/link_to_videos/preview_list_async/",
      "/api/link_to_videos/ltv-1/render_single_preview/",
    ])
    expect(posts[1]!.body).toEqual({
      // The submission key travels in the name, after the caller's name (none here).
      name: expect.stringMatching(/^\[vb:vb[a-z2-7]{20}\]$/),
      link: "link-1",
      language: "en",
      video_length: 30,
      aspect_ratio: "9x16",
      override_script: "Meet the soap.",
      visual_styles: ["FullScreenTemplate", "EnhancedVanillaTemplate"],
      target_platform: "Instagram",
      target_audience: "Young Adults",
    })
    expect(posts[2]!.body).toEqual({ media_job: "mj-b" })
    for (const call of calls) expect(authOf(call.headers)).toEqual({ id: API_ID, key: API_KEY })
  })

  it("a rejected render is a ContentRejected failure; a failed one is JobFailed with the vendor reason", async () => {
    const answers = [
      linkToVideo({ previews, status: "rejected" }),
      linkToVideo({ previews, status: "failed", failed_reason: "avatar render failed" }),
    ]
    server.use(http.get(`${BASE}/api/link_to_videos/ltv-1/`, () => HttpResponse.json(answers.shift())))
    const client = makeClient()
    const rejected = await client
      .waitForCompletion("creatify:link_to_video:ltv-1?stage=render")
      .catch((e) => e)
    expect(rejected).toBeInstanceOf(VideoError)
    expect(rejected.reason._tag).toBe("ContentRejected")
    const failed = await client.waitForCompletion("creatify:link_to_video:ltv-1?stage=render").catch((e) => e)
    expect(failed.reason._tag).toBe("JobFailed")
    expect(failed.reason.job.failure).toEqual({ message: "avatar render failed" })
  })

  it("sends a render exactly once after a 500; the job read shows no render: SubmissionUnknown", async () => {
    let count = 0
    server.use(
      http.post(`${BASE}/api/link_to_videos/ltv-1/render_single_preview/`, () => {
        count++
        return HttpResponse.json({ detail: "boom" }, { status: 500 })
      }),
      http.get(`${BASE}/api/link_to_videos/ltv-1/`, () => HttpResponse.json(linkToVideo({ previews }))),
    )
    const client = createVideoClient({
      provider: creatify({ apiId: API_ID, apiKey: API_KEY, baseUrl: BASE, retry: false }),
      reconcile: { schedule: Schedule.recurs(1) },
    })
    const error = await client
      .renderPreview({ job: "creatify:link_to_video:ltv-1", previewId: "mj-a" })
      .catch((e) => e)
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "not_found" })
    expect(error.reason.failure._tag).toBe("VendorUnavailable")
    expect(count).toBe(1)
    // Following the job itself: it waits for a choice, so a wait ends at once.
    const job = await client.waitForCompletion("creatify:link_to_video:ltv-1?stage=render")
    expect(job).toMatchObject({ status: "awaiting_selection", stage: "preview" })
  })
})
