import { Queue } from "bullmq"
import { describe, expect, it, vi } from "vitest"
import { submissionSpacing } from "../src/index.js"
import { QUEUE_TEST_TIMEOUT, useHarness } from "./support/harness.js"
import { fakeFor, recordingFetch } from "./support/providers.js"
import { redisUrl } from "./support/redis.js"

const template = (key: string) => ({ idempotencyKey: key, provider: "fake", template: "summer" })

describe("vendor limits held across all workers", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("spaces one account's requests by the queue-level rate limiter, whichever worker sends them", async () => {
    const served = await h.fake()
    const prefix = h.prefix("limit")
    const queue = await h.queue(prefix)
    const sent: Array<{ at: number; status: number }> = []
    // 4 per second, one turn per 375 ms (a wide margin: the test reads the times answers arrive).
    const limit = { max: 4, duration: 1000, margin: 0.5 }
    for (let i = 0; i < 2; i++)
      await h.worker(prefix, {
        providers: [fakeFor(served, { fetch: recordingFetch("/renders", sent) })],
        limits: { fake: limit },
        concurrency: 5,
      })
    const keys = ["l-1", "l-2", "l-3", "l-4", "l-5", "l-6"]
    for (const key of keys) await queue.submit(template(key))
    await Promise.all(keys.map((key) => queue.waitFor(key)))
    expect(sent).toHaveLength(6)
    const times = sent.map((s) => s.at).sort((a, b) => a - b)
    // Any window of a second holds at most 4 (BullMQ's fixed windows alone would allow 8 at an edge).
    for (let i = 4; i < times.length; i++) expect(times[i]! - times[i - 4]!).toBeGreaterThan(1000)
    expect(submissionSpacing(limit)).toBe(375)
    expect(submissionSpacing({ max: 20, duration: 60_000 })).toBe(3300)
  })

  it("pauses the account for every worker when the vendor answers 429 with Retry-After", async () => {
    const served = await h.fake()
    served.simulator.faults.inject("POST /renders", { kind: "rateLimit", retryAfterSeconds: 1 })
    const prefix = h.prefix("429")
    const queue = await h.queue(prefix)
    const sent: Array<{ at: number; status: number }> = []
    for (let i = 0; i < 2; i++)
      await h.worker(prefix, {
        providers: [fakeFor(served, { fetch: recordingFetch("/renders", sent) })],
        limits: { fake: false },
      })
    await queue.submit(template("r-1"))
    // The worker that saw the 429 paused the account's queue (BullMQ's rate limit, in Redis).
    const bull = new Queue("videos-fake", { connection: { url: redisUrl() }, prefix })
    h.cleanup.add({ close: () => bull.close() })
    await vi.waitFor(async () => expect(await bull.getRateLimitTtl()).toBeGreaterThan(0), {
      timeout: 60_000,
      interval: 5,
    })
    const refused = sent.find((s) => s.status === 429)!
    // Orders queued during the pause, for any worker, wait it out.
    for (const key of ["r-2", "r-3", "r-4"]) await queue.submit(template(key))
    const done = await Promise.all(["r-1", "r-2", "r-3", "r-4"].map((key) => queue.waitFor(key)))
    expect(done.map((o) => o.state)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"])
    // Nothing else reached the vendor until its Retry-After had passed, from either worker.
    const after = sent.filter((s) => s !== refused)
    expect(after).toHaveLength(4)
    for (const s of after) expect(s.at - refused.at).toBeGreaterThanOrEqual(990)
    expect(served.simulator.jobs.size).toBe(4)
  })
})
