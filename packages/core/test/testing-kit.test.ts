import { Effect, Redacted } from "effect"
import { HttpResponse, http } from "msw"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { makeHttpClient } from "../src/adapter/index.js"
import type { VideoError } from "../src/index.js"
import {
  makeFaultPlan,
  makeRequestLog,
  makeSimClock,
  type SimulatorServer,
  serveHandlers,
  stepAt,
  withFault,
} from "../src/testing/index.js"

const clock = makeSimClock()
const faults = makeFaultPlan()
const log = makeRequestLog()
let created = 0
const handlers = [
  http.post("https://api.sim.test/v1/jobs", ({ request }) =>
    withFault(faults, clock, "POST /v1/jobs", () => {
      log.record({
        method: "POST",
        path: new URL(request.url).pathname,
        route: "POST /v1/jobs",
        at: clock.now(),
      })
      created++
      return HttpResponse.json({ id: `j${created}`, status: "queued", nested: { url: "u" } }, { status: 201 })
    }),
  ),
]

let server: SimulatorServer
beforeAll(async () => {
  server = await serveHandlers(handlers, { canonicalBase: "https://api.sim.test" })
})
afterAll(() => server.close())
beforeEach(() => {
  faults.clear()
  log.clear()
  created = 0
})

const client = () =>
  makeHttpClient({
    provider: "sim",
    baseUrl: `${server.url}/v1`,
    auth: { "x-api-key": Redacted.make("k-sim-1234") },
    retry: { baseDelay: 1, maxDelay: 1 },
  })
const Job = z.looseObject({ id: z.string(), status: z.string(), nested: z.looseObject({ url: z.string() }) })
const create = (c = client()) =>
  c.request({
    operation: "render",
    method: "POST",
    path: "/jobs",
    body: {},
    spendsCredits: true,
    schema: Job,
  })
const flip = (e: Effect.Effect<unknown, VideoError>) => Effect.runPromise(Effect.flip(e))

describe("simulator kit over real loopback HTTP", () => {
  it("serves handlers at 127.0.0.1", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await Effect.runPromise(create())
    expect(res.body.id).toBe("j1")
    expect(log.count("POST /v1/jobs")).toBe(1)
  })

  it("a reset after the job was created is ambiguous and the call is not resent", async () => {
    faults.inject("POST /v1/jobs", { kind: "reset", when: "after" })
    const error = await flip(create())
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
    expect(created).toBe(1)
  })

  it("a 5xx before the job exists leaves no job; after, one job", async () => {
    faults.inject("POST /v1/jobs", { kind: "status", status: 503, when: "before" })
    await flip(create())
    expect(created).toBe(0)
    faults.inject("POST /v1/jobs", { kind: "status", status: 500, when: "after" })
    await flip(create())
    expect(created).toBe(1)
  })

  it("429 with Retry-After (seconds and date) is retried for credit calls", async () => {
    faults.inject("POST /v1/jobs", { kind: "rateLimit", retryAfterSeconds: 0 })
    faults.inject("POST /v1/jobs", { kind: "rateLimit", retryAfterSeconds: 0, form: "date" })
    const res = await Effect.runPromise(create())
    expect(res.body.id).toBe("j1")
  })

  it("a slow answer has already created the job: a credit call times out and is not resent", async () => {
    faults.inject("POST /v1/jobs", { kind: "slow", millis: 80 })
    const error = await flip(
      create(
        makeHttpClient({
          provider: "sim",
          baseUrl: `${server.url}/v1`,
          auth: { "x-api-key": Redacted.make("k-sim-1234") },
          timeout: 20,
          retry: { baseDelay: 1, maxDelay: 1 },
        }),
      ),
    )
    expect(error.reason._tag).toBe("Timeout")
    expect(created).toBe(1)
  })

  it("malformed, missing and extra fields", async () => {
    faults.inject("POST /v1/jobs", { kind: "malformed" })
    expect((await flip(create())).reason._tag).toBe("UnexpectedResponse")
    faults.inject("POST /v1/jobs", { kind: "missingField", field: "nested.url" })
    const missing = await flip(create())
    expect(missing.reason._tag === "UnexpectedResponse" && missing.reason.path).toBe("nested.url")
    faults.inject("POST /v1/jobs", { kind: "extraField" })
    expect((await Effect.runPromise(create())).body.id).toBeDefined()
  })

  it("a rewritten answer: the job is created once, the client reads the changed body", async () => {
    faults.inject("POST /v1/jobs", {
      kind: "rewrite",
      rewrite: (body) => ({ ...(body as object), status: "teleported" }),
    })
    const res = await Effect.runPromise(create())
    expect(res).toMatchObject({ status: 201, body: { id: "j1", status: "teleported" } })
    expect(created).toBe(1)
    expect((await Effect.runPromise(create())).body.status).toBe("queued")
  })
})

describe("simulator clock", () => {
  it("moves jobs through a timeline only when told", () => {
    const c = makeSimClock()
    const timeline = [
      { status: "queued", at: 0 },
      { status: "running", at: 1000 },
      { status: "done", at: 5000 },
    ] as const
    expect(stepAt(timeline, c.now(), c.now()).step.status).toBe("queued")
    c.advance(1500)
    expect(stepAt(timeline, 0, c.now())).toMatchObject({ index: 1, progress: 0.3 })
    c.advance(10_000)
    expect(stepAt(timeline, 0, c.now()).step.status).toBe("done")
  })
})

describe("served handlers see the client go away", () => {
  it("a request held by its handler ends when the client aborts, not at close", async () => {
    let entered!: () => void
    const reached = new Promise<void>((resolve) => {
      entered = resolve
    })
    let ended!: (how: string) => void
    const handlerEnded = new Promise<string>((resolve) => {
      ended = resolve
    })
    const held = await serveHandlers(
      [
        http.get("https://api.held.test/v1/slow", async ({ request }) => {
          entered()
          await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }))
          ended(`aborted: ${request.signal.aborted}`)
          return HttpResponse.error()
        }),
      ],
      { canonicalBase: "https://api.held.test" },
    )
    try {
      const client = new AbortController()
      const answer = fetch(`${held.url}/v1/slow`, { signal: client.signal }).catch((e: Error) => e.name)
      await reached
      client.abort()
      expect(await answer).toBe("AbortError")
      // Without the abort reaching the handler this never settles and the test times out.
      expect(await handlerEnded).toBe("aborted: true")
    } finally {
      await held.close()
    }
  })

  it("an answered request does not abort its handler's signal", async () => {
    let signal: AbortSignal | undefined
    const served = await serveHandlers(
      [
        http.get("https://api.held.test/v1/fast", ({ request }) => {
          signal = request.signal
          return HttpResponse.json({ ok: true })
        }),
      ],
      { canonicalBase: "https://api.held.test" },
    )
    try {
      const res = await fetch(`${served.url}/v1/fast`)
      expect(await res.json()).toEqual({ ok: true })
      expect(signal?.aborted).toBe(false)
    } finally {
      await served.close()
    }
  })
})
