import * as Data from "effect/Data"

/**
 * Why a product page could not be read:
 *
 * - `dns`: the host name did not resolve;
 * - `network`: no connection, or it broke (refused, reset, TLS);
 * - `http_status`: the page answered an HTTP error (`status` says which);
 * - `not_html`: the answer is not an HTML page (`content-type`);
 * - `too_large`: the page is bigger than the `maxBytes` cap;
 * - `timeout`: no complete answer within the `timeout`;
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `no_product_data`: an HTML page with no OpenGraph tags and no JSON-LD `Product`.
 */
export type ProductPageFailure =
  | "dns"
  | "network"
  | "http_status"
  | "not_html"
  | "too_large"
  | "timeout"
  | "aborted"
  | "no_product_data"

/**
 * A product page that could not be read, naming the URL and why (`kind`).
 *
 * `readProductPage` fails with it; the `vidbridge` command prints its message, and
 * `vidbridge compare` shows it in the failure column. Effect users can match it with
 * `Effect.catchTag("ProductPageError", ...)`; Promise users with `instanceof`.
 *
 * @example
 * ```ts
 * try {
 *   await readProductPage(url)
 * } catch (error) {
 *   if (error instanceof ProductPageError && error.kind === "http_status") console.log(error.status)
 *   else throw error
 * }
 * ```
 */
export class ProductPageError extends Data.TaggedError("ProductPageError")<{
  /** The page's URL, as asked for. */
  readonly url: string
  readonly kind: ProductPageFailure
  /** What happened, in words (`the page answered HTTP 403`, `DNS lookup failed (ENOTFOUND)`). */
  readonly detail: string
  /** The HTTP status, for `http_status`. */
  readonly status?: number | undefined
  /** The underlying error (a network error, the caller's abort reason), where there was one. */
  readonly cause?: unknown
}> {
  override get message(): string {
    return `could not read the product page ${this.url}: ${this.detail}`
  }

  /** Retrying later can help for network trouble, timeouts and server errors, not otherwise. */
  get retryable(): boolean {
    return (
      this.kind === "dns" ||
      this.kind === "network" ||
      this.kind === "timeout" ||
      (this.kind === "http_status" && (this.status === 429 || (this.status ?? 0) >= 500))
    )
  }

  /** A plain object for logs and `--json` output. */
  override toJSON(): Record<string, unknown> {
    return {
      _tag: "ProductPageError",
      kind: this.kind,
      url: this.url,
      message: this.message,
      retryable: this.retryable,
      ...(this.status === undefined ? {} : { status: this.status }),
    }
  }
}
