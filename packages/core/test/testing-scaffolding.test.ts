import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import type { VideoError, VideoJobEvent } from "../src/index.js"
import {
  createFakeVendorSimulator,
  type DueWebhook,
  fakeVendor,
  makeCleanup,
  makeEndingQueue,
  makeWebhookOutbox,
  serveProductPage,
  serveReceiver,
  serveSimulator,
} from "../src/testing/index.js"

// The shared simulator scaffolding of @vidbridge/core/testing, over real loopback HTTP: the
// served-simulator harness, the webhook outbox, the "next job ends X" queue, and the fake vendor.

const cleanup = makeCleanup()
afterEach(cleanup.closeAll)
let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())

const fast = { retry: { baseDelay: 1, maxDelay: 1 } }
const serveFake = async () =>
  cleanup.add(await serveSimulator(createFakeVendorSimulator(), fakeVendor, { settings: fast }))

describe("serveSimulator and the fake vendor", () => {
  it("serves a simulator on 127.0.0.1 with a client configured for it", async () => {
    const { simulator, client, url } = await serveFake()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const product = await client.createProduct({ url: page.url })
    expect(product.title).toBe("Aurora Trail Running Shoe")
    const previews = await client.generatePreviews({ product })
    expect(previews).toMatchObject({ status: "queued", stage: "preview" })
    simulator.clock.advance(1000)
    const ready = await client.getStatus(previews.ref)
    expect(ready.status).toBe("awaiting_selection")
    const render = await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    simulator.clock.advance(3000)
    const done = await client.getStatus(render.ref)
    expect(done).toMatchObject({ status: "succeeded", creditsUsed: 5, videoUrl: `${url}/files/job-2.mp4` })
    expect((await fetch(done.videoUrl!)).headers.get("content-type")).toBe("video/mp4")
    expect(simulator.creditsSpent()).toBe(5)
    expect(simulator.log.count("POST /previews/:id/render")).toBe(1)
  })

  it("failNext / rejectNext end the next render as failed / rejected where it would have finished", async () => {
    const { simulator, client } = await serveFake()
    simulator.failNext("the GPU melted")
    simulator.rejectNext()
    const [failed, rejected, fine] = [
      await client.render({ template: "t" }),
      await client.render({ template: "t" }),
      await client.render({ template: "t" }),
    ]
    simulator.clock.advance(3000)
    const outcome = (ref: string) => client.waitForCompletion(ref).catch((e: VideoError) => e.reason._tag)
    expect(await outcome(failed.ref)).toBe("JobFailed")
    expect(await outcome(rejected.ref)).toBe("ContentRejected")
    expect((await client.getStatus(failed.ref)).failure?.message).toBe("the GPU melted")
    expect((await client.getStatus(fine.ref)).status).toBe("succeeded")
  })

  it("delivers signed callbacks through its outbox until a receiver takes them", async () => {
    const { simulator, client } = await serveFake()
    const events: VideoJobEvent[] = []
    let refuse = true
    const handle = client.handleWebhook({ onEvent: (event) => void events.push(event) })
    const receiver = cleanup.add(
      await serveReceiver((request) =>
        refuse ? Promise.resolve(new Response("busy", { status: 503 })) : handle(request),
      ),
    )
    const job = await client.render({ template: "t", webhookUrl: receiver.url })
    expect(await simulator.flushWebhooks()).toEqual([]) // nothing due yet
    simulator.clock.advance(3000)
    expect(await simulator.flushWebhooks()).toEqual([503])
    refuse = false
    expect(await simulator.flushWebhooks()).toEqual([200])
    expect(await simulator.flushWebhooks()).toEqual([])
    expect(events.map((e) => [e.job.ref, e.job.status])).toEqual([[job.ref, "succeeded"]])
    expect(simulator.webhookAttempts().map((a) => a.status)).toEqual([503, 200])
    expect(simulator.webhookAttempts()[1]!.headers).toHaveProperty("x-signature")
  })
})

describe("makeWebhookOutbox", () => {
  it("sends each due callback until a 2xx, in order, recording every attempt", async () => {
    const answers = [500, 204, 200]
    const sent: string[] = []
    const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      sent.push(String(init?.body))
      return new Response(null, { status: answers.shift() ?? 200 })
    }) as typeof globalThis.fetch
    let now = 0
    const outbox = makeWebhookOutbox<DueWebhook & { readonly n: number }>({
      message: ({ n }) => ({ body: `{"n":${n}}`, headers: { "x-n": String(n) } }),
      now: () => now,
      fetch,
    })
    const due = [
      { key: "a", url: "http://127.0.0.1:1/a", n: 1 },
      { key: "b", url: "http://127.0.0.1:1/b", n: 2 },
    ]
    expect(await outbox.flush(due)).toEqual([500, 204])
    expect(outbox.isSettled("a")).toBe(false)
    expect(outbox.isSettled("b")).toBe(true)
    expect(outbox.pending(due).map((d) => d.key)).toEqual(["a"])
    now = 10
    expect(await outbox.flush(due)).toEqual([200])
    expect(sent).toEqual(['{"n":1}', '{"n":2}', '{"n":1}'])
    expect(outbox.attempts().map((a) => [a.webhook.key, a.status, a.at, a.headers["x-n"]])).toEqual([
      ["a", 500, 0, "1"],
      ["b", 204, 0, "2"],
      ["a", 200, 10, "1"],
    ])
  })

  it("a receiver that cannot be reached is status 0, and the callback stays due", async () => {
    const outbox = makeWebhookOutbox<DueWebhook>({
      message: () => ({ body: "{}" }),
      now: () => 0,
      fetch: (() => Promise.reject(new TypeError("fetch failed"))) as typeof globalThis.fetch,
    })
    expect(await outbox.flush([{ key: "k", url: "http://127.0.0.1:1/" }])).toEqual([0])
    expect(outbox.isSettled("k")).toBe(false)
  })
})

describe("makeEndingQueue", () => {
  it("hands out the endings queued for a kind, first in first out, once each", () => {
    const endings = makeEndingQueue<"previews" | "render", string>()
    endings.queue("render", "failed")
    endings.queue("previews", "rejected")
    endings.queue("render", "stopped")
    expect([endings.take("render"), endings.take("render"), endings.take("render")]).toEqual([
      "failed",
      "stopped",
      undefined,
    ])
    endings.clear()
    expect(endings.take("previews")).toBeUndefined()
  })
})

describe("makeCleanup", () => {
  it("closes what was added, newest first", async () => {
    const closed: string[] = []
    const local = makeCleanup()
    const first = local.add({ name: "a", close: async () => void closed.push("a") })
    local.add({ close: async () => void closed.push("b") })
    expect(first.name).toBe("a")
    await local.closeAll()
    await local.closeAll()
    expect(closed).toEqual(["b", "a"])
  })
})
