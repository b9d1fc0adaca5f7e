import { JobRef } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { BASE, failure, linkToVideo, makeProvider, run, useServer } from "./support.js"

const { server } = useServer()

const getFails = async (answer: () => Response) => {
  server.use(http.get(`${BASE}/api/link_to_videos/ltv-1/`, answer))
  const provider = await makeProvider({ retry: false })
  return failure(provider.getStatus(JobRef.parse("creatify:link_to_video:ltv-1")))
}

describe("error mapping", () => {
  it.each([
    [401, { detail: "Invalid API key." }, "AuthenticationFailed"],
    [403, { detail: "You do not have permission." }, "AuthenticationFailed"],
    [404, { detail: "Not found." }, "NotFound"],
    [429, { detail: "Request was throttled." }, "RateLimited"],
    [500, { detail: "Server Error" }, "VendorUnavailable"],
    [400, { link: ["This field is required."] }, "VendorRejected"],
    [400, ["Something else went wrong."], "VendorRejected"],
    [400, ["Insufficient credits."], "InsufficientCredits"],
    [402, { detail: "Payment required" }, "InsufficientCredits"],
  ])("HTTP %i %j -> %s", async (status, body, tag) => {
    const error = await getFails(() => HttpResponse.json(body, { status }))
    expect(error.reason._tag).toBe(tag)
    expect(error.status).toBe(status)
  })

  it("keeps DRF field errors as vendor messages without a scrape hint", async () => {
    const error = await getFails(() =>
      HttpResponse.json({ link: ["This field is required."] }, { status: 400 }),
    )
    if (error.reason._tag !== "VendorRejected") throw new Error(error.reason._tag)
    expect(error.reason.vendorMessages).toEqual(["link: This field is required."])
    expect(error.reason.hint).toBeUndefined()
  })

  it("retries a credit-spending call after a 429 and sends it once more only", async () => {
    let count = 0
    server.use(
      http.post(`${BASE}/api/link_to_videos/preview_list_async/`, () => {
        count++
        return count === 1
          ? HttpResponse.json({ detail: "slow down" }, { status: 429, headers: { "retry-after": "0" } })
          : HttpResponse.json(linkToVideo())
      }),
    )
    const provider = await makeProvider()
    const job = await run(provider.generatePreviews!({ product: "link-1" }))
    expect(job.status).toBe("queued")
    expect(count).toBe(2)
  })

  it("a body that is not JSON is UnexpectedResponse", async () => {
    const error = await getFails(() => new HttpResponse("<html>oops</html>", { status: 200 }))
    expect(error.reason._tag).toBe("UnexpectedResponse")
  })
})
