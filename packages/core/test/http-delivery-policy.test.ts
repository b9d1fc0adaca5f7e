import { Duration, Effect, Fiber, Redacted } from "effect"
import { TestClock } from "effect/testing"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { makeHttpClient } from "../src/adapter/index.js"
import { RateLimited, UnexpectedResponse, VendorUnavailable, type VideoError } from "../src/index.js"
import { API_KEY } from "./support/keys.js"
import { realTicks, useMsw } from "./support/msw.js"

// What a failed exchange means for delivery, and how an answer is read (issue 20, mutation
// testing of http/send.ts, http/ambiguous.ts, http/decode.ts): a connection refused before
// sending may be sent again, even when it spends credits; anything after the request may have
// left says so, and a credit-spending call then is sent once and says it may have paid.

const server = useMsw()
const BASE = "https://api.delivery.test"

type Config = Parameters<typeof makeHttpClient>[0]

const client = (overrides: Partial<Config> = {}) =>
  makeHttpClient({
    provider: "acme",
    baseUrl: BASE,
    auth: { "x-api-key": Redacted.make(API_KEY) },
    retry: { baseDelay: 1, maxDelay: 1, maxRetries: 3 },
    ...overrides,
  })

const paid = (c: ReturnType<typeof client>) =>
  c.request({ operation: "render", method: "POST", path: "/things", body: { a: 1 }, spendsCredits: true })
const safe = (c: ReturnType<typeof client>, schema?: z.ZodMiniType<unknown>) =>
  c.request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false, schema })

const failure = (effect: Effect.Effect<unknown, VideoError>) => Effect.runPromise(Effect.flip(effect))

/** A fetch that fails like Node's undici: `TypeError("fetch failed")` whose cause carries the code. */
const failingFetch = (error: () => unknown) => {
  const calls = { n: 0 }
  const fetch = async (): Promise<Response> => {
    calls.n++
    throw error()
  }
  return { calls, fetch }
}

const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause })

const answering = (respond: () => Response) => {
  server.use(http.all(`${BASE}/things`, () => respond()))
}

describe("a connection that fails: sent or not", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"])(
    "%s means nothing was sent: a credit-spending call is retried, and fails not_sent, retryable",
    async (code) => {
      const { calls, fetch } = failingFetch(() => fetchFailed({ code }))
      const error = await failure(paid(client({ fetch })))
      expect(calls.n).toBe(4)
      expect(error.reason).toMatchObject({
        _tag: "VendorUnavailable",
        delivery: "not_sent",
        message: `could not connect to the vendor (${code}); the request was not sent`,
      })
      expect(error.retryable).toBe(true)
    },
  )

  it("a reset after connecting may have arrived: a credit-spending call is sent once and says it may have paid", async () => {
    const { calls, fetch } = failingFetch(() => fetchFailed({ code: "ECONNRESET" }))
    const error = await failure(paid(client({ fetch })))
    expect(calls.n).toBe(1)
    expect(error.reason).toMatchObject({
      _tag: "VendorUnavailable",
      delivery: "ambiguous",
      spendsCredits: true,
      message:
        "the connection failed (ECONNRESET); the request may have reached the vendor and spent credits: look for the job before sending it again",
    })
    expect(error.retryable).toBe(false)
  })

  it("the same reset on a safe call is retried and says only that the request may have arrived", async () => {
    const { calls, fetch } = failingFetch(() => fetchFailed({ code: "ECONNRESET" }))
    const error = await failure(safe(client({ fetch })))
    expect(calls.n).toBe(4)
    expect(error.reason).toMatchObject({
      _tag: "VendorUnavailable",
      delivery: "ambiguous",
      message: "the connection failed (ECONNRESET); the request may have reached the vendor",
    })
    expect(error.reason._tag === "VendorUnavailable" && error.reason.spendsCredits).toBeUndefined()
    expect(error.retryable).toBe(true)
  })

  it("a failure without a code may have arrived; so may one whose cause is null or not an object", async () => {
    for (const thrown of [new TypeError("fetch failed"), fetchFailed(null), "boom", fetchFailed("boom")]) {
      const { calls, fetch } = failingFetch(() => thrown)
      const error = await failure(paid(client({ fetch })))
      expect(calls.n).toBe(1)
      expect(error.reason).toMatchObject({
        _tag: "VendorUnavailable",
        delivery: "ambiguous",
        message:
          "the connection failed; the request may have reached the vendor and spent credits: look for the job before sending it again",
      })
    }
  })

  it("finds the code down the cause chain (five causes deep), skipping a numeric errno", async () => {
    const nested = (depth: number, inner: object): object =>
      depth === 0 ? inner : { message: "wrapped", cause: nested(depth - 1, inner) }
    const deep = failingFetch(() => nested(5, { code: "ECONNREFUSED" }))
    expect((await failure(paid(client({ fetch: deep.fetch, retry: false })))).reason).toMatchObject({
      delivery: "not_sent",
    })
    const numeric = failingFetch(() => fetchFailed({ code: -111, cause: { code: "ECONNREFUSED" } }))
    expect((await failure(paid(client({ fetch: numeric.fetch, retry: false })))).reason).toMatchObject({
      delivery: "not_sent",
      message: "could not connect to the vendor (ECONNREFUSED); the request was not sent",
    })
  })

  it("gives up on a cause chain deeper than six errors: the request may have arrived", async () => {
    const nested = (depth: number, inner: object): object =>
      depth === 0 ? inner : { message: "wrapped", cause: nested(depth - 1, inner) }
    const { calls, fetch } = failingFetch(() => nested(6, { code: "ECONNREFUSED" }))
    const error = await failure(paid(client({ fetch })))
    expect(calls.n).toBe(1)
    expect(error.reason).toMatchObject({ delivery: "ambiguous" })
  })
})

describe("a timeout: what it says", () => {
  const timingOut = (call: (c: ReturnType<typeof client>) => Effect.Effect<unknown, VideoError>) =>
    Effect.gen(function* () {
      server.use(http.all(`${BASE}/things`, () => new Promise<Response>(() => {})))
      const fiber = yield* Effect.forkChild(Effect.flip(call(client({ retry: false, timeout: "2 seconds" }))))
      yield* Effect.promise(() => realTicks())
      yield* TestClock.adjust(Duration.seconds(2))
      return yield* Fiber.join(fiber)
    }).pipe(Effect.provide(TestClock.layer()), Effect.runPromise)

  it("a safe call: no answer within the time, it may have arrived", async () => {
    const error = await timingOut(safe)
    expect(error.reason).toMatchObject({
      _tag: "Timeout",
      message: "no answer within 2s; the request may have reached the vendor",
    })
    expect(error.reason._tag === "Timeout" && Duration.toMillis(error.reason.after)).toBe(2000)
    expect(error.retryable).toBe(true)
  })

  it("a credit-spending call: it may have paid, and it is not retryable", async () => {
    const error = await timingOut(paid)
    expect(error.reason).toMatchObject({
      _tag: "Timeout",
      spendsCredits: true,
      message:
        "no answer within 2s; the request may have reached the vendor and spent credits: look for the job before sending it again",
    })
    expect(error.reason._tag === "Timeout" && Duration.toMillis(error.reason.after)).toBe(2000)
    expect(error.retryable).toBe(false)
  })

  it("a vendor 408 on a credit-spending call keeps the vendor's words and says it may have paid", async () => {
    answering(() => HttpResponse.json({ detail: "took too long" }, { status: 408 }))
    const error = await failure(paid(client()))
    expect(error.reason).toMatchObject({
      _tag: "Timeout",
      spendsCredits: true,
      message:
        "the vendor timed out: took too long; the request may have reached the vendor and spent credits: look for the job before sending it again",
    })
  })

  it("on the real clock, a timeout too long for a timer (over 2^31-1 ms) is no timeout", async () => {
    const fetch = async () => {
      await realTicks(5)
      return Response.json({ ok: true })
    }
    const c = client({ fetch, retry: false, timeout: Duration.millis(2 ** 31) })
    const answer = await Effect.runPromise(safe(c))
    expect(answer.body).toEqual({ ok: true })
  })
})

describe("a 5xx: ambiguous, said once", () => {
  it("a credit-spending call answered 500 says the request may have arrived once, then that it may have paid", async () => {
    answering(() => HttpResponse.json({ message: "boom" }, { status: 500 }))
    const error = await failure(paid(client()))
    expect(error.reason).toMatchObject({
      _tag: "VendorUnavailable",
      delivery: "ambiguous",
      spendsCredits: true,
      message:
        "the vendor failed: boom; the request may have reached the vendor and spent credits: look for the job before sending it again",
    })
  })

  it("a vendor's own ambiguous reason without the words gets them; one that says it paid is left alone", async () => {
    const saying = (message: string) =>
      client({
        retry: false,
        classify: () => new VendorUnavailable({ message, delivery: "ambiguous" }),
      })
    answering(() => HttpResponse.json({ code: 9 }))
    expect((await failure(paid(saying("queue full")))).reason.message).toBe(
      "queue full; the request may have reached the vendor and spent credits: look for the job before sending it again",
    )
    expect((await failure(safe(saying("queue full")))).reason.message).toBe(
      "queue full; the request may have reached the vendor",
    )
    const already =
      "job not confirmed; the request may have reached the vendor and spent credits: ask support"
    expect((await failure(paid(saying(already)))).reason.message).toBe(already)
  })

  it("a vendor reason already marked as spending credits stays marked on a safe call", async () => {
    answering(() => HttpResponse.json({ code: 9 }))
    const c = client({
      retry: false,
      classify: () => new VendorUnavailable({ message: "lost", delivery: "ambiguous", spendsCredits: true }),
    })
    const error = await failure(safe(c))
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", spendsCredits: true })
    expect(error.retryable).toBe(false)
  })
})

describe("reading an answer", () => {
  it.each(["x-request-id", "x-amzn-requestid", "request-id", "x-correlation-id", "cf-ray"])(
    "takes the vendor's request id from %s",
    async (header) => {
      answering(() => HttpResponse.json({ detail: "no" }, { status: 404, headers: { [header]: "rid-1" } }))
      expect((await failure(safe(client()))).requestId).toBe("rid-1")
    },
  )

  it("prefers x-request-id to the other headers, and has none when no header names one", async () => {
    answering(() =>
      HttpResponse.json(
        { detail: "no" },
        { status: 404, headers: { "cf-ray": "ray-1", "x-request-id": "rid-1", "request-id": "r-3" } },
      ),
    )
    expect((await failure(safe(client()))).requestId).toBe("rid-1")
    answering(() => HttpResponse.json({ detail: "no" }, { status: 404 }))
    expect((await failure(safe(client()))).requestId).toBeUndefined()
  })

  it("a vendor's RateLimited without a hint takes the answer's Retry-After; one with a hint keeps its own", async () => {
    answering(() => HttpResponse.json({ code: 7 }, { headers: { "retry-after": "9" } }))
    const without = client({ retry: false, classify: () => new RateLimited({ message: "slow down" }) })
    const error = await failure(safe(without))
    expect(error.reason).toMatchObject({ _tag: "RateLimited", message: "slow down" })
    expect(error.reason._tag === "RateLimited" && Duration.toMillis(error.reason.retryAfter!)).toBe(9000)
    expect(error.status).toBe(200)
    const own = client({
      retry: false,
      classify: () => new RateLimited({ message: "slow down", retryAfter: Duration.seconds(2) }),
    })
    const ownError = await failure(safe(own))
    expect(ownError.reason._tag === "RateLimited" && Duration.toMillis(ownError.reason.retryAfter!)).toBe(
      2000,
    )
  })

  it("a vendor reason is kept as it is when the answer has no Retry-After", async () => {
    answering(() => HttpResponse.json({ code: 7 }))
    const c = client({ retry: false, classify: () => new RateLimited({ message: "slow down" }) })
    const error = await failure(safe(c))
    expect(error.reason).toMatchObject({ _tag: "RateLimited", message: "slow down" })
    expect(error.reason._tag === "RateLimited" && error.reason.retryAfter).toBeUndefined()
  })

  it("without a schema the JSON body is answered as it is; a blank body is undefined", async () => {
    answering(() => HttpResponse.json({ a: [1, 2] }, { status: 201, headers: { "x-request-id": "r-7" } }))
    const answer = await Effect.runPromise(safe(client()))
    expect(answer).toMatchObject({ status: 201, body: { a: [1, 2] }, requestId: "r-7" })
    answering(() => new HttpResponse("  \n", { status: 200 }))
    expect((await Effect.runPromise(safe(client()))).body).toBeUndefined()
  })

  it("a 2xx that is not JSON, with a schema: UnexpectedResponse, accepted, with an excerpt", async () => {
    answering(() => new HttpResponse("<html>ok</html>", { status: 200 }))
    const error = await failure(safe(client(), z.looseObject({ id: z.string() })))
    expect(error.reason).toEqual(
      new UnexpectedResponse({
        message: "the vendor answered with a body that is not JSON",
        path: "",
        excerpt: "<html>ok</html>",
        delivery: "accepted",
      }),
    )
    expect(error.status).toBe(200)
  })

  it("a 2xx of the wrong shape names the path and the problem; at the top level says so", async () => {
    answering(() => HttpResponse.json({ id: 7 }))
    const field = await failure(safe(client(), z.looseObject({ id: z.string() })))
    expect(field.reason).toMatchObject({
      _tag: "UnexpectedResponse",
      message: "the vendor's answer does not match the documented shape at id (invalid_type)",
      path: "id",
      excerpt: '{"id":7}',
      delivery: "accepted",
    })
    answering(() => HttpResponse.json([1]))
    const top = await failure(safe(client(), z.looseObject({ id: z.string() })))
    expect(top.reason).toMatchObject({
      message: "the vendor's answer does not match the documented shape at the top level (invalid_type)",
      path: "",
    })
  })

  it("an excerpt is cut after 200 characters, and a body over 4,096 characters is marked cut", async () => {
    const schema = z.looseObject({ id: z.string() })
    const excerptOf = async (body: string) => {
      answering(() => new HttpResponse(body, { status: 200 }))
      const error = await failure(safe(client(), schema))
      return error.reason._tag === "UnexpectedResponse" ? error.reason.excerpt : undefined
    }
    expect(await excerptOf("a".repeat(200))).toBe("a".repeat(200))
    expect(await excerptOf("a".repeat(201))).toBe(`${"a".repeat(200)}…`)
    // Over 4,096 characters the masked text is cut too; the excerpt says so even when short.
    const long = `{"id": 1, "note": "${"n".repeat(5000)}"}`
    expect(await excerptOf(long)).toBe(`${long.slice(0, 200)}…`)
  })

  it("an excerpt masks a credential-named member; one cut off at 4,096 characters as far as it goes", async () => {
    const schema = z.looseObject({ id: z.string() })
    const excerptOf = async (body: string) => {
      answering(() => new HttpResponse(body, { status: 200 }))
      const error = await failure(safe(client(), schema))
      return error.reason._tag === "UnexpectedResponse" ? error.reason.excerpt : undefined
    }
    expect(await excerptOf('{"id": 1, "api_key": "sk-other-vendor-key-123"}')).toBe(
      '{"id": 1, "api_key": "[REDACTED]"}',
    )
    // The member is cut inside its value: masked, and the excerpt marked as cut though it is short.
    expect(await excerptOf(`{"token": "${"t".repeat(5000)}"}`)).toBe('{"token": "[REDACTED]"…')
    // A body of exactly 4,096 characters is whole: nothing cut, nothing marked.
    const whole = `{"token": "${"t".repeat(4096 - 13)}"}`
    expect(whole).toHaveLength(4096)
    expect(await excerptOf(whole)).toBe('{"token": "[REDACTED]"}')
  })

  it("a body holding the key is masked where it stands, its layout kept; a text with \\u escapes is not JSON", async () => {
    const schema = z.looseObject({ id: z.string() })
    const excerptOf = async (body: string) => {
      answering(() => new HttpResponse(body, { status: 200 }))
      const error = await failure(safe(client(), schema))
      return error.reason._tag === "UnexpectedResponse" ? error.reason.excerpt : undefined
    }
    expect(await excerptOf(`{"id": 5,  "echo": "${API_KEY}"}`)).toBe('{"id": 5,  "echo": "[REDACTED]"}')
    expect(await excerptOf("oops \\u0041 \\n")).toBe("oops \\u0041 \\n")
  })

  it("a shape mismatch in a body holding the key shows the key masked, also when it was escaped", async () => {
    const schema = z.looseObject({ id: z.string() })
    const escaped = API_KEY.replace(/./g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    server.use(
      http.all(
        `${BASE}/things`,
        () =>
          new HttpResponse(`{"id": 5, "echo": "${escaped}"}`, {
            status: 200,
            headers: { "content-type": "application/json" },
          }),
      ),
    )
    const error = await failure(safe(client(), schema))
    expect(error.reason._tag).toBe("UnexpectedResponse")
    const excerpt = error.reason._tag === "UnexpectedResponse" ? error.reason.excerpt : ""
    expect(excerpt).not.toContain(API_KEY)
    expect(excerpt).not.toContain(escaped)
    expect(excerpt).toContain("[REDACTED]")
  })
})
