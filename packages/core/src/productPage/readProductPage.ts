import { readLimited } from "../internal/readLimited.js"
import { type InputIssue, invalidInput } from "../VideoError.js"
import { ProductPageError, type ProductPageFailure } from "./ProductPageError.js"
import { type ProductPage, parseProductPage } from "./parse.js"

export type { ProductPage } from "./parse.js"

/** Options of {@link readProductPage}. */
export interface ReadProductPageOptions {
  /** Cancels the read; it then fails with kind `aborted`. */
  readonly signal?: AbortSignal | undefined
  /** Milliseconds for the whole read (connect, answer, body). Default 15 000. */
  readonly timeout?: number | undefined
  /** The most bytes of page read; a bigger page fails with kind `too_large`. Default 5 MiB. */
  readonly maxBytes?: number | undefined
  /** The `fetch` to use (a proxy-aware one, or msw's `bypass` in tests). Default: the global one. */
  readonly fetch?: typeof fetch | undefined
}

/** Defaults of {@link readProductPage}: 15 s and 5 MiB. */
export const productPageDefaults = { timeout: 15_000, maxBytes: 5 * 1024 * 1024 } as const

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_NODATA", "EAI_FAIL"])

/** The innermost `code` and message of an error and its causes (fetch wraps the socket's). */
const rootOf = (error: unknown): { code?: string; message: string } => {
  let code: string | undefined
  let message = String((error as Error)?.message ?? error)
  let current: unknown = error
  for (let depth = 0; current !== null && typeof current === "object" && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown }
    if (typeof e.code === "string") code = e.code
    if (typeof e.message === "string" && e.message !== "") message = e.message
    current = e.cause
  }
  return code === undefined ? { message } : { code, message }
}

const checkOptions = (url: string, options: ReadProductPageOptions): void => {
  const issues: InputIssue[] = []
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    // reported below
  }
  if (parsed?.protocol !== "http:" && parsed?.protocol !== "https:")
    issues.push({ path: "url", message: "must be a valid url (http or https)" })
  else if (parsed.username !== "" || parsed.password !== "")
    issues.push({ path: "url", message: "must not include a user name or password" })
  const { timeout, maxBytes } = options
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0 && timeout <= 2_147_483_647))
    issues.push({ path: "timeout", message: "must be a number of milliseconds between 1 and 2147483647" })
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0))
    issues.push({ path: "maxBytes", message: "must be a positive whole number of bytes" })
  if (issues.length > 0) throw invalidInput("vidbridge", "readProductPage", issues)
}

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"])

const mimeOf = (contentType: string): string => contentType.split(";")[0]!.trim().toLowerCase()

const decoderFor = (contentType: string | null): TextDecoder => {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1]
  try {
    return new TextDecoder(charset ?? "utf-8")
  } catch {
    return new TextDecoder("utf-8")
  }
}

/**
 * Reads a product page the way vendor scrapers do: its JSON-LD `Product` data and OpenGraph
 * tags (title, description, images, videos, price). Bounded: the whole read has a `timeout`
 * (15 s), the page a size cap (`maxBytes`, 5 MiB), and the caller's `signal` cancels it.
 *
 * Fails with a {@link ProductPageError} naming the URL and why (`kind`: `dns`, `network`,
 * `http_status`, `not_html`, `too_large`, `timeout`, `aborted`, `no_product_data`); a URL that
 * is not http(s) or carries credentials, or a bad option, is a `VideoError` with an
 * `InvalidInput` reason, before any request. Redirects are followed (as `fetch` does); relative URLs resolve against the final one.
 *
 * @example
 * ```ts
 * const page = await readProductPage("https://shop.example/p/42", { signal, timeout: 10_000 })
 * await client.createProduct({ title: page.title ?? page.url, imageUrls: [...page.imageUrls] })
 * ```
 */
export const readProductPage = async (
  url: string,
  options: ReadProductPageOptions = {},
): Promise<ProductPage> => {
  checkOptions(url, options)
  const maxBytes = options.maxBytes ?? productPageDefaults.maxBytes
  const timeout = options.timeout ?? productPageDefaults.timeout
  const fail = (kind: ProductPageFailure, detail: string, extra: { status?: number; cause?: unknown } = {}) =>
    new ProductPageError({ url, kind, detail, ...extra })
  const timer = AbortSignal.timeout(timeout)
  const signal = options.signal === undefined ? timer : AbortSignal.any([options.signal, timer])
  // Whatever went wrong, a fired signal is the reason: the caller's first, then the timeout.
  const failure = (error: unknown): ProductPageError => {
    if (error instanceof ProductPageError) return error
    if (options.signal?.aborted) return fail("aborted", "cancelled", { cause: options.signal.reason })
    if (timer.aborted) return fail("timeout", `no complete answer within ${timeout} ms`)
    const root = rootOf(error)
    if (root.code !== undefined && DNS_CODES.has(root.code))
      return fail("dns", `DNS lookup failed (${root.code})`, { cause: error })
    return fail("network", `could not fetch it (${root.code ?? root.message})`, { cause: error })
  }
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal,
      redirect: "follow",
      headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" },
    })
    const contentType = response.headers.get("content-type")
    const refuse = async (error: ProductPageError): Promise<never> => {
      await response.body?.cancel().catch(() => undefined)
      throw error
    }
    if (!response.ok)
      return await refuse(
        fail("http_status", `the page answered HTTP ${response.status}`, { status: response.status }),
      )
    if (contentType !== null && !HTML_TYPES.has(mimeOf(contentType)))
      return await refuse(fail("not_html", `the answer is not HTML (content-type ${mimeOf(contentType)})`))
    if (Number(response.headers.get("content-length")) > maxBytes)
      return await refuse(fail("too_large", `the page is larger than ${maxBytes} bytes`))
    const body = await readLimited(response.body, maxBytes)
    if (body === undefined) throw fail("too_large", `the page is larger than ${maxBytes} bytes`)
    const html = decoderFor(contentType).decode(body)
    if (contentType === null && !/^\s*</.test(html))
      throw fail("not_html", "the answer is not HTML (no content-type, and it does not start with a tag)")
    const page = parseProductPage(html, url, response.url || url)
    if (page === undefined)
      throw fail("no_product_data", "no product data found (no OpenGraph tags and no JSON-LD Product)")
    return page
  } catch (error) {
    throw failure(error)
  }
}
