import { readFile } from "node:fs/promises"
import { createServer, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { ProductPageError } from "../productPage/ProductPageError.js"
import { type ProductPage, readProductPage } from "../productPage/readProductPage.js"

/** What a simulator "scrapes" from a product page: core's {@link ProductPage}. */
export type ScrapedProduct = ProductPage

/**
 * Reads a product page for a simulator, the way vendor scrapers do: core's `readProductPage`
 * (same timeout and size cap), except that an HTML page with no product data answers an empty
 * product, so each simulator answers as its vendor does for a page without images. Fails
 * (rejects) when the page cannot be read, so simulators answer with the vendor's scrape-failure
 * error: an `Error` whose message is what went wrong (`the page answered HTTP 403`), with the
 * {@link ProductPageError} as its `cause`.
 */
export const scrapeProductPage = async (
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ScrapedProduct> => {
  try {
    return await readProductPage(url, { fetch: fetchImpl })
  } catch (error) {
    if (!(error instanceof ProductPageError)) throw error
    if (error.kind === "no_product_data") return { url, imageUrls: [], videoUrls: [] }
    throw new Error(error.detail, { cause: error })
  }
}

/** The sample product the demo serves. */
export const sampleProduct = {
  name: "Aurora Trail Running Shoe",
  description:
    "Featherlight trail runner with a grippy recycled-rubber outsole, breathable knit upper and a rock plate for rough ground.",
  images: [
    "/images/shoe-side.jpg",
    "/images/shoe-top.jpg",
    "/images/shoe-sole.jpg",
    "/images/shoe-trail.jpg",
  ],
  price: "129.00",
  currency: "EUR",
} as const

const pageHtml = (origin: string): string => `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8"><title>${sampleProduct.name} | Example Outdoor Co.</title>
<meta property="og:type" content="product">
<meta property="og:title" content="${sampleProduct.name}">
<meta property="og:description" content="${sampleProduct.description}">
${sampleProduct.images.map((i) => `<meta property="og:image" content="${origin}${i}">`).join("\n")}
<script type="application/ld+json">${JSON.stringify({
  "@context": "https://schema.org",
  "@type": "Product",
  name: sampleProduct.name,
  description: sampleProduct.description,
  image: sampleProduct.images.map((i) => `${origin}${i}`),
  offers: { "@type": "Offer", price: sampleProduct.price, priceCurrency: sampleProduct.currency },
})}</script>
</head><body><h1>${sampleProduct.name}</h1><p>${sampleProduct.description}</p></body></html>`

/** The sample product's image (a real JPEG that ships in `media/`), for every `/images/...` path. */
const sendSampleImage = (res: ServerResponse): void => {
  readFile(new URL("../../media/sample-product.jpg", import.meta.url)).then(
    (bytes) =>
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": bytes.byteLength }).end(bytes),
    () => res.writeHead(500).end(),
  )
}

/**
 * Serves the sample product page (OpenGraph + JSON-LD) on 127.0.0.1, plus a page with no
 * images at `/empty` and a page that refuses scrapers at `/blocked` (HTTP 403).
 */
export const serveProductPage = async (): Promise<{
  readonly url: string
  readonly origin: string
  close(): Promise<void>
}> => {
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host}`
    if (req.url === "/blocked") return void res.writeHead(403).end("bots not allowed")
    if (req.url === "/empty") {
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end('<html><head><meta property="og:title" content="Nothing to see"></head></html>')
    }
    if (req.url?.startsWith("/images/")) return void sendSampleImage(res)
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pageHtml(origin))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: `${origin}/products/aurora-trail`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
