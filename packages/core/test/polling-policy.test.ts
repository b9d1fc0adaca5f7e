import { it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Schedule, Stream } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import {
  type Capabilities,
  cancel,
  VendorUnavailable,
  VideoError,
  type VideoJob,
  VideoProvider,
  type VideoProviderShape,
  waitForCompletion,
  watch,
} from "../src/index.js"
import { scriptedProvider } from "./support/scripted.js"

// The wait's policy, pinned where mutation testing (`pnpm mutate`) found changes no test noticed
// (issue 20): a schedule that runs out, the consecutive-error bound, the default timeout, and
// which changes of a job count as news.

const transient = new VideoError({
  provider: "scripted",
  operation: "getStatus",
  reason: new VendorUnavailable({ message: "502", delivery: "ambiguous" }),
})
const provide = (shape: VideoProviderShape) => Effect.provide(Layer.succeed(VideoProvider, shape))

const capabilities: Capabilities = {
  operations: ["getStatus"],
  aspectRatios: [],
  productFromUrl: false,
  productFromParams: false,
  templates: false,
  webhooks: "none",
  batchStatusLimit: 1,
  credits: { reported: false, estimate: false },
}

/** A provider whose one job reads as `jobs`, one per read, the last one repeated. */
const sequence = (jobs: ReadonlyArray<Partial<VideoJob>>) => {
  const reads = { n: 0 }
  const shape: VideoProviderShape = {
    id: "scripted",
    capabilities,
    getStatus: () =>
      Effect.sync(() => {
        const job = jobs[Math.min(reads.n++, jobs.length - 1)]!
        return {
          ref: "scripted:job:s",
          provider: "scripted",
          status: "running",
          vendorStatus: "RUNNING",
          stage: "render",
          raw: {},
          ...job,
        } satisfies VideoJob
      }),
  }
  return { shape, reads }
}

describe("waitForCompletion: when to stop", () => {
  it.effect("a schedule that runs out fails Timeout carrying the last job, not success", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ r: ["queued", "running"] })
      const error = yield* Effect.flip(
        waitForCompletion("scripted:job:r", { schedule: Schedule.recurs(2) }).pipe(provide(shape)),
      )
      expect(reads.single).toBe(3)
      expect(error.reason._tag).toBe("Timeout")
      expect(error.reason._tag === "Timeout" && error.reason.job?.status).toBe("running")
      expect(error.message).toContain("last status: running")
    }),
  )

  it.effect("a schedule that runs out before any successful read fails Timeout without a job", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ t: [transient] })
      const error = yield* Effect.flip(
        waitForCompletion("scripted:job:t", { schedule: Schedule.recurs(1) }).pipe(provide(shape)),
      )
      expect(error.reason._tag).toBe("Timeout")
      expect(error.reason._tag === "Timeout" && error.reason.job).toBeUndefined()
      expect(error.reason.message).toBe("the job was not finished after 20m")
    }),
  )

  it.effect("maxConsecutiveErrors: 3 tolerates 3 failed reads in a row and fails on the 4th", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ f: [transient] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(
          waitForCompletion("scripted:job:f", {
            maxConsecutiveErrors: 3,
            schedule: Schedule.spaced("1 second"),
          }).pipe(provide(shape)),
        ),
      )
      yield* TestClock.adjust(Duration.minutes(5))
      const error = yield* Fiber.join(fiber)
      expect(error.reason._tag).toBe("VendorUnavailable")
      expect(reads.single).toBe(4)
    }),
  )

  it.effect("a good read resets the count of errors in a row", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({
        g: [transient, transient, "running", transient, transient, "succeeded"],
      })
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:g", {
          maxConsecutiveErrors: 2,
          schedule: Schedule.spaced("1 second"),
        }).pipe(provide(shape)),
      )
      yield* TestClock.adjust(Duration.minutes(1))
      expect((yield* Fiber.join(fiber)).status).toBe("succeeded")
      expect(reads.single).toBe(6)
    }),
  )

  it.effect("by default tolerates 10 failed reads in a row and fails on the 11th", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ h: [transient] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(
          waitForCompletion("scripted:job:h", { schedule: Schedule.spaced("1 second") }).pipe(provide(shape)),
        ),
      )
      yield* TestClock.adjust(Duration.minutes(5))
      expect((yield* Fiber.join(fiber)).reason._tag).toBe("VendorUnavailable")
      expect(reads.single).toBe(11)
    }),
  )

  it.effect("by default gives up after 20 minutes", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ slow: ["running"] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(waitForCompletion("scripted:job:slow").pipe(provide(shape))),
      )
      yield* TestClock.adjust(Duration.minutes(19))
      expect(fiber.pollUnsafe()).toBeUndefined()
      yield* TestClock.adjust(Duration.minutes(2))
      const error = yield* Fiber.join(fiber)
      expect(error.reason._tag === "Timeout" && Duration.toMillis(error.reason.after)).toBe(20 * 60_000)
    }),
  )
})

describe("waitForCompletion: what counts as a change", () => {
  it.effect("reports a job again when any field it shows changed, and never twice unchanged", () =>
    Effect.gen(function* () {
      // Each step changes one field of the one before (or none).
      const fields: ReadonlyArray<Partial<VideoJob>> = [
        {},
        {}, // unchanged
        { status: "queued" }, // the same vendor status read another way
        { vendorStatus: "RENDERING" },
        { stage: "preview" },
        { progress: 0.5 },
        { previewUrl: "https://cdn.test/p.jpg" },
        { videoUrl: "https://cdn.test/v.mp4" },
        { previews: [{ id: "a", url: "https://cdn.test/a.mp4" }] },
        { failure: { message: "retrying a scene" } },
        {}, // unchanged
        { status: "succeeded", vendorStatus: "DONE" },
      ]
      const steps = fields.map((_, i) => Object.assign({}, ...fields.slice(0, i + 1)) as Partial<VideoJob>)
      const { shape, reads } = sequence(steps)
      const seen: VideoJob[] = []
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:s", {
          schedule: Schedule.spaced("1 second"),
          onProgress: (job) => seen.push(job),
        }).pipe(provide(shape)),
      )
      yield* TestClock.adjust(Duration.minutes(1))
      yield* Fiber.join(fiber)
      expect(reads.n).toBe(steps.length)
      expect(seen).toHaveLength(steps.length - 2)
      expect(seen.map((job) => job.videoUrl)).toContain("https://cdn.test/v.mp4")
    }),
  )
})

describe("waitForCompletion: what its errors say", () => {
  it.effect("a failed job: JobFailed naming the status, the vendor's status and its message", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ b: ["failed"] })
      const error = yield* Effect.flip(waitForCompletion("scripted:job:b").pipe(provide(shape)))
      expect(error).toMatchObject({
        operation: "waitForCompletion",
        ref: "scripted:job:b",
        provider: "scripted",
      })
      expect(error.reason.message).toBe("the job ended as failed (FAILED): render crashed")
      expect(error.reason._tag === "JobFailed" && error.reason.job.status).toBe("failed")
    }),
  )

  it.effect("a rejected job: ContentRejected carrying the job; no message, nothing appended", () =>
    Effect.gen(function* () {
      const { shape } = sequence([
        { status: "rejected", vendorStatus: "MODERATED", failure: { message: "nudity" } },
      ])
      const error = yield* Effect.flip(waitForCompletion("scripted:job:s").pipe(provide(shape)))
      expect(error.reason.message).toBe("the vendor's moderation rejected the job: nudity")
      expect(error.reason._tag === "ContentRejected" && error.reason.job?.vendorStatus).toBe("MODERATED")
      const plain = sequence([{ status: "cancelled", vendorStatus: "STOPPED" }])
      const stopped = yield* Effect.flip(waitForCompletion("scripted:job:s").pipe(provide(plain.shape)))
      expect(stopped.reason.message).toBe("the job ended as cancelled (STOPPED)")
    }),
  )

  it.effect("a timeout names the wait and how long it waited", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ slow: ["running"] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(waitForCompletion("scripted:job:slow", { timeout: "1 minute" }).pipe(provide(shape))),
      )
      yield* TestClock.adjust(Duration.minutes(2))
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ operation: "waitForCompletion", ref: "scripted:job:slow" })
      expect(error.reason.message).toBe("the job was not finished after 1m (last status: running)")
    }),
  )

  it.effect("a bad ref or option is InvalidInput naming the field, before any read", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({})
      const wait = (ref: string, options = {}) =>
        Effect.flip(waitForCompletion(ref, options).pipe(provide(shape)))
      const garbled = yield* wait("not a ref")
      expect(garbled).toMatchObject({ operation: "waitForCompletion", provider: "scripted" })
      expect(garbled.reason._tag === "InvalidInput" && garbled.reason.issues[0]?.path).toBe("ref")
      const other = yield* wait("creatify:link_to_video:x")
      expect(other.reason._tag === "InvalidInput" && other.reason.issues).toEqual([
        { path: "ref", message: 'belongs to provider "creatify", not "scripted"' },
      ])
      const submission = yield* wait("scripted:submission:vbabc?op=render&at=1")
      expect(submission.reason._tag === "InvalidInput" && submission.reason.issues[0]?.message).toBe(
        "is a submission ref; use findSubmission",
      )
      const option = yield* wait("scripted:job:a", { timeout: -1 })
      expect(option).toMatchObject({ operation: "waitForCompletion", provider: "scripted" })
      expect(option.reason._tag === "InvalidInput" && option.reason.issues[0]?.path).toBe("timeout")
      expect(reads.single).toBe(0)
    }),
  )

  it.effect("watch fails the stream with the wait's error", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ b: ["running", "failed"] })
      const fiber = yield* Effect.forkChild(
        Effect.flip(
          Stream.runCollect(watch("scripted:job:b").pipe(Stream.provideService(VideoProvider, shape))),
        ),
      )
      yield* TestClock.adjust(Duration.minutes(1))
      expect((yield* Fiber.join(fiber)).reason._tag).toBe("JobFailed")
    }),
  )
})

describe("waitForCompletion: cancelling through the provider", () => {
  it.effect("cancelling another job leaves the wait alone; cancelling this one ends it at once", () =>
    Effect.gen(function* () {
      const { shape: base, reads } = scriptedProvider({ a: ["running"], b: ["running"] })
      const shape: VideoProviderShape = {
        ...base,
        capabilities: { ...base.capabilities, operations: ["getStatus", "cancel"] },
        cancel: (ref) =>
          Effect.succeed({
            ref: `scripted:job:${ref.id}`,
            provider: "scripted",
            status: "cancelled",
            vendorStatus: "CANCELLED",
            stage: "render",
            raw: {},
          }),
      }
      const fiber = yield* Effect.forkChild(
        Effect.flip(
          waitForCompletion("scripted:job:a", { schedule: Schedule.spaced("1 minute") }).pipe(provide(shape)),
        ),
      )
      yield* TestClock.adjust(Duration.seconds(1))
      yield* cancel("scripted:job:b").pipe(provide(shape))
      yield* TestClock.adjust(Duration.seconds(1))
      expect(fiber.pollUnsafe()).toBeUndefined()
      yield* cancel("scripted:job:a").pipe(provide(shape))
      const error = yield* Fiber.join(fiber)
      expect(error.reason.message).toBe("the job ended as cancelled (CANCELLED)")
      expect(reads.single).toBe(1)
    }),
  )
})
