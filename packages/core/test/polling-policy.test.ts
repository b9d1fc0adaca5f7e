import { it } from "@effect/vitest"
import { Duration, Effect, Fiber, Layer, Schedule } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import {
  type Capabilities,
  VendorUnavailable,
  VideoError,
  type VideoJob,
  VideoProvider,
  type VideoProviderShape,
  waitForCompletion,
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
      expect(error.message).not.toContain("last status")
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
