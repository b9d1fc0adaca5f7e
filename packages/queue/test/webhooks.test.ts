import type { VideoJob, VideoJobEvent } from "@vidbridge/core"
import { serveReceiver } from "@vidbridge/core/testing"
import { describe, expect, it, vi } from "vitest"
import { createWebhookReceiver, QueueError } from "../src/index.js"
import { QUEUE_TEST_TIMEOUT, useHarness } from "./support/harness.js"
import { redisUrl } from "./support/redis.js"

describe("webhooks at scale", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("two receivers given every delivery at once: each job state reaches onEvent once, and the event wakes its order", async () => {
    // A manual clock: every order has parked (its vendor job tracked) before its job moves, so each
    // delivery finds the order it belongs to. (A job that settles first is covered in early-webhook.test.ts.)
    const served = await h.fake({ manual: true })
    const prefix = h.prefix("hooks")
    const seen: string[] = []
    const woke: string[] = []
    const receivers = await Promise.all(
      [0, 1].map(async () => {
        const receiver = await createWebhookReceiver({
          connection: redisUrl(),
          prefix,
          providers: [served.provider],
          onEvent: (event: VideoJobEvent, order) => {
            seen.push(`${event.job.ref} ${event.job.status}`)
            if (order) woke.push(order.orderId)
          },
        })
        h.cleanup.add(receiver)
        return h.cleanup.add(await serveReceiver(receiver.handler))
      }),
    )
    // The vendor's callback URL fans each delivery out to both receivers at the same moment.
    const fanOut = h.cleanup.add(
      await serveReceiver(async (request) => {
        const body = await request.arrayBuffer()
        const statuses = await Promise.all(
          receivers.map(async (r) => {
            const url = new URL(r.url)
            url.search = new URL(request.url).search
            return (await fetch(url, { method: "POST", body, headers: request.headers })).status
          }),
        )
        return new Response(null, { status: Math.max(...statuses) })
      }),
    )
    const queue = await h.queue(prefix)
    const page = await h.page()
    const keys = ["w-1", "w-2", "w-3"]
    for (const key of keys)
      await queue.submit({ idempotencyKey: key, provider: "fake", product: { url: page } })
    const parks = new Map<string, number>()
    let onPark = () => {}
    const stop = await queue.onEvent((event) => {
      if (event.type !== "parked") return
      parks.set(event.orderId, (parks.get(event.orderId) ?? 0) + 1)
      onPark()
    })
    const everyOrderParked = (times: number) =>
      new Promise<void>((resolve) => {
        onPark = () => {
          if (keys.every((key) => (parks.get(key) ?? 0) >= times)) resolve()
        }
        onPark()
      })
    // No tracker: only the webhooks can wake these orders before `parkFor` (a minute).
    await h.worker(prefix, { providers: [served.provider], tracker: false, webhookUrl: fanOut.url })
    for (const times of [1, 2]) {
      await everyOrderParked(times) // waiting for previews, then for the render
      served.simulator.clock.advance(3_600_000)
      await served.simulator.flushWebhooks()
    }
    const done = await Promise.all(keys.map((key) => queue.waitFor(key)))
    stop()
    expect(done.map((o) => o.state)).toEqual(["succeeded", "succeeded", "succeeded"])
    // Each order: its previews ready, then its video done; once each across both receivers.
    expect(seen).toHaveLength(6)
    expect(new Set(seen).size).toBe(6)
    expect(seen.filter((s) => s.endsWith("awaiting_selection"))).toHaveLength(3)
    expect(new Set(woke)).toEqual(new Set(keys))
    // Every delivery reached both receivers (a duplicate each time).
    expect(served.simulator.webhookAttempts().filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(
      6,
    )
  })
})

describe("the tracker lease", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("has one holder per account; when it stops, another worker takes over and the parked orders still finish", async () => {
    const served = await h.fake({ speed: 1 })
    const prefix = h.prefix("lease")
    const queue = await h.queue(prefix)
    const a = await h.worker(prefix, { providers: [served.provider] })
    const b = await h.worker(prefix, { providers: [served.provider] })
    const holders = () => [a, b].filter((w) => w.trackers()[0]?.holding)
    await vi.waitFor(() => expect(holders()).toHaveLength(1), { timeout: 60_000, interval: 20 })
    const [holder] = holders()
    const other = holder === a ? b : a
    await queue.submit({ idempotencyKey: "l-1", provider: "fake", template: "summer" })
    await vi.waitFor(async () => expect((await queue.counts()).parked).toBe(1), {
      timeout: 60_000,
      interval: 20,
    })
    await holder!.close()
    await vi.waitFor(() => expect(other.trackers()[0]?.holding).toBe(true), { timeout: 60_000, interval: 20 })
    expect((await queue.waitFor("l-1")).state).toBe("succeeded")
  })
})

describe("the shared dedupe store on Redis", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("decides news as core's tracker does: the same step without the URL it showed, arriving late, is stale", async () => {
    const served = await h.fake({ manual: true })
    const receiver = h.cleanup.add(
      await createWebhookReceiver({
        connection: redisUrl(),
        prefix: h.prefix("known"),
        providers: [served.provider],
        onEvent: () => undefined,
      }),
    )
    const job = (n: number, patch: Partial<VideoJob> = {}): VideoJob => ({
      ref: `fake:render:${n}`,
      provider: "fake",
      status: "running",
      vendorStatus: "RUNNING",
      stage: "render",
      raw: {},
      ...patch,
    })
    const url = "https://cdn.test/p.jpg"
    const claim = (j: VideoJob) => receiver.tracker.claim(j)
    expect(await claim(job(1, { progress: 0.5, previewUrl: url }))).toBe("advanced")
    expect(await claim(job(1, { progress: 0.5 }))).toBe("stale")
    expect(await claim(job(2, { videoUrl: url }))).toBe("advanced")
    expect(await claim(job(2))).toBe("stale")
    expect(await claim(job(3, { previews: [{ id: "a" }, { id: "b" }] }))).toBe("advanced")
    expect(await claim(job(3, { previews: [{ id: "a" }] }))).toBe("stale")
    // Further along without the URL is news; so is the same step with a different URL.
    expect(await claim(job(1, { progress: 0.6 }))).toBe("advanced")
    expect(await claim(job(2, { videoUrl: "https://cdn.test/other.jpg" }))).toBe("advanced")
    // A claim given back restores what the job showed before it, so the late copy stays stale.
    const later = job(2, { videoUrl: "https://cdn.test/third.jpg" })
    expect(await claim(later)).toBe("advanced")
    await receiver.tracker.release(later)
    expect(await claim(job(2))).toBe("stale")
  })
})

describe("Redis that does not answer", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  it("is a QueueError at start naming the URL without its credentials", async () => {
    const { createVideoQueue } = await import("../src/index.js")
    const error = await createVideoQueue({
      connection: "redis://app:s3cr3t-pw@127.0.0.1:1/0",
      connectTimeout: 2000,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(QueueError)
    expect(error).toMatchObject({ kind: "redis_unavailable", url: "redis://127.0.0.1:1/0" })
    expect((error as Error).message).toContain("redis://127.0.0.1:1/0")
    expect((error as Error).message).toContain("apt install redis-server")
    expect(JSON.stringify(error)).not.toContain("s3cr3t")
    expect((error as Error).message).not.toContain("s3cr3t")
  })
})
