import { JobRef } from "@vidbridge/core"
import { Effect, Schedule } from "effect"
import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { client, provider, rejection, route, useMsw } from "./support.js"

// JoggAI's v2 answers as neutral jobs, pinned where mutation testing (`pnpm mutate`, issue 20)
// found changes no test noticed: which of the names a field goes by wins (the spec, the guides
// and the three video resources disagree), what each status means, how a preview set's status
// follows from its listed previews, and what an AI-script task answers. Statuses and fields as
// in JoggAI's OpenAPI v2 document (`/v2/product_video/{id}`, `/v2/avatar_video/{id}`,
// `/v2/template_video/{video_id}`, `/v2/product_previews`, `/v2/ai_scripts/results/{task_id}`).

const server = useMsw()
const answer = (data: unknown) => () => HttpResponse.json({ code: 0, msg: "Success", data } as object)
const fast = { schedule: Schedule.spaced(1), minInterval: 0 }

/** `GET /v2/product_video/pv_1` answered `data`, read as a job. */
const productVideo = (data: Record<string, unknown>) => {
  route(server, "get", "/v2/product_video/pv_1", answer(data))
  return client().getStatus("jogg:product_video:pv_1")
}

describe("JoggAI v2 videos as jobs", () => {
  it.each([
    ["pending", "queued"],
    ["processing", "running"],
    ["completed", "succeeded"],
    ["COMPLETED", "succeeded"],
    ["failed", "failed"],
    ["hasOwnProperty", "unknown"],
    ["rendering", "unknown"],
  ])(
    "status %s is %s, kept as vendorStatus; only a finished video is at progress 1",
    async (vendor, status) => {
      const job = await productVideo({ id: "pv_1", status: vendor })
      expect(job).toMatchObject({
        ref: "jogg:product_video:pv_1",
        status,
        vendorStatus: vendor,
        stage: "render",
      })
      expect(job.progress).toBe(status === "succeeded" ? 1 : undefined)
    },
  )

  it("a status that is a number, or none, is unknown (no crash)", async () => {
    expect(await productVideo({ status: 3 })).toMatchObject({ status: "unknown", vendorStatus: "3" })
    expect(await productVideo({})).toMatchObject({ status: "unknown", vendorStatus: "unknown" })
  })

  it("reads the product video's names before the guide's and the template video's", async () => {
    const job = await productVideo({
      status: "completed",
      video_url: "https://res.example/a.mp4",
      url: "https://res.example/b.mp4",
      cover_url: "https://res.example/a.jpg",
      video_duration: 30.5,
      duration: 31,
      duration_seconds: 32,
      deducted_credit: 10.5,
      title: "Spring ad",
      video_name: "other",
      data: {
        url: "https://res.example/c.mp4",
        cover_url: "https://res.example/c.jpg",
        duration_seconds: 33,
      },
    })
    expect(job).toMatchObject({
      videoUrl: "https://res.example/a.mp4",
      thumbnailUrl: "https://res.example/a.jpg",
      durationSeconds: 30.5,
      creditsUsed: 10.5,
      name: "Spring ad",
    })
    const guide = await productVideo({ status: "completed", url: "https://res.example/b.mp4", duration: 31 })
    expect(guide).toMatchObject({ videoUrl: "https://res.example/b.mp4", durationSeconds: 31 })
    const seconds = await productVideo({ status: "completed", duration_seconds: 32, video_name: "Named" })
    expect(seconds).toMatchObject({ durationSeconds: 32, name: "Named" })
  })

  it("reads a template video's fields under data (the spec's shape)", async () => {
    route(
      server,
      "get",
      "/v2/template_video/video_9",
      answer({
        video_id: "video_9",
        status: "completed",
        data: {
          video_name: "Launch [order-9]",
          url: "https://res.example/t.mp4",
          cover_url: "https://res.example/t.jpg",
          duration_seconds: 30.5,
          deducted_credit: 10.5,
        },
      }),
    )
    expect(await client().getStatus("jogg:template_video:video_9")).toMatchObject({
      ref: "jogg:template_video:video_9",
      status: "succeeded",
      videoUrl: "https://res.example/t.mp4",
      thumbnailUrl: "https://res.example/t.jpg",
      durationSeconds: 30.5,
      creditsUsed: 10.5,
      // The submission key JoggAI keeps in the name is not part of the caller's name.
      name: "Launch",
    })
  })

  it("an avatar video in progress has no url, duration, credits or failure", async () => {
    route(server, "get", "/v2/avatar_video/video_5", answer({ video_id: "video_5", status: "processing" }))
    const job = await client().getStatus("jogg:avatar_video:video_5")
    expect(job).toMatchObject({ ref: "jogg:avatar_video:video_5", status: "running" })
    for (const field of [
      "videoUrl",
      "thumbnailUrl",
      "durationSeconds",
      "creditsUsed",
      "failure",
      "name",
    ] as const)
      expect(job[field], field).toBeUndefined()
  })

  it.each([
    [
      "error {code, message}",
      { error: { code: 50000, message: "Bad media" } },
      { code: "50000", message: "Bad media" },
    ],
    ["a plain error message", { error: "Bad media" }, { message: "Bad media" }],
    ["err_msg", { err_msg: "Bad media" }, { message: "Bad media" }],
    [
      "error.message before err_msg",
      { error: { message: "First" }, err_msg: "Second" },
      { message: "First" },
    ],
    ["a code alone", { error: { code: 50000 } }, { code: "50000", message: "JoggAI error 50000" }],
    ["a blank error", { error: "", err_msg: "" }, { message: "JoggAI reported the video as failed" }],
    ["nothing", {}, { message: "JoggAI reported the video as failed" }],
  ])("a failed video keeps the vendor's reason: %s", async (_label, fields, failure) => {
    const job = await productVideo({ status: "failed", ...fields })
    expect(job.failure).toEqual(failure)
  })

  it("a video that is not failed carries no failure, even with an error field", async () => {
    const job = await productVideo({ status: "completed", error: { code: 1, message: "stale" } })
    expect(job.failure).toBeUndefined()
  })
})

describe("JoggAI v2 products", () => {
  it("a created product keeps JoggAI's name, description, audience and media: type 1 images, type 2 videos", async () => {
    route(
      server,
      "post",
      "/v2/product",
      answer({
        product_id: "P1",
        name: "Bottle",
        description: "Keeps cold",
        target_audience: "hikers",
        media: [
          { type: 1, url: "https://cdn.example/a.jpg" },
          { type: 2, url: "https://cdn.example/a.mp4" },
          { type: 1 },
          { type: 3, url: "https://cdn.example/other" },
        ],
      }),
    )
    const product = await client().createProduct({ url: "https://shop.example/p" })
    expect(product).toMatchObject({
      ref: "jogg:product:P1",
      provider: "jogg",
      id: "P1",
      url: "https://shop.example/p",
      title: "Bottle",
      description: "Keeps cold",
      targetAudience: "hikers",
      imageUrls: ["https://cdn.example/a.jpg"],
      videoUrls: ["https://cdn.example/a.mp4"],
    })
  })
})

/** `GET /v2/product_previews` answering `previews`, read for the set of `ids`. */
const previewSet = (ids: string, previews: ReadonlyArray<Record<string, unknown>>) => {
  route(server, "get", "/v2/product_previews", answer({ previews, total: previews.length }))
  return client().getStatus(`jogg:preview_set:P1${ids === "" ? "" : `?ids=${encodeURIComponent(ids)}`}`)
}

describe("JoggAI preview sets as jobs (derived from GET /v2/product_previews)", () => {
  it("none listed yet: queued, nothing done", async () => {
    const job = await previewSet("a,b", [{ id: "other", status: "completed" }])
    expect(job).toMatchObject({ status: "queued", vendorStatus: "not_listed", progress: 0, stage: "preview" })
    expect(job.previews).toEqual([
      { id: "a", url: undefined, status: "queued", failure: undefined },
      { id: "b", url: undefined, status: "queued", failure: undefined },
    ])
    expect(job.previewUrl).toBeUndefined()
  })

  it("one listed and finished, one not listed yet: running, half done", async () => {
    const job = await previewSet("a,b", [
      { id: "a", status: "completed", video_url: "https://res.example/a.mp4" },
    ])
    expect(job).toMatchObject({ status: "running", vendorStatus: "completed,not_listed", progress: 0.5 })
    expect(job.previewUrl).toBe("https://res.example/a.mp4")
  })

  it("all finished, one completed: awaiting_selection; the failed one says why", async () => {
    const job = await previewSet("a,b", [
      { id: "a", status: "failed", error: { code: 50000, message: "Bad media" }, title: "Ad [k1]" },
      { preview_id: "b", status: "completed", video_url: "https://res.example/b.mp4" },
    ])
    expect(job).toMatchObject({ status: "awaiting_selection", vendorStatus: "failed,completed", progress: 1 })
    expect(job.failure).toBeUndefined()
    expect(job.name).toBe("Ad")
    expect(job.previews).toEqual([
      { id: "a", url: undefined, status: "failed", failure: "Bad media" },
      { id: "b", url: "https://res.example/b.mp4", status: "succeeded", failure: undefined },
    ])
    expect(job.previewUrl).toBe("https://res.example/b.mp4")
  })

  it("the set's name is the first listed preview's title", async () => {
    const job = await previewSet("a,b", [{ id: "b", status: "processing", title: "Spring ad [k1]" }])
    expect(job).toMatchObject({ status: "running", name: "Spring ad" })
  })

  it("all failed: failed, every preview's reason kept", async () => {
    const job = await previewSet("a,b", [
      { id: "a", status: "failed", err_msg: "No avatar" },
      { id: "b", status: "failed" },
    ])
    expect(job).toMatchObject({ status: "failed", failure: { message: "every preview failed" }, progress: 1 })
    expect(job.previews?.map((p) => p.failure)).toEqual(["No avatar", "JoggAI reported the video as failed"])
  })

  it("a finished set with a status JoggAI did not document is unknown, not awaiting_selection", async () => {
    const job = await previewSet("a,b", [
      { id: "a", status: "completed" },
      { id: "b", status: "archived" },
    ])
    expect(job).toMatchObject({ status: "unknown", vendorStatus: "completed,archived", progress: 0.5 })
  })

  it("a set without preview ids is failed, with no progress", async () => {
    const job = await client().getStatus("jogg:preview_set:P1")
    expect(job).toMatchObject({
      status: "failed",
      vendorStatus: "none",
      failure: { message: "every preview failed" },
    })
    expect(job.progress).toBeUndefined()
  })
})

const submit = (previews: ReadonlyArray<Record<string, unknown>>) => {
  route(server, "post", "/v2/create_video_from_product/preview_list", answer({ previews }))
  return client().generatePreviews({ product: "P1", visualStyles: ["A", "B"], avatar: "81" })
}

describe("JoggAI preview_list answers as jobs", () => {
  it("previews answered without a status are queued (the spec's shape)", async () => {
    const job = await submit([{ preview_id: "p1", visual_style: "A" }])
    expect(job).toMatchObject({ status: "queued", vendorStatus: "submitted", stage: "preview" })
    expect(job.previews).toEqual([{ id: "p1", visualStyle: "A", status: "queued" }])
    expect(job.metadata).toBeUndefined()
    expect(job.failure).toBeUndefined()
  })

  it("a refused style is listed with its reason; the submitted one runs", async () => {
    const job = await submit([
      { preview_id: "p1", visual_style: "A", status: "processing" },
      { visual_style: "B", err_msg: "Bad style" },
      { preview_id: "p3", err_msg: "Quota" },
    ])
    expect(job).toMatchObject({ status: "running", vendorStatus: "submitted" })
    expect(job.ref).toMatch(/^jogg:preview_set:P1\?ids=p1&key=/)
    expect(job.previews?.map((p) => p.id)).toEqual(["p1"])
    expect(job.metadata).toEqual({ rejectedStyles: ["B: Bad style", "a visual style: Quota"] })
  })

  it("one submitted preview already processing makes the set running", async () => {
    const job = await submit([
      { preview_id: "p1", visual_style: "A", status: "processing" },
      { preview_id: "p2", visual_style: "B" },
    ])
    expect(job.status).toBe("running")
    expect(job.previews?.map((p) => p.status)).toEqual(["running", "queued"])
  })

  it("nothing submitted: failed, with every refusal, or saying none was submitted", async () => {
    const refused = await submit([
      { visual_style: "A", err_msg: "Bad style" },
      { visual_style: "B", err_msg: "Bad avatar" },
    ])
    expect(refused).toMatchObject({
      status: "failed",
      vendorStatus: "failed",
      failure: { message: "A: Bad style; B: Bad avatar" },
    })
    const empty = await submit([])
    expect(empty).toMatchObject({ status: "failed", failure: { message: "no preview was submitted" } })
    expect(empty.metadata).toBeUndefined()
  })
})

/** `POST /v2/ai_scripts`, then `GET /v2/ai_scripts/results/t1` answering `results[n - 1]` (the last one after). */
const scripts = (...results: ReadonlyArray<Record<string, unknown>>) => {
  route(server, "post", "/v2/ai_scripts", answer({ task_id: "t1" }))
  const reads = route(server, "get", "/v2/ai_scripts/results/t1", (n) =>
    answer(results[Math.min(n, results.length) - 1])(),
  )
  return { reads, job: client().generateScripts({ product: "P1" }, fast) }
}

describe("JoggAI AI-script tasks as script jobs", () => {
  it("waits through pending, processing and undocumented statuses, then reads the spec's scripts", async () => {
    const { reads, job } = scripts(
      { status: "pending" },
      { status: "processing" },
      { status: "constructor" },
      { status: "queued_for_writer" },
      {
        status: "Completed",
        data: {
          generated_scripts: [
            { script_style: "Data", script_paragraphs: ["One.", "Two."] },
            { script_style: "Storytime", script_paragraphs: ["  ", ""] },
            { script_paragraphs: " Plain. " },
            { script_style: "Empty" },
          ],
        },
        scripts: [{ script_style: "Guide", script_paragraphs: "ignored" }],
      },
    )
    const done = await job
    expect(reads).toHaveLength(5)
    expect(done).toMatchObject({ ref: "jogg:ai_script:t1", provider: "jogg", status: "ready" })
    // Blank scripts are dropped; a script without a style has none.
    expect(done.scripts).toEqual([
      { style: "Data", text: "One.\nTwo." },
      { style: undefined, text: "Plain." },
    ])
    expect(done.failure).toBeUndefined()
  })

  it("completed without a script fails, saying JoggAI wrote none", async () => {
    const { job } = scripts({ status: "completed", data: { generated_scripts: [] } })
    const error = await rejection(job)
    expect(error.reason).toMatchObject({ _tag: "VendorRejected", vendorMessages: ["JoggAI wrote no script"] })
  })

  it("a failed task read through the provider port lists no script, even if JoggAI sent some", async () => {
    route(
      server,
      "get",
      "/v2/ai_scripts/results/t1",
      answer({
        status: "failed",
        err_msg: "Too short",
        data: { generated_scripts: [{ script_paragraphs: ["x"] }] },
      }),
    )
    const shape = await provider()
    const job = await Effect.runPromise(shape.getScripts!(JobRef.make("jogg", "ai_script", "t1")))
    expect(job).toMatchObject({ status: "failed", scripts: [], failure: { message: "Too short" } })
  })

  it("failed without err_msg fails, saying JoggAI wrote none", async () => {
    const { job } = scripts({ status: "failed", data: { generated_scripts: [{ script_paragraphs: ["x"] }] } })
    const error = await rejection(job)
    expect(error.reason).toMatchObject({ _tag: "VendorRejected", vendorMessages: ["JoggAI wrote no script"] })
  })
})
