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

const { server } = useServer()

const templateJob = (patch: Record<string, unknown> = {}) => ({
  ...fixture("custom-template-job"),
  id: "ctj-1",
  video_output: null,
  preview: null,
  editor_url: null,
  failed_reason: "",
  ...patch,
})

describe("render with a custom template", () => {
  it("POSTs /api/custom_template_jobs/{id}/render/ with the documented body", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/custom_template_jobs/tpl-1/render/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(templateJob())
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
    expect(calls[0]!.method).toBe("POST")
    expect(calls[0]!.path).toBe("/api/custom_template_jobs/tpl-1/render/")
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

  it("rejects an unknown model_version and neutral fields the template fixes, before any request", async () => {
    const provider = await makeProvider()
    const bad = await failure(
      provider.render!({ template: "tpl-1", providerOptions: { creatify: { model_version: "turbo" } } }),
    )
    expect(bad.reason._tag).toBe("InvalidInput")
    expect(bad.message).toMatch(/model_version/)
    const fixed = await failure(provider.render!({ template: "tpl-1", aspectRatio: "1:1" }))
    expect(fixed.message).toMatch(/aspectRatio/)
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

describe("Aurora jobs", () => {
  it("reads one with GET /api/aurora/?ids=", async () => {
    const calls: Seen[] = []
    server.use(
      http.get(`${BASE}/api/aurora/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json([
          { ...fixture("aurora-list")[0], id: "aur-1", status: "running", progress: 0.5 },
        ])
      }),
    )
    const provider = await makeProvider()
    const job = await run(provider.getStatus(JobRef.parse("creatify:aurora:aur-1")))
    expect(calls[0]!.search.get("ids")).toBe("aur-1")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(job).toMatchObject({ ref: "creatify:aurora:aur-1", status: "running", progress: 0.5 })
  })

  it("is NotFound when the list does not have it", async () => {
    server.use(http.get(`${BASE}/api/aurora/`, () => HttpResponse.json([])))
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
