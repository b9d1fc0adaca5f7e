// A vendor can call back before the order that made the job has written down that it waits for
// it (the webhook beats the worker's bookkeeping). Deciding "whose job is this?" and "keep it for
// the order that tracks it next" in one atomic step means no wake-up is ever lost, whichever of the
// two comes first. (Found by the two-receivers webhook test, which failed now and then under load.)
import type { VideoJob } from "@vidbridge/core"
import { afterAll, describe, expect, it } from "vitest"
import { makeKeys } from "../src/internal/keys.js"
import { makeStore } from "../src/internal/store.js"
import { openRedis } from "../src/redis.js"
import { redisUrl, testPrefix } from "./support/redis.js"

const job = (status: VideoJob["status"]): VideoJob => ({
  ref: "fake:render:job-9",
  provider: "fake",
  status,
  vendorStatus: status,
  stage: "render",
  raw: { big: "payload" },
})

describe("a webhook that arrives before its order tracks the job", () => {
  const connections: Array<{ quit: () => Promise<unknown> }> = []
  afterAll(async () => {
    for (const c of connections) await c.quit()
  })
  const store = async () => {
    const redis = await openRedis(redisUrl(), { name: "early-webhook-test" })
    connections.push(redis)
    return makeStore(redis, makeKeys(testPrefix("early"), "videos"))
  }

  it("keeps the settled state for the order, which takes it when it tracks the job (once)", async () => {
    const s = await store()
    expect(await s.ownerOrEarly("fake", "fake:render:job-9", job("succeeded"))).toBeUndefined()
    const early = await s.track("fake", "fake:render:job-9", "order-1", "render")
    expect(early).toMatchObject({ ref: "fake:render:job-9", status: "succeeded" })
    expect(early?.raw).toBeUndefined() // kept lean: no vendor payload in Redis
    // Taken once: tracking again finds nothing, and a later delivery now finds the owner.
    expect(await s.track("fake", "fake:render:job-9", "order-1", "render")).toBeUndefined()
    expect(await s.ownerOrEarly("fake", "fake:render:job-9", job("succeeded"))).toEqual({
      orderId: "order-1",
      step: "render",
    })
  })

  it("a tracked job's delivery names its order and leaves nothing behind", async () => {
    const s = await store()
    expect(await s.track("fake", "fake:render:job-9", "order-2", "render")).toBeUndefined()
    expect(await s.ownerOrEarly("fake", "fake:render:job-9", job("succeeded"))).toEqual({
      orderId: "order-2",
      step: "render",
    })
    expect(await s.track("fake", "fake:render:job-9", "order-2", "render")).toBeUndefined()
  })

  it("keeps nothing for a delivery that is not settled", async () => {
    const s = await store()
    expect(await s.ownerOrEarly("fake", "fake:render:job-9", undefined)).toBeUndefined()
    expect(await s.track("fake", "fake:render:job-9", "order-3", "render")).toBeUndefined()
  })
})
