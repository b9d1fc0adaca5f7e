import { VideoError } from "@vidbridge/core"
import { describe, expect, it } from "vitest"
import { clientFor, productInput, useSimulatorServer } from "./simulatorSupport.js"

// Hour One's URL limit (2083 characters) and the list cursor are checked before any request.

const { mount } = useSimulatorServer()
const longUrl = `https://shop.test/${"a".repeat(2100)}.jpg`

const invalid = async (promise: Promise<unknown>, path: string) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VideoError)
  const reason = (error as VideoError).reason
  expect(reason._tag).toBe("InvalidInput")
  expect(reason._tag === "InvalidInput" ? reason.issues.map((i) => i.path) : []).toEqual([path])
}

describe("input limits", () => {
  it("a product image URL over 2083 characters fails in createProduct, and in render from a Product object", async () => {
    const sim = mount()
    const client = clientFor(sim)
    await invalid(client.createProduct({ ...productInput, imageUrls: [longUrl] }), "imageUrls[0]")
    const product = await client.createProduct(productInput)
    const foreign = { ...product, ref: "creatify:product:1", provider: "creatify", imageUrls: [longUrl] }
    await invalid(client.render({ template: "draft-1", product: foreign }), "product.imageUrls[0]")
    await invalid(
      client.render({
        template: "draft-1",
        product: { ...foreign, logoUrl: longUrl, imageUrls: [] } as never,
      }),
      "product.logoUrl",
    )
    expect(sim.log.count()).toBe(0)
  })

  it("a cursor that is no offset fails before the list is read", async () => {
    const sim = mount()
    await invalid(clientFor(sim).listJobs({ cursor: "-1" }), "cursor")
    expect(sim.log.count()).toBe(0)
  })
})
