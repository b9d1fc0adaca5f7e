import { Effect, Redacted } from "effect"
import { describe, expect, it, vi } from "vitest"
import { makeHttpClient } from "../src/adapter/index.js"
import { API_KEY } from "./support/keys.js"

// ky is imported on a client's first request. Here that import fails (as a broken install or a
// chunk a browser could not fetch would): the call fails typed, saying nothing was sent, and fetch
// is never called, so even a paid call may be sent again.
vi.mock("ky", () => {
  throw new Error("Cannot find package 'ky'")
})

describe("HTTP runtime: the transport fails to load", () => {
  it("a paid call fails with VendorUnavailable (not sent), retryable, and nothing is fetched", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const observed: Array<string> = []
    const http = makeHttpClient({
      provider: "acme",
      baseUrl: "https://api.http.test",
      auth: { "x-api-key": Redacted.make(API_KEY) },
      retry: false,
      fetch,
      observer: { onRequest: (event) => observed.push(event.operation) },
    })
    const error = await Effect.runPromise(
      Effect.flip(
        http.request({ operation: "render", method: "POST", path: "/videos", body: {}, spendsCredits: true }),
      ),
    )
    expect(error.provider).toBe("acme")
    expect(error.operation).toBe("render")
    expect(error.reason._tag).toBe("VendorUnavailable")
    expect(error.reason).toMatchObject({ delivery: "not_sent" })
    expect(error.reason.message).toMatch(
      /^could not load the HTTP transport \(ky\) \(.*\); the request was not sent$/,
    )
    expect(error.retryable).toBe(true)
    expect(fetch).not.toHaveBeenCalled()
    expect(observed).toEqual([])
    expect(JSON.stringify(error)).not.toContain(API_KEY)
  })
})
