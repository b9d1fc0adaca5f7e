import { it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"
import { type ConfiguredProvider, createVideoClient, makeBatchPoller, type VideoError } from "../src/index.js"
import { scriptedProvider } from "./support/scripted.js"

const failure = (exit: Exit.Exit<unknown, VideoError>) =>
  Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail")?.error : undefined

describe("BatchPoller.trackAll", () => {
  it.effect("answers one exit per ref, in order, reading them together", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider(
        { a: ["running", "succeeded"], b: ["failed"], c: ["running", "running", "succeeded"] },
        { batchLimit: 100 },
      )
      const fiber = yield* Effect.forkChild(
        Effect.scoped(
          Effect.gen(function* () {
            const poller = yield* makeBatchPoller(shape, { interval: "5 seconds" })
            const exits = yield* poller.trackAll([
              "scripted:job:a",
              "not a ref",
              "scripted:job:b",
              "other:job:x",
              "scripted:job:c",
            ])
            return { exits, size: poller.size() }
          }),
        ),
      )
      yield* TestClock.adjust(Duration.seconds(15))
      const { exits, size } = yield* Fiber.join(fiber)
      expect(exits.map((e) => (Exit.isSuccess(e) ? e.value.status : failure(e)?.reason._tag))).toEqual([
        "succeeded",
        "InvalidInput",
        "JobFailed",
        "InvalidInput",
        "succeeded",
      ])
      // a and c together, then c alone (a batch of one is read with getStatus)
      expect(reads.batchSizes).toEqual([3, 2])
      expect(reads.single).toBe(1)
      expect(size).toBe(0)
    }),
  )

  it.effect("times out the unfinished jobs with their last reading and stops reading them", () =>
    Effect.gen(function* () {
      const { shape, reads } = scriptedProvider({ a: ["succeeded"], b: ["running"] }, { batchLimit: 100 })
      const fiber = yield* Effect.forkChild(
        Effect.scoped(
          Effect.gen(function* () {
            const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
            const exits = yield* poller.trackAll(["scripted:job:a", "scripted:job:b"], {
              timeout: "35 seconds",
            })
            return { exits, size: poller.size() }
          }),
        ),
      )
      yield* TestClock.adjust(Duration.minutes(1))
      const { exits, size } = yield* Fiber.join(fiber)
      expect(Exit.isSuccess(exits[0]!)).toBe(true)
      const timeout = failure(exits[1]!)
      expect(timeout?.reason._tag).toBe("Timeout")
      expect(timeout?.ref).toBe("scripted:job:b")
      expect(timeout?.reason._tag === "Timeout" && timeout.reason.job?.status).toBe("running")
      expect(size).toBe(0)
      const before = reads.batch
      yield* TestClock.adjust(Duration.minutes(1))
      expect(reads.batch).toBe(before)
    }),
  )

  it.effect("a job tracked twice keeps being read until its last wait ends", () =>
    Effect.gen(function* () {
      const { shape } = scriptedProvider({ a: ["running", "running", "running", "succeeded"] })
      const fiber = yield* Effect.forkChild(
        Effect.scoped(
          Effect.gen(function* () {
            const poller = yield* makeBatchPoller(shape, { interval: "10 seconds" })
            return yield* Effect.all(
              [
                Effect.flip(poller.track("scripted:job:a", { timeout: "15 seconds" })),
                poller.track("scripted:job:a"),
                poller.trackAll(["scripted:job:a"]),
              ],
              { concurrency: "unbounded" },
            )
          }),
        ),
      )
      yield* TestClock.adjust(Duration.minutes(1))
      const [timedOut, job, [exit]] = yield* Fiber.join(fiber)
      expect(timedOut.reason._tag).toBe("Timeout")
      expect(job.status).toBe("succeeded")
      expect(Exit.isSuccess(exit!) && exit.value.status).toBe("succeeded")
    }),
  )
})

describe("waitForAll", () => {
  it("tracks thousands of jobs per provider in order, with batch reads", async () => {
    const { shape, reads } = scriptedProvider(
      Object.fromEntries(
        Array.from({ length: 5000 }, (_, i) => [`j${i}`, i % 2 ? ["running", "succeeded"] : ["succeeded"]]),
      ),
      { batchLimit: 100 },
    )
    const scripted: ConfiguredProvider = {
      id: "scripted",
      definition: undefined as never,
      capabilities: shape.capabilities,
      make: Effect.succeed(shape),
    }
    const refs = Array.from({ length: 5000 }, (_, i) => `scripted:job:j${i}`)
    const rounds: Array<{ tracked: number; requests: number }> = []
    const results = await createVideoClient({ provider: scripted }).waitForAll(refs, {
      interval: 1,
      onRound: (round) => rounds.push(round),
    })
    expect(results.map((r) => r.ref)).toEqual(refs)
    expect(results.every((r) => r.ok && r.job.status === "succeeded")).toBe(true)
    expect(rounds).toEqual([
      { tracked: 5000, requests: 50 },
      { tracked: 2500, requests: 25 },
    ])
    expect(reads.single).toBe(0)
  })
})
