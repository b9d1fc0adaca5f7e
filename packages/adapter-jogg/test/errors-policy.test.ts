import type { VideoError } from "@vidbridge/core"
import { Duration } from "effect"
import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { client, rejection, route, useMsw } from "./support.js"

// JoggAI's envelope codes, pinned where mutation testing (`pnpm mutate`) found changes no test
// noticed (issue 20): codes as strings, what each message adds, blank messages, Retry-After hints,
// unknown codes by HTTP status, and the request id.

const server = useMsw()

const fails = async (body: unknown, status = 200, headers: Record<string, string> = {}) => {
  route(server, "get", "/v2/product_video/pv_1", () => HttpResponse.json(body as object, { status, headers }))
  return (await rejection(client({ retry: false }).getStatus("jogg:product_video:pv_1"))) as VideoError & {
    reason: {
      _tag: string
      message: string
      retryAfter?: Duration.Duration
      delivery?: string
      hint?: string
    }
  }
}

describe("JoggAI envelope errors, edges", () => {
  it.each([
    [10104, "NotFound", "JoggAI answered code 10104: Record not found; check the id"],
    [10105, "AuthenticationFailed", "JoggAI answered code 10105: Record not found; check JOGG_API_KEY"],
    [
      18020,
      "InsufficientCredits",
      "JoggAI answered code 18020: Record not found; top up credits at app.jogg.ai",
    ],
    [
      18025,
      "AuthenticationFailed",
      "JoggAI answered code 18025: Record not found; the plan has no API access",
    ],
  ])("code %i, even as a string, is %s saying what to check", async (code, tag, message) => {
    for (const sent of [code, String(code)]) {
      const error = await fails({ code: sent, msg: " Record not found ", data: null })
      expect(error.reason._tag).toBe(tag)
      expect(error.reason.message).toBe(message)
    }
  })

  it("a body that is null, or a list, is no envelope: the HTTP status decides", async () => {
    expect((await fails(null, 404)).reason._tag).toBe("NotFound")
    expect((await fails([{ code: 10105 }], 404)).reason._tag).toBe("NotFound")
  })

  it("a code that is not a number is no envelope: the HTTP status decides", async () => {
    for (const code of ["x10104", "10104x", ""]) {
      const error = await fails({ code, msg: "nope", data: null }, 404)
      expect(error.reason._tag).toBe("NotFound")
      expect(error.reason.message).not.toContain("JoggAI answered")
    }
  })

  it("a blank message, or one that is not text, names the code", async () => {
    const number = await fails({ code: 40000, msg: 42, data: null })
    expect(number.reason.message).toBe("JoggAI answered code 40000: error code 40000")
    const error = await fails({ code: 40000, msg: "  ", data: null })
    expect(error.reason.message).toBe("JoggAI answered code 40000: error code 40000")
    expect(error.reason.hint).toBeUndefined()
  })

  it("an unknown code is VendorUnavailable on a 5xx, VendorRejected otherwise", async () => {
    const down = await fails({ code: 40500, msg: "busy", data: null }, 500)
    expect(down.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
    const rejected = await fails({ code: 40500, msg: "busy", data: null }, 499)
    expect(rejected.reason._tag).toBe("VendorRejected")
  })

  it("429 takes its wait from the body, then data, then the header; never a negative one", async () => {
    const wait = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const error = await fails({ code: 429, msg: "slow down", data: null, ...body }, 200, headers)
      expect(error.reason._tag).toBe("RateLimited")
      return error.reason.retryAfter === undefined ? undefined : Duration.toMillis(error.reason.retryAfter)
    }
    expect(await wait({ retryAfter: 7 })).toBe(7000)
    expect(await wait({ data: { retryAfter: 0 } })).toBe(0)
    expect(await wait({ retryAfter: -1 }, { "retry-after": "3" })).toBe(3000)
    expect(await wait({ retryAfter: "9" })).toBeUndefined()
  })

  it("the request id is the envelope's rid, or the header's when rid is empty", async () => {
    const withRid = await fails({ code: 40000, msg: "bad", data: null, rid: "rid-1" }, 200, {
      "x-request-id": "h-1",
    })
    expect(withRid.requestId).toBe("rid-1")
    const empty = await fails({ code: 40000, msg: "bad", data: null, rid: "" }, 200, {
      "x-request-id": "h-1",
    })
    expect(empty.requestId).toBe("h-1")
    // A rid that is not text is not an id: the header's stands.
    const numeric = await fails({ code: 40000, msg: "bad", data: null, rid: 42 }, 200, {
      "x-request-id": "h-1",
    })
    expect(numeric.requestId).toBe("h-1")
  })
})
