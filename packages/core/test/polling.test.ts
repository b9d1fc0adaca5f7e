import { it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Schedule, Stream } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import {
  makeBatchPoller,
  RateLimited,
  VendorUnavailable,
  VideoError,
  VideoProvider,
  waitForCompletion,
  watch,
} from "../src/index.js"
import { scriptedProvider } from "./support/scripted.js"

const transient = new VideoError({
  provider: "scripted",
  operation: "getStatus",
  reason: new VendorUnavailable({ message: "502", delivery: "ambiguous" }),
})
const provide = (shape: ReturnType<typeof scriptedProvider>["shape"]) =>
  Effect.provide(Layer.succeed(VideoProvider, shape))

describe("waitForCompletion", () => {
  it.effect("reaches success through transient errors, reporting each change once", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({
        a: ["queued", "queued", transient, "running", "succeeded"],
      })
      const seen: string[] = []
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:a", { onProgress: (j) => seen.push(j.status) }).pipe(provide(shape)),
      )
      yield* TestClock.adjust(Duration.minutes(5))
      const job = yield* Fiber.join(fiber)
      expect(job.status).toBe("succeeded")
      expect(job.videoUrl).toBe("https://cdn.test/a.mp4")
      expect(seen).toEqual(["queued", "running", "succeeded"])
      expect(reads.single).toBe(5)
    }),
  )

  it.effect("fails with JobFailed carrying the last job", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ b: ["running", "failed"] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(waitForCompletion("scripted:job:b").pipe(provide(shape))),
      )
      yield* TestClock.adjust(Duration.minutes(1))
      const error = yield* Fiber.join(fiber)
      expect(error.reason._tag).toBe("JobFailed")
      expect(error.reason._tag === "JobFailed" && error.reason.job.failure?.message).toBe("render crashed")
      expect(error.ref).toBe("scripted:job:b")
    }),
  )

  it.effect("maps moderation to ContentRejected", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ c: ["rejected"] })
      const error = yield* Effect.flip(waitForCompletion("scripted:job:c").pipe(provide(shape)))
      expect(error.reason._tag).toBe("ContentRejected")
    }),
  )

  it.effect("stops at awaiting_selection (previews ready)", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ p: ["queued", "awaiting_selection"] })
      const fiber = yield* Effect.forkChild(waitForCompletion("scripted:job:p").pipe(provide(shape)))
      yield* TestClock.adjust(Duration.minutes(1))
      expect((yield* Fiber.join(fiber)).status).toBe("awaiting_selection")
    }),
  )

  it.effect("times out with the last known job", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ slow: ["running"] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(waitForCompletion("scripted:job:slow", { timeout: "10 minutes" }).pipe(provide(shape))),
      )
      yield* TestClock.adjust(Duration.minutes(11))
      const error = yield* Fiber.join(fiber)
      expect(error.reason._tag).toBe("Timeout")
      expect(error.reason._tag === "Timeout" && error.reason.job?.status).toBe("running")
    }),
  )

  it.effect("backs off from short to capped intervals", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ d: ["running"] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(waitForCompletion("scripted:job:d", { timeout: "1 hour" }).pipe(provide(shape))),
      )
      yield* TestClock.adjust(Duration.seconds(10))
      const early = reads.single
      yield* TestClock.adjust(Duration.minutes(30))
      const late = reads.single - early
      expect(early).toBeGreaterThanOrEqual(3) // ~2 s, 3 s, 4.5 s ...
      expect(late).toBeLessThanOrEqual(Math.ceil((30 * 60) / (30 * 0.8)) + 1) // capped near 30 s
      expect(late).toBeGreaterThanOrEqual(Math.floor((30 * 60) / (30 * 1.2)) - 1)
      yield* Fiber.interrupt(fiber)
    }),
  )

  it.effect("waits at least as long as a vendor's Retry-After", () =>
    Effect.gen(function* () {
      const limited = new VideoError({
        provider: "scripted",
        operation: "getStatus",
        reason: new RateLimited({ message: "slow down", retryAfter: Duration.seconds(90) }),
      })
      const { shape, reads } = scriptedProvider({ e: [limited, "succeeded"] })
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:e", { schedule: Schedule.spaced("1 second") }).pipe(provide(shape)),
      )
      yield* TestClock.adjust(Duration.seconds(89))
      expect(reads.single).toBe(1)
      yield* TestClock.adjust(Duration.seconds(2))
      expect((yield* Fiber.join(fiber)).status).toBe("succeeded")
    }),
  )

  it.effect("gives up after too many transient errors in a row", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ f: [transient] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(waitForCompletion("scripted:job:f", { maxConsecutiveErrors: 3 }).pipe(provide(shape))),
      )
      yield* TestClock.adjust(Duration.minutes(5))
      expect((yield* Fiber.join(fiber)).reason._tag).toBe("VendorUnavailable")
    }),
  )

  it.effect("rejects a ref of another provider before any read", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({})
      const error = yield* Effect.flip(waitForCompletion("creatify:link_to_video:x").pipe(provide(shape)))
      expect(error.reason._tag).toBe("InvalidInput")
      expect(reads.single).toBe(0)
    }),
  )
})

describe("watch", () => {
  it.effect("streams each change and ends at the settled job", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ w: ["queued", "queued", "running", "succeeded"] })
      const fiber = yield* Effect.forkChild(
        Stream.runCollect(watch("scripted:job:w").pipe(Stream.provideService(VideoProvider, shape))),
      )
      yield* TestClock.adjust(Duration.minutes(2))
      const jobs = yield* Fiber.join(fiber)
      expect(Array.from(jobs).map((j) => j.status)).toEqual(["queued", "running", "succeeded"])
    }),
  )
})

describe("batch poller", () => {
  it.effect("250 tracked jobs cost 3 reads per round with a 100-id batch read", () =>
    Effect.gen(function* () {
      const scripts = Object.fromEntries(
        Array.from({ length: 250 }, (_, i) => [`j${i}`, ["running", "running", "succeeded"] as const]),
      )
      const { shape, reads } = scriptedProvider(scripts, { batchLimit: 100 })
      const rounds: number[] = []
      const fiber = yield* Effect.forkChild(
        Effect.scoped(
          Effect.gen(function* () {
            const poller = yield* makeBatchPoller(shape, {
              interval: "10 seconds",
              onRound: (r) => rounds.push(r.requests),
            })
            return yield* Effect.forEach(Object.keys(scripts), (id) => poller.track(`scripted:job:${id}`), {
              concurrency: "unbounded",
            })
          }),
        ),
      )
      yield* TestClock.adjust(Duration.seconds(30))
      const jobs = yield* Fiber.join(fiber)
      expect(jobs).toHaveLength(250)
      expect(jobs.every((j) => j.status === "succeeded")).toBe(true)
      expect(rounds).toEqual([3, 3, 3])
      expect(reads.batchSizes.slice(0, 3)).toEqual([100, 100, 50])
      expect(reads.single).toBe(0)
    }),
  )

  it.effect("without a batch read, reads each job once per round and fails jobs that fail", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ a: ["running", "succeeded"], b: ["failed"] })
      const fiber = yield* Effect.forkChild(
        Effect.scoped(
          Effect.gen(function* () {
            const poller = yield* makeBatchPoller(shape, { interval: "5 seconds" })
            return yield* Effect.all(
              [poller.track("scripted:job:a"), Effect.flip(poller.track("scripted:job:b"))],
              {
                concurrency: "unbounded",
              },
            )
          }),
        ),
      )
      yield* TestClock.adjust(Duration.seconds(10))
      const [a, b] = yield* Fiber.join(fiber)
      expect(a.status).toBe("succeeded")
      expect(b.reason._tag).toBe("JobFailed")
      expect(reads.single).toBe(3)
    }),
  )
})
