import { VideoError } from "@vidbridge/core"
import { describe, expect, it } from "vitest"
import { QueueError } from "../src/index.js"
import { QUEUE_TEST_TIMEOUT, useHarness } from "./support/harness.js"

describe("orders on BullMQ and Redis", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("makes a product-URL order step by step: product, previews, render of the first preview", async () => {
    const served = await h.fake()
    const prefix = h.prefix("flow")
    const queue = await h.queue(prefix, [served.provider])
    await h.worker(prefix, { providers: [served.provider] })
    const order = await queue.submit({
      idempotencyKey: "sku-1",
      provider: "fake",
      product: { url: await h.page() },
      render: { aspectRatio: "9:16", name: "sku 1" },
    })
    expect(order).toMatchObject({ id: "sku-1", provider: "fake" })
    const done = await queue.waitFor("sku-1")
    expect(done.failure).toBeUndefined()
    expect(done.state).toBe("succeeded")
    expect(done.video).toMatchObject({ status: "succeeded", ref: expect.stringMatching(/^fake:render:/) })
    expect(done.video?.videoUrl).toMatch(/\.mp4$/)
    expect(done.previews?.status).toBe("awaiting_selection")
    expect(done.jobs.previews).toMatch(/^fake:previews:/)
    // One request per step, each with the order's key and a step letter (the vendor echoes it).
    const posts = served.simulator.requests.filter((r) => r.method === "POST")
    expect(posts.map((r) => `${r.path} ${(r.body as { reference?: string }).reference ?? ""}`)).toEqual([
      "/products ",
      "/previews sku-1-v",
      `/previews/${done.previews?.ref.split(":").pop()}/render sku-1-r`,
    ])
    expect(done.submissions.previews).toMatch(/^fake:submission:sku-1-v\?/)
    expect(await queue.counts()).toMatchObject({ succeeded: 1, failed: 0, waiting: 0, parked: 0 })
  })

  it("makes a template order with one render", async () => {
    const served = await h.fake()
    const prefix = h.prefix("template")
    const queue = await h.queue(prefix)
    await h.worker(prefix, { providers: [served.provider] })
    await queue.submit({
      idempotencyKey: "t-1",
      provider: "fake",
      template: "summer",
      variables: { price: "9" },
    })
    const done = await queue.waitFor("t-1")
    expect(done.state).toBe("succeeded")
    expect(served.simulator.count("POST", "/renders")).toBe(1)
    expect(served.simulator.count("POST", "/products")).toBe(0)
  })

  it("answers the same order for the same key, never a second video; a different order with that key is refused", async () => {
    const served = await h.fake()
    const prefix = h.prefix("idem")
    const queue = await h.queue(prefix)
    const input = { idempotencyKey: "k-1", provider: "fake", template: "summer" }
    const [a, b] = await Promise.all([queue.submit(input), queue.submit({ ...input })])
    expect(a.id).toBe(b.id)
    await expect(queue.submit({ ...input, template: "winter" })).rejects.toMatchObject({ kind: "key_reused" })
    await expect(queue.submit({ ...input, provider: "other" })).rejects.toBeInstanceOf(QueueError)
    await h.worker(prefix, { providers: [served.provider] })
    expect((await queue.waitFor("k-1")).state).toBe("succeeded")
    expect((await queue.submit(input)).state).toBe("succeeded")
    expect(served.simulator.count("POST", "/renders")).toBe(1)
    expect(await queue.list({ state: "succeeded" })).toHaveLength(1)
  })

  it("refuses a bad order before anything is queued, naming the field", async () => {
    const prefix = h.prefix("bad")
    const queue = await h.queue(prefix)
    const bad = await queue
      .submit({
        idempotencyKey: "x",
        provider: "fake",
        product: { url: "ftp://nope" },
        render: { aspectRatio: "4:3" },
      })
      .catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(VideoError)
    const issues = (bad as VideoError).reason._tag === "InvalidInput" ? (bad as any).reason.issues : []
    expect(issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["product.url", "render.aspectRatio"]),
    )
    await expect(
      queue.submit({ idempotencyKey: "has space", provider: "fake", template: "t" }),
    ).rejects.toThrow(/idempotencyKey/)
    expect(await queue.get("x")).toBeUndefined()
    expect(await queue.counts()).toMatchObject({ waiting: 0 })
  })
})
