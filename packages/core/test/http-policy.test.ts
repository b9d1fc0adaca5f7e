import { Duration, Effect, Fiber, Redacted } from "effect"
import { TestClock } from "effect/testing"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import {
  classifyStatus,
  makeHttpClient,
  parseRetryAfter,
  textExcerpt,
  vendorMessages,
} from "../src/adapter/index.js"
import type { VideoError } from "../src/index.js"
import { API_KEY } from "./support/keys.js"
import { realTicks, useMsw } from "./support/msw.js"

// The retry and classification policy, pinned where mutation testing (`pnpm mutate`) found
// changes no test noticed (issue 20): the backoff cap, which answers are retried for which
// calls, 408, a 5xx that carries `Retry-After`, and how vendor messages are read.

const server = useMsw()
const BASE = "https://api.policy.test"

const client = (retry: Parameters<typeof makeHttpClient>[0]["retry"] = { baseDelay: 1, maxDelay: 1 }) =>
  makeHttpClient({ provider: "acme", baseUrl: BASE, auth: { "x-api-key": Redacted.make(API_KEY) }, retry })

const answering = (respond: (n: number) => Response) => {
  const calls = { n: 0 }
  server.use(http.all(`${BASE}/things`, () => respond(++calls.n)))
  return calls
}

const call = (spendsCredits: boolean, c = client()) =>
  c.request({
    operation: spendsCredits ? "render" : "getStatus",
    method: spendsCredits ? "POST" : "GET",
    path: "/things",
    spendsCredits,
  })

const failure = (effect: Effect.Effect<unknown, VideoError>) => Effect.runPromise(Effect.flip(effect))

describe("HTTP policy: which answers are sent again", () => {
  it("a credit-spending call answered 503 with Retry-After is sent once: VendorUnavailable, ambiguous", async () => {
    const calls = answering(() =>
      HttpResponse.json({ message: "busy" }, { status: 503, headers: { "retry-after": "1" } }),
    )
    const error = await failure(call(true))
    expect(calls.n).toBe(1)
    expect(error.reason).toMatchObject({
      _tag: "VendorUnavailable",
      delivery: "ambiguous",
      spendsCredits: true,
    })
    expect(error.retryable).toBe(false)
    expect(error.message).toContain("spent credits")
  })

  it("a safe call answered 503 with Retry-After is retried as VendorUnavailable, not RateLimited", async () => {
    const calls = answering(() => HttpResponse.json({}, { status: 503, headers: { "retry-after": "0" } }))
    const error = await failure(call(false))
    expect(calls.n).toBe(4)
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
    expect(error.retryable).toBe(true)
  })

  it.each([
    [400, "VendorRejected"],
    [401, "AuthenticationFailed"],
    [402, "InsufficientCredits"],
    [403, "AuthenticationFailed"],
    [404, "NotFound"],
    [422, "VendorRejected"],
  ])("a safe call answered %i is sent once, retries on (%s)", async (status, tag) => {
    const calls = answering(() => HttpResponse.json({ detail: "no" }, { status }))
    const error = await failure(call(false))
    expect(error.reason._tag).toBe(tag)
    expect(calls.n).toBe(1)
  })

  it("408 is Timeout: a safe call is retried, a credit-spending one is sent once and says it may have paid", async () => {
    const safe = answering(() => HttpResponse.json({ detail: "request timeout" }, { status: 408 }))
    const safeError = await failure(call(false))
    expect(safeError.reason._tag).toBe("Timeout")
    expect(safeError.message).toContain("request timeout")
    expect(safe.n).toBe(4)

    const paid = answering(() => HttpResponse.json({ detail: "request timeout" }, { status: 408 }))
    const paidError = await failure(call(true))
    expect(paidError.reason).toMatchObject({ _tag: "Timeout", spendsCredits: true })
    expect(paidError.retryable).toBe(false)
    expect(paid.n).toBe(1)
  })

  it("a RateLimited reason keeps the Retry-After hint of its answer", async () => {
    answering(() => HttpResponse.json({}, { status: 429, headers: { "retry-after": "7" } }))
    const error = await failure(call(false, client(false)))
    expect(error.reason._tag === "RateLimited" && Duration.toMillis(error.reason.retryAfter!)).toBe(7000)
  })
})

describe("HTTP policy: the backoff cap (virtual time)", () => {
  it("base 1 s, cap 2 s: delays grow, never past the cap; the 4th attempt arrives by 6 s", async () => {
    const calls = answering(() => HttpResponse.json({}, { status: 502 }))
    const at: number[] = [] // virtual milliseconds of each attempt seen
    const step = 50
    const program = Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(
        Effect.flip(call(false, client({ baseDelay: "1 second", maxDelay: "2 seconds", maxRetries: 3 }))),
      )
      for (let now = 0; now <= 8000; now += step) {
        yield* Effect.promise(() => realTicks(2))
        while (at.length < calls.n) at.push(now)
        if (calls.n === 4) break
        yield* TestClock.adjust(Duration.millis(step))
      }
      return yield* Fiber.join(fiber)
    })
    const error = await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
    expect(error.reason._tag).toBe("VendorUnavailable")
    expect(calls.n).toBe(4)
    const gaps = at.slice(1).map((t, i) => t - at[i]!)
    // Jittered 80%..120%: ~1 s, then ~2 s (capped), then 2 s (capped; 4 s without the cap).
    expect(gaps[0]).toBeGreaterThanOrEqual(800 - step)
    expect(gaps[0]).toBeLessThanOrEqual(1200 + step)
    expect(gaps[1]).toBeGreaterThanOrEqual(1600 - step)
    expect(gaps[1]).toBeLessThanOrEqual(2000 + step)
    expect(gaps[2]).toBeGreaterThanOrEqual(2000 - step)
    expect(gaps[2]).toBeLessThanOrEqual(2000 + step)
    expect(at[3]).toBeLessThanOrEqual(6000)
  })
})

describe("parseRetryAfter", () => {
  it("reads delay-seconds, trimmed, with a fraction", () => {
    expect(Duration.toMillis(parseRetryAfter(" 3 ", 0)!)).toBe(3000)
    expect(Duration.toMillis(parseRetryAfter("1.25", 0)!)).toBe(1250)
  })
  it("ignores nothing, blanks, negative or malformed numbers and dates that are not HTTP dates", () => {
    for (const value of [null, undefined, "", "   ", "x3", "3x", "1.x", "1.", "-5", "2026-01-01"]) {
      expect(parseRetryAfter(value, 0), JSON.stringify(value)).toBeUndefined()
    }
  })
})

describe("vendorMessages", () => {
  const messages = (json: unknown, text = "") => vendorMessages({ json, text })
  it("reads every conventional field, in order", () => {
    expect(
      messages({ non_field_errors: ["f"], errors: ["e"], error: "d", msg: "c", message: "b", detail: "a" }),
    ).toEqual(["a", "b", "c", "d", "e", "f"])
  })
  it("reads a bare array, skipping blank strings", () => {
    expect(messages(["  ", "x", ["y"]])).toEqual(["x", "y"])
  })
  it("falls back to field names and their messages when no conventional field says anything", () => {
    expect(messages({ code: 12, name: ["required"], age: "too young" })).toEqual([
      "name: required",
      "age: too young",
    ])
    expect(messages({ detail: 3 }, "plain")).toEqual(["plain"])
    expect(messages({ detail: null, note: "x" })).toEqual(["note: x"])
  })
  it("goes three levels down and no further, and keeps at most 10", () => {
    expect(messages({ detail: { detail: { detail: "deep" } } })).toEqual(["deep"])
    expect(messages({ detail: { detail: { detail: { detail: "too deep" } } } })).toEqual([])
    expect(messages(Array.from({ length: 15 }, (_, i) => `m${i}`))).toHaveLength(10)
    expect(messages([[["three"]]])).toEqual(["three"])
    expect(messages([[[["four"]]]])).toEqual([])
  })
  it("a body with nothing to say gives no message", () => {
    expect(messages(undefined, " \n ")).toEqual([])
  })
})

describe("textExcerpt edges", () => {
  it("cuts after 200 characters, not at 200", () => {
    expect(textExcerpt("y".repeat(200))).toBe("y".repeat(200))
    expect(textExcerpt("y".repeat(201))).toBe(`${"y".repeat(200)}…`)
  })
  it("strips tags with attributes and one-letter tags", () => {
    expect(textExcerpt("a<b>c&amp;d")).toBe("a c&d")
    expect(textExcerpt('<p class="x">Hi</p> &amp; bye')).toBe("Hi & bye")
  })
  it("drops an unclosed script to the end", () => {
    expect(textExcerpt("Hello <script>var x = 1")).toBe("Hello")
  })
  it("drops whole comments, a > inside included, closed or not, and a tag cut off at the end", () => {
    expect(textExcerpt("<p>a<!-- x > y -->b</p>")).toBe("a b")
    expect(textExcerpt("<p>a</p><!-- x > y")).toBe("a")
    expect(textExcerpt("<p>a</p> <b")).toBe("a")
  })
  it("looks for markup in the first 20,000 characters only", () => {
    expect(textExcerpt(`Tom &amp; Jerry ${"x".repeat(20_000)}<b>`).startsWith("Tom &amp; Jerry")).toBe(true)
  })
})

describe("classifyStatus messages", () => {
  const info = (status: number, json: unknown, text = "") => ({
    operation: "render",
    path: "/things",
    status,
    headers: new Headers(),
    json,
    text,
  })
  it("says nothing more when the vendor said nothing, and joins what it said", () => {
    expect(classifyStatus(info(404, undefined)).message).toBe("not found")
    expect(classifyStatus(info(404, ["a", "b"])).message).toBe("not found: a; b")
  })
  it("408 is a Timeout", () => {
    expect(classifyStatus(info(408, undefined))._tag).toBe("Timeout")
  })
})

describe("HTTP runtime: what it sends and reports", () => {
  it("tells an observer about every attempt: numbered, the path redacted, the answer and its time", async () => {
    answering((n) => (n < 3 ? HttpResponse.json({}, { status: 502 }) : HttpResponse.json({ ok: true })))
    const requests: unknown[] = []
    const responses: Array<{ attempt: number; status: number | undefined; millis: number }> = []
    const c = makeHttpClient({
      provider: "acme",
      baseUrl: BASE,
      auth: { "x-api-key": Redacted.make(API_KEY) },
      retry: { baseDelay: 1, maxDelay: 1 },
      observer: {
        onRequest: (event) => requests.push(event),
        onResponse: ({ attempt, status, millis }) => responses.push({ attempt, status, millis }),
      },
    })
    await Effect.runPromise(
      c.request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    expect(requests).toEqual(
      [1, 2, 3].map((attempt) => ({
        provider: "acme",
        operation: "getStatus",
        method: "GET",
        path: "/things",
        attempt,
      })),
    )
    expect(responses.map(({ attempt, status }) => [attempt, status])).toEqual([
      [1, 502],
      [2, 502],
      [3, 200],
    ])
    for (const { millis } of responses) {
      expect(millis).toBeGreaterThanOrEqual(0)
      expect(millis).toBeLessThan(60_000)
    }
  })

  it("an observer may listen to requests only, or to answers only", async () => {
    answering(() => HttpResponse.json({ ok: true }))
    const only = (observer: Parameters<typeof makeHttpClient>[0]["observer"]) =>
      makeHttpClient({
        provider: "acme",
        baseUrl: BASE,
        auth: { "x-api-key": Redacted.make(API_KEY) },
        observer,
      })
    const seen: string[] = []
    await Effect.runPromise(call(false, only({ onRequest: () => void seen.push("request") })))
    await Effect.runPromise(call(false, only({ onResponse: () => void seen.push("response") })))
    expect(seen).toEqual(["request", "response"])
  })

  it("reports a failed exchange with no status, and a key in the path redacted", async () => {
    const responses: Array<number | undefined> = []
    const paths: string[] = []
    const c = makeHttpClient({
      provider: "acme",
      baseUrl: BASE,
      auth: { "x-api-key": Redacted.make(API_KEY) },
      retry: false,
      fetch: async () => {
        throw new TypeError("fetch failed")
      },
      observer: {
        onRequest: (e) => void paths.push(e.path),
        onResponse: (e) => void responses.push(e.status),
      },
    })
    await failure(
      c.request({ operation: "getStatus", method: "GET", path: `/things/${API_KEY}`, spendsCredits: false }),
    )
    expect(responses).toEqual([undefined])
    expect(paths[0]).not.toContain(API_KEY)
  })

  it("sends accept: application/json, the auth header, and the path below a base URL with a path", async () => {
    let seen: Request | undefined
    server.use(
      http.get(`${BASE}/v1/things`, ({ request }) => {
        seen = request
        return HttpResponse.json({})
      }),
    )
    const c = makeHttpClient({
      provider: "acme",
      baseUrl: `${BASE}/v1/`,
      auth: { "x-api-key": Redacted.make(API_KEY) },
    })
    await Effect.runPromise(
      c.request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    expect(seen?.headers.get("accept")).toBe("application/json")
    expect(seen?.headers.get("x-api-key")).toBe(API_KEY)
  })

  it("redacts the extra secrets it was given from vendor text", async () => {
    answering(() => HttpResponse.json({ detail: "bad signing secret whsec-extra-123" }, { status: 400 }))
    const c = makeHttpClient({
      provider: "acme",
      baseUrl: BASE,
      auth: { "x-api-key": Redacted.make(API_KEY) },
      secrets: [Redacted.make("whsec-extra-123")],
      retry: false,
    })
    const error = await failure(call(false, c))
    expect(error.message).not.toContain("whsec-extra-123")
    expect(error.message).toContain("bad signing secret")
  })

  it("a request's own timeout overrides the client's (virtual time)", async () => {
    answering(() => new Promise<Response>(() => {}) as never)
    const program = Effect.gen(function* () {
      const c = makeHttpClient({
        provider: "acme",
        baseUrl: BASE,
        auth: { "x-api-key": Redacted.make(API_KEY) },
        retry: false,
        timeout: "30 seconds",
      })
      const fiber = yield* Effect.forkChild(
        Effect.flip(
          c.request({
            operation: "getStatus",
            method: "GET",
            path: "/things",
            spendsCredits: false,
            timeout: "2 seconds",
          }),
        ),
      )
      yield* Effect.promise(() => realTicks())
      yield* TestClock.adjust(Duration.seconds(3))
      yield* Effect.promise(() => realTicks())
      const error = fiber.pollUnsafe()
      yield* Fiber.interrupt(fiber)
      return error
    })
    const exit = await Effect.runPromise(program.pipe(Effect.provide(TestClock.layer())))
    expect(exit?._tag).toBe("Success")
    const error = exit?._tag === "Success" ? exit.value : undefined
    expect(error?.reason._tag === "Timeout" && Duration.toMillis(error.reason.after)).toBe(2000)
  })

  it("a redirect is refused with its status; an opaque one without", async () => {
    const redirecting = (status: number, type?: ResponseType) =>
      makeHttpClient({
        provider: "acme",
        baseUrl: BASE,
        auth: { "x-api-key": Redacted.make(API_KEY) },
        retry: false,
        fetch: async () => {
          const response = new Response(null, {
            status: 302,
            headers: { location: "https://elsewhere.test/x" },
          })
          if (type !== undefined) {
            Object.defineProperty(response, "type", { value: type })
            Object.defineProperty(response, "status", { value: status })
          }
          return response
        },
      })
    const plain = await failure(call(false, redirecting(302)))
    expect(plain.reason._tag).toBe("UnexpectedResponse")
    expect(plain.status).toBe(302)
    const opaque = await failure(call(false, redirecting(0, "opaqueredirect")))
    expect(opaque.reason._tag).toBe("UnexpectedResponse")
    expect(opaque.status).toBeUndefined()
  })

  it("a path that would climb out of the API is InvalidInput naming path, and nothing is sent", async () => {
    const calls = answering(() => HttpResponse.json({}))
    const error = await failure(
      client().request({ operation: "getStatus", method: "GET", path: "/things/..", spendsCredits: false }),
    )
    expect(error.reason._tag === "InvalidInput" && error.reason.issues[0]?.path).toBe("path")
    expect(calls.n).toBe(0)
  })
})
