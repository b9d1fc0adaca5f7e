// Ids become URL path segments. An id "." or ".." (in a stored ref, a preview id, a product, a
// template) would move the call to another endpoint once the URL is resolved:
// `creatify:link_to_video:..` read `GET /api/`, and rendering its preview sent
// `POST /api/render_single_preview/`. Every such id is InvalidInput naming the field, before any
// request, on every vendor; and core's HTTP runtime refuses such a path as a last guard.
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import { createVideoClient, JobRef, VideoError } from "@vidbridge/core"
import { describe, expect, it } from "vitest"

/** Every request the vendors were sent. */
const sent: string[] = []
const fetch = (async (input: RequestInfo | URL) => {
  sent.push(input instanceof Request ? input.url : String(input))
  return Response.json({ detail: "Not found." }, { status: 404 })
}) as typeof globalThis.fetch
const transport = { baseUrl: "https://vendor.test", fetch, retry: false as const }

const client = createVideoClient({
  provider: creatify({ apiId: "i", apiKey: "k", ...transport }),
  providers: [jogg({ apiKey: "k", ...transport }), drafts({ apiKey: "k", ...transport })],
})

/** The call failed InvalidInput naming `field`, and nothing was sent. */
const refused = async (call: () => Promise<unknown>, field: string) => {
  sent.length = 0
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VideoError)
  const e = error as VideoError
  expect(e.reason._tag, e.message).toBe("InvalidInput")
  expect(e.reason._tag === "InvalidInput" && e.reason.issues.map((i) => i.path)).toContain(field)
  expect(sent).toEqual([])
}

describe("dot-segment ids are refused before any request", () => {
  // Stops: a stored or supplied ref redirecting a read to another vendor endpoint (GET /api/).
  it.each([
    "creatify:link_to_video:..",
    "creatify:link_to_video:.",
    "creatify:link_to_video:%2E%2E",
    "creatify:custom_template_job:..",
    "jogg:product_video:..",
    "drafts:video:..",
  ])("getStatus and waitForCompletion of %s", async (ref) => {
    await refused(() => client.getStatus(ref), "ref")
    await refused(() => client.waitForCompletion(ref), "ref")
  })

  it("a ref object with a dot id, and JobRef.make itself", async () => {
    await refused(() => client.getStatus({ provider: "creatify", kind: "link_to_video", id: ".." }), "ref")
    expect(() => JobRef.make("drafts", "video", ".")).toThrow(/must not be "\." or "\.\."/)
  })

  // Stops: a paid render posted to another endpoint (POST /api/render_single_preview/).
  it("renderPreview with a dot job or preview id", async () => {
    await refused(() => client.renderPreview({ job: "creatify:link_to_video:..", previewId: "m1" }), "job")
    await refused(
      () => client.renderPreview({ job: "creatify:link_to_video:abc", previewId: ".." }),
      "previewId",
    )
  })

  it("products, templates and listed ids", async () => {
    await refused(() => client.updateProduct("..", { title: "t" }), "product")
    await refused(() => client.updateProduct("creatify:product:..", { title: "t" }), "product")
    await refused(
      () => client.updateProduct({ ref: "creatify:product:x", id: "..", provider: "creatify" } as never, {}),
      "product",
    )
    await refused(() => client.generatePreviews({ product: "." }), "product")
    await refused(() => client.render({ template: ".." }), "template")
    await refused(() => client.listJobs({ ids: ["ok", ".."] }), "ids[1]")
  })
})

describe("a vendor answer naming a dot id", () => {
  // Stops: a hostile or broken vendor answer planting a ref that later redirects calls.
  it("is an UnexpectedResponse naming the field, not a ref", async () => {
    const answering = (async () =>
      Response.json({ id: "..", url: "https://shop.test/p", link: null })) as typeof globalThis.fetch
    const vendor = createVideoClient({
      provider: creatify({ apiId: "i", apiKey: "k", baseUrl: "https://vendor.test", fetch: answering }),
    })
    const error = await vendor.createProduct({ url: "https://shop.test/p" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoError)
    // A 2xx that cannot be read is a lost answer: the lookup (which this vendor answers just as
    // badly) fails, and the call reports the unreadable answer as the reason it could not be found.
    const { reason, ref } = error as VideoError
    expect(reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "failed" })
    expect(reason._tag === "SubmissionUnknown" && reason.failure).toMatchObject({
      _tag: "UnexpectedResponse",
      path: "id",
      delivery: "accepted",
    })
    expect(ref).toMatch(/^creatify:submission:/)
    expect(ref).not.toContain("..")
  })
})
