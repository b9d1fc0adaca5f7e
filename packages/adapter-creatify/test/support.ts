import { readFileSync } from "node:fs"
import { Effect } from "effect"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"
import { creatify } from "../src/index.js"

export const BASE = "https://api.creatify.test"
export const API_ID = "id-123456"
export const API_KEY = "key-abcdef"
export const WEBHOOK_SECRET = "whsec-0123456789"

/** A documented example payload from test/fixtures. */
export const fixture = (name: string): any =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

/** One request as a handler saw it. */
export interface Seen {
  readonly method: string
  readonly path: string
  readonly search: URLSearchParams
  readonly headers: Headers
  readonly body: unknown
}

/** Reads a request for assertions (method, exact path, query, headers, JSON body). */
export const snapshot = async (request: Request): Promise<Seen> => {
  const url = new URL(request.url)
  const text = await request.clone().text()
  return {
    method: request.method,
    path: url.pathname,
    search: url.searchParams,
    headers: request.headers,
    body: text === "" ? undefined : JSON.parse(text),
  }
}

/** One msw server per file; unknown requests fail the test; `seen` logs every request handled. */
export const useServer = () => {
  const server = setupServer()
  const seen: Seen[] = []
  server.events.on("request:start", ({ request }) => {
    void snapshot(request).then((s) => seen.push(s))
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
    creatify({
      apiId: API_ID,
      apiKey: API_KEY,
      baseUrl: BASE,
      webhookSecret: WEBHOOK_SECRET,
      retry: { baseDelay: 1, maxDelay: 1 },
      ...overrides,
    } as Parameters<typeof creatify>[0]).make,
  )

/** Runs an effect to its value. */
export const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

/** The failure of an effect, as a value. */
export const failure = <E>(effect: Effect.Effect<unknown, E>) => Effect.runPromise(Effect.flip(effect))

/** A link-to-video job body with documented fields. */
export const linkToVideo = (patch: Record<string, unknown> = {}) => ({
  id: "ltv-1",
  link: "link-1",
  status: "pending",
  previews: [],
  outputs: [],
  failed_reason: null,
  video_output: null,
  video_thumbnail: null,
  credits_used: 1,
  duration: 30,
  progress: "0",
  ...patch,
})

/** Asserts Creatify's auth headers on a request. */
export const authOf = (headers: Headers) => ({
  id: headers.get("x-api-id"),
  key: headers.get("x-api-key"),
})
