import { Effect, Schedule } from "effect"
import { describe, expect, it } from "vitest"
import { type ConfiguredProvider, createVideoClient, VideoError } from "../src/index.js"
import { realTicks } from "./support/msw.js"
import { scriptedProvider } from "./support/scripted.js"

// `client.watch`: the Promise client's AsyncIterable over a job's changes.

const clientOn = (shape: ReturnType<typeof scriptedProvider>["shape"]) => {
  const provider: ConfiguredProvider = {
    id: shape.id,
    definition: undefined as never,
    capabilities: shape.capabilities,
    make: Effect.succeed(shape),
  }
  return createVideoClient({ provider, polling: { schedule: Schedule.spaced("1 millis") } })
}

describe("Promise watch", () => {
  it("yields each change in order, then throws the wait's failure (JobFailed with the last job)", async () => {
    const { shape } = scriptedProvider({ w: ["queued", "queued", "running", "failed"] })
    const seen: string[] = []
    const error = await (async () => {
      for await (const job of clientOn(shape).watch("scripted:job:w")) seen.push(job.status)
    })().catch((e: unknown) => e)
    expect(seen).toEqual(["queued", "running", "failed"])
    expect(error).toBeInstanceOf(VideoError)
    expect((error as VideoError).reason).toMatchObject({ _tag: "JobFailed", job: { status: "failed" } })
  })

  it("keeps the changes nobody has read yet, and ends after the settled job", async () => {
    const { shape } = scriptedProvider({ w: ["queued", "running", "succeeded"] })
    const iterator = clientOn(shape).watch("scripted:job:w")[Symbol.asyncIterator]()
    const first = await iterator.next()
    await realTicks(20)
    const rest = [await iterator.next(), await iterator.next(), await iterator.next()]
    expect([first, ...rest].map((r) => (r.done ? "done" : r.value.status))).toEqual([
      "queued",
      "running",
      "succeeded",
      "done",
    ])
    expect((await iterator.next()).done).toBe(true)
  })

  it("leaving the loop stops the polling", async () => {
    const { shape, reads } = scriptedProvider({ w: ["running"] })
    for await (const job of clientOn(shape).watch("scripted:job:w")) {
      expect(job.status).toBe("running")
      break
    }
    const after = reads.single
    await realTicks(20)
    expect(reads.single).toBe(after)
  })

  it("a ref of a provider the client lacks is InvalidInput naming ref, thrown by the first next()", async () => {
    const { shape, reads } = scriptedProvider({})
    const iterator = clientOn(shape).watch("acme:job:1")[Symbol.asyncIterator]()
    const error = await iterator.next().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoError)
    expect((error as VideoError).reason._tag).toBe("InvalidInput")
    expect(reads.single).toBe(0)
  })
})
