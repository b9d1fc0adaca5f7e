import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  deliverWebhook,
  makeCreditLedger,
  sampleProduct,
  scrapeProductPage,
  serveProductPage,
} from "../src/testing/index.js"

let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())

describe("sample product page on loopback", () => {
  it("is scraped from JSON-LD Product data and OpenGraph tags", async () => {
    const scraped = await scrapeProductPage(page.url)
    expect(scraped.title).toBe(sampleProduct.name)
    expect(scraped.description).toBe(sampleProduct.description)
    expect(scraped.imageUrls).toHaveLength(4)
    expect(scraped.imageUrls[0]).toBe(`${page.origin}/images/shoe-side.jpg`)
    expect(scraped.price).toBe("129.00 EUR")
  })

  it("has a page without media and one that blocks scrapers", async () => {
    const empty = await scrapeProductPage(`${page.origin}/empty`)
    expect(empty.title).toBe("Nothing to see")
    expect(empty.imageUrls).toEqual([])
    await expect(scrapeProductPage(`${page.origin}/blocked`)).rejects.toThrow("HTTP 403")
  })

  it("delivers webhooks and answers 0 when nobody listens", async () => {
    expect(await deliverWebhook(`${page.origin}/products/x`, "{}")).toBe(200)
    expect(await deliverWebhook("http://127.0.0.1:1/hook", "{}")).toBe(0)
  })

  it("counts credits against a balance", () => {
    const ledger = makeCreditLedger(5)
    expect(ledger.charge(4)).toBe(true)
    expect(ledger.charge(2)).toBe(false)
    expect(ledger.spent()).toBe(4)
  })
})
