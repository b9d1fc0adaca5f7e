import { Duration, Effect, Fiber, Redacted } from "effect"
import { TestClock } from "effect/testing"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { makeHttpClient, makeRateLimiter } from "../src/adapter/index.js"
import { realTicks, useMsw } from "./support/msw.js"

// The client-side rate limit of core's HTTP runtime (`rateLimiter`), on virtual time.

const server = useMsw()
const BASE = "https://api.limited.test"
const settle = () => Effect.promise(() => realTicks(20))

const seen = () => {
  const requests: string[] = []
  server.use(
    http.all(`${BASE}/things`, ({ request }) => {
      requests.push(request.method)
      return HttpResponse.json({ id: requests.length })
    }),
  )
  return requests
}

const client = (limit: number, methods?: ReadonlyArray<"GET" | "POST">) =>
  makeHttpClient({
    provider: "acme",
    baseUrl: BASE,
    auth: { "x-api-key": Redacted.make("limited-key-123") },
    retry: { baseDelay: 1, maxDelay: 1 },
    rateLimiter: makeRateLimiter({ limit, window: "1 minute", methods }),
  })

const call = (http: ReturnType<typeof client>, method: "GET" | "POST") =>
  http.requestBody({
    operation: "render",
    method,
    path: "/things",
    spendsCredits: false,
    schema: z.looseObject({ id: z.number() }),
  })

const onTestClock = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.runPromise(effect.pipe(Effect.provide(TestClock.layer())))

describe("HTTP runtime: client-side rate limit", () => {
  it("sends `limit` requests per window at once and queues the rest until the window moves", async () => {
    const requests = seen()
    const http = client(2)
    const bodies = await onTestClock(
      Effect.gen(function* () {
        const fiber = yield* Effect.forkChild(
          Effect.all([call(http, "POST"), call(http, "POST"), call(http, "POST")], {
            concurrency: "unbounded",
          }),
        )
        yield* settle()
        expect(requests).toHaveLength(2)
        yield* TestClock.adjust(Duration.seconds(59))
        yield* settle()
        expect(requests).toHaveLength(2)
        yield* TestClock.adjust(Duration.seconds(1))
        return yield* Fiber.join(fiber)
      }),
    )
    expect(requests).toHaveLength(3)
    // `requestBody` answers the decoded body alone.
    expect(bodies.map((b) => b.id).sort()).toEqual([1, 2, 3])
  })

  it("counts only the methods it is given", async () => {
    const requests = seen()
    const http = client(1, ["POST"])
    await onTestClock(
      Effect.all(
        Array.from({ length: 5 }, () => call(http, "GET")),
        { concurrency: "unbounded" },
      ),
    )
    expect(requests).toEqual(["GET", "GET", "GET", "GET", "GET"])
  })

  it("takes one permit per call: retries of a call do not wait for another", async () => {
    let answers = 0
    server.use(
      http.post(`${BASE}/things`, () =>
        ++answers === 1
          ? HttpResponse.json({ detail: "busy" }, { status: 503 })
          : HttpResponse.json({ id: answers }),
      ),
    )
    const body = await onTestClock(
      Effect.gen(function* () {
        const fiber = yield* Effect.forkChild(call(client(1), "POST"))
        yield* settle()
        yield* TestClock.adjust(Duration.millis(10))
        yield* settle()
        return yield* Fiber.join(fiber)
      }),
    )
    expect(answers).toBe(2)
    expect(body).toEqual({ id: 2 })
  })
})
