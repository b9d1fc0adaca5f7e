import { createVideoClient, JobRef, type VideoError } from "@vidbridge/core"
import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { drafts } from "../src/index.js"
import { API_KEY, BASE, failure, makeProvider, mockVendor, useServer } from "./support.js"

const { server, seen } = useServer()

/** The Promise client, which gives render its submission key. */
const clientOn = (settings: Record<string, unknown> = {}) =>
  createVideoClient({
    provider: drafts({ apiKey: API_KEY, baseUrl: BASE, retry: { baseDelay: 1, maxDelay: 1 }, ...settings }),
  })

const capture = () => {
  const calls: Array<{ headers: Headers; body: Record<string, unknown> }> = []
  server.use(
    http.post(`${BASE}/videos`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>
      calls.push({ headers: request.headers, body })
      return HttpResponse.json(
        {
          id: "vid-1",
          status: "not_started",
          progress: 0,
          req_id: "req-1",
          draft_id: "d-1",
          video_player_url: "https://player.hourone.test/vid-1",
          correlation_id: body.correlation_id,
        },
        { status: 201 },
      )
    }),
  )
  return calls
}

describe("render -> POST /videos", () => {
  it("sends the override body with the neutral fields mapped, api-key header and the key as correlation_id", async () => {
    const calls = capture()
    const job = await clientOn({ workspaceId: "ws-1", teamId: "team-1" }).render({
      template: "draft-123",
      avatar: "char-9",
      voice: "voice-7",
      name: "Spring SKU 123",
      providerOptions: {
        drafts: {
          folderId: "folder-1",
          paletteId: "pal-2",
          logoUrl: "https://shop.test/logo.png",
          metadata: { sku: "123", batch: 4, live: true },
          scenes: [{ name: "Intro", texts: ["Hi"], media: ["https://shop.test/a.jpg"], transcript: "Hello" }],
        },
      },
    })
    expect(calls).toHaveLength(1)
    const [call] = calls
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /api/v1/videos"])
    expect(call!.headers.get("api-key")).toBe(API_KEY)
    expect(call!.headers.get("workspace-id")).toBe("ws-1")
    expect(call!.headers.get("team-id")).toBe("team-1")
    expect(call!.headers.get("content-type")).toContain("application/json")
    const { correlation_id, ...rest } = call!.body
    expect(rest).toEqual({
      type: "override",
      name: "Spring SKU 123",
      source_draft_id: "draft-123",
      folder_id: "folder-1",
      palette_id: "pal-2",
      character_id: "char-9",
      voice_id: "voice-7",
      scenes: [
        {
          name: "Intro",
          type: "override_scene",
          texts: ["Hi"],
          media: ["https://shop.test/a.jpg"],
          transcript: "Hello",
        },
      ],
      logo_url: "https://shop.test/logo.png",
      metadata: { sku: "123", batch: 4, live: true },
    })
    expect(correlation_id).toMatch(/^vb[a-z2-7]{20}$/)
    expect(job).toMatchObject({
      ref: "drafts:video:vid-1",
      submission: { key: correlation_id },
      status: "queued",
      vendorStatus: "not_started",
      previewUrl: "https://player.hourone.test/vid-1",
      metadata: { correlationId: correlation_id },
    })
    expect(JobRef.parse(job.ref)).toEqual({ provider: "drafts", kind: "video", id: "vid-1" })
  })

  it("each render gets a fresh key as correlation_id; a caller's own id is sent as given", async () => {
    const calls = capture()
    const client = clientOn()
    await client.render({ template: "d", script: "Hi" })
    await client.render({ template: "d", script: "Hi" })
    await client.render({
      template: "d",
      script: "Hi",
      providerOptions: { drafts: { correlationId: "order-77" } },
    })
    await client.render({ template: "d", script: "Hi", idempotencyKey: "order-78" })
    const ids = calls.map((c) => c.body.correlation_id)
    expect(new Set(ids).size).toBe(4)
    expect(ids.slice(2)).toEqual(["order-77", "order-78"])
    expect(calls[0]!.body).toEqual({
      type: "override",
      source_draft_id: "d",
      scenes: [{ name: "Scene 1", type: "override_scene", transcript: "Hi" }],
      correlation_id: ids[0],
    })
  })

  it("recipe via providerOptions.drafts.recipeId; per-call workspace/team override the settings", async () => {
    const calls = capture()
    const provider = await makeProvider({ workspaceId: "ws-1" })
    await Effect.runPromise(
      provider.render!({
        providerOptions: {
          drafts: { recipeId: "rcp-1", workspaceId: "ws-2", teamId: "t-2", scenes: [{ name: "Intro" }] },
        },
      }),
    )
    expect(calls[0]!.body).toMatchObject({
      type: "override",
      recipe_id: "rcp-1",
      scenes: [{ name: "Intro", type: "override_scene" }],
    })
    expect(calls[0]!.body).not.toHaveProperty("source_draft_id")
    expect(calls[0]!.headers.get("workspace-id")).toBe("ws-2")
    expect(calls[0]!.headers.get("team-id")).toBe("t-2")
  })

  it("sourceDraftId equal to template is accepted", async () => {
    const calls = capture()
    const provider = await makeProvider()
    await Effect.runPromise(
      provider.render!({
        template: "d-1",
        script: "Hi",
        providerOptions: { drafts: { sourceDraftId: "d-1" } },
      }),
    )
    expect(calls[0]!.body.source_draft_id).toBe("d-1")
  })
})

describe("bad input fails before any request", () => {
  it.each([
    ["no template", {}, "template", "Hour One source draft id"],
    // Hour One's document: OverrideVideoRequest requires `scenes`; nothing to fill them from.
    ["no scenes, product or script", { template: "d" }, "providerOptions.drafts.scenes", "needs scenes"],
    [
      "a recipe without scenes",
      { providerOptions: { drafts: { recipeId: "r" } } },
      "providerOptions.drafts.scenes",
      "one entry per scene",
    ],
    [
      "template and a different recipe",
      { template: "d", providerOptions: { drafts: { recipeId: "r" } } },
      "template",
      "exactly one",
    ],
    [
      "draft and recipe",
      { providerOptions: { drafts: { recipeId: "r", sourceDraftId: "d" } } },
      "providerOptions.drafts.recipeId",
      "exactly one",
    ],
    [
      "unknown option",
      { template: "d", providerOptions: { drafts: { aspect: "9:16" } } },
      "providerOptions.drafts",
      "unknown field",
    ],
    [
      "correlation id too long",
      { template: "d", providerOptions: { drafts: { correlationId: "x".repeat(101) } } },
      "providerOptions.drafts.correlationId",
      "at most 100",
    ],
    [
      "scene transcript too long",
      {
        template: "d",
        providerOptions: { drafts: { scenes: [{ name: "A", transcript: "x".repeat(1001) }] } },
      },
      "providerOptions.drafts.scenes[0].transcript",
      "at most 1000",
    ],
    [
      "scene without a name",
      { template: "d", providerOptions: { drafts: { scenes: [{ texts: ["a"] }] } } },
      "providerOptions.drafts.scenes[0].name",
      "required",
    ],
    [
      "template variables",
      { template: "d", variables: { a: 1 } },
      "variables",
      "providerOptions.drafts.scenes",
    ],
    ["unknown product ref", { template: "d", product: "drafts:product:p123" }, "product", "Product object"],
    ["another vendor's product ref", { template: "d", product: "creatify:product:9" }, "product", "creatify"],
  ] as const)("%s -> InvalidInput naming %s", async (_name, request, path, text) => {
    mockVendor(server)
    const provider = await makeProvider()
    const error = await failure(provider.render!(request as never))
    expect(error.reason._tag).toBe("InvalidInput")
    const issues = (error.reason as { issues: ReadonlyArray<{ path: string; message: string }> }).issues
    expect(issues.some((i) => i.path.startsWith(path) && `${i.path}: ${i.message}`.includes(text))).toBe(true)
    expect(seen).toHaveLength(0)
  })
})

/** What a promise rejected with (the test fails if it resolved). */
const rejected = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection")
    },
    (error: VideoError) => error,
  )

describe("avatar videos and catalogs: Hour One has neither", () => {
  it.each([
    ["avatar+script", { avatar: "char-9", voice: "voice-7", script: "Hello there" }],
    ["avatar+audio", { avatar: "char-9", audioUrl: "https://cdn.test/a.mp3" }],
    ["image+audio", { imageUrl: "https://cdn.test/me.png", audioUrl: "https://cdn.test/a.mp3" }],
  ])("render of an avatar video (%s) is UnsupportedOperation before any request", async (kind, request) => {
    mockVendor(server)
    const error = await rejected(clientOn().render(request))
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect(error.message).toContain(`not avatar videos (${kind})`)
    expect(error.message).toContain("give template (the draft id)")
    expect(seen).toHaveLength(0)
  })

  it("a presenter with a draft or a recipe is a draft render, not an avatar video", async () => {
    const calls = capture()
    const scenes = [{ name: "Intro" }]
    await clientOn().render({
      avatar: "char-9",
      script: "Hi",
      providerOptions: { drafts: { recipeId: "r-1", scenes } },
    })
    await clientOn().render({
      avatar: "char-9",
      template: "draft-1",
      providerOptions: { drafts: { scenes } },
    })
    expect(calls.map((c) => [c.body.recipe_id, c.body.source_draft_id, c.body.character_id])).toEqual([
      ["r-1", undefined, "char-9"],
      [undefined, "draft-1", "char-9"],
    ])
  })

  it("lists no catalog and no balance: UnsupportedOperation before any request", async () => {
    const client = clientOn()
    expect(client.capabilities().operations).not.toContain("listAvatars")
    expect(client.capabilities().avatarVideos).toBeUndefined()
    for (const read of [
      client.listAvatars(),
      client.listVoices(),
      client.listMusic(),
      client.listTemplates(),
      client.listVisualStyles(),
      client.getCreditBalance(),
    ]) {
      expect((await rejected(read)).reason._tag).toBe("UnsupportedOperation")
    }
    expect(seen).toHaveLength(0)
  })
})

describe("listJobs -> GET /videos, sliced locally", () => {
  it("pages with limit and cursor; filters by ids or refs", async () => {
    const vendor = mockVendor(server)
    const provider = await makeProvider()
    for (let i = 0; i < 5; i++) await Effect.runPromise(provider.render!({ template: "d", script: "Hi" }))
    vendor.advance("vid-2", { status: "processing", progress: 30 })
    seen.length = 0
    const first = await Effect.runPromise(provider.listJobs!({ limit: 2 }))
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["GET /api/v1/videos"])
    expect(seen[0]!.headers.get("api-key")).toBe(API_KEY)
    expect(first.jobs.map((j) => j.ref)).toEqual(["drafts:video:vid-1", "drafts:video:vid-2"])
    expect(first.jobs[1]).toMatchObject({ status: "running", progress: 0.3 })
    expect(first.nextCursor).toBe("2")
    const last = await Effect.runPromise(provider.listJobs!({ limit: 2, cursor: "4" }))
    expect(last.jobs.map((j) => j.ref)).toEqual(["drafts:video:vid-5"])
    expect(last.nextCursor).toBeUndefined()
    const picked = await Effect.runPromise(provider.listJobs!({ ids: ["vid-3", "drafts:video:vid-5"] }))
    expect(picked.jobs.map((j) => j.ref)).toEqual(["drafts:video:vid-3", "drafts:video:vid-5"])
  })

  it("a cursor it did not make is InvalidInput naming cursor", async () => {
    mockVendor(server)
    const provider = await makeProvider()
    const error = await failure(provider.listJobs!({ cursor: "abc" }))
    expect(error.reason).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "cursor" }] })
  })
})
