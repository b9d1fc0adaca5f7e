import { Duration, Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { fixture, json, provider, realTicks, route, useMsw } from "./support.js"

const server = useMsw()

const settle = () => Effect.promise(() => realTicks(20))

describe("JoggAI POST limiter (20 per minute per key, virtual time)", () => {
  it("sends 20 of 25 renders at once and queues the other 5 until the window passes", async () => {
    const seen = route(
      server,
      "post",
      "/v2/create_video_from_product/render_single_preview",
      json(fixture("v2-render-single-preview")),
    )
    const shape = await provider()
    const program = Effect.gen(function* () {
      const renders = Array.from({ length: 25 }, (_, i) =>
        shape.renderPreview!({ job: `jogg:preview_set:P?ids=p${i}`, previewId: `p${i}` }),
      )
      const fiber = yield* Effect.forkChild(Effect.all(renders, { concurrency: "unbounded" }))
      yield* settle()
      expect(seen).toHaveLength(20)
      yield* TestClock.adjust(Duration.seconds(59))
      yield* settle()
      expect(seen).toHaveLength(20)
      yield* TestClock.adjust(Duration.seconds(1))
      yield* settle()
      const jobs = yield* Fiber.join(fiber)
      expect(seen).toHaveLength(25)
      return jobs
    })
    const jobs = await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
    expect(jobs).toHaveLength(25)
  })

  it("does not limit GETs", async () => {
    const seen = route(server, "get", "/v2/product_video/pv_1", json(fixture("v2-product-video-processing")))
    const shape = await provider()
    const reads = Array.from({ length: 30 }, () =>
      shape.getStatus({ provider: "jogg", kind: "product_video", id: "pv_1" }),
    )
    await Effect.runPromise(
      Effect.all(reads, { concurrency: "unbounded" }).pipe(Effect.provide(TestClock.layer())),
    )
    expect(seen).toHaveLength(30)
  })

  it("takes a custom limit, or none", async () => {
    const seen = route(
      server,
      "post",
      "/v2/create_video_from_product/render_single_preview",
      json(fixture("v2-render-single-preview")),
    )
    const render = (shape: Awaited<ReturnType<typeof provider>>, n: number) =>
      Effect.all(
        Array.from({ length: n }, (_, i) =>
          shape.renderPreview!({ job: `jogg:preview_set:P?ids=q${i}`, previewId: `q${i}` }),
        ),
        { concurrency: "unbounded" },
      )
    const limited = await provider({ postsPerMinute: 2 })
    const program = Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(render(limited, 3))
      yield* settle()
      expect(seen).toHaveLength(2)
      yield* TestClock.adjust(Duration.minutes(1))
      yield* settle()
      yield* Fiber.join(fiber)
      expect(seen).toHaveLength(3)
    })
    await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
    const unlimited = await provider({ postsPerMinute: false })
    await Effect.runPromise(render(unlimited, 30).pipe(Effect.provide(TestClock.layer())))
    expect(seen).toHaveLength(33)
  })
})
