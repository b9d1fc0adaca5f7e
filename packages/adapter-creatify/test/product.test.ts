import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import {
  API_ID,
  API_KEY,
  authOf,
  BASE,
  failure,
  fixture,
  makeProvider,
  run,
  type Seen,
  snapshot,
  useServer,
} from "./support.js"

const { server } = useServer()

const linkBody = {
  id: "link-1",
  url: "https://shop.example/p/1",
  link: {
    id: "link-1",
    url: "https://shop.example/p/1",
    title: "Moisturizer",
    description: "Mineral based",
    image_urls: ["https://cdn.example/1.jpg"],
    video_urls: [],
    logo_url: "https://cdn.example/logo.png",
  },
  credits_used: 1,
}

describe("createProduct from a URL", () => {
  it("POSTs /api/links/ with the url and both auth headers", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/links/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(linkBody, { status: 201 })
      }),
    )
    const provider = await makeProvider()
    const product = await run(provider.createProduct!({ url: "https://shop.example/p/1" }))
    expect(calls).toHaveLength(1)
    expect(calls[0]!.method).toBe("POST")
    expect(calls[0]!.path).toBe("/api/links/")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(calls[0]!.headers.get("content-type")).toContain("application/json")
    expect(calls[0]!.body).toEqual({ url: "https://shop.example/p/1" })
    expect(product).toMatchObject({
      ref: "creatify:product:link-1",
      id: "link-1",
      title: "Moisturizer",
      description: "Mineral based",
      imageUrls: ["https://cdn.example/1.jpg"],
      videoUrls: [],
      logoUrl: "https://cdn.example/logo.png",
      creditsUsed: 1,
    })
  })

  it.each([
    ["error-no-image-or-video", "Link must have at least one image or one video."],
    ["error-failed-to-scrape", "Failed to scrape url: "],
  ])("the documented 400 %s is VendorRejected with the vendor text and a hint", async (name, text) => {
    server.use(http.post(`${BASE}/api/links/`, () => HttpResponse.json(fixture(name), { status: 400 })))
    const provider = await makeProvider()
    const error = await failure(provider.createProduct!({ url: "https://shop.example/p/1" }))
    expect(error.reason._tag).toBe("VendorRejected")
    if (error.reason._tag !== "VendorRejected") return
    expect(error.reason.vendorMessages).toEqual([text])
    expect(error.reason.hint).toMatch(/imageUrls/)
    expect(error.status).toBe(400)
  })

  it("rejects url together with product data before any request", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.createProduct!({ url: "https://shop.example/p/1", title: "x" }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toMatch(/title/)
  })

  it.each([
    ["a 500", () => HttpResponse.json({ detail: "boom" }, { status: 500 })],
    ["a network error", () => HttpResponse.error()],
  ])("is sent exactly once after %s (it spends credits)", async (_, answer) => {
    let count = 0
    server.use(
      http.post(`${BASE}/api/links/`, () => {
        count++
        return answer()
      }),
    )
    const provider = await makeProvider()
    const error = await failure(provider.createProduct!({ url: "https://shop.example/p/1" }))
    expect(error.reason._tag).toBe("VendorUnavailable")
    expect(count).toBe(1)
  })

  it("never leaks the credentials into an error", async () => {
    server.use(
      http.post(`${BASE}/api/links/`, () =>
        HttpResponse.json({ detail: `bad key ${API_KEY} for ${API_ID}` }, { status: 401 }),
      ),
    )
    const provider = await makeProvider()
    const error = await failure(provider.createProduct!({ url: "https://shop.example/p/1" }))
    expect(error.reason._tag).toBe("AuthenticationFailed")
    for (const text of [JSON.stringify(error), error.message]) {
      expect(text).not.toContain(API_KEY)
      expect(text).not.toContain(API_ID)
    }
  })
})

describe("createProduct from params", () => {
  const images = ["https://cdn.example/1.jpg", "https://cdn.example/2.jpg", "https://cdn.example/3.jpg"]

  it("needs at least 3 images when no video is given, before any request", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.createProduct!({ title: "Soap", imageUrls: images.slice(0, 2) }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toMatch(/imageUrls.*at least 3/)
  })

  it.each([
    ["the Link shape", () => linkBody],
    ["the flat shape", () => ({ ...fixture("link-with-params-flat"), id: "link-1", title: "Moisturizer" })],
  ])("POSTs /api/links/link_with_params/ and accepts %s", async (_, answer) => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/links/link_with_params/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json(answer())
      }),
    )
    const provider = await makeProvider()
    const product = await run(
      provider.createProduct!({
        title: "Soap",
        description: "Lavender",
        imageUrls: images,
        logoUrl: "https://cdn.example/logo.png",
        reviews: "5 stars",
      }),
    )
    expect(calls[0]!.method).toBe("POST")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(calls[0]!.body).toEqual({
      title: "Soap",
      description: "Lavender",
      image_urls: images,
      logo_url: "https://cdn.example/logo.png",
      reviews: "5 stars",
    })
    expect(product.ref).toBe("creatify:product:link-1")
    expect(product.title).toBe("Moisturizer")
  })

  it("accepts a video instead of 3 images", async () => {
    server.use(http.post(`${BASE}/api/links/link_with_params/`, () => HttpResponse.json(linkBody)))
    const provider = await makeProvider()
    const product = await run(
      provider.createProduct!({ title: "Soap", videoUrls: ["https://cdn.example/v.mp4"] }),
    )
    expect(product.id).toBe("link-1")
  })
})

describe("updateProduct", () => {
  it.each([
    ["a ref", "creatify:product:link-1"],
    ["a bare id", "link-1"],
  ])("PUTs /api/links/{id}/ given %s", async (_, product) => {
    const calls: Seen[] = []
    server.use(
      http.put(`${BASE}/api/links/link-1/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json({ ...linkBody, link: { ...linkBody.link, title: "New" } })
      }),
    )
    const provider = await makeProvider()
    const updated = await run(
      provider.updateProduct!(product, { title: "New", imageUrls: ["https://cdn.example/9.jpg"] }),
    )
    expect(calls[0]!.method).toBe("PUT")
    expect(calls[0]!.path).toBe("/api/links/link-1/")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(calls[0]!.body).toEqual({ title: "New", image_urls: ["https://cdn.example/9.jpg"] })
    expect(updated.title).toBe("New")
  })
})
