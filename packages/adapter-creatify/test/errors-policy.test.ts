import { JobRef, type VideoError } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { BASE, failure, linkToVideo, makeProvider, run, useServer } from "./support.js"

// Creatify's error convention, pinned where mutation testing (`pnpm mutate`) found changes no test
// noticed (issue 20): which messages mean no credits or a page that cannot be used, and only on
// the answers they belong to.

const { server } = useServer()

const read = async (answer: () => Response) => {
  server.use(http.get(`${BASE}/api/link_to_videos/ltv-1/`, answer))
  const provider = await makeProvider({ retry: false })
  return provider.getStatus(JobRef.parse("creatify:link_to_video:ltv-1"))
}
const fails = async (status: number, body: unknown): Promise<VideoError> =>
  failure(await read(() => HttpResponse.json(body as object, { status })))

describe("Creatify error mapping, edges", () => {
  it("a successful read that mentions credits is a job, not an error", async () => {
    const job = await run(
      await read(() =>
        HttpResponse.json(linkToVideo({ status: "failed", failed_reason: "not enough credits" })),
      ),
    )
    expect(job.status).toBe("failed")
  })

  it("any message about credits, singular or plural, among others, is InsufficientCredits saying so", async () => {
    const error = await fails(400, ["Your plan is active.", "Insufficient credit."])
    expect(error.reason._tag).toBe("InsufficientCredits")
    expect(error.reason.message).toBe("not enough credits: Your plan is active.; Insufficient credit.")
  })

  it("a 400 with a list of messages: Creatify rejected it, word for word", async () => {
    const error = await fails(400, ["First problem.", "Second problem."])
    expect(error.reason._tag === "VendorRejected" && error.reason.vendorMessages).toEqual([
      "First problem.",
      "Second problem.",
    ])
    expect(error.reason.message).toBe("Creatify rejected the request: First problem.; Second problem.")
  })

  it("a list of messages on another status keeps that status's meaning", async () => {
    expect((await fails(404, ["Not found."])).reason._tag).toBe("NotFound")
    const conflict = await fails(409, ["conflict"])
    expect(conflict.reason._tag).toBe("VendorRejected")
    expect(conflict.reason.message).not.toContain("Creatify rejected")
  })

  it("the scrape hint: for a message that starts with a scrape failure, among others, spaces aside", async () => {
    const hinted = await fails(400, ["Something first.", "  Failed to scrape url: blocked"])
    expect(hinted.reason._tag === "VendorRejected" && hinted.reason.hint).toMatch(/createProduct/)
    const quoted = await fails(400, ["We said: Failed to scrape url"])
    expect(quoted.reason._tag === "VendorRejected" && quoted.reason.hint).toBeUndefined()
  })
})
