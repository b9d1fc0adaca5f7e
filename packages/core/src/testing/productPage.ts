import { createServer } from "node:http"
import type { AddressInfo } from "node:net"

/** What a simulator "scrapes" from a product page. */
export interface ScrapedProduct {
  readonly url: string
  readonly title?: string | undefined
  readonly description?: string | undefined
  readonly imageUrls: ReadonlyArray<string>
  readonly videoUrls: ReadonlyArray<string>
  readonly price?: string | undefined
}

const decode = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")

const metaContent = (html: string, property: string): string[] => {
  const out: string[] = []
  const tag = /<meta\s+[^>]*>/gi
  for (const match of html.matchAll(tag)) {
    const attrs = match[0]
    const name = /(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1]
    const content = /content\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1]
    if (name?.toLowerCase() === property && content !== undefined) out.push(decode(content))
  }
  return out
}

const jsonLdProducts = (html: string): Array<Record<string, unknown>> => {
  const out: Array<Record<string, unknown>> = []
  for (const match of html.matchAll(
    /<script[^>]*type\s*=\s*["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi,
  )) {
    try {
      const data = JSON.parse(match[1]!) as unknown
      for (const item of Array.isArray(data) ? data : [data]) {
        if (item && typeof item === "object" && (item as { "@type"?: unknown })["@type"] === "Product") {
          out.push(item as Record<string, unknown>)
        }
      }
    } catch {
      // A broken JSON-LD block is ignored, as a real scraper would.
    }
  }
  return out
}

const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : []

/**
 * Reads a product page's OpenGraph tags and JSON-LD `Product` data, the way vendor scrapers
 * do. Relative image URLs resolve against the page. Fails (rejects) when the page cannot be
 * fetched, so simulators answer with the vendor's scrape-failure error.
 */
export const scrapeProductPage = async (
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ScrapedProduct> => {
  const response = await fetchImpl(url, { headers: { accept: "text/html" } })
  if (!response.ok) throw new Error(`the page answered HTTP ${response.status}`)
  const html = await response.text()
  const product = jsonLdProducts(html)[0] ?? {}
  const offers = (product.offers ?? {}) as { price?: unknown; priceCurrency?: unknown }
  const images = [...strings(product.image), ...metaContent(html, "og:image")]
  const videos = [...metaContent(html, "og:video"), ...metaContent(html, "og:video:url")]
  const absolute = (u: string) => new URL(u, url).toString()
  return {
    url,
    title: (typeof product.name === "string" ? product.name : undefined) ?? metaContent(html, "og:title")[0],
    description:
      (typeof product.description === "string" ? product.description : undefined) ??
      metaContent(html, "og:description")[0],
    imageUrls: [...new Set(images.map(absolute))],
    videoUrls: [...new Set(videos.map(absolute))],
    price:
      offers.price === undefined
        ? undefined
        : `${String(offers.price)} ${String(offers.priceCurrency ?? "")}`.trim(),
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
    if (req.url?.startsWith("/images/"))
      return void res.writeHead(200, { "content-type": "image/jpeg" }).end("jpeg")
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
