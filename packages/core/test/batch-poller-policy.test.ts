import { it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import {
  type Capabilities,
  cancel,
  type JobRef,
  type JobStatus,
  makeBatchPoller,
  NotFound,
  VendorUnavailable,
  VideoError,
  type VideoJob,
  VideoProvider,
  type VideoProviderShape,
} from "../src/index.js"
import { scriptedProvider } from "./support/scripted.js"

// The batch poller's policy, pinned where mutation testing (`pnpm mutate`, issue 20) found
// changes no test noticed: batch reads and list scans that fail (transient or final), jobs a
// batch answer leaves out, timeouts and interruption, the operation its errors name, the
// interval against the floor, and the requests each round counts.

const job = (id: string, status: JobStatus): VideoJob => ({
  ref: `scripted:job:${id}`,
  provider: "scripted",
  status,
  vendorStatus: status.toUpperCase(),
  stage: "render",
  ...(status === "failed" ? { failure: { message: "render crashed" } } : {}),
  raw: { id },
})

const error = (operation: string, reason: VendorUnavailable | NotFound) =>
  new VideoError({ provider: "scripted", operation, reason })
const transient = (operation: string) =>
  error(operation, new VendorUnavailable({ message: "502 from the vendor", delivery: "ambiguous" }))
const final = (operation: string) => error(operation, new NotFound({ message: "no such jobs" }))

const capabilities = (batchStatusLimit: number): Capabilities => ({
  operations: ["getStatus", "cancel"],
  aspectRatios: [],
  productFromUrl: false,
  productFromParams: false,
  templates: false,
  webhooks: "none",
  batchStatusLimit,
  credits: { reported: false, estimate: false },
})

/**
 * A provider whose single reads answer `status(id)` and whose batch read (or list scan) answers
 * what `batch` says for each call, in turn (the last one repeats).
 */
const handMade = (options: {
  readonly status?: (id: string) => Effect.Effect<VideoJob, VideoError>
  readonly batch?: ReadonlyArray<
    (refs: ReadonlyArray<JobRef>) => Effect.Effect<ReadonlyArray<VideoJob>, VideoError>
  >
  readonly scan?: ReadonlyArray<
    (
      refs: ReadonlyArray<JobRef>,
    ) => Effect.Effect<{ jobs: ReadonlyArray<VideoJob>; requests: number }, VideoError>
  >
  readonly batchStatusLimit?: number
}) => {
  const calls = { single: [] as string[], batch: [] as string[][], scan: [] as string[][] }
  const status = options.status ?? ((id: string) => Effect.succeed(job(id, "running")))
  const shape: VideoProviderShape = {
    id: "scripted",
    capabilities: capabilities(options.batchStatusLimit ?? (options.batch ? 100 : 1)),
    getStatus: (ref) =>
      Effect.suspend(() => {
        calls.single.push(ref.id)
        return status(ref.id)
      }),
    cancel: (ref) => Effect.succeed(job(ref.id, "running")),
    ...(options.batch
      ? {
          getStatuses: (refs: ReadonlyArray<JobRef>) =>
            Effect.suspend(() => {
              const answer = options.batch![Math.min(calls.batch.length, options.batch!.length - 1)]!
              calls.batch.push(refs.map((r) => r.id))
              return answer(refs)
            }),
        }
      : {}),
    ...(options.scan
      ? {
          scanStatuses: (refs: ReadonlyArray<JobRef>) =>
            Effect.suspend(() => {
              const answer = options.scan![Math.min(calls.scan.length, options.scan!.length - 1)]!
              calls.scan.push(refs.map((r) => r.id))
              return answer(refs)
            }),
        }
      : {}),
  }
  return { shape, calls }
}

const all =
  (status: JobStatus) =>
  (refs: ReadonlyArray<JobRef>): Effect.Effect<ReadonlyArray<VideoJob>, VideoError> =>
    Effect.succeed(refs.map((r) => job(r.id, status)))

const failureOf = (exit: Exit.Exit<unknown, VideoError> | undefined) =>
  exit !== undefined && Exit.isFailure(exit)
    ? exit.cause.reasons.find((r) => r._tag === "Fail")?.error
    : undefined

type Round = { tracked: number; requests: number }

describe("BatchPoller: a batch read that fails", () => {
  it.effect("a transient failure keeps every job of the batch for the next round", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({
          batch: [() => Effect.fail(transient("getStatuses")), all("succeeded")],
        })
        const rounds: Round[] = []
        const poller = yield* makeBatchPoller(shape, {
          interval: "10 seconds",
          onRound: (r) => rounds.push(r),
        })
        const fiber = yield* Effect.forkChild(poller.trackAll(["scripted:job:a", "scripted:job:b"]))
        yield* TestClock.adjust(Duration.seconds(10))
        expect(fiber.pollUnsafe()).toBeUndefined()
        expect(poller.size()).toBe(2)
        yield* TestClock.adjust(Duration.seconds(10))
        const exits = yield* Fiber.join(fiber)
        expect(exits.map((e) => Exit.isSuccess(e) && e.value.status)).toEqual(["succeeded", "succeeded"])
        expect(calls.batch).toEqual([
          ["a", "b"],
          ["a", "b"],
        ])
        expect(calls.single).toEqual([])
        expect(rounds).toEqual([
          { tracked: 2, requests: 1 },
          { tracked: 2, requests: 1 },
        ])
        expect(poller.size()).toBe(0)
      }),
    ),
  )

  it.effect("a final failure ends the wait of every job of the batch with that error", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({ batch: [() => Effect.fail(final("getStatuses"))] })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const fiber = yield* Effect.forkChild(
          Effect.all(
            [
              poller.trackAll(["scripted:job:a", "scripted:job:b"]),
              Effect.flip(poller.track("scripted:job:c")),
            ],
            {
              concurrency: "unbounded",
            },
          ),
        )
        yield* TestClock.adjust(Duration.seconds(10))
        const [exits, c] = yield* Fiber.join(fiber)
        for (const e of [failureOf(exits[0]), failureOf(exits[1]), c]) {
          expect(e?.operation).toBe("getStatuses")
          expect(e?.reason._tag).toBe("NotFound")
          expect(e?.reason.message).toBe("no such jobs")
        }
        expect(calls.batch).toEqual([["a", "b", "c"]])
        expect(poller.size()).toBe(0)
        yield* TestClock.adjust(Duration.minutes(1))
        expect(calls.batch).toHaveLength(1)
      }),
    ),
  )

  it.effect("a defect in a read (no error to judge) keeps the job", () =>
    Effect.scoped(
      Effect.gen(function* () {
        let reads = 0
        const { shape } = handMade({
          status: (id) =>
            ++reads === 1 ? Effect.die(new Error("boom")) : Effect.succeed(job(id, "succeeded")),
        })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const fiber = yield* Effect.forkChild(poller.track("scripted:job:a"))
        yield* TestClock.adjust(Duration.seconds(10))
        expect(fiber.pollUnsafe()).toBeUndefined()
        yield* TestClock.adjust(Duration.seconds(10))
        expect((yield* Fiber.join(fiber)).status).toBe("succeeded")
        expect(reads).toBe(2)
      }),
    ),
  )

  it.effect("single reads: a transient failure is read again, a final one ends that job alone", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const seen = new Map<string, number>()
        const { shape, calls } = handMade({
          status: (id) => {
            const n = (seen.get(id) ?? 0) + 1
            seen.set(id, n)
            if (id === "gone") return Effect.fail(final("getStatus"))
            return n === 1 ? Effect.fail(transient("getStatus")) : Effect.succeed(job(id, "succeeded"))
          },
        })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const fiber = yield* Effect.forkChild(poller.trackAll(["scripted:job:a", "scripted:job:gone"]))
        yield* TestClock.adjust(Duration.seconds(20))
        const [a, gone] = yield* Fiber.join(fiber)
        expect(Exit.isSuccess(a!) && a.value.status).toBe("succeeded")
        expect(failureOf(gone)?.reason._tag).toBe("NotFound")
        expect(failureOf(gone)?.operation).toBe("getStatus")
        expect(calls.single).toEqual(["a", "gone", "a"])
      }),
    ),
  )
})

describe("BatchPoller: a job missing from a batch answer", () => {
  it.effect("is read by id in the same round, and the request counted", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({
          batch: [
            (refs) => Effect.succeed(refs.filter((r) => r.id !== "b").map((r) => job(r.id, "succeeded"))),
          ],
          status: (id) => Effect.succeed(job(id, "failed")),
        })
        const rounds: Round[] = []
        const poller = yield* makeBatchPoller(shape, {
          interval: "10 seconds",
          onRound: (r) => rounds.push(r),
        })
        const fiber = yield* Effect.forkChild(
          poller.trackAll(["scripted:job:a", "scripted:job:b", "scripted:job:c"]),
        )
        yield* TestClock.adjust(Duration.seconds(10))
        const exits = yield* Fiber.join(fiber)
        expect(Exit.isSuccess(exits[0]!)).toBe(true)
        expect(failureOf(exits[1])?.reason._tag).toBe("JobFailed")
        expect(Exit.isSuccess(exits[2]!)).toBe(true)
        expect(calls.single).toEqual(["b"])
        expect(rounds).toEqual([{ tracked: 3, requests: 2 }])
      }),
    ),
  )

  it.effect("a list scan's failure counts one request; transient keeps the jobs, final ends them", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({
          scan: [() => Effect.fail(transient("listJobs")), () => Effect.fail(final("listJobs"))],
        })
        const rounds: Round[] = []
        const poller = yield* makeBatchPoller(shape, {
          interval: "10 seconds",
          onRound: (r) => rounds.push(r),
        })
        const fiber = yield* Effect.forkChild(poller.trackAll(["scripted:job:a", "scripted:job:b"]))
        yield* TestClock.adjust(Duration.seconds(10))
        expect(fiber.pollUnsafe()).toBeUndefined()
        yield* TestClock.adjust(Duration.seconds(10))
        const exits = yield* Fiber.join(fiber)
        expect(exits.map((e) => failureOf(e)?.operation)).toEqual(["listJobs", "listJobs"])
        expect(rounds).toEqual([
          { tracked: 2, requests: 1 },
          { tracked: 2, requests: 1 },
        ])
        expect(calls.single).toEqual([])
      }),
    ),
  )

  it.effect("a list scan answers its page count; one tracked job is read by id, not scanned", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({
          scan: [(refs) => Effect.succeed({ jobs: refs.map((r) => job(r.id, "running")), requests: 3 })],
        })
        const rounds: Round[] = []
        const poller = yield* makeBatchPoller(shape, {
          interval: "10 seconds",
          onRound: (r) => rounds.push(r),
        })
        const both = yield* Effect.forkChild(
          poller.trackAll(["scripted:job:a", "scripted:job:b"], { timeout: "15 seconds" }),
        )
        yield* TestClock.adjust(Duration.seconds(15))
        yield* Fiber.join(both)
        const one = yield* Effect.forkChild(poller.trackAll(["scripted:job:a"], { timeout: "12 seconds" }))
        yield* TestClock.adjust(Duration.seconds(12))
        yield* Fiber.join(one)
        expect(calls.scan).toEqual([["a", "b"]])
        expect(calls.single).toEqual(["a"])
        expect(rounds).toEqual([
          { tracked: 2, requests: 3 },
          { tracked: 1, requests: 1 },
        ])
      }),
    ),
  )

  it.effect("a batch limit below 2 reads one by one", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({
          batch: [all("succeeded")],
          batchStatusLimit: 0,
          status: (id) => Effect.succeed(job(id, "succeeded")),
        })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const fiber = yield* Effect.forkChild(poller.trackAll(["scripted:job:a", "scripted:job:b"]))
        yield* TestClock.adjust(Duration.seconds(10))
        yield* Fiber.join(fiber)
        expect(calls.batch).toEqual([])
        expect(calls.single).toEqual(["a", "b"])
      }),
    ),
  )
  it.effect("a batch limit declared without a batch read reads one by one, `concurrency` at a time", () =>
    Effect.scoped(
      Effect.gen(function* () {
        let inFlight = 0
        let most = 0
        const { shape, calls } = handMade({
          batchStatusLimit: 100,
          status: (id) =>
            Effect.gen(function* () {
              most = Math.max(most, ++inFlight)
              yield* Effect.sleep("1 second")
              inFlight--
              return job(id, "succeeded")
            }),
        })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds", concurrency: 2 })
        const fiber = yield* Effect.forkChild(
          poller.trackAll(["scripted:job:a", "scripted:job:b", "scripted:job:c"]),
        )
        yield* TestClock.adjust(Duration.seconds(10))
        expect(calls.single).toEqual(["a", "b"])
        yield* TestClock.adjust(Duration.seconds(1))
        yield* TestClock.adjust(Duration.seconds(1))
        yield* Fiber.join(fiber)
        expect(calls.single).toEqual(["a", "b", "c"])
        expect(most).toBe(2)
      }),
    ),
  )
})

describe("BatchPoller: timeouts, interruption, cancellation", () => {
  it.effect("track times out after 20 minutes by default, naming the wait and carrying the last job", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({})
        const poller = yield* makeBatchPoller(shape, { interval: "1 minute" })
        const fiber = yield* Effect.forkChild(Effect.flip(poller.track("scripted:job:a")))
        yield* TestClock.adjust(Duration.millis(20 * 60_000 - 1))
        expect(fiber.pollUnsafe()).toBeUndefined()
        yield* TestClock.adjust(Duration.millis(1))
        const e = yield* Fiber.join(fiber)
        expect(e.provider).toBe("scripted")
        expect(e.operation).toBe("waitForCompletion")
        expect(e.ref).toBe("scripted:job:a")
        expect(e.reason._tag).toBe("Timeout")
        expect(e.reason.message).toBe("the job was not finished after 20m")
        expect(e.reason._tag === "Timeout" && Duration.toMillis(e.reason.after)).toBe(20 * 60_000)
        expect(e.reason._tag === "Timeout" && e.reason.job?.status).toBe("running")
        expect(poller.size()).toBe(0)
        const before = calls.single.length
        yield* TestClock.adjust(Duration.minutes(5))
        expect(calls.single.length).toBe(before)
      }),
    ),
  )

  it.effect("trackAll times out after 20 minutes by default; a job never read times out without one", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape } = handMade({})
        const poller = yield* makeBatchPoller(shape, { interval: "30 minutes", minInterval: 0 })
        const fiber = yield* Effect.forkChild(poller.trackAll(["scripted:job:a"]))
        yield* TestClock.adjust(Duration.millis(20 * 60_000 - 1))
        expect(fiber.pollUnsafe()).toBeUndefined()
        yield* TestClock.adjust(Duration.millis(1))
        const [exit] = yield* Fiber.join(fiber)
        const e = failureOf(exit)
        expect(e?.operation).toBe("waitForCompletion")
        expect(e?.ref).toBe("scripted:job:a")
        expect(e?.reason.message).toBe("the job was not finished after 20m")
        expect(e?.reason._tag === "Timeout" && e.reason.job).toBeUndefined()
        expect(poller.size()).toBe(0)
      }),
    ),
  )

  it.effect("trackAll of refs that are all invalid (or none) answers at once, reading nothing", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({})
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const exits = yield* poller.trackAll(["nope", "other:job:x"])
        expect(exits.map((e) => failureOf(e)?.reason._tag)).toEqual(["InvalidInput", "InvalidInput"])
        expect(exits.map((e) => failureOf(e)?.operation)).toEqual(["waitForCompletion", "waitForCompletion"])
        expect(yield* poller.trackAll([])).toEqual([])
        const bad = yield* Effect.flip(poller.track("nope"))
        expect(bad.reason._tag).toBe("InvalidInput")
        expect(bad.operation).toBe("waitForCompletion")
        expect(poller.size()).toBe(0)
        yield* TestClock.adjust(Duration.minutes(1))
        expect(calls.single).toEqual([])
      }),
    ),
  )

  it.effect("an interrupted track or trackAll stops reading its job unless another wait holds it", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({})
        const rounds: Round[] = []
        const poller = yield* makeBatchPoller(shape, {
          interval: "10 seconds",
          onRound: (r) => rounds.push(r),
        })
        const first = yield* Effect.forkChild(poller.track("scripted:job:a"))
        const second = yield* Effect.forkChild(poller.track("scripted:job:a"))
        const all = yield* Effect.forkChild(poller.trackAll(["scripted:job:b", "scripted:job:a"]))
        yield* TestClock.adjust(Duration.seconds(10))
        expect(poller.size()).toBe(2)
        yield* Fiber.interrupt(all)
        expect(poller.size()).toBe(1)
        yield* Fiber.interrupt(second)
        expect(poller.size()).toBe(1)
        yield* TestClock.adjust(Duration.seconds(10))
        yield* Fiber.interrupt(first)
        expect(poller.size()).toBe(0)
        yield* TestClock.adjust(Duration.minutes(1))
        expect(calls.single).toEqual(["a", "b", "a"])
        // no round while nothing is tracked
        expect(rounds).toEqual([
          { tracked: 2, requests: 2 },
          { tracked: 1, requests: 1 },
        ])
      }),
    ),
  )

  it.effect("the first wait's timeout leaves the job to the second one", () =>
    Effect.scoped(
      Effect.gen(function* () {
        let reads = 0
        const { shape } = handMade({
          status: (id) => Effect.succeed(job(id, ++reads < 3 ? "running" : "succeeded")),
        })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const first = yield* Effect.forkChild(
          Effect.flip(poller.track("scripted:job:a", { timeout: "5 seconds" })),
        )
        const second = yield* Effect.forkChild(poller.track("scripted:job:a"))
        yield* TestClock.adjust(Duration.seconds(5))
        expect((yield* Fiber.join(first)).reason._tag).toBe("Timeout")
        expect(poller.size()).toBe(1)
        yield* TestClock.adjust(Duration.seconds(25))
        expect((yield* Fiber.join(second)).status).toBe("succeeded")
        expect(reads).toBe(3)
      }),
    ),
  )

  it.effect("a cancel through the provider ends the waits on that job at once, naming the wait", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({})
        const provide = Effect.provide(Layer.succeed(VideoProvider, shape))
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const a = yield* Effect.forkChild(Effect.flip(poller.track("scripted:job:a")))
        const b = yield* Effect.forkChild(poller.trackAll(["scripted:job:b", "scripted:job:a"]))
        yield* TestClock.adjust(Duration.seconds(1))
        yield* cancel("scripted:job:untracked").pipe(provide)
        expect(poller.size()).toBe(2)
        yield* cancel("scripted:job:a").pipe(provide)
        const e = yield* Fiber.join(a)
        expect(e.operation).toBe("waitForCompletion")
        expect(e.provider).toBe("scripted")
        expect(e.reason.message).toBe("the job ended as cancelled (RUNNING)")
        expect(poller.size()).toBe(1)
        yield* cancel("scripted:job:b").pipe(provide)
        const exits = yield* Fiber.join(b)
        expect(exits.map((x) => failureOf(x)?.reason._tag)).toEqual(["JobFailed", "JobFailed"])
        expect(calls.single).toEqual([])
      }),
    ),
  )
})

describe("BatchPoller: rounds, interval and floor", () => {
  it.effect("rounds every 10 s by default; a longer interval than the floor is kept", () =>
    Effect.gen(function* () {
      const firstRead = (
        shape: VideoProviderShape,
        calls: { single: string[] },
        options: { interval?: Duration.Input | undefined },
      ) =>
        Effect.scoped(
          Effect.gen(function* () {
            const poller = yield* makeBatchPoller(shape, options)
            yield* Effect.forkChild(poller.track("scripted:job:a"))
            let at = 0
            while (calls.single.length === 0 && at < 60) {
              yield* TestClock.adjust(Duration.seconds(1))
              at++
            }
            return at
          }),
        )
      const plain = handMade({})
      expect(yield* firstRead(plain.shape, plain.calls, {})).toBe(10)
      const floored = handMade({})
      const withFloor = { ...floored.shape, polling: { minInterval: Duration.seconds(5) } }
      expect(yield* firstRead(withFloor, floored.calls, { interval: "8 seconds" })).toBe(8)
      const raised = handMade({})
      const highFloor = { ...raised.shape, polling: { minInterval: Duration.seconds(15) } }
      expect(yield* firstRead(highFloor, raised.calls, {})).toBe(15)
    }),
  )

  it.effect("a minInterval above the interval raises it", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({})
        const poller = yield* makeBatchPoller(shape, { interval: "1 second", minInterval: "3 seconds" })
        yield* Effect.forkChild(poller.track("scripted:job:a"))
        yield* TestClock.adjust(Duration.millis(2_999))
        expect(calls.single).toEqual([])
        yield* TestClock.adjust(Duration.millis(1))
        expect(calls.single).toEqual(["a"])
      }),
    ),
  )

  it.effect("reads at most 4 jobs at once by default, or `concurrency`", () =>
    Effect.gen(function* () {
      const peak = (concurrency: number | undefined) =>
        Effect.scoped(
          Effect.gen(function* () {
            let inFlight = 0
            let most = 0
            const { shape } = handMade({
              status: (id) =>
                Effect.gen(function* () {
                  most = Math.max(most, ++inFlight)
                  yield* Effect.sleep("1 second")
                  inFlight--
                  return job(id, "succeeded")
                }),
            })
            const poller = yield* makeBatchPoller(shape, { interval: "10 seconds", concurrency })
            const fiber = yield* Effect.forkChild(
              poller.trackAll(Array.from({ length: 6 }, (_, i) => `scripted:job:j${i}`)),
            )
            yield* TestClock.adjust(Duration.seconds(10))
            yield* TestClock.adjust(Duration.seconds(1))
            yield* TestClock.adjust(Duration.seconds(1))
            yield* TestClock.adjust(Duration.seconds(1))
            yield* Fiber.join(fiber)
            return most
          }),
        )
      expect(yield* peak(undefined)).toBe(4)
      expect(yield* peak(2)).toBe(2)
    }),
  )

  it.effect("a batch answer's missing jobs are read `concurrency` at a time", () =>
    Effect.scoped(
      Effect.gen(function* () {
        let inFlight = 0
        let most = 0
        const { shape } = handMade({
          batch: [() => Effect.succeed([])],
          status: (id) =>
            Effect.gen(function* () {
              most = Math.max(most, ++inFlight)
              yield* Effect.sleep("1 second")
              inFlight--
              return job(id, "succeeded")
            }),
        })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds", concurrency: 3 })
        const fiber = yield* Effect.forkChild(
          poller.trackAll(Array.from({ length: 5 }, (_, i) => `scripted:job:j${i}`)),
        )
        yield* TestClock.adjust(Duration.seconds(10))
        yield* TestClock.adjust(Duration.seconds(1))
        yield* TestClock.adjust(Duration.seconds(1))
        yield* Fiber.join(fiber)
        expect(most).toBe(3)
      }),
    ),
  )
})

describe("BatchPoller with the scripted provider", () => {
  it.effect("a settled failure ends the wait as JobFailed naming the wait; a success keeps its job", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape } = scriptedProvider({ a: ["running", "failed"], b: ["succeeded"] }, { batchLimit: 10 })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const fiber = yield* Effect.forkChild(
          Effect.all([Effect.flip(poller.track("scripted:job:a")), poller.track("scripted:job:b")], {
            concurrency: "unbounded",
          }),
        )
        yield* TestClock.adjust(Duration.seconds(20))
        const [a, b] = yield* Fiber.join(fiber)
        expect(a.operation).toBe("waitForCompletion")
        expect(a.provider).toBe("scripted")
        expect(a.ref).toBe("scripted:job:a")
        expect(a.reason.message).toBe("the job ended as failed (FAILED): render crashed")
        expect(b.videoUrl).toBe("https://cdn.test/b.mp4")
      }),
    ),
  )
})

describe("BatchPoller: reads that outlive their wait", () => {
  it.effect("a reading that lands after its wait timed out leaves a new wait on the same job tracked", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { shape, calls } = handMade({
          status: (id) => Effect.as(Effect.sleep("3 seconds"), job(id, "succeeded")),
        })
        const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
        const first = yield* Effect.forkChild(
          Effect.flip(poller.track("scripted:job:a", { timeout: "11 seconds" })),
        )
        yield* TestClock.adjust(Duration.seconds(11)) // the round's read is in flight until 13 s
        expect((yield* Fiber.join(first)).reason._tag).toBe("Timeout")
        const second = yield* Effect.forkChild(poller.track("scripted:job:a"))
        yield* TestClock.adjust(Duration.seconds(2)) // the old reading lands: not the new wait's
        expect(poller.size()).toBe(1)
        yield* TestClock.adjust(Duration.seconds(13)) // the next round starts at 23 s, reads until 26 s
        expect((yield* Fiber.join(second)).status).toBe("succeeded")
        expect(calls.single).toEqual(["a", "a"])
      }),
    ),
  )

  it.effect("batch reads of several groups run `concurrency` at a time", () =>
    Effect.gen(function* () {
      const peak = (concurrency: number | undefined) =>
        Effect.scoped(
          Effect.gen(function* () {
            let inFlight = 0
            let most = 0
            const { shape } = handMade({
              batchStatusLimit: 2,
              batch: [
                (refs) =>
                  Effect.gen(function* () {
                    most = Math.max(most, ++inFlight)
                    yield* Effect.sleep("1 second")
                    inFlight--
                    return refs.map((r) => job(r.id, "succeeded"))
                  }),
              ],
            })
            const poller = yield* makeBatchPoller(shape, { interval: "10 seconds", concurrency })
            const fiber = yield* Effect.forkChild(
              poller.trackAll(Array.from({ length: 12 }, (_, i) => `scripted:job:j${i}`)),
            )
            yield* TestClock.adjust(Duration.seconds(10))
            for (let i = 0; i < 6; i++) yield* TestClock.adjust(Duration.seconds(1))
            yield* Fiber.join(fiber)
            return most
          }),
        )
      expect(yield* peak(undefined)).toBe(4)
      expect(yield* peak(2)).toBe(2)
    }),
  )
})
