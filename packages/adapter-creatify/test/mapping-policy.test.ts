import { JobRef, type VideoJob } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { BASE, failure, fixture, linkToVideo, makeProvider, run, useServer } from "./support.js"

// How Creatify's answers read as neutral jobs, scripts and products, pinned where mutation testing
// (`pnpm mutate`, issue 20) found changes no test noticed: the statuses that end a job (`failed`,
// `error`, `rejected`, vendors/creatify.md §7), the fields each documented answer carries, the
// name field's `[vb:<key>]` tag and lenient `progress`.

const { server } = useServer()

const LTV = "creatify:link_to_video:ltv-1"
const RENDER = `${LTV}?stage=render`

const readLinkToVideo = async (body: Record<string, unknown>, ref = LTV): Promise<VideoJob> => {
  server.use(http.get(`${BASE}/api/link_to_videos/ltv-1/`, () => HttpResponse.json(body)))
  const provider = await makeProvider()
  return run(provider.getStatus(JobRef.parse(ref)))
}

const readTemplateJob = async (body: Record<string, unknown>): Promise<VideoJob> => {
  server.use(http.get(`${BASE}/api/custom_template_jobs/c1/`, () => HttpResponse.json({ id: "c1", ...body })))
  const provider = await makeProvider()
  return run(provider.getStatus(JobRef.parse("creatify:custom_template_job:c1")))
}

const readAvatarJob = async (
  kind: "aurora" | "lipsync_v2",
  body: Record<string, unknown>,
): Promise<VideoJob> => {
  const path = kind === "aurora" ? "aurora" : "lipsyncs_v2"
  server.use(http.get(`${BASE}/api/${path}/av-1/`, () => HttpResponse.json({ id: "av-1", ...body })))
  const provider = await makeProvider()
  return run(provider.getStatus(JobRef.parse(`creatify:${kind}:av-1`)))
}

const readScripts = async (body: Record<string, unknown>) => {
  server.use(http.get(`${BASE}/api/ai_scripts/scr-1/`, () => HttpResponse.json({ id: "scr-1", ...body })))
  const provider = await makeProvider()
  return provider.getScripts!(JobRef.parse("creatify:ai_script:scr-1"))
}

describe("a link-to-video answer, field by field", () => {
  it("a finished render reads as exactly the documented fields, renamed", async () => {
    const body = linkToVideo({
      name: "Spring ad [vb:order-42]",
      status: "done",
      progress: "100",
      media_job: "m1",
      video_output: "https://cdn.example/v.mp4",
      video_thumbnail: "https://cdn.example/v.jpg",
      preview: "https://app.creatify.ai/preview?layout=1",
      editor_url: "https://app.creatify.ai/editor/1",
      duration: 31.5,
      credits_used: 4,
      created_at: "2026-11-28T10:00:00Z",
      previews: [
        { media_job: "m1", visual_style: "FullScreenTemplate", aspect_ratio: "9x16", url: "https://p/1" },
      ],
    })
    expect(await readLinkToVideo(body, RENDER)).toEqual({
      ref: RENDER,
      provider: "creatify",
      status: "succeeded",
      vendorStatus: "done",
      stage: "render",
      name: "Spring ad",
      progress: 1,
      videoUrl: "https://cdn.example/v.mp4",
      previewUrl: "https://app.creatify.ai/preview?layout=1",
      thumbnailUrl: "https://cdn.example/v.jpg",
      editorUrl: "https://app.creatify.ai/editor/1",
      durationSeconds: 31.5,
      creditsUsed: 4,
      previews: [{ id: "m1", visualStyle: "FullScreenTemplate", aspectRatio: "9:16", url: "https://p/1" }],
      createdAt: "2026-11-28T10:00:00Z",
      raw: body,
    })
  })

  it("fields Creatify answers null are absent, and no previews means no `previews`", async () => {
    const body = {
      id: "ltv-1",
      status: "pending",
      name: null,
      progress: null,
      video_output: null,
      video_thumbnail: null,
      preview: null,
      editor_url: null,
      duration: null,
      credits_used: null,
      created_at: null,
      failed_reason: null,
      previews: [],
    }
    expect(await readLinkToVideo(body)).toEqual({
      ref: LTV,
      provider: "creatify",
      status: "queued",
      vendorStatus: "pending",
      stage: "preview",
      raw: body,
    })
  })

  it("a preview without style, aspect or URL is just its media job", async () => {
    const job = await readLinkToVideo(
      linkToVideo({ previews: [{ media_job: "m1", visual_style: null, aspect_ratio: null, url: null }] }),
    )
    expect(job.previews).toEqual([{ id: "m1" }])
    expect(job).not.toHaveProperty("previewUrl")
  })

  it("without a `preview`, the preview URL is the first preview's", async () => {
    const job = await readLinkToVideo(
      linkToVideo({
        preview: null,
        previews: [
          { media_job: "m1", url: "https://p/1" },
          { media_job: "m2", url: "https://p/2" },
        ],
      }),
    )
    expect(job.previewUrl).toBe("https://p/1")
  })

  it("a `done` job read through its preview ref is in the render stage", async () => {
    const job = await readLinkToVideo(linkToVideo({ status: "done", video_output: "https://v" }))
    expect(job).toMatchObject({ status: "succeeded", stage: "render", ref: LTV })
  })

  it("the documented preview-list shape (no `outputs`, no `media_job`) waits for a choice", async () => {
    const { outputs: _, ...body } = linkToVideo({
      previews: [{ media_job: "m1", url: "https://p/1" }],
    })
    const job = await readLinkToVideo(body)
    expect(job).toMatchObject({ status: "awaiting_selection", stage: "preview" })
    expect(job.previews).toEqual([{ id: "m1", url: "https://p/1" }])
  })

  it.each([
    ["null", { previews: null }],
    ["absent", {}],
  ])("previews %s: a pending job is queued, with no previews", async (_, patch) => {
    const { previews: _omitted, ...body } = linkToVideo({ status: "pending", ...patch })
    const job = await readLinkToVideo("previews" in patch ? { ...body, ...patch } : body)
    expect(job).toMatchObject({ status: "queued", stage: "preview" })
    expect(job).not.toHaveProperty("previews")
    expect(job).not.toHaveProperty("previewUrl")
  })

  it("pending previews with a render asked for (`media_job` or `outputs`) are queued in the render stage", async () => {
    const previews = [{ media_job: "m1", url: "https://p/1" }]
    const byMediaJob = await readLinkToVideo(linkToVideo({ previews, media_job: "m1" }), RENDER)
    expect(byMediaJob).toMatchObject({ status: "queued", stage: "render" })
    const byOutputs = await readLinkToVideo(
      linkToVideo({ previews, outputs: [{ media_job: "m1", status: "pending" }] }),
      RENDER,
    )
    expect(byOutputs).toMatchObject({ status: "queued", stage: "render" })
  })
})

describe("statuses that end a job carry a failure", () => {
  it.each([
    ["failed", "script too long", "script too long"],
    ["error", "render crashed", "render crashed"],
    ["rejected", "moderated", "moderated"],
    ["failed", null, "the job ended with status failed"],
    ["error", null, "the job ended with status error"],
    ["rejected", "", "the job ended with status rejected"],
  ])("a link-to-video job `%s` (failed_reason %j) fails with %j", async (status, reason, message) => {
    const job = await readLinkToVideo(linkToVideo({ status, failed_reason: reason }), RENDER)
    expect(job.failure).toEqual({ message })
  })

  it.each(["pending", "in_queue", "running", "processing", "done", "paused"])(
    "a job `%s` carries no failure, even with a stale failed_reason",
    async (status) => {
      const job = await readLinkToVideo(linkToVideo({ status, failed_reason: "an earlier attempt" }), RENDER)
      expect(job).not.toHaveProperty("failure")
    },
  )

  it("an Aurora job `error` fails with its reason, a custom template job `error` with the status", async () => {
    const aurora = await readAvatarJob("aurora", { status: "error", failed_reason: "bad audio" })
    expect(aurora).toMatchObject({ status: "failed", failure: { message: "bad audio" } })
    const template = await readTemplateJob({ status: "error" })
    expect(template).toMatchObject({
      status: "failed",
      failure: { message: "the job ended with status error" },
    })
  })
})

describe("avatar videos (Aurora, AI Avatar v2), field by field", () => {
  it("an Aurora job: the video in `video_output`, no thumbnail field", async () => {
    const body = {
      status: "done",
      name: "Hello [vb:k-1]",
      progress: 100,
      video_output: "https://cdn/a.mp4",
      output: "https://cdn/other.mp4",
      preview: "https://p/a",
      editor_url: "https://e/a",
      duration: 12,
      credits_used: 12,
      created_at: "2026-11-28T10:00:00Z",
      failed_reason: null,
    }
    expect(await readAvatarJob("aurora", body)).toEqual({
      ref: "creatify:aurora:av-1",
      provider: "creatify",
      status: "succeeded",
      vendorStatus: "done",
      stage: "render",
      name: "Hello",
      progress: 1,
      videoUrl: "https://cdn/a.mp4",
      previewUrl: "https://p/a",
      editorUrl: "https://e/a",
      durationSeconds: 12,
      creditsUsed: 12,
      createdAt: "2026-11-28T10:00:00Z",
      raw: { id: "av-1", ...body },
    })
  })

  it("an AI Avatar v2 job: the video in `output`, its thumbnail kept", async () => {
    const body = {
      ...fixture("lipsync-v2"),
      id: "av-1",
      status: "done",
      name: null,
      progress: "1",
      output: "https://cdn/l.mp4",
      video_thumbnail: "https://cdn/l.jpg",
      failed_reason: null,
    }
    const job = await readAvatarJob("lipsync_v2", body)
    expect(job).toEqual({
      ref: "creatify:lipsync_v2:av-1",
      provider: "creatify",
      status: "succeeded",
      vendorStatus: "done",
      stage: "render",
      progress: 1,
      videoUrl: "https://cdn/l.mp4",
      previewUrl: "<string>",
      thumbnailUrl: "https://cdn/l.jpg",
      editorUrl: "<string>",
      durationSeconds: 123,
      creditsUsed: 123,
      createdAt: "2023-11-07T05:31:56Z",
      raw: body,
    })
  })

  it("an avatar job with nothing but an id and a status", async () => {
    const job = await readAvatarJob("lipsync_v2", { status: "running", output: null, video_thumbnail: null })
    expect(Object.keys(job).sort()).toEqual(["provider", "raw", "ref", "stage", "status", "vendorStatus"])
  })
})

describe("custom template jobs, field by field", () => {
  it("a preview ready (`done`, a `preview`, no video) waits for a choice of its one preview", async () => {
    const body = {
      status: "done",
      name: "Promo [vb:k-1 tpl:tpl-9]",
      progress: 100,
      preview: "https://p/c1",
      video_output: null,
      output: null,
      editor_url: "https://e/c1",
      duration: 15,
      credits_used: 1,
      created_at: "2026-11-28T10:00:00Z",
    }
    expect(await readTemplateJob(body)).toEqual({
      ref: "creatify:custom_template_job:c1",
      provider: "creatify",
      status: "awaiting_selection",
      vendorStatus: "done",
      stage: "preview",
      name: "Promo",
      progress: 1,
      previewUrl: "https://p/c1",
      editorUrl: "https://e/c1",
      durationSeconds: 15,
      creditsUsed: 1,
      previews: [{ id: "c1", url: "https://p/c1" }],
      createdAt: "2026-11-28T10:00:00Z",
      raw: { id: "c1", ...body },
    })
  })

  it("the video in `output` (the callback's field) is the video: succeeded in the render stage", async () => {
    const job = await readTemplateJob({
      status: "done",
      name: "Promo [vb:k-1 tpl:tpl-9]",
      preview: "https://p/c1",
      output: "https://cdn/c1.mp4",
    })
    expect(job).toMatchObject({ status: "succeeded", stage: "render", videoUrl: "https://cdn/c1.mp4" })
    expect(job).not.toHaveProperty("previews")
  })

  it("a job made by generatePreviews is in the preview stage until a video shows", async () => {
    const waiting = await readTemplateJob({ status: "running", name: "[vb:k-1 tpl:tpl-9]" })
    expect(waiting).toMatchObject({ status: "running", stage: "preview" })
    expect(waiting).not.toHaveProperty("name")
    const rendered = await readTemplateJob({ status: "running", name: "Promo [vb:k-1]" })
    expect(rendered).toMatchObject({ status: "running", stage: "render", name: "Promo" })
  })

  it("the answer to renderPreview is read as is once it no longer shows the preview", async () => {
    server.use(
      http.get(`${BASE}/api/custom_template_jobs/c1/`, () =>
        HttpResponse.json({ id: "c1", status: "done", preview: "https://p/c1", name: "[vb:k-1 tpl:tpl-9]" }),
      ),
      http.post(`${BASE}/api/custom_template_jobs/c1/render/`, () =>
        HttpResponse.json({ id: "c1", status: "running", preview: "https://p/c1", progress: 10 }),
      ),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.renderPreview!({ job: "creatify:custom_template_job:c1", previewId: "c1" }),
    )
    expect(job).toMatchObject({ status: "running", vendorStatus: "running", stage: "render", progress: 0.1 })
  })

  it("`done` without a preview or a video is simply succeeded", async () => {
    const job = await readTemplateJob({ status: "done", preview: null })
    expect(job).toMatchObject({ status: "succeeded", stage: "render" })
    expect(job).not.toHaveProperty("previews")
  })
})

describe("the name field's submission tag", () => {
  it.each([
    ["Spring ad [vb:order-42]", "Spring ad"],
    ["Two\nlines [vb:order-42]", "Two\nlines"],
    ["[vb:order-42]", undefined],
    ["Promo [vb:k tpl:t-1]", "Promo"],
    ["Promo [vb tpl:t-1]", "Promo"],
    // Not our tag: the caller's name as Creatify keeps it.
    ["Promo[vb:order-42]", "Promo[vb:order-42]"],
    ["Promo [vb:order-42] v2", "Promo [vb:order-42] v2"],
    ["Sale [vb]", "Sale [vb]"],
    ["Sale [vb:a.b]", "Sale [vb:a.b]"],
    ["Sale [vb:]", "Sale [vb:]"],
    [`Sale [vb:${"k".repeat(65)}]`, `Sale [vb:${"k".repeat(65)}]`],
    [`Sale [vb:${"k".repeat(64)}]`, "Sale"],
    [`Sale [vb:k tpl:${"t".repeat(65)}]`, `Sale [vb:k tpl:${"t".repeat(65)}]`],
    ["Sale [vb:k tpl:]", "Sale [vb:k tpl:]"],
    ["Sale [vb:k tpl:a b]", "Sale [vb:k tpl:a b]"],
  ])("%j reads as the name %j", async (name, expected) => {
    const job = await readLinkToVideo(linkToVideo({ name }))
    expect(job.name).toBe(expected)
  })

  it("findSubmission finds an avatar video by the key in its name, and only by its own key", async () => {
    const listed = [
      { id: "a1", status: "running", name: "Hello [vb:other]" },
      { id: "a2", status: "running", name: "Hello [vb:k-1]" },
      { id: "a3", status: "running", name: "Hello [vb:k-1] copy" },
      { id: "a4", status: "running", name: "Hello[vb:k-1]" },
    ]
    server.use(http.get(`${BASE}/api/aurora/`, () => HttpResponse.json(listed)))
    const provider = await makeProvider()
    const found = await run(
      provider.findSubmission!({
        provider: "creatify",
        operation: "render",
        key: "k-1",
        at: 0,
        hints: { kind: "aurora" },
      }),
    )
    expect(found).toMatchObject({ _tag: "Found", result: { ref: "creatify:aurora:a2", name: "Hello" } })
  })
})

describe("lenient progress", () => {
  it.each([
    [0, 0],
    ["0", 0],
    [1, 1],
    ["1", 1],
    [0.5, 0.5],
    [50, 0.5],
    [250, 1],
    ["-5", undefined],
    [-0.5, undefined],
    ["Infinity", undefined],
    ["", undefined],
  ])("progress %j reads as %j", async (progress, expected) => {
    const job = await readLinkToVideo(linkToVideo({ progress }))
    if (expected === undefined) expect(job).not.toHaveProperty("progress")
    else expect(job.progress).toBe(expected)
  })
})

describe("AI script jobs", () => {
  it("finished scripts read field by field, the job's language on each", async () => {
    const body = {
      status: "done",
      language: "en",
      credits_used: 1,
      generated_scripts: [
        { paragraphs: "Hook. Body.", script_name: "A", script_style: "BenefitsV2", title: "Benefits" },
        { paragraphs: "Only text.", script_name: null, script_style: null, title: null },
      ],
    }
    const job = await run(await readScripts(body))
    expect(job).toEqual({
      ref: "creatify:ai_script:scr-1",
      provider: "creatify",
      status: "ready",
      creditsUsed: 1,
      scripts: [
        { title: "Benefits", name: "A", style: "BenefitsV2", language: "en", text: "Hook. Body." },
        { language: "en", text: "Only text." },
      ],
      raw: { id: "scr-1", ...body },
    })
  })

  it("a script job without language or credits has neither", async () => {
    const job = await run(
      await readScripts({
        status: "done",
        language: null,
        credits_used: null,
        generated_scripts: [{ paragraphs: "Text." }],
      }),
    )
    expect(job.scripts).toEqual([{ text: "Text." }])
    expect(job).not.toHaveProperty("creditsUsed")
  })

  it.each([
    ["failed", "no product text", "no product text"],
    ["error", "model crashed", "model crashed"],
    ["error", null, "script generation error"],
    ["failed", "", "script generation failed"],
  ])("a script job `%s` (failed_reason %j) fails with %j", async (status, reason, message) => {
    const job = await run(await readScripts({ status, failed_reason: reason, generated_scripts: [] }))
    expect(job).toMatchObject({ status: "failed", failure: { message } })
  })

  it("a script job `rejected` is ContentRejected with the vendor's reason", async () => {
    const error = await failure(
      await readScripts({ status: "rejected", failed_reason: "policy", generated_scripts: [] }),
    )
    expect(error.reason._tag).toBe("ContentRejected")
    expect(error.ref).toBe("creatify:ai_script:scr-1")
    expect(error.reason.message).toBe("Creatify rejected the script job: policy")
  })

  it("`done` without scripts is ready (with none); scripts with another status are ready too", async () => {
    const done = await run(await readScripts({ status: "done", generated_scripts: [] }))
    expect(done).toMatchObject({ status: "ready", scripts: [] })
    expect(done).not.toHaveProperty("failure")
    const early = await run(
      await readScripts({ status: "running", generated_scripts: [{ paragraphs: "Text." }] }),
    )
    expect(early.status).toBe("ready")
  })

  it.each([
    ["pending", []],
    ["running", null],
    [null, []],
  ])("a script job `%s` with scripts %j is still pending", async (status, scripts) => {
    const job = await run(await readScripts({ status, generated_scripts: scripts }))
    expect(job).toMatchObject({ status: "pending", scripts: [] })
    expect(job).not.toHaveProperty("failure")
  })
})

describe("products, either documented link shape", () => {
  it("a scraped link (`{id, url, link{...}}`) reads from its inner link", async () => {
    const body = fixture("link")
    server.use(http.post(`${BASE}/api/links/`, () => HttpResponse.json(body)))
    const provider = await makeProvider()
    const made = await run(provider.createProduct!({ url: "https://shop.example/p" }))
    expect(made).toEqual({
      ref: `creatify:product:${body.id}`,
      provider: "creatify",
      id: body.id,
      url: "<string>",
      title: "<string>",
      description: "<string>",
      imageUrls: ["<string>"],
      videoUrls: ["<string>"],
      logoUrl: "<string>",
      creditsUsed: 123,
      raw: body,
    })
  })

  it("the flat shape of link_with_params reads from its top level", async () => {
    const body = {
      id: "link-2",
      url: "https://shop.example/k",
      title: "Kettle",
      description: "Steel",
      image_urls: ["https://i/1", "https://i/2", "https://i/3"],
      video_urls: ["https://v/1"],
      logo_url: "https://l/1",
      credits_used: 1,
    }
    server.use(http.post(`${BASE}/api/links/link_with_params/`, () => HttpResponse.json(body)))
    const provider = await makeProvider()
    const made = await run(
      provider.createProduct!({
        title: "Kettle",
        description: "Steel",
        imageUrls: ["https://i/1", "https://i/2", "https://i/3"],
        targetAudience: "Cooks",
      }),
    )
    expect(made).toEqual({
      ref: "creatify:product:link-2",
      provider: "creatify",
      id: "link-2",
      url: "https://shop.example/k",
      title: "Kettle",
      description: "Steel",
      imageUrls: ["https://i/1", "https://i/2", "https://i/3"],
      videoUrls: ["https://v/1"],
      logoUrl: "https://l/1",
      targetAudience: "Cooks",
      creditsUsed: 1,
      raw: body,
    })
  })

  it("a link with an inner link of nulls falls back to the top level; no media is empty lists", async () => {
    const body = {
      id: "link-3",
      url: "https://shop.example/x",
      title: "Top",
      link: { url: null, title: null, description: null, image_urls: null, video_urls: null, logo_url: null },
      credits_used: null,
    }
    server.use(http.put(`${BASE}/api/links/link-3/`, () => HttpResponse.json(body)))
    const provider = await makeProvider()
    const updated = await run(provider.updateProduct!("creatify:product:link-3", { title: "Top" }))
    expect(updated).toEqual({
      ref: "creatify:product:link-3",
      provider: "creatify",
      id: "link-3",
      url: "https://shop.example/x",
      title: "Top",
      imageUrls: [],
      videoUrls: [],
      raw: body,
    })
  })
})
