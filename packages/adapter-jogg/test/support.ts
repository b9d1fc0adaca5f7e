import { readFileSync } from "node:fs"
import { createVideoClient, type InputIssue, type VideoError } from "@vidbridge/core"
import { Effect, Schedule } from "effect"
import { HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"
import { type JoggSettingsInput, jogg } from "../src/index.js"

export const BASE = "https://api.jogg.test"
export const API_KEY = "key-abcdef"

/** A documented example payload from test/fixtures. */
export const fixture = (name: string): any =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

/** One msw server per test file; unknown requests fail the test. */
export const useMsw = () => {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** A request msw saw. */
export interface Seen {
  readonly method: string
  readonly url: URL
  readonly headers: Headers
  readonly body: unknown
}

type Method = "get" | "post" | "put" | "delete"

/** Answers `method path` with `respond(n)` (n counts calls from 1) and records every request. */
export const route = (
  server: ReturnType<typeof setupServer>,
  method: Method,
  path: string,
  respond: (n: number, seen: Seen) => Response | Promise<Response>,
) => {
  const seen: Array<Seen> = []
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      const text = await request.text()
      const entry = {
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: text === "" ? undefined : JSON.parse(text),
      }
      seen.push(entry)
      return respond(seen.length, entry)
    }),
  )
  return seen
}

/** Always answers the fixture. */
export const json =
  (body: unknown, status = 200) =>
  () =>
    HttpResponse.json(body as object, { status })

export const settings = (overrides: Partial<JoggSettingsInput> = {}): JoggSettingsInput => ({
  apiKey: API_KEY,
  baseUrl: BASE,
  retry: { baseDelay: 1, maxDelay: 1 },
  ...overrides,
})

/**
 * How long core looks up a paid call whose answer was lost, in the Promise-client tests (real
 * time, so short; test/submissions.test.ts covers the default window on virtual time).
 */
export const quickReconcile = {
  window: "200 millis",
  schedule: Schedule.spaced("20 millis"),
  minInterval: 0,
} as const

/** The Promise client over JoggAI, built through the public definition. */
export const client = (overrides: Partial<JoggSettingsInput> = {}) =>
  createVideoClient({ provider: jogg(settings(overrides)), reconcile: quickReconcile })

/** The provider shape, for Effect tests. */
export const provider = (overrides: Partial<JoggSettingsInput> = {}) =>
  Effect.runPromise(jogg(settings(overrides)).make)

/** The rejection of a promise, as a VideoError. */
export const rejection = async (promise: Promise<unknown>): Promise<VideoError> => {
  try {
    await promise
  } catch (error) {
    return error as VideoError
  }
  throw new Error("expected a rejection")
}

/** Lets real I/O (msw's promises) make progress while the test clock stands still. */
export const realTicks = (n = 10) =>
  new Promise<void>((resolve) => {
    let left = n
    const step = () => (--left <= 0 ? resolve() : setTimeout(step, 1))
    setTimeout(step, 1)
  })

/** The named issues of an InvalidInput failure (empty for any other reason). */
export const issuesOf = (error: VideoError): ReadonlyArray<InputIssue> =>
  error.reason._tag === "InvalidInput" ? error.reason.issues : []
