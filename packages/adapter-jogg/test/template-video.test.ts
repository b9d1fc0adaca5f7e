import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { client, fixture, issuesOf, json, rejection, route, useMsw } from "./support.js"

// Template videos: `render({ template, variables })` -> `POST /v2/create_video_with_template`, read
// back by `GET /v2/template_video/{video_id}`; a lost answer is found in `GET /v2/template_videos`.

const server = useMsw()

describe("JoggAI template videos", () => {
  it("sends template_id, voice_language and typed variables; the key travels in video_name", async () => {
    const created = route(server, "post", "/v2/create_video_with_template", json(fixture("v2-video-created")))
    const job = await client().render({
      template: "custom:4905",
      variables: {
        title: "Spring sale",
        product_image: { type: "image", url: "https://res.jogg.ai/media/image.jpg" },
        clip: { type: "video", asset_id: 12345 },
        script: { type: "script", content: "Get 20% off today." },
      },
      language: "es",
      avatar: "81",
      voice: "es-ES-AlvaroNeural",
      subtitles: true,
      name: "Spring",
      idempotencyKey: "spring-1",
      webhookUrl: "https://app.example/hooks/jogg",
      providerOptions: { jogg: { music_id: 1, disable_random_trans: true, disable_moving: false } },
    })
    expect(created[0]!.body).toEqual({
      template_id: 4905,
      voice_language: "spanish",
      variables: [
        { type: "text", name: "title", properties: { content: "Spring sale" } },
        { type: "image", name: "product_image", properties: { url: "https://res.jogg.ai/media/image.jpg" } },
        { type: "video", name: "clip", properties: { asset_id: 12345 } },
        { type: "script", name: "script", properties: { content: "Get 20% off today." } },
      ],
      video_name: "Spring [spring-1]",
      avatar_id: 81,
      avatar_type: 0,
      voice_id: "es-ES-AlvaroNeural",
      captions_enabled: true,
      background_music_id: 1,
      disable_random_trans: true,
      disable_moving: false,
      webhook_url: "https://app.example/hooks/jogg",
    })
    expect(job).toMatchObject({ ref: "jogg:template_video:video_123456", status: "queued", name: "Spring" })
  })

  it.each([
    ["the spec's nested data", "v2-template-video", "https://example.com/video.mp4", 30.5, 10.5],
    ["the guide's flat answer", "v2-template-video-guide", "https://res.jogg.ai/video.mp4", 30, undefined],
  ])("reads a template video from %s", async (_label, name, videoUrl, durationSeconds, creditsUsed) => {
    route(server, "get", "/v2/template_video/video_123456789", json(fixture(name)))
    const job = await client().getStatus("jogg:template_video:video_123456789")
    expect(job).toMatchObject({ status: "succeeded", videoUrl, durationSeconds })
    expect(job.creditsUsed).toBe(creditsUsed)
  })

  it.each([
    ["a template name", { template: "Card Stacking" }, "template", "listTemplates"],
    [
      "a variable of no known shape",
      { template: "149", variables: { hero: { type: "gif", url: "https://x.test/a.gif" } } },
      "variables.hero",
      'type: "image" | "video"',
    ],
    [
      "a media variable without a URL",
      { template: "149", variables: { hero: { type: "image" } } },
      "variables.hero",
      "asset_id instead of url",
    ],
    ["a product", { template: "149", product: "jogg:product:P1" }, "product", "put its text and images"],
    ["an aspect ratio", { template: "149", aspectRatio: "9:16" }, "aspectRatio", "its own aspect ratio"],
    ["a script", { template: "149", script: "Hi" }, "script", 'type: "script"'],
    [
      "an avatar-video option",
      { template: "149", providerOptions: { jogg: { screen_style: 2 } } },
      "providerOptions.jogg.screen_style",
      "avatar videos",
    ],
  ] as const)("refuses %s before any request", async (_label, request, path, text) => {
    const error = await rejection(client().render(request as never))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(issuesOf(error).find((i) => i.path === path)?.message).toContain(text)
  })

  it("keeps JoggAI's message when it refuses the template (code 40000)", async () => {
    route(server, "post", "/v2/create_video_with_template", () =>
      HttpResponse.json({ code: 40000, msg: "Required template variable missing", data: null }),
    )
    const error = await rejection(client().render({ template: "149", variables: {} }))
    expect(error.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: ["Required template variable missing"],
    })
  })

  it("a lost answer is found by the key in video_name (GET /v2/template_videos, newest first)", async () => {
    route(server, "post", "/v2/create_video_with_template", () =>
      HttpResponse.json({ code: 50000, msg: "System error" }, { status: 503 }),
    )
    const listed = route(server, "get", "/v2/template_videos", () =>
      HttpResponse.json({
        code: 0,
        msg: "Success",
        data: {
          data: [
            { video_id: "video_9", video_name: "Other [k-2]", status: "processing", created_at: 4102444800 },
            {
              video_id: "video_8",
              video_name: "Spring [spring-2]",
              status: "processing",
              created_at: 4102444800,
            },
          ],
          pagination: { page: 1, page_size: 100, total_items: 2, total_pages: 1 },
        },
      }),
    )
    const job = await client().render({ template: "149", idempotencyKey: "spring-2", name: "Spring" })
    expect(job).toMatchObject({ ref: "jogg:template_video:video_8", name: "Spring", status: "running" })
    expect(job.submission).toMatchObject({ key: "spring-2", reconciled: true })
    expect(Object.fromEntries(listed[0]!.url.searchParams)).toEqual({
      page: "1",
      page_size: "100",
      sort_by: "created_at",
      sort_order: "desc",
    })
  })

  it("estimates one credit: the template sets the length", async () => {
    const estimate = await client().estimateCredits({ template: "149" })
    expect(estimate).toMatchObject({ credits: 1, estimate: true })
    expect(estimate.basis).toContain("template sets the length")
  })
})
