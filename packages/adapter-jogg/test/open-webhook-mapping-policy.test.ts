import { createHmac } from "node:crypto"
import { Effect } from "effect"
import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { parseJoggWebhook } from "../src/index.js"
import { client, route, useMsw } from "./support.js"

// JoggAI's `open` projects and account-webhook payloads as neutral jobs, pinned where mutation
// testing (`pnpm mutate`, issue 20) found changes no test noticed: the `open` status scale and
// progress percent, and which id, status and fields a webhook delivery is read by (vendor notes
// §4-§5: v2 payloads name `video_id`, v1/open ones `project_id`, photo-avatar images and motions
// `photo_id` / `motion_id` with a plain `error` message).

const server = useMsw()
const open = () => client({ apiVersion: "open" })
const projectRef = "jogg:open_project:prj1"

/** `GET /open/prj_info?project_id=prj1` answered `data`, read as a job. */
const project = (data: Record<string, unknown>) => {
  route(server, "get", "/open/prj_info", () => HttpResponse.json({ code: 0, msg: "success", data }))
  return open().getStatus(projectRef)
}

describe("JoggAI open projects as jobs", () => {
  it.each([
    [1, "awaiting_selection"],
    [2, "awaiting_selection"],
    [3, "running"],
    ["3", "running"],
    [4, "succeeded"],
    [5, "failed"],
    [99, "cancelled"],
    ["99", "cancelled"],
    [6, "unknown"],
    ["4 ", "unknown"],
    ["x4", "unknown"],
    ["+4", "unknown"],
    ["processing", "unknown"],
    ["constructor", "unknown"],
  ] as const)("status %j is %s, kept as vendorStatus", async (vendor, status) => {
    const job = await project({ id: "prj1", status: vendor })
    expect(job).toMatchObject({ ref: projectRef, status, vendorStatus: String(vendor), stage: "render" })
  })

  it("without a status it is unknown", async () => {
    expect(await project({ id: "prj1" })).toMatchObject({ status: "unknown", vendorStatus: "unknown" })
  })

  it.each([
    [3, 45, 0.45],
    [3, 140, 1],
    [3, -5, 0],
    [3, undefined, undefined],
    [4, 50, 1],
  ])("status %i with progress %s%% is at %s", async (status, progress, expected) => {
    const job = await project({ id: "prj1", status, ...(progress === undefined ? {} : { progress }) })
    expect(job.progress).toBe(expected)
  })

  it("a finished project carries its video, cover, length, date, aspect and step", async () => {
    const job = await project({
      id: "prj1",
      status: 4,
      video_url: "https://res.example/p.mp4",
      cover_url: "https://res.example/p.jpg",
      video_duration: 30,
      created_at: 1732806631,
      aspect_ratio: 1,
      progress_desc: "done",
      err_msg: "ignored",
    })
    expect(job).toMatchObject({
      videoUrl: "https://res.example/p.mp4",
      thumbnailUrl: "https://res.example/p.jpg",
      durationSeconds: 30,
      createdAt: "2024-11-28T15:10:31.000Z",
      metadata: { aspectRatio: "16:9", progressDescription: "done" },
    })
    expect(job.failure).toBeUndefined()
    expect((await project({ status: 3, aspect_ratio: 0 })).metadata).toMatchObject({ aspectRatio: "9:16" })
    expect((await project({ status: 3, aspect_ratio: 2 })).metadata).toMatchObject({ aspectRatio: "1:1" })
    const unknown = await project({ status: 3, aspect_ratio: 7 })
    expect(unknown.metadata).toEqual({ aspectRatio: undefined, progressDescription: undefined })
  })

  it("a failed project keeps err_msg, or says JoggAI failed it", async () => {
    expect((await project({ status: 5, err_msg: "No avatar" })).failure).toEqual({ message: "No avatar" })
    expect((await project({ status: 5, err_msg: "" })).failure).toEqual({
      message: "JoggAI reported the project as failed",
    })
  })

  it("a product is made with its project; a render is queued until the project is read", async () => {
    route(server, "post", "/open/product", () =>
      HttpResponse.json({ code: 0, msg: "success", data: { id: 12, prj_id: "prj1" } }),
    )
    const product = await open().createProduct({ url: "https://shop.example/p" })
    expect(product).toEqual({
      ref: "jogg:open_product:12?prj=prj1",
      provider: "jogg",
      id: "12",
      url: "https://shop.example/p",
      imageUrls: [],
      videoUrls: [],
      raw: { id: 12, prj_id: "prj1" },
    })
    route(server, "post", "/open/project/render", () =>
      HttpResponse.json({ code: 0, msg: "success", data: {} }),
    )
    const job = await open().render({ product: product.ref, avatar: "37" })
    expect(job).toMatchObject({
      ref: projectRef,
      provider: "jogg",
      status: "queued",
      vendorStatus: "submitted",
    })
    expect(job.stage).toBe("render")
  })
})

const SECRET = "whsec_policy"

/** A delivery of `payload`, signed as JoggAI signs (hex HMAC-SHA256 of the body), parsed. */
const deliver = (payload: Record<string, unknown>) => {
  const body = JSON.stringify({ event_id: "evt_1", timestamp: 1732806631, ...payload })
  const signature = createHmac("sha256", SECRET).update(body).digest("hex")
  return Effect.runPromise(
    Effect.result(
      parseJoggWebhook(
        {
          method: "POST",
          url: "https://app.example/hooks/jogg",
          headers: { "X-Webhook-Signature": signature },
          body,
        },
        { secret: SECRET, toleranceSeconds: false },
      ),
    ),
  )
}

const job = async (payload: Record<string, unknown>) => {
  const result = await deliver(payload)
  if (result._tag === "Failure") throw result.failure
  return result.success.job
}

describe("JoggAI webhook payloads as jobs", () => {
  it.each([
    ["generated_avatar_video_success", "avatar_video"],
    ["generated_template_video_failed", "template_video"],
    ["generated_product_video_success", "product_video"],
    ["generated_video_success", "product_video"],
  ])("%s with a video_id names a %s", async (event, kind) => {
    expect((await job({ event, data: { video_id: "v1" } })).ref).toBe(`jogg:${kind}:v1`)
  })

  it("a product video may be named by product_video_id; video_id wins, then project, motion, photo", async () => {
    const event = "generated_product_video_success"
    expect((await job({ event, data: { product_video_id: "pv" } })).ref).toBe("jogg:product_video:pv")
    const all = { video_id: "v", project_id: "p", motion_id: "m", photo_id: "f" }
    expect((await job({ event, data: all })).ref).toBe("jogg:product_video:v")
    const { video_id: _v, ...noVideo } = all
    expect((await job({ event, data: noVideo })).ref).toBe("jogg:open_project:p")
    const { project_id: _p, ...noProject } = noVideo
    expect((await job({ event: "generated_motion_success", data: noProject })).ref).toBe("jogg:motion:m")
    expect((await job({ event: "generated_image_success", data: { photo_id: "f" } })).ref).toBe(
      "jogg:photo:f",
    )
  })

  it("data.status decides; without one, the event's name; else unknown", async () => {
    const video = (event: string, status?: string) =>
      job({ event, data: { video_id: "v1", ...(status === undefined ? {} : { status }) } })
    expect(await video("generated_avatar_video_success", "processing")).toMatchObject({
      status: "running",
      vendorStatus: "processing",
    })
    expect(await video("generated_avatar_video_failed", "completed")).toMatchObject({
      status: "succeeded",
      progress: 1,
    })
    const success = await video("generated_avatar_video_success")
    expect(success).toMatchObject({
      status: "succeeded",
      vendorStatus: "generated_avatar_video_success",
      progress: 1,
    })
    const failed = await video("generated_avatar_video_failed", "exploded")
    expect(failed).toMatchObject({ status: "failed", vendorStatus: "exploded" })
    expect(failed.progress).toBeUndefined()
    expect(failed.failure).toEqual({ message: "JoggAI sent generated_avatar_video_failed" })
    const other = await video("generated_avatar_video_started")
    expect(other).toMatchObject({ status: "unknown", vendorStatus: "generated_avatar_video_started" })
    expect(other.failure).toBeUndefined()
    // The suffix is the end of the name, not anywhere in it.
    expect((await video("generated_success_video")).status).toBe("unknown")
    expect((await video("generated_failed_video")).status).toBe("unknown")
  })

  it("reads a video's url, cover and length, video_duration first", async () => {
    const read = await job({
      event: "generated_avatar_video_success",
      data: {
        video_id: "v1",
        video_url: "https://res.example/v.mp4",
        cover_url: "https://res.example/v.jpg",
        photo_url: "https://res.example/other.jpg",
        video_duration: 30.5,
        duration: 31,
      },
    })
    expect(read).toMatchObject({
      videoUrl: "https://res.example/v.mp4",
      thumbnailUrl: "https://res.example/v.jpg",
      durationSeconds: 30.5,
      stage: "render",
      provider: "jogg",
    })
    expect(
      (await job({ event: "generated_video_success", data: { project_id: "p", duration: 10 } }))
        .durationSeconds,
    ).toBe(10)
  })

  it("reads a motion's url and a photo's first image", async () => {
    const motion = await job({
      event: "generated_motion_success",
      data: { motion_id: "m", motion_url: "https://res.example/m.mp4" },
    })
    expect(motion.videoUrl).toBe("https://res.example/m.mp4")
    const photo = await job({
      event: "generated_image_success",
      data: { photo_id: "f", photo_urls: ["https://res.example/1.jpg", "https://res.example/2.jpg"] },
    })
    expect(photo.thumbnailUrl).toBe("https://res.example/1.jpg")
    const single = await job({
      event: "generated_image_success",
      data: { photo_id: "f", photo_url: "https://res.example/s.jpg" },
    })
    expect(single.thumbnailUrl).toBe("https://res.example/s.jpg")
  })

  it("a failure keeps the payload's error, {code, message} or a plain message", async () => {
    const video = await job({
      event: "generated_avatar_video_failed",
      data: { video_id: "v1", status: "failed", error: { code: 50000, message: "Video generation failed" } },
    })
    expect(video.failure).toEqual({ code: "50000", message: "Video generation failed" })
    const motion = await job({
      event: "generated_motion_failed",
      data: { motion_id: "m", error: "Bad photo" },
    })
    expect(motion).toMatchObject({ status: "failed", failure: { message: "Bad photo" } })
  })

  it("a payload naming no job is refused (InvalidInput), not read as a job", async () => {
    const result = await deliver({ event: "generated_script_success", data: { task_id: "t1" } })
    expect(result._tag).toBe("Failure")
    if (result._tag === "Failure") expect(result.failure.reason._tag).toBe("InvalidInput")
    const empty = await deliver({ event: "generated_avatar_video_success" })
    expect(empty._tag).toBe("Failure")
  })
})
