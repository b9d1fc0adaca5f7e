// A credit-spending call that failed after the request may have arrived (5xx, reset, timeout
// after sending) reports `retryable: false`, in the reason, the error and `toJSON()`: an app that
// retries on that flag must not pay twice. The message says the request may have reached the
// vendor and carries at most a short, tag-stripped excerpt of an HTML error page, never the page.
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { createVideoClient, VideoError } from "@vidbridge/core"
import { Schedule } from "effect"
import { describe, expect, it } from "vitest"

const KEY = "paid-retry-key-5521"

/** A proxy's 502 page: a title, a big inline script (with the key echoed in it) and styles. */
const htmlPage = [
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title>",
  `<style>body { font-family: sans-serif; } ${".x{color:red}".repeat(200)}</style>`,
  `<script>window.__cfg = { key: "${KEY}", blob: "${"A".repeat(5000)}" };</script>`,
  "</head><body><h1>502 Bad Gateway</h1><p>The upstream server is unavailable &amp; will retry.</p>",
  `<!-- ${"padding ".repeat(300)} -->`,
  `${"<div>filler</div>".repeat(500)}</body></html>`,
].join("")

const answering = (status: number, body: string, contentType = "text/html") =>
  (async () => new Response(body, { status, headers: { "content-type": contentType } })) as typeof fetch

/** Never answers; gives up only when the client aborts it. */
const silent = (async (_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_, reject) => {
    init?.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true })
  })) as typeof fetch

const transport = { baseUrl: "https://vendor.test", retry: false as const }

/**
 * Creatify looks a lost paid answer up (issue 13); here its lookups fail the same way, so after one
 * the call fails `SubmissionUnknown`, carrying the lost answer's reason as `failure`.
 */
const oneLookup = { schedule: Schedule.recurs(0) }
const lostReason = (error: VideoError) => {
  expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "not_found" })
  return error.reason._tag === "SubmissionUnknown" ? error.reason.failure : error.reason
}

const failed = async (call: Promise<unknown>): Promise<VideoError> => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VideoError)
  return error as VideoError
}

/** Not retryable, everywhere an app could read the flag. */
const notRetryable = (error: VideoError) => {
  expect(error.reason.retryable).toBe(false)
  expect(error.retryable).toBe(false)
  expect((error.toJSON().reason as { retryable: boolean }).retryable).toBe(false)
  expect(JSON.parse(JSON.stringify(error)).reason.retryable).toBe(false)
}

describe("an ambiguous failure of a paid call is not retryable", () => {
  // Stops: an app retrying on `retryable: true` after a 5xx and paying for the render twice.
  it("Creatify createProduct answered 502 (HTML): VendorUnavailable, ambiguous, not retryable", async () => {
    const client = createVideoClient({
      provider: creatify({ apiId: "id", apiKey: KEY, ...transport, fetch: answering(502, htmlPage) }),
      reconcile: oneLookup,
    })
    const error = await failed(client.createProduct({ url: "https://shop.test/p/1" }))
    expect(lostReason(error)).toMatchObject({
      _tag: "VendorUnavailable",
      delivery: "ambiguous",
      spendsCredits: true,
    })
    notRetryable(error)
    expect(error.message).toMatch(/may have reached the vendor/)
    // Stops: a vendor's (or proxy's) whole HTML page, scripts and all, pasted into errors and logs.
    expect(error.message).toContain("502 Bad Gateway")
    expect(error.message).not.toMatch(/<|__cfg|AAAAAAAAAA|font-family|padding/)
    expect(error.message).not.toContain(KEY)
    expect(error.message.length).toBeLessThan(600)
  })

  // Stops: the same double payment after a timeout (the vendor may have started the render).
  it("Creatify createProduct timing out after sending: Timeout, not retryable", async () => {
    const client = createVideoClient({
      provider: creatify({ apiId: "id", apiKey: KEY, ...transport, timeout: 20, fetch: silent }),
      reconcile: oneLookup,
    })
    const error = await failed(client.createProduct({ url: "https://shop.test/p/1" }))
    expect(lostReason(error)).toMatchObject({ _tag: "Timeout", spendsCredits: true })
    notRetryable(error)
    expect(error.message).toMatch(/may have reached the vendor/)
  })

  it("Hour One render answered 503, its lookup failing too: SubmissionUnknown, still not retryable", async () => {
    const client = createVideoClient({
      provider: drafts({ apiKey: KEY, ...transport, fetch: answering(503, htmlPage) }),
      reconcile: { schedule: Schedule.recurs(1), minInterval: 0 }, // two lookups, not minutes of them
    })
    const error = await failed(client.render({ template: "draft-1", script: "Hi" }))
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      failure: { _tag: "VendorUnavailable", delivery: "ambiguous", spendsCredits: true },
    })
    notRetryable(error)
    expect(error.message).toMatch(/may have reached the vendor/)
    expect(error.message).not.toContain("<")
  })

  it("a read answered 503 stays retryable (it spends nothing), and says it may have arrived", async () => {
    const client = createVideoClient({
      provider: creatify({ apiId: "id", apiKey: KEY, ...transport, fetch: answering(503, htmlPage) }),
    })
    const error = await failed(client.getStatus("creatify:link_to_video:abc"))
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "ambiguous" })
    expect(error.retryable).toBe(true)
    expect(error.message).toMatch(/may have reached the vendor/)
  })
})
