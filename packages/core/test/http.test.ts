import { Duration, Effect, Fiber, Redacted } from "effect"
import { TestClock } from "effect/testing"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { isRetryable, makeHttpClient, parseRetryAfter, textExcerpt } from "../src/adapter/index.js"
import { NotFound, type VideoError } from "../src/index.js"
import { API_KEY } from "./support/keys.js"
import { realTicks, useMsw } from "./support/msw.js"

const server = useMsw()
const BASE = "https://api.http.test"

const client = (overrides: Partial<Parameters<typeof makeHttpClient>[0]> = {}) =>
  makeHttpClient({
    provider: "acme",
    baseUrl: BASE,
    auth: { "x-api-key": Redacted.make(API_KEY) },
    retry: { baseDelay: 1, maxDelay: 1, maxRetries: 3 },
    ...overrides,
  })

const counting = (respond: () => Response | Promise<Response>, method: "get" | "post" = "post") => {
  const calls = { n: 0 }
  server.use(
    http[method](`${BASE}/things`, async () => {
      calls.n++
      return respond()
    }),
  )
  return calls
}

const failure = (effect: Effect.Effect<unknown, VideoError>) => Effect.runPromise(Effect.flip(effect))

const post = (spendsCredits: boolean, c = client()) =>
  c.request({ operation: "render", method: "POST", path: "/things", body: { a: 1 }, spendsCredits })

describe("HTTP runtime: vendor answers -> error reasons", () => {
  const table: Array<[number, unknown, string, string]> = [
    [400, ["Failed to scrape url: blocked"], "VendorRejected", "Failed to scrape url: blocked"],
    [401, { detail: "Invalid token." }, "AuthenticationFailed", "Invalid token."],
    [403, { detail: "No API plan" }, "AuthenticationFailed", "No API plan"],
    [402, { message: "no credits" }, "InsufficientCredits", "no credits"],
    [404, { detail: "Not found." }, "NotFound", "Not found."],
    [409, { error: "conflict" }, "VendorRejected", "conflict"],
    [422, { detail: [{ loc: ["body", "name"], msg: "field required" }] }, "VendorRejected", "field required"],
    [429, { msg: "slow down" }, "RateLimited", "slow down"],
    [500, "oops", "VendorUnavailable", "oops"],
    [503, { message: "maintenance" }, "VendorUnavailable", "maintenance"],
  ]
  it.each(table)("HTTP %i -> %s, vendor text kept, request id captured", async (status, body, tag, text) => {
    counting(() =>
      typeof body === "string"
        ? new HttpResponse(body, { status, headers: { "x-request-id": "req-42" } })
        : HttpResponse.json(body as object, { status, headers: { "x-request-id": "req-42" } }),
    )
    const error = await failure(post(true, client({ retry: false })))
    expect(error.reason._tag).toBe(tag)
    expect(error.status).toBe(status)
    expect(error.requestId).toBe("req-42")
    expect(error.message).toContain(text)
  })

  it("a 2xx body the schema rejects is UnexpectedResponse naming the path", async () => {
    server.use(http.get(`${BASE}/things`, () => HttpResponse.json({ data: { items: [{ id: 7 }] } })))
    const schema = z.looseObject({
      data: z.looseObject({ items: z.array(z.looseObject({ id: z.string() })) }),
    })
    const error = await failure(
      client().request({
        operation: "getStatus",
        method: "GET",
        path: "/things",
        spendsCredits: false,
        schema,
      }),
    )
    expect(error.reason._tag).toBe("UnexpectedResponse")
    expect(error.reason._tag === "UnexpectedResponse" && error.reason.path).toBe("data.items[0].id")
  })

  it("a vendor classifier can fail an HTTP 200 envelope, and its request id is captured", async () => {
    server.use(
      http.get(`${BASE}/things`, () =>
        HttpResponse.json({ code: 10104, msg: "Record not found", rid: "r-9" }),
      ),
    )
    const c = client({
      classify: (info) => {
        const body = info.json as { code?: number; msg?: string }
        return body.code === 10104 ? new NotFound({ message: body.msg ?? "" }) : undefined
      },
      requestId: (info) => (info.json as { rid?: string }).rid,
    })
    const error = await failure(
      c.request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    expect(error.reason).toMatchObject({ _tag: "NotFound", message: "Record not found" })
    expect(error.status).toBe(200)
    expect(error.requestId).toBe("r-9")
  })
})

describe("HTTP runtime: retries and credit safety", () => {
  it("retries a safe call on 5xx and stops at the bound", async () => {
    const calls = counting(() => HttpResponse.json({}, { status: 502 }), "get")
    const error = await failure(
      client().request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    expect(error.reason._tag).toBe("VendorUnavailable")
    expect(calls.n).toBe(4)
  })

  it("sends a credit-spending call exactly once after a 500 that arrived after the send", async () => {
    const calls = counting(() => HttpResponse.json({ detail: "boom" }, { status: 500 }))
    const error = await failure(post(true))
    expect(error.reason._tag).toBe("VendorUnavailable")
    // It may have been charged: an app retrying on the flag would pay twice (was `true`).
    expect(error.retryable).toBe(false)
    expect(error.message).toMatch(/may have reached the vendor/)
    expect(calls.n).toBe(1)
  })

  it("sends a credit-spending call exactly once when the connection resets after the send", async () => {
    const calls = counting(() => HttpResponse.error())
    const error = await failure(post(true))
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
    expect(calls.n).toBe(1)
  })

  it("sends a credit-spending call exactly once when it times out (virtual time)", async () => {
    const calls = counting(() => new Promise<Response>(() => {}))
    const program = Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(Effect.flip(post(true, client({ timeout: Duration.seconds(5) }))))
      yield* Effect.promise(() => realTicks())
      yield* TestClock.adjust(Duration.seconds(5))
      const error = yield* Fiber.join(fiber)
      yield* TestClock.adjust(Duration.minutes(1))
      yield* Effect.promise(() => realTicks())
      return error
    })
    const error = await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
    expect(error.reason._tag).toBe("Timeout")
    expect(error.message).toContain("may have reached the vendor")
    expect(calls.n).toBe(1)
  })

  it("retries a safe call after a timeout", async () => {
    let n = 0
    counting(() => (++n === 1 ? new Promise<Response>(() => {}) : HttpResponse.json({ ok: 1 })), "get")
    const program = Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(
        client({ timeout: Duration.seconds(5) }).request({
          operation: "getStatus",
          method: "GET",
          path: "/things",
          spendsCredits: false,
        }),
      )
      yield* Effect.promise(() => realTicks())
      yield* TestClock.adjust(Duration.seconds(6))
      yield* Effect.promise(() => realTicks())
      return yield* Fiber.join(fiber)
    })
    const res = await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
    expect(res.body).toEqual({ ok: 1 })
    expect(n).toBe(2)
  })

  it("retries a credit-spending call when the connection was refused (nothing was sent)", async () => {
    let attempts = 0
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })
    const c = client({
      fetch: async () => {
        attempts++
        if (attempts < 3) throw refused
        return Response.json({ ok: true })
      },
    })
    const res = await Effect.runPromise(post(true, c))
    expect(res.body).toEqual({ ok: true })
    expect(attempts).toBe(3)
  })

  it("retries 429 for credit-spending calls, because the vendor did not act", async () => {
    let n = 0
    counting(() => (++n === 1 ? HttpResponse.json({}, { status: 429 }) : HttpResponse.json({ id: "x" })))
    await Effect.runPromise(post(true))
    expect(n).toBe(2)
  })

  it("classifies which reasons may be retried", () => {
    const error = (tag: string, extra = {}) =>
      ({ _tag: tag, retryable: true, message: "", ...extra }) as never
    expect(isRetryable(error("VendorUnavailable", { delivery: "ambiguous" }), true)).toBe(false)
    expect(isRetryable(error("VendorUnavailable", { delivery: "not_sent" }), true)).toBe(true)
    expect(isRetryable(error("Timeout"), true)).toBe(false)
    expect(isRetryable(error("Timeout"), false)).toBe(true)
  })
})

describe("HTTP runtime: Retry-After (virtual time)", () => {
  const run = async (header: string, waitMs: number) => {
    const calls = counting(() =>
      calls.n === 1
        ? HttpResponse.json({}, { status: 429, headers: { "retry-after": header } })
        : HttpResponse.json({}),
    )
    const program = Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(post(true, client({ retry: { baseDelay: 1, maxDelay: 1 } })))
      yield* Effect.promise(() => realTicks())
      expect(calls.n).toBe(1)
      yield* TestClock.adjust(Duration.millis(waitMs - 10))
      yield* Effect.promise(() => realTicks())
      expect(calls.n).toBe(1)
      yield* TestClock.adjust(Duration.millis(20))
      yield* Effect.promise(() => realTicks())
      yield* Fiber.join(fiber)
      expect(calls.n).toBe(2)
    })
    await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
  }
  it("honours delay-seconds", () => run("3", 3000))
  it("honours an HTTP date (relative to the clock)", () => run(new Date(4000).toUTCString(), 4000))

  it("parses both forms and ignores garbage", () => {
    expect(Duration.toMillis(parseRetryAfter("120", 0)!)).toBe(120_000)
    expect(Duration.toMillis(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 4000)!)).toBe(6000)
    expect(Duration.toMillis(parseRetryAfter("Thu, 01 Jan 1970 00:00:01 GMT", 4000)!)).toBe(0)
    expect(parseRetryAfter("soon", 0)).toBeUndefined()
  })

  it("does not wait for a Retry-After longer than the cap; fails RateLimited with the hint", async () => {
    const calls = counting(() => HttpResponse.json({}, { status: 429, headers: { "retry-after": "3600" } }))
    const error = await failure(post(false))
    expect(error.reason._tag).toBe("RateLimited")
    expect(error.reason._tag === "RateLimited" && Duration.toMillis(error.reason.retryAfter!)).toBe(3_600_000)
    expect(calls.n).toBe(1)
  })
})

describe("HTTP runtime: cancellation and secrets", () => {
  it("interruption aborts the in-flight request", async () => {
    let aborted = false
    let seen = false
    server.use(
      http.get(`${BASE}/things`, ({ request }) => {
        seen = true
        request.signal.addEventListener("abort", () => {
          aborted = true
        })
        return new Promise<Response>(() => {})
      }),
    )
    const fiber = Effect.runFork(
      client().request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    while (!seen) await realTicks(1)
    await Effect.runPromise(Fiber.interrupt(fiber))
    await realTicks()
    expect(aborted).toBe(true)
  })

  // On the real clock the timeout is one plain timer rather than a race of fibers; it must
  // behave as the virtual-time path above does (a 15 ms real timeout keeps this fast).
  it("on the real clock, a timeout aborts the request and a credit-spending call is sent once", async () => {
    let aborted = false
    const calls = { n: 0 }
    server.use(
      http.post(`${BASE}/things`, ({ request }) => {
        calls.n++
        request.signal.addEventListener("abort", () => {
          aborted = true
        })
        return new Promise<Response>(() => {})
      }),
    )
    const error = await failure(post(true, client({ timeout: Duration.millis(15) })))
    expect(error.reason._tag).toBe("Timeout")
    expect(error.message).toContain("no answer within 15ms")
    await realTicks()
    expect(aborted).toBe(true)
    expect(calls.n).toBe(1)
  })

  it("on the real clock, a safe call that timed out is retried and succeeds", async () => {
    let n = 0
    counting(() => (++n === 1 ? new Promise<Response>(() => {}) : HttpResponse.json({ ok: 1 })), "get")
    const res = await Effect.runPromise(
      client({ timeout: Duration.millis(15) }).request({
        operation: "getStatus",
        method: "GET",
        path: "/things",
        spendsCredits: false,
      }),
    )
    expect(res.body).toEqual({ ok: 1 })
    expect(n).toBe(2)
  })

  it("credentials never appear in an error's message, JSON or excerpt, even when the vendor echoes them", async () => {
    server.use(
      http.post(`${BASE}/things`, ({ request }) =>
        HttpResponse.json({ detail: `bad key ${request.headers.get("x-api-key")}` }, { status: 401 }),
      ),
      http.get(`${BASE}/things`, ({ request }) =>
        HttpResponse.json({ echo: request.headers.get("x-api-key") }),
      ),
    )
    const error = await failure(post(true))
    const schemaError = await failure(
      client().request({
        operation: "getStatus",
        method: "GET",
        path: "/things",
        spendsCredits: false,
        schema: z.looseObject({ missing: z.string() }),
      }),
    )
    const ok = await Effect.runPromise(
      client().request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    for (const text of [
      error.message,
      JSON.stringify(error),
      String(error),
      schemaError.message,
      JSON.stringify(schemaError),
      JSON.stringify(ok.body),
    ]) {
      expect(text).not.toContain(API_KEY)
    }
    expect(JSON.stringify(ok.body)).toContain("[REDACTED]")
  })
})

describe("HTTP runtime: request paths", () => {
  it.each(["/things/../admin", "/things/./x", "/things/%2E%2e/", "/things/.%2e", "/things//x"])(
    "refuses %s as InvalidInput before sending",
    async (path) => {
      const calls = { n: 0 }
      const fetch = (async () => {
        calls.n++
        return Response.json({})
      }) as typeof globalThis.fetch
      const error = await failure(
        client({ fetch }).request({ operation: "getStatus", method: "GET", path, spendsCredits: false }),
      )
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain("nothing was sent")
      expect(calls.n).toBe(0)
    },
  )

  it("sends ordinary paths, a trailing slash included", async () => {
    const paths: string[] = []
    const fetch = (async (input: RequestInfo | URL) => {
      paths.push(new URL(input instanceof Request ? input.url : String(input)).pathname)
      return Response.json({})
    }) as typeof globalThis.fetch
    for (const path of ["/api/links/", "things", "/a.b/..c/%2e%2ex"]) {
      await Effect.runPromise(
        client({ fetch }).request({ operation: "x", method: "GET", path, spendsCredits: false }),
      )
    }
    expect(paths).toEqual(["/api/links/", "/things", "/a.b/..c/%2e%2ex"])
  })
})

describe("HTTP runtime: where the key may go", () => {
  const okFetch = (calls: { n: number }) =>
    (async () => {
      calls.n++
      return Response.json({})
    }) as typeof globalThis.fetch

  it.each(["http://api.http.test", "ftp://api.http.test"])(
    "a base URL %s fails every call InvalidInput naming baseUrl, nothing sent",
    async (baseUrl) => {
      const calls = { n: 0 }
      const error = await failure(
        client({ baseUrl, fetch: okFetch(calls) }).request({
          operation: "getStatus",
          method: "GET",
          path: "/things",
          spendsCredits: false,
        }),
      )
      expect(error.reason._tag === "InvalidInput" && error.reason.issues[0]?.path).toBe("baseUrl")
      expect(calls.n).toBe(0)
    },
  )

  it("asks fetch not to follow redirects, and refuses an answer a custom fetch followed anyway", async () => {
    const modes: Array<RequestRedirect | undefined> = []
    const following = (async (input: RequestInfo | URL, init?: RequestInit) => {
      modes.push(input instanceof Request ? input.redirect : init?.redirect)
      const response = Response.json({ ok: true })
      Object.defineProperty(response, "redirected", { value: true })
      Object.defineProperty(response, "url", { value: "https://collector.test/steal?key=1" })
      return response
    }) as typeof globalThis.fetch
    const error = await failure(
      client({ fetch: following }).request({
        operation: "getStatus",
        method: "GET",
        path: "/x",
        spendsCredits: false,
      }),
    )
    expect(modes).toEqual(["manual"])
    expect(error.reason._tag).toBe("UnexpectedResponse")
    expect(error.message).toContain("collector.test")
    expect(error.message).not.toContain("key=1")
  })
})

describe("textExcerpt", () => {
  it("reduces an HTML page to its words, cut to 200 characters", () => {
    const page = `<html><head><title>503 Service Unavailable</title><style>p{x:y}</style><script>var k="${"s".repeat(999)}"</script></head><body><!-- note --><h1>Down &amp; out</h1>${"<p>more</p>".repeat(100)}</body></html>`
    const excerpt = textExcerpt(page)
    expect(excerpt.startsWith("503 Service Unavailable Down & out more more")).toBe(true)
    expect(excerpt).not.toMatch(/[<>]|sss|p\{x/)
    expect(excerpt.length).toBeLessThanOrEqual(201)
  })
  it("keeps plain text, whitespace collapsed", () => {
    expect(textExcerpt("  upstream\n timed   out ")).toBe("upstream timed out")
    expect(textExcerpt("a < b and c > d")).toBe("a < b and c > d")
  })
})
