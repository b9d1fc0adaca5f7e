/** What a product page says about its product (OpenGraph tags and JSON-LD `Product` data). */
export interface ProductPage {
  /** The page's URL, as asked for. */
  readonly url: string
  readonly title?: string | undefined
  readonly description?: string | undefined
  /** Absolute image URLs (relative ones resolved against the page), without duplicates. */
  readonly imageUrls: ReadonlyArray<string>
  /** Absolute video URLs (`og:video`), without duplicates. */
  readonly videoUrls: ReadonlyArray<string>
  /** `"129.00 EUR"`, from the JSON-LD offer, where the page has one. */
  readonly price?: string | undefined
}

const entities: Readonly<Record<string, string>> = {
  quot: '"',
  "#39": "'",
  apos: "'",
  lt: "<",
  gt: ">",
  amp: "&",
}

const decode = (text: string): string =>
  text.replace(/&(quot|#39|apos|lt|gt|amp);/g, (_, e: string) => entities[e]!)

const metaContent = (html: string, property: string): string[] => {
  const out: string[] = []
  for (const match of html.matchAll(/<meta\s[^>]*>/gi)) {
    const attrs = match[0]
    const name = /(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1]
    const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs)
    const value = content?.[1] ?? content?.[2]
    if (name?.toLowerCase() === property && value !== undefined) out.push(decode(value))
  }
  return out
}

type Json = Readonly<Record<string, unknown>>

const isProduct = (item: Json): boolean => {
  const type = item["@type"]
  return type === "Product" || (Array.isArray(type) && type.includes("Product"))
}

/** `Product` items of every JSON-LD block, including those inside an `@graph`. */
const jsonLdProducts = (html: string): Json[] => {
  const out: Json[] = []
  const visit = (data: unknown) => {
    if (Array.isArray(data)) return data.forEach(visit)
    if (data === null || typeof data !== "object") return
    const item = data as Json
    if (isProduct(item)) out.push(item)
    if (item["@graph"] !== undefined) visit(item["@graph"])
  }
  for (const match of html.matchAll(
    /<script[^>]*type\s*=\s*["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi,
  )) {
    try {
      visit(JSON.parse(match[1]!))
    } catch {
      // A broken JSON-LD block is skipped, as search engines do.
    }
  }
  return out
}

/** Strings of a JSON-LD value that may be a string, an `ImageObject` (`url`), or a list of them. */
const strings = (value: unknown): string[] => {
  if (typeof value === "string") return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value !== null && typeof value === "object") return strings((value as Json).url)
  return []
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined

/**
 * Reads a product page's HTML: the first JSON-LD `Product` (name, description, images, offer)
 * and the OpenGraph tags (`og:title`, `og:description`, `og:image`, `og:video`). Relative URLs
 * resolve against `base` (the page's final URL). Answers `undefined` when the page has none of
 * these.
 */
export const parseProductPage = (html: string, url: string, base: string): ProductPage | undefined => {
  const product = jsonLdProducts(html)[0]
  const offer = firstOffer(product?.offers)
  const images = [...strings(product?.image), ...metaContent(html, "og:image")]
  const videos = [...metaContent(html, "og:video"), ...metaContent(html, "og:video:url")]
  const title = text(product?.name) ?? metaContent(html, "og:title")[0]
  const description = text(product?.description) ?? metaContent(html, "og:description")[0]
  if (product === undefined && title === undefined && images.length === 0 && videos.length === 0)
    return undefined
  const absolute = (u: string): string[] => {
    try {
      return [new URL(u, base).toString()]
    } catch {
      return []
    }
  }
  return {
    url,
    title,
    description,
    imageUrls: [...new Set(images.flatMap(absolute))],
    videoUrls: [...new Set(videos.flatMap(absolute))],
    price:
      offer?.price === undefined
        ? undefined
        : `${String(offer.price)} ${String(offer.priceCurrency ?? "")}`.trim(),
  }
}

const firstOffer = (offers: unknown): { price?: unknown; priceCurrency?: unknown } | undefined => {
  const first = Array.isArray(offers) ? offers[0] : offers
  return first !== null && typeof first === "object" ? (first as Json) : undefined
}
