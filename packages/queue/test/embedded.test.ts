import { VideoError } from "@vidbridge/core"
import { describe, expect, it } from "vitest"
import { runOrders } from "../src/index.js"
import { QUEUE_TEST_TIMEOUT, useHarness } from "./support/harness.js"

describe("the embedded default (no Redis)", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("makes every order in one process, waits sharing one batch poller, and reports each end", async () => {
    const served = await h.fake()
    const page = await h.page()
    served.simulator.failNext("the render broke (simulated)")
    const events: string[] = []
    const results = await runOrders(
      [
        { idempotencyKey: "e-1", provider: "fake", template: "summer" },
        { idempotencyKey: "e-2", provider: "fake", product: { url: page }, render: { aspectRatio: "1:1" } },
        { idempotencyKey: "e-3", provider: "fake", template: "winter" },
      ],
      {
        providers: [served.provider],
        interval: 20,
        onProgress: (e) => e.final && events.push(`${e.orderId} ${e.status}`),
      },
    )
    expect(results.map((r) => [r.orderId, r.ok])).toEqual([
      ["e-1", false],
      ["e-2", true],
      ["e-3", true],
    ])
    expect(results[0]?.failure).toMatchObject({ step: "render", reason: "JobFailed" })
    expect(results[1]?.video?.videoUrl).toMatch(/\.mp4$/)
    expect(results[1]?.previews?.status).toBe("awaiting_selection")
    expect(events.sort()).toEqual(["e-1 failed", "e-2 succeeded", "e-3 succeeded"])
    const keys = served.simulator.requests.flatMap((r) =>
      (r.body as { reference?: string })?.reference ? [(r.body as { reference: string }).reference] : [],
    )
    expect(keys.sort()).toEqual(["e-1-r", "e-2-r", "e-2-v", "e-3-r"])
  })

  it("refuses a file with a bad order before anything is sent, naming the order and field", async () => {
    const served = await h.fake()
    const error = await runOrders(
      [
        { idempotencyKey: "ok-1", provider: "fake", template: "summer" },
        { idempotencyKey: "bad-1", provider: "fake", template: "summer", render: { aspectRatio: "4:3" } },
        { idempotencyKey: "ok-1", provider: "nobody", template: "summer" },
      ],
      { providers: [served.provider] },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoError)
    const paths =
      (error as VideoError).reason._tag === "InvalidInput"
        ? (error as any).reason.issues.map((i: { path: string }) => i.path)
        : []
    expect(paths).toEqual(["orders[1].render.aspectRatio", "orders[2].provider"])
    expect(served.simulator.requests).toHaveLength(0)
  })
})
