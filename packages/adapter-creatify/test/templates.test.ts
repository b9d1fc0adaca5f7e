import { JobRef } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import {
  API_ID,
  API_KEY,
  authOf,
  BASE,
  failure,
  fixture,
  linkToVideo,
  makeProvider,
  run,
  type Seen,
  snapshot,
  useServer,
} from "./support.js"

const { server, seen } = useServer()

const templateJob = (patch: Record<string, unknown> = {}) => ({
  ...fixture("custom-template-job"),
  id: "ctj-1",
  video_output: null,
  preview: null,
  editor_url: null,
  failed_reason: "",
  ...patch,
})

const HOOK = "https://app.example/hooks/creatify"

describe("render with a custom template", () => {
  it("POSTs /api/custom_template_jobs/ (create and render) with the documented body", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/custom_template_jobs/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(templateJob(), { status: 201 })
      }),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.render!({
        template: "tpl-1",
        variables: { headline: "Hello" },
        name: "Spring ad",
        providerOptions: { creatify: { model_version: "aurora_v1", is_hidden: true } },
      }),
    )
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /api/custom_template_jobs/"])
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(calls[0]!.body).toEqual({
      template_id: "tpl-1",
      variables: { headline: "Hello" },
      name: "Spring ad",
      model_version: "aurora_v1",
      is_hidden: true,
    })
    expect(job).toMatchObject({
      ref: "creatify:custom_template_job:ctj-1",
      status: "queued",
      stage: "render",
      creditsUsed: 123,
    })
  })

  it("refuses job_id (the old path's option), an unknown model_version and fields the template fixes, before any request", async () => {
    const provider = await makeProvider()
    const old = await failure(
      provider.render!({ template: "tpl-1", providerOptions: { creatify: { job_id: "j" } } }),
    )
    expect(old.reason._tag).toBe("InvalidInput")
    expect(old.message).toMatch(/job_id/)
    const bad = await failure(
      provider.render!({ template: "tpl-1", providerOptions: { creatify: { model_version: "turbo" } } }),
    )
    expect(bad.reason._tag).toBe("InvalidInput")
    expect(bad.message).toMatch(/model_version/)
    const fixed = await failure(provider.render!({ template: "tpl-1", aspectRatio: "1:1" }))
    expect(fixed.message).toMatch(/aspectRatio/)
    expect(seen).toHaveLength(0)
  })

  it("reads its status with GET /api/custom_template_jobs/{id}/", async () => {
    server.use(
      http.get(`${BASE}/api/custom_template_jobs/ctj-1/`, () =>
        HttpResponse.json(
          templateJob({ status: "done", video_output: "https://cdn.creatify.test/t.mp4", progress: 1 }),
        ),
      ),
    )
    const provider = await makeProvider()
    const job = await run(provider.getStatus(JobRef.parse("creatify:custom_template_job:ctj-1")))
    expect(job).toMatchObject({
      status: "succeeded",
      videoUrl: "https://cdn.creatify.test/t.mp4",
      progress: 1,
    })
  })
})

describe("preview a custom template, then render the preview", () => {
  it("POSTs /api/custom_template_jobs/preview_async/; the job keeps its template in its name", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/custom_template_jobs/preview_async/`, async ({ request }) => {
        calls.push(await snapshot(request))
        const body = (await request.json()) as { name: string }
        return HttpResponse.json(templateJob({ status: "pending", name: body.name }), { status: 201 })
      }),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.generatePreviews!({ template: "tpl-1", variables: { headline: "Hi" }, name: "Spring" }),
    )
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "POST /api/custom_template_jobs/preview_async/",
    ])
    expect(calls[0]!.body).toEqual({
      template_id: "tpl-1",
      variables: { headline: "Hi" },
      name: "Spring [vb tpl:tpl-1]",
    })
    expect(job).toMatchObject({
      ref: "creatify:custom_template_job:ctj-1",
      status: "queued",
      stage: "preview",
      name: "Spring",
    })
  })

  it("tells the two `done`s apart: preview ready (awaiting_selection, one preview) then video ready", async () => {
    const provider = await makeProvider()
    const read = (body: Record<string, unknown>) => {
      server.use(
        http.get(`${BASE}/api/custom_template_jobs/ctj-1/`, () => HttpResponse.json(templateJob(body))),
      )
      return run(provider.getStatus(JobRef.parse("creatify:custom_template_job:ctj-1")))
    }
    const preview = "https://app.creatify.ai/preview?layout=videos/20241024/f0c1e1f1.json"
    expect(await read({ status: "pending", name: "[vb tpl:tpl-1]" })).toMatchObject({
      status: "queued",
      stage: "preview",
    })
    const ready = await read({ status: "done", preview, name: "[vb tpl:tpl-1]" })
    expect(ready).toMatchObject({
      status: "awaiting_selection",
      vendorStatus: "done",
      stage: "preview",
      previewUrl: preview,
      previews: [{ id: "ctj-1", url: preview }],
    })
    expect(ready.videoUrl).toBeUndefined()
    const done = await read({ status: "done", preview, video_output: "https://cdn.creatify.test/t.mp4" })
    expect(done).toMatchObject({
      status: "succeeded",
      stage: "render",
      videoUrl: "https://cdn.creatify.test/t.mp4",
    })
    expect(done.previews).toBeUndefined()
  })

  it("renders with POST /api/custom_template_jobs/{job id}/render/, the whole body sent again", async () => {
    const calls: Seen[] = []
    const callback = `${HOOK}?vb_kind=tpl&vb_token=AAAAAAAAAAAAAAAA.zzzzzz.AAAAAAAAAAAAAAAAAAAAAA`
    server.use(
      http.get(`${BASE}/api/custom_template_jobs/ctj-1/`, () =>
        HttpResponse.json(
          templateJob({
            status: "done",
            preview: "https://app.creatify.ai/preview?x",
            name: "Spring [vb:k1 tpl:tpl-1]",
            variables: { headline: "Hi" },
            model_version: "aurora_v1_fast",
            webhook_url: callback,
          }),
        ),
      ),
      http.post(`${BASE}/api/custom_template_jobs/ctj-1/render/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(
          templateJob({ status: "done", preview: "https://app.creatify.ai/preview?x" }),
        )
      }),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.renderPreview!({ job: "creatify:custom_template_job:ctj-1", previewId: "ctj-1" }),
    )
    expect(calls.map((c) => c.path)).toEqual(["/api/custom_template_jobs/ctj-1/render/"])
    const body = calls[0]!.body as Record<string, unknown>
    expect(body).toMatchObject({
      template_id: "tpl-1",
      variables: { headline: "Hi" },
      name: "Spring",
      model_version: "aurora_v1_fast",
    })
    // The callback URL comes back masked; it is sent again with a new token, for the same kind of job.
    const url = new URL(body.webhook_url as string)
    expect(`${url.origin}${url.pathname}`).toBe(HOOK)
    expect(url.searchParams.get("vb_kind")).toBe("tpl")
    expect(url.searchParams.get("vb_token")).toMatch(/^[A-Za-z0-9_-]{16}\.[0-9a-z]{6}\.[A-Za-z0-9_-]{22}$/)
    // The answer to the render itself may still show the preview: the render was asked for.
    expect(job).toMatchObject({
      ref: "creatify:custom_template_job:ctj-1",
      status: "queued",
      stage: "render",
    })
  })

  it("checks the preview id, that a preview waits, and knows the template, before the paid request", async () => {
    const job = (patch: Record<string, unknown>) =>
      server.use(
        http.get(`${BASE}/api/custom_template_jobs/ctj-1/`, () =>
          HttpResponse.json(
            templateJob({ status: "done", preview: "https://p", name: "[vb tpl:tpl-1]", ...patch }),
          ),
        ),
      )
    const provider = await makeProvider()
    const render = (previewId: string, creatify?: Record<string, unknown>) =>
      failure(
        provider.renderPreview!({
          job: "creatify:custom_template_job:ctj-1",
          previewId,
          ...(creatify ? { providerOptions: { creatify } } : {}),
        }),
      )
    job({})
    expect((await render("other")).message).toMatch(/previewId: a custom template job has one preview, ctj-1/)
    job({ status: "running" })
    expect((await render("ctj-1")).message).toMatch(
      /job: has no preview waiting to be rendered \(Creatify status running\)/,
    )
    job({ name: "Made in the web app" })
    expect((await render("ctj-1")).message).toMatch(/providerOptions.creatify.template_id/)
    expect(seen.filter((s) => s.method === "POST")).toHaveLength(0)
    // A job vidbridge did not make renders with the template given.
    const sent: Seen[] = []
    server.use(
      http.post(`${BASE}/api/custom_template_jobs/ctj-1/render/`, async ({ request }) => {
        sent.push(await snapshot(request))
        return HttpResponse.json(templateJob({ status: "pending" }))
      }),
    )
    await run(
      provider.renderPreview!({
        job: "creatify:custom_template_job:ctj-1",
        previewId: "ctj-1",
        providerOptions: { creatify: { template_id: "tpl-9" } },
      }),
    )
    expect(sent[0]!.body).toMatchObject({ template_id: "tpl-9", name: "Made in the web app" })
  })

  it("refuses preview options a template does not have, and a template id Creatify could not have made", async () => {
    const provider = await makeProvider()
    const styles = await failure(
      provider.generatePreviews!({ template: "tpl-1", visualStyles: ["FullScreenTemplate"] }),
    )
    expect(styles.message).toMatch(/visualStyles/)
    const both = await failure(
      provider.generatePreviews!({ template: "tpl-1", product: "creatify:product:l1" }),
    )
    expect(both.message).toMatch(/product/)
    const odd = await failure(provider.generatePreviews!({ template: "tpl 1" }))
    expect(odd.message).toMatch(/template: must be a Creatify template id/)
    const vars = await failure(
      provider.generatePreviews!({ product: "creatify:product:l1", variables: { a: 1 } }),
    )
    expect(vars.message).toMatch(/variables/)
    expect(seen).toHaveLength(0)
  })
})

describe("Aurora jobs", () => {
  it("reads one with GET /api/aurora/{id}/", async () => {
    const calls: Seen[] = []
    server.use(
      http.get(`${BASE}/api/aurora/aur-1/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json({
          ...fixture("aurora-list")[0],
          id: "aur-1",
          status: "running",
          progress: 0.5,
        })
      }),
    )
    const provider = await makeProvider()
    const job = await run(provider.getStatus(JobRef.parse("creatify:aurora:aur-1")))
    expect(calls[0]!.path).toBe("/api/aurora/aur-1/")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(job).toMatchObject({ ref: "creatify:aurora:aur-1", status: "running", progress: 0.5 })
  })

  it("is NotFound when Creatify answers 404", async () => {
    server.use(
      http.get(`${BASE}/api/aurora/gone/`, () =>
        HttpResponse.json({ detail: "Not found." }, { status: 404 }),
      ),
    )
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(JobRef.parse("creatify:aurora:gone")))
    expect(error.reason._tag).toBe("NotFound")
  })

  it("lists with ordering through listJobs", async () => {
    const calls: Seen[] = []
    server.use(
      http.get(`${BASE}/api/aurora/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(fixture("aurora-list"))
      }),
    )
    const provider = await makeProvider()
    const page = await run(
      provider.listJobs!({
        ids: ["a", "b"],
        providerOptions: { creatify: { kind: "aurora", ordering: "-created_at" } },
      }),
    )
    expect(calls[0]!.search.get("ids")).toBe("a,b")
    expect(calls[0]!.search.get("ordering")).toBe("-created_at")
    expect(page.jobs[0]!.ref).toBe("creatify:aurora:3c90c3cc-0d44-4b50-8888-8dd25736052a")
  })
})

describe("render a product directly", () => {
  it("POSTs /api/link_to_videos/ with one visual style and answers a render-stage ref", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/link_to_videos/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(linkToVideo({ id: "ltv-7", status: "in_queue" }))
      }),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.render!({
        product: "creatify:product:link-1",
        visualStyle: "FullScreenTemplate",
        aspectRatio: "1:1",
        durationSeconds: 15,
        subtitles: false,
        avatar: "persona-1",
        voice: "accent-1",
        providerOptions: { creatify: { no_cta: true } },
      }),
    )
    expect(calls[0]!.path).toBe("/api/link_to_videos/")
    expect(calls[0]!.body).toEqual({
      link: "link-1",
      visual_style: "FullScreenTemplate",
      aspect_ratio: "1x1",
      video_length: 15,
      no_caption: true,
      override_avatar: "persona-1",
      override_voice: "accent-1",
      no_cta: true,
    })
    expect(job).toMatchObject({
      ref: "creatify:link_to_video:ltv-7?stage=render",
      status: "queued",
      stage: "render",
    })
  })
})
