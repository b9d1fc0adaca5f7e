import { JobRef, runPromise } from "@vidbridge/core"
import { Clock, Duration, Effect, Fiber, Schedule } from "effect"
import { TestClock } from "effect/testing"
import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { client, provider, route, useMsw } from "./support.js"

// Many product videos tracked at once: JoggAI has no ids filter, so `scanStatuses` pages
// `GET /v2/product_videos` (newest first, 100 a page, the fields the list documents) until every
// tracked video is seen, and leaves the rest to reads by id.

const server = useMsw()
const T = 1_732_806_631

/** `count` product videos as the list documents them, newest first, ids `${prefix}${from + i}`. */
const videos = (count: number, from = 0, status = "processing", prefix = "pv_") =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${from + i}`,
    title: `Video ${from + i}`,
    status,
    created_at: T + 100_000 - from - i,
    ...(status === "completed"
      ? {
          video_url: `https://res.jogg.ai/${prefix}${from + i}.mp4`,
          cover_url: `https://res.jogg.ai/${prefix}${from + i}.jpg`,
          video_duration: 30,
        }
      : {}),
  }))

/** Answers `pages` (1-based) of `GET /v2/product_videos` and records each request. */
const list = (pages: ReadonlyArray<ReadonlyArray<object>>) =>
  route(server, "get", "/v2/product_videos", (_n, seen) => {
    const page = Number(seen.url.searchParams.get("page"))
    return HttpResponse.json({
      code: 0,
      msg: "Success",
      data: { videos: pages[page - 1] ?? [], total: pages.flat().length, page, page_size: 100 },
    })
  })

/** Answers `GET /v2/product_video/{id}` with `data` and records each request. */
const byId = (id: string, data: object) =>
  route(server, "get", `/v2/product_video/${id}`, () => HttpResponse.json({ code: 0, msg: "Success", data }))

const refs = (...ids: ReadonlyArray<string>) => ids.map((id) => JobRef.make("jogg", "product_video", id))

describe("JoggAI batch reads (scanStatuses over GET /v2/product_videos)", () => {
  it("pages newest first until every tracked video is seen, and stops there", async () => {
    const seen = list([videos(100), videos(100, 100), videos(100, 200)])
    const shape = await provider()
    const scan = await runPromise(shape.scanStatuses!(refs("pv_3", "pv_150", "pv_199")))
    expect(scan.requests).toBe(2)
    expect(scan.jobs.map((j) => [j.ref, j.status])).toEqual([
      ["jogg:product_video:pv_3", "running"],
      ["jogg:product_video:pv_150", "running"],
      ["jogg:product_video:pv_199", "running"],
    ])
    expect(seen.map((s) => Object.fromEntries(s.url.searchParams))).toEqual([
      { page: "1", page_size: "100", sort_by: "created_at", sort_order: "desc" },
      { page: "2", page_size: "100", sort_by: "created_at", sort_order: "desc" },
    ])
  })

  it("leaves out videos too old for the pages read: three pages without a tracked one end the scan", async () => {
    const seen = list([videos(100), videos(100, 100), videos(100, 200), videos(100, 300), videos(100, 400)])
    const shape = await provider()
    const scan = await runPromise(
      shape.scanStatuses!(refs("pv_5", "pv_old_1", "pv_old_2", "pv_old_3", "pv_old_4")),
    )
    expect(scan.jobs.map((j) => j.ref)).toEqual(["jogg:product_video:pv_5"])
    expect(scan.requests).toBe(4)
    expect(seen).toHaveLength(4)
  })

  it("never reads more pages than there are videos to find (reading them by id is cheaper)", async () => {
    const seen = list([videos(100), videos(100, 100), videos(100, 200)])
    const shape = await provider()
    const scan = await runPromise(shape.scanStatuses!(refs("pv_old_1", "pv_old_2")))
    expect(scan).toEqual({ jobs: [], requests: 2 })
    expect(seen).toHaveLength(2)
  })

  it("reads a completed video once by id for the credits the list leaves out (batchCredits: false skips it)", async () => {
    list([[...videos(2, 0, "completed"), ...videos(3, 2)]])
    const full = { id: "pv_0", title: "Video 0", status: "completed", created_at: T, deducted_credit: 1 }
    const reads = byId("pv_0", { ...full, video_url: "https://res.jogg.ai/pv_0.mp4", video_duration: 30 })
    const scan = await runPromise((await provider()).scanStatuses!(refs("pv_0", "pv_3")))
    expect(reads).toHaveLength(1)
    expect(scan.requests).toBe(2)
    expect(scan.jobs.find((j) => j.ref.endsWith("pv_0"))).toMatchObject({
      status: "succeeded",
      creditsUsed: 1,
    })

    const without = await runPromise(
      (await provider({ batchCredits: false })).scanStatuses!(refs("pv_0", "pv_3")),
    )
    expect(reads).toHaveLength(1)
    expect(without.requests).toBe(1)
    expect(without.jobs.find((j) => j.ref.endsWith("pv_0"))).toMatchObject({
      status: "succeeded",
      videoUrl: "https://res.jogg.ai/pv_0.mp4",
      creditsUsed: undefined,
    })
  })

  it("reads a failed video by id for the reason the list leaves out", async () => {
    list([videos(2, 0, "failed")])
    const reads = byId("pv_1", {
      id: "pv_1",
      status: "failed",
      error: { code: 50000, message: "Insufficient media quality for video generation" },
      created_at: T,
    })
    const scan = await runPromise(
      (await provider({ batchCredits: false })).scanStatuses!(refs("pv_1", "pv_9")),
    )
    expect(reads).toHaveLength(1)
    expect(scan.jobs[0]).toMatchObject({
      status: "failed",
      failure: { message: "Insufficient media quality for video generation" },
    })
  })

  it("waitForAll: one scan a round, the videos it leaves out read by id, every request counted", async () => {
    const pages = list([[...videos(1, 0, "completed"), ...videos(1, 1, "completed")]])
    byId("pv_0", { id: "pv_0", status: "completed", created_at: T, deducted_credit: 1 })
    byId("pv_1", { id: "pv_1", status: "completed", created_at: T, deducted_credit: 2 })
    const avatar = route(server, "get", "/v2/avatar_video/av_1", () =>
      HttpResponse.json({
        code: 0,
        msg: "Success",
        data: { video_id: "av_1", status: "completed", created_at: T },
      }),
    )
    const rounds: Array<{ tracked: number; requests: number }> = []
    const results = await client().waitForAll(
      ["jogg:product_video:pv_0", "jogg:product_video:pv_1", "jogg:avatar_video:av_1"],
      { interval: 1, minInterval: 0, onRound: (r) => rounds.push(r) },
    )
    expect(results.map((r) => r.ok && r.job.creditsUsed)).toEqual([1, 2, undefined])
    expect(pages).toHaveLength(1)
    expect(avatar).toHaveLength(1)
    // one page, two reads for credits, one avatar video by id
    expect(rounds).toEqual([{ tracked: 3, requests: 4 }])
  })
})

describe("JoggAI's polling floor", () => {
  it("declares the documented floor (5 s) and schedule (10 s for a minute, then 30 s, then 60 s)", async () => {
    const shape = await provider()
    expect(Duration.toMillis(Duration.fromInputUnsafe(shape.polling!.minInterval))).toBe(5_000)
    const at: Array<number> = []
    const delays = await Effect.runPromise(
      Effect.gen(function* () {
        const fiber = yield* Effect.forkChild(
          Effect.repeat(
            Effect.flatMap(Clock.currentTimeMillis, (now) => Effect.sync(() => at.push(now))),
            shape.polling!.schedule!.pipe(Schedule.upTo({ times: 16 })),
          ),
        )
        yield* TestClock.adjust(Duration.minutes(30))
        yield* Fiber.join(fiber)
        return at.slice(1).map((t, i) => (t - at[i]!) / 1000)
      }).pipe(Effect.provide(TestClock.layer())),
    )
    expect(delays).toEqual([10, 10, 10, 10, 10, 10, 30, 30, 30, 30, 30, 30, 30, 30, 60, 60])
  })
})
