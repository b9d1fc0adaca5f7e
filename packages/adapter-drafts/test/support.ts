import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"
import { drafts } from "../src/index.js"

export const BASE = "https://api.hourone.test/api/v1"
export const API_KEY = "key-abcdef"
export const WEBHOOK_SECRET = "whsec-0123456789"

/** Every request msw saw, in order. */
export interface Seen {
  readonly method: string
  readonly path: string
  readonly headers: Headers
}

/** One msw server per file; unknown requests fail the test; `seen` logs every request. */
export const useServer = () => {
  const server = setupServer()
  const seen: Seen[] = []
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url)
    seen.push({ method: request.method, path: url.pathname, headers: request.headers })
  })
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
  afterEach(() => {
    server.resetHandlers()
    seen.length = 0
  })
  afterAll(() => server.close())
  return { server, seen }
}

/** Builds the provider through the public definition, as an app would. */
export const makeProvider = (overrides: Record<string, unknown> = {}) =>
  Effect.runPromise(
    drafts({
      apiKey: API_KEY,
      baseUrl: BASE,
      webhookSecret: WEBHOOK_SECRET,
      retry: { baseDelay: 1, maxDelay: 1 },
      ...overrides,
    }).make,
  )

/** The failure of an effect, as a value. */
export const failure = <E>(effect: Effect.Effect<unknown, E>) => Effect.runPromise(Effect.flip(effect))

/**
 * What a create does: answer, lose the answer after creating, 500/504 after creating, drop
 * before creating, answer 201 with a body that is not JSON or has no `id` (after
 * creating), or answer 201 with a body that is not JSON without creating anything.
 */
export type Fault = "none" | "lost" | "500" | "504" | "dropped" | "malformed" | "noId" | "malformedNothing"

/** A tiny in-memory Hour One: creates are counted, videos can be moved through statuses. */
export const mockVendor = (
  server: ReturnType<typeof setupServer>,
  options: { createFaults?: ReadonlyArray<Fault>; listFails?: boolean } = {},
) => {
  const state = {
    creates: 0,
    bodies: [] as unknown[],
    videos: [] as Array<Record<string, unknown>>,
    metadataReads: 0,
  }
  const find = (id: unknown) => state.videos.find((v) => v.id === id)
  server.use(
    http.post(`${BASE}/videos`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>
      const fault = options.createFaults?.[state.creates] ?? "none"
      state.creates++
      state.bodies.push(body)
      if (fault === "dropped") return HttpResponse.error()
      const garbled = () =>
        new HttpResponse('{"id": "vid-', { status: 201, headers: { "content-type": "application/json" } })
      if (fault === "malformedNothing") return garbled()
      const video = {
        id: `vid-${state.creates}`,
        name: body.name,
        status: "not_started",
        progress: 0,
        req_id: `req-${state.creates}`,
        draft_id: `draft-${state.creates}`,
        source_draft_id: body.source_draft_id,
        recipe_id: body.recipe_id,
        video_player_url: `https://player.hourone.test/vid-${state.creates}`,
        correlation_id: body.correlation_id,
      }
      state.videos.push(video)
      if (fault === "lost") return HttpResponse.error()
      if (fault === "500") return HttpResponse.json({ detail: "Internal Server Error" }, { status: 500 })
      if (fault === "504") return HttpResponse.json({ detail: "gateway timeout" }, { status: 504 })
      if (fault === "malformed") return garbled()
      if (fault === "noId") return HttpResponse.json({ ...video, id: undefined }, { status: 201 })
      return HttpResponse.json(video, { status: 201 })
    }),
    http.get(`${BASE}/videos`, () =>
      options.listFails
        ? HttpResponse.json({ detail: "down" }, { status: 503 })
        : HttpResponse.json(state.videos),
    ),
    http.get(`${BASE}/videos/:id`, ({ params }) => {
      const video = find(params.id)
      return video ? HttpResponse.json(video) : HttpResponse.json({ detail: "Not Found" }, { status: 404 })
    }),
    http.get(`${BASE}/videos/:id/metadata`, ({ params }) => {
      state.metadataReads++
      return find(params.id)
        ? HttpResponse.json({
            duration: 21.5,
            scenes_metadata: [{ scene_index: 0, start_time: 0, duration: 21.5 }],
          })
        : HttpResponse.json({ detail: "Not Found" }, { status: 404 })
    }),
  )
  const advance = (id: string, patch: Record<string, unknown>) => Object.assign(find(id) ?? {}, patch)
  return { state, advance }
}
