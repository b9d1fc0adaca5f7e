import { JobRef, type VideoError } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { BASE, failure, makeProvider, useServer } from "./support.js"

// Hour One's error convention, pinned where mutation testing (`pnpm mutate`) found changes no test
// noticed (issue 20): FastAPI's 422 only, each field named, the scene hint when any is about scenes.

const { server } = useServer()

const fails = async (status: number, body: unknown): Promise<VideoError> => {
  server.use(http.get(`${BASE}/videos/vid-1`, () => HttpResponse.json(body as object, { status })))
  const provider = await makeProvider({ retry: false })
  return failure(provider.getStatus(JobRef.parse("drafts:video:vid-1")))
}
const issue = (loc: ReadonlyArray<string | number>, msg: string) => ({ loc, msg, type: "value_error" })

describe("Hour One error mapping, edges", () => {
  it("a 422: Hour One rejected it, each message after its field, a message without a field alone", async () => {
    const error = await fails(422, {
      detail: [issue(["query", "limit"], "too big"), issue([], "bad request")],
    })
    expect(error.reason._tag === "VendorRejected" && error.reason.vendorMessages).toEqual([
      "query.limit: too big",
      "bad request",
    ])
    expect(error.reason.message).toBe("Hour One rejected the request: query.limit: too big; bad request")
    expect(error.reason._tag === "VendorRejected" && error.reason.hint).toBeUndefined()
  })

  it("the scene hint when any issue is about scenes", async () => {
    const error = await fails(422, {
      detail: [issue(["body", "name"], "required"), issue(["body", "scenes", 1], "too many")],
    })
    expect(error.reason._tag === "VendorRejected" && error.reason.hint).toContain('"Copy API curl" button')
  })

  it("a 422 in another shape, or FastAPI's shape on another status, falls back to the HTTP status", async () => {
    const other = await fails(422, { message: "unprocessable" })
    expect(other.reason._tag).toBe("VendorRejected")
    expect(other.reason.message).toContain("unprocessable")
    expect(other.reason.message).not.toContain("Hour One rejected")
    const bad = await fails(400, { detail: [issue(["body", "name"], "required")] })
    expect(bad.reason._tag).toBe("VendorRejected")
    expect(bad.reason.message).not.toContain("Hour One rejected")
  })
})
