import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { JoggClient } from "../src/index.js"
import { fixture, json, route, settings, useMsw } from "./support.js"

const server = useMsw()

describe("JoggClient service", () => {
  it("reads vendor endpoints directly through its layer", async () => {
    const seen = route(
      server,
      "get",
      "/v2/product_video/pv_789012",
      json(fixture("v2-product-video-completed")),
    )
    const video = await Effect.runPromise(
      Effect.gen(function* () {
        const client = yield* JoggClient
        return yield* client.v2.productVideo("pv_789012", { operation: "getStatus" })
      }).pipe(Effect.provide(JoggClient.layer(settings()))),
    )
    expect(video.video_url).toBe("https://res.jogg.ai/videos/pv_789012.mp4")
    expect(seen).toHaveLength(1)
  })

  it("fails the layer with InvalidInput naming a bad setting", async () => {
    const error = await Effect.runPromise(
      Effect.flip(
        Effect.provide(
          Effect.map(JoggClient, (client) => client.apiVersion),
          JoggClient.layer({ apiKey: "" }),
        ),
      ),
    )
    expect(error.message).toContain("apiKey")
  })
})
