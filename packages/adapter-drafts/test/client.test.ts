import { Config, ConfigProvider, Effect, Redacted } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { DraftsClient, drafts, HOURONE_BASE_URL } from "../src/index.js"
import { API_KEY, useServer } from "./support.js"

const { server, seen } = useServer()

describe("DraftsClient (vendor calls outside the neutral model)", () => {
  it("uses the documented base URL by default and sends api-key, workspace-id, team-id", async () => {
    server.use(
      http.get(`${HOURONE_BASE_URL}/videos/v%201/metadata`, () =>
        HttpResponse.json({ duration: 9, scenes_metadata: [{ scene_index: 0, start_time: 0, duration: 9 }] }),
      ),
    )
    const program = DraftsClient.use((client) => client.getVideoMetadata("v 1"))
    const meta = await Effect.runPromise(
      program.pipe(
        Effect.provide(
          DraftsClient.layer({
            apiKey: Redacted.make(API_KEY),
            workspaceId: "ws",
            teamId: "tm",
            retry: false,
          }),
        ),
      ),
    )
    expect(meta.duration).toBe(9)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.path).toBe("/api/v1/videos/v%201/metadata")
    expect(seen[0]!.headers.get("api-key")).toBe(API_KEY)
    expect(seen[0]!.headers.get("workspace-id")).toBe("ws")
    expect(seen[0]!.headers.get("team-id")).toBe("tm")
  })

  it("layerConfig reads the settings from Effect Config, the key as a Redacted", async () => {
    server.use(http.get(`${HOURONE_BASE_URL}/videos`, () => HttpResponse.json([])))
    const layer = DraftsClient.layerConfig({
      apiKey: Config.Redacted("HOURONE_API_KEY"),
      workspaceId: Config.String("HOURONE_WORKSPACE_ID"),
      retry: Config.succeed(false as const),
    })
    const env = ConfigProvider.fromEnvRecord({ HOURONE_API_KEY: API_KEY, HOURONE_WORKSPACE_ID: "ws-env" })
    const videos = await Effect.runPromise(
      DraftsClient.use((client) => client.listVideos()).pipe(
        Effect.provide(layer),
        Effect.provide(ConfigProvider.layer(env)),
      ),
    )
    expect(videos).toEqual([])
    expect(seen[0]!.headers.get("api-key")).toBe(API_KEY)
    expect(seen[0]!.headers.get("workspace-id")).toBe("ws-env")
  })

  it("layerConfig fails with ConfigError when the key is missing, layer with InvalidInput naming a bad setting", async () => {
    const missing = await Effect.runPromise(
      Effect.flip(
        DraftsClient.use((client) => client.listVideos()).pipe(
          Effect.provide(DraftsClient.layerConfig({ apiKey: Config.Redacted("HOURONE_API_KEY") })),
          Effect.provide(ConfigProvider.layer(ConfigProvider.fromEnvRecord({}))),
        ),
      ),
    )
    expect(missing._tag).toBe("ConfigError")
    const invalid = await Effect.runPromise(
      Effect.flip(
        DraftsClient.use((client) => client.listVideos()).pipe(
          Effect.provide(DraftsClient.layer({ apiKey: API_KEY, baseUrl: "http://api.hourone.test" })),
        ),
      ),
    )
    expect(invalid).toMatchObject({ reason: { _tag: "InvalidInput" } })
    expect(invalid.message).toContain("baseUrl")
    expect(seen).toHaveLength(0)
  })

  it("the definition lists exactly the implemented operations and its environment variables", () => {
    expect(drafts.id).toBe("drafts")
    expect(drafts.displayName).toBe("Hour One")
    expect([...drafts.capabilities.operations].sort()).toEqual(
      ["createProduct", "findSubmission", "getStatus", "listJobs", "parseWebhook", "render"].sort(),
    )
    expect(drafts.capabilities).toMatchObject({
      productFromUrl: false,
      productFromParams: true,
      templates: true,
      submissions: { lookup: "exact", resend: true },
    })
    expect(Object.fromEntries(Object.entries(drafts.env).map(([k, v]) => [k, v.name]))).toEqual({
      apiKey: "HOURONE_API_KEY",
      workspaceId: "HOURONE_WORKSPACE_ID",
      teamId: "HOURONE_TEAM_ID",
      webhookSecret: "HOURONE_WEBHOOK_SECRET",
      baseUrl: "HOURONE_BASE_URL",
    })
  })
})
