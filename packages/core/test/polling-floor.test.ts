import { it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, Schedule } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import { makeBatchPoller, VideoProvider, waitForAll, waitForCompletion } from "../src/index.js"
import { scriptedProvider } from "./support/scripted.js"

// A vendor's documented polling floor (the port's `polling`), under virtual time: core never
// reads faster unless the caller sets `minInterval` itself.

const floor5s = { minInterval: "5 seconds" } as const
const running = ["running", "running", "running", "running", "running", "running", "succeeded"] as const

describe("a vendor's polling floor", () => {
  it.effect("waitForCompletion: a faster schedule is raised to the vendor's floor", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ a: [...running] }, { polling: floor5s })
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:a", { schedule: Schedule.spaced("1 second") }).pipe(
          Effect.provideService(VideoProvider, shape),
        ),
      )
      yield* TestClock.adjust(Duration.millis(1))
      expect(reads.single).toBe(1) // the first read goes out at once
      yield* TestClock.adjust(Duration.millis(4_998))
      expect(reads.single).toBe(1) // 1 s asked for, 5 s is the floor
      yield* TestClock.adjust(Duration.millis(2))
      expect(reads.single).toBe(2)
      yield* TestClock.adjust(Duration.seconds(30))
      expect((yield* Fiber.join(fiber)).status).toBe("succeeded")
      expect(reads.single).toBe(7)
    }),
  )

  it.effect("waitForCompletion: an explicit minInterval polls faster than the floor", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ a: [...running] }, { polling: floor5s })
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:a", {
          schedule: Schedule.spaced("1 second"),
          minInterval: "1 second",
        }).pipe(Effect.provideService(VideoProvider, shape)),
      )
      yield* TestClock.adjust(Duration.millis(3_001))
      expect(reads.single).toBe(4)
      yield* TestClock.adjust(Duration.seconds(3))
      expect((yield* Fiber.join(fiber)).status).toBe("succeeded")
    }),
  )

  it.effect("waitForCompletion: the vendor's own schedule is the default", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider(
        { a: [...running] },
        { polling: { minInterval: "5 seconds", schedule: Schedule.spaced("12 seconds") } },
      )
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:a").pipe(Effect.provideService(VideoProvider, shape)),
      )
      yield* TestClock.adjust(Duration.seconds(11))
      expect(reads.single).toBe(1)
      yield* TestClock.adjust(Duration.seconds(2))
      expect(reads.single).toBe(2)
      yield* TestClock.adjust(Duration.minutes(2))
      yield* Fiber.join(fiber)
    }),
  )

  it.effect("without a declared floor core's default schedule starts at 2 s", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ a: [...running] })
      const fiber = yield* Effect.forkChild(
        waitForCompletion("scripted:job:a").pipe(Effect.provideService(VideoProvider, shape)),
      )
      // Jittered 2 s (0.8x to 1.2x): a second read within 2.4 s, which a 5 s floor would forbid.
      yield* TestClock.adjust(Duration.millis(2_401))
      expect(reads.single).toBe(2)
      yield* TestClock.adjust(Duration.minutes(5))
      yield* Fiber.join(fiber)
    }),
  )

  it.effect("batch rounds: a shorter interval is raised to the floor; minInterval lowers it", () =>
    Effect.gen(function* () {
      const track = (minInterval?: Duration.Input) =>
        Effect.gen(function* () {
          const { shape, reads } = scriptedProvider(
            { a: [...running], b: [...running] },
            { batchLimit: 100, polling: floor5s },
          )
          const fiber = yield* Effect.forkChild(
            Effect.scoped(
              Effect.flatMap(makeBatchPoller(shape, { interval: "1 second", minInterval }), (poller) =>
                poller.trackAll(["scripted:job:a", "scripted:job:b"]),
              ),
            ),
          )
          yield* TestClock.adjust(Duration.millis(4_999))
          const early = reads.batch
          yield* TestClock.adjust(Duration.minutes(2))
          const exits = yield* Fiber.join(fiber)
          expect(exits.every(Exit.isSuccess)).toBe(true)
          return early
        })
      expect(yield* track()).toBe(0) // no round before 5 s
      expect(yield* track("1 second")).toBe(4) // rounds at 1, 2, 3 and 4 s
    }),
  )

  it.effect("waitForAll: rounds at the floor unless minInterval says otherwise", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ a: [...running], b: [...running] }, { polling: floor5s })
      const fiber = yield* Effect.forkChild(
        waitForAll(["scripted:job:a", "scripted:job:b"], { interval: "1 second" }).pipe(
          Effect.provideService(VideoProvider, shape),
        ),
      )
      yield* TestClock.adjust(Duration.millis(9_999))
      expect(reads.single).toBe(2) // one round (at 5 s) of two reads
      yield* TestClock.adjust(Duration.minutes(2))
      expect((yield* Fiber.join(fiber)).every((r) => r.ok)).toBe(true)
    }),
  )
})

describe("list scans (scanStatuses)", () => {
  it.effect("one scan a round for every tracked job; what it leaves out is read by id, counted", () =>
    Effect.gen(function* () {
      const rounds: Array<{ tracked: number; requests: number }> = []
      const { shape, reads } = scriptedProvider(
        { a: ["running", "succeeded"], b: ["running", "succeeded"], c: ["running", "succeeded"] },
        { scan: { listed: ["a", "b"], pagesPerScan: 2 } },
      )
      const fiber = yield* Effect.forkChild(
        Effect.scoped(
          Effect.flatMap(
            makeBatchPoller(shape, { interval: "10 seconds", onRound: (r) => rounds.push(r) }),
            (p) => p.trackAll(["scripted:job:a", "scripted:job:b", "scripted:job:c"]),
          ),
        ),
      )
      yield* TestClock.adjust(Duration.seconds(20))
      const exits = yield* Fiber.join(fiber)
      expect(exits.map((e) => Exit.isSuccess(e) && e.value.status)).toEqual([
        "succeeded",
        "succeeded",
        "succeeded",
      ])
      expect(reads.scanSizes).toEqual([3, 3])
      expect(reads.single).toBe(2) // c, not listed, once a round
      expect(rounds).toEqual([
        { tracked: 3, requests: 3 },
        { tracked: 3, requests: 3 },
      ])
    }),
  )
})
