import { ProductPageError, VideoError } from "@vidbridge/core"
import { DownloadError } from "../download/DownloadError.js"
import { FlowError } from "../flow.js"

/** Why a provider's run failed: a typed reason (what to do differs by it) and the message. */
export interface Failure {
  /** `VendorRejected`, `RateLimited`, `ProductPageError (dns)`, `FlowError (no_usable_preview)`, ... */
  readonly reason: string
  readonly message: string
}

/** The typed reason of any error a run can end with; nothing is left as a bare message. */
export const failureOf = (error: unknown): Failure => {
  if (error instanceof VideoError) return { reason: error.reason._tag, message: error.reason.message }
  if (error instanceof ProductPageError)
    return { reason: `ProductPageError (${error.kind})`, message: error.message }
  if (error instanceof DownloadError)
    return { reason: `DownloadError (${error.kind})`, message: error.message }
  if (error instanceof FlowError) return { reason: `FlowError (${error.kind})`, message: error.message }
  const e = error as Error | undefined
  if (e?.name === "AbortError") return { reason: "Aborted", message: e.message || "the run was cancelled" }
  return { reason: "UnexpectedError", message: String(e?.message ?? error) }
}

/**
 * For a run on a simulator that stopped because the product page could not be read (the
 * simulator has no internet; a template vendor's page read, or a vendor's scrape): what to try
 * instead, naming the sample product page. `undefined` for any other failure.
 */
export const productPageHint = (error: unknown, mode: "live" | "simulator"): string | undefined => {
  if (mode !== "simulator") return undefined
  const unreadable =
    error instanceof ProductPageError ||
    (error instanceof VideoError &&
      error.operation === "createProduct" &&
      error.reason._tag === "VendorRejected")
  if (!unreadable) return undefined
  return 'the simulators run offline and could not read that page; use the sample product page instead: "vidbridge simulators" serves it and prints its URL (http://127.0.0.1:<port>/products/aurora-trail), and "vidbridge demo" runs every vendor on it'
}
