import { Config, ConfigProvider, Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { JoggClient } from "../src/index.js"
import { API_KEY, BASE, fixture, json, route, settings, useMsw } from "./support.js"

const server = useMsw()

const readVideo = Effect.gen(function* () {
  const client = yield* JoggClient
  return yield* client.v2.productVideo("pv_789012", { operation: "getStatus" })
})

/** `JoggClient.layerConfig` reading the given environment variables. */
const fromEnv = (env: Record<string, string>) =>
  Layer.provide(
    JoggClient.layerConfig({
      apiKey: Config.Redacted("JOGG_API_KEY"),
      baseUrl: Config.String("JOGG_BASE_URL"),
      retry: Config.succeed({ baseDelay: 1, maxDelay: 1 }),
    }),
    ConfigProvider.layer(ConfigProvider.fromEnvRecord(env)),
  )

describe("JoggClient service", () => {
  it("reads vendor endpoints directly through its layer", async () => {
    const seen = route(
      server,
      "get",
      "/v2/product_video/pv_789012",
      json(fixture("v2-product-video-completed")),
    )
    const video = await Effect.runPromise(readVideo.pipe(Effect.provide(JoggClient.layer(settings()))))
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

  it("builds from Effect Config: the key read as Redacted, sent as x-api-key", async () => {
    const seen = route(
      server,
      "get",
      "/v2/product_video/pv_789012",
      json(fixture("v2-product-video-completed")),
    )
    const video = await Effect.runPromise(
      readVideo.pipe(Effect.provide(fromEnv({ JOGG_API_KEY: API_KEY, JOGG_BASE_URL: BASE }))),
    )
    expect(video.status).toBe("completed")
    expect(seen[0]!.headers.get("x-api-key")).toBe(API_KEY)
  })

  it("fails layerConfig with ConfigError when a key is missing, and InvalidInput when a value is wrong", async () => {
    const missing = await Effect.runPromise(
      Effect.flip(readVideo.pipe(Effect.provide(fromEnv({ JOGG_BASE_URL: BASE })))),
    )
    expect(missing._tag).toBe("ConfigError")
    expect(String(missing)).toContain("JOGG_API_KEY")
    const wrong = await Effect.runPromise(
      Effect.flip(
        readVideo.pipe(Effect.provide(fromEnv({ JOGG_API_KEY: API_KEY, JOGG_BASE_URL: "ftp://x" }))),
      ),
    )
    expect(wrong._tag).toBe("VideoError")
    expect(wrong.message).toContain("baseUrl")
  })
})
