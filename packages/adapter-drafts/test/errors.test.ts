import { readFileSync } from "node:fs"
import { JobRef } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { API_KEY, BASE, failure, makeProvider, useServer, WEBHOOK_SECRET } from "./support.js"

const { server } = useServer()

const validationError = JSON.parse(
  readFileSync(new URL("./fixtures/validation-error.json", import.meta.url), "utf8"),
) as object

const ref = JobRef.parse("drafts:video:vid-1")

describe("vendor errors -> error reasons", () => {
  it("422 {detail:[{loc,msg,type}]} -> VendorRejected naming the fields", async () => {
    server.use(http.post(`${BASE}/videos`, () => HttpResponse.json(validationError, { status: 422 })))
    const provider = await makeProvider()
    const error = await failure(provider.render!({ template: "d", script: "Hi" }))
    expect(error.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: ["body.scenes[0].transcript: ensure this value has at most 1000 characters"],
    })
    expect(error.message).toContain("body.scenes[0].transcript: ensure this value")
    expect((error.reason as { hint?: string }).hint).toContain("scene count")
    expect(error.status).toBe(422)
  })

  it.each([
    ["401 on a bad key", 401, { detail: "Invalid API key" }, "AuthenticationFailed", false],
    ["403", 403, { detail: "Forbidden" }, "AuthenticationFailed", false],
    ["404 unknown video", 404, { detail: "Not Found" }, "NotFound", false],
    [
      "422 on a malformed id",
      422,
      { detail: [{ loc: ["path", "video_id"], msg: "bad id", type: "x" }] },
      "VendorRejected",
      false,
    ],
    ["429", 429, { detail: "Too many requests" }, "RateLimited", true],
    ["500", 500, { detail: "boom" }, "VendorUnavailable", true],
    ["503", 503, "unavailable", "VendorUnavailable", true],
  ] as const)("getStatus: %s -> %s", async (_name, status, body, tag, retryable) => {
    let calls = 0
    server.use(
      http.get(`${BASE}/videos/vid-1`, () => {
        calls++
        return typeof body === "string"
          ? new HttpResponse(body, { status })
          : HttpResponse.json(body as object, { status, headers: { "retry-after": "0" } })
      }),
    )
    const provider = await makeProvider({ retry: { baseDelay: 1, maxDelay: 1, maxRetries: 1 } })
    const error = await failure(provider.getStatus(ref))
    expect(error.reason._tag).toBe(tag)
    expect(error.retryable).toBe(retryable)
    expect(error.status).toBe(status)
    expect(error.ref).toBe("drafts:video:vid-1")
    expect(calls).toBe(retryable ? 2 : 1)
  })

  it("422 names the vendor field for a bad id", async () => {
    server.use(
      http.get(`${BASE}/videos/vid-1`, () =>
        HttpResponse.json(
          { detail: [{ loc: ["path", "video_id"], msg: "bad id", type: "x" }] },
          { status: 422 },
        ),
      ),
    )
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(ref))
    expect(error.message).toContain("path.video_id: bad id")
  })

  it("a body that is not a video -> UnexpectedResponse naming the path", async () => {
    server.use(http.get(`${BASE}/videos/vid-1`, () => HttpResponse.json({ id: "vid-1", progress: 3 })))
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(ref))
    expect(error.reason).toMatchObject({ _tag: "UnexpectedResponse", path: "status" })
  })

  it("a video id with a lone surrogate (no JobRef can carry it) -> UnexpectedResponse naming id", async () => {
    server.use(
      http.get(`${BASE}/videos/vid-1`, () => HttpResponse.json({ id: "vid-\ud800", status: "ready" })),
    )
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(ref))
    expect(error.reason).toMatchObject({ _tag: "UnexpectedResponse", path: "id" })
  })

  it("credentials never appear in errors, even when the vendor echoes them", async () => {
    server.use(
      http.get(`${BASE}/videos/vid-1`, () =>
        HttpResponse.json({ detail: `bad key ${API_KEY} / ${WEBHOOK_SECRET}` }, { status: 401 }),
      ),
    )
    const provider = await makeProvider()
    const error = await failure(provider.getStatus(ref))
    const text = `${JSON.stringify(error)} ${error.message} ${JSON.stringify(error.reason)}`
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain(WEBHOOK_SECRET)
  })

  it("settings are checked: a missing key names apiKey", () => {
    expect(() => makeProvider({ apiKey: "" })).toThrow(/apiKey/)
  })
})
