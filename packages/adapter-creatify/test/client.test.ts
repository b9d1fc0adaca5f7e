import { Config, ConfigProvider, Effect, Layer } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { CREATIFY_BASE_URL, CreatifyClient, creatifyStatusTable } from "../src/index.js"
import { API_ID, API_KEY, authOf, BASE, linkToVideo, useServer, WEBHOOK_SECRET } from "./support.js"

const { server, seen } = useServer()

const readJob = CreatifyClient.use((client) => client.getLinkToVideo("ltv-1"))

const answerJob = (base = BASE) =>
  server.use(
    http.get(`${base}/api/link_to_videos/ltv-1/`, () =>
      HttpResponse.json(
        linkToVideo({ status: "running", webhook_url: `https://app.test/hook?vb_token=abc.def.ghi` }),
      ),
    ),
  )

describe("CreatifyClient (the vendor's API as an Effect service)", () => {
  it("layer(settings): checks the settings, calls Creatify with the keys, masks callback tokens", async () => {
    answerJob()
    const job = await Effect.runPromise(
      readJob.pipe(Effect.provide(CreatifyClient.layer({ apiId: API_ID, apiKey: API_KEY, baseUrl: BASE }))),
    )
    expect(job).toMatchObject({ id: "ltv-1", status: "running" })
    expect(job.webhook_url).toBe("https://app.test/hook?vb_token=[REDACTED]")
    expect(seen.map((s) => s.path)).toEqual(["/api/link_to_videos/ltv-1/"])
    expect(authOf(seen[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
  })

  it("layer(settings): a wrong setting fails building the layer with InvalidInput naming it", async () => {
    const error = await Effect.runPromise(
      Effect.flip(readJob.pipe(Effect.provide(CreatifyClient.layer({ apiId: API_ID, apiKey: "" })))),
    )
    expect(error).toMatchObject({
      provider: "creatify",
      operation: "configure",
      reason: { _tag: "InvalidInput" },
    })
    expect(JSON.stringify(error.reason)).toContain("apiKey")
    expect(seen).toEqual([])
  })

  it("layerConfig(config): reads the settings from Effect Config, keys as Redacted", async () => {
    answerJob(CREATIFY_BASE_URL)
    const layer = CreatifyClient.layerConfig({
      apiId: Config.Redacted("CREATIFY_API_ID"),
      apiKey: Config.Redacted("CREATIFY_API_KEY"),
      webhookSecret: Config.Redacted("CREATIFY_WEBHOOK_SECRET"),
      retry: Config.succeed(false as const),
    }).pipe(
      Layer.provide(
        ConfigProvider.layer(
          ConfigProvider.fromEnvRecord({
            CREATIFY_API_ID: API_ID,
            CREATIFY_API_KEY: API_KEY,
            CREATIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
          }),
        ),
      ),
    )
    const job = await Effect.runPromise(readJob.pipe(Effect.provide(layer)))
    expect(job.status).toBe("running")
    expect(authOf(seen[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
  })

  it("layerConfig(config): a missing key fails building the layer with a ConfigError", async () => {
    const layer = CreatifyClient.layerConfig({
      apiId: Config.Redacted("CREATIFY_API_ID"),
      apiKey: Config.Redacted("CREATIFY_API_KEY"),
    }).pipe(Layer.provide(ConfigProvider.layer(ConfigProvider.fromEnvRecord({ CREATIFY_API_ID: API_ID }))))
    const error = await Effect.runPromise(Effect.flip(readJob.pipe(Effect.provide(layer))))
    expect(error._tag).toBe("ConfigError")
    expect(String(error)).toContain("CREATIFY_API_KEY")
    expect(seen).toEqual([])
  })
})

describe("creatifyStatusTable", () => {
  it("is the status mapping the README documents (pending with previews aside)", () => {
    expect(creatifyStatusTable).toEqual({
      pending: "queued",
      in_queue: "queued",
      running: "running",
      processing: "running",
      done: "succeeded",
      failed: "failed",
      error: "failed",
      rejected: "rejected",
    })
  })
})
