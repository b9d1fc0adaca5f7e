import { InsufficientCredits, VendorRejected, type VideoErrorReason } from "@vidbridge/core"
import { classifyStatus, type ResponseInfo, vendorMessages } from "@vidbridge/core/adapter"

const scrapeFailure = /^(Link must have at least one image or one video|Failed to scrape url)/i
const noCredits = /(insufficient|not enough|out of) credits?/i

/** What to try when Creatify could not make a product from a page. */
export const scrapeHint =
  "Creatify could not use this page; create the product from its data instead: " +
  "createProduct({ title, description, imageUrls (at least 3 without videos), videoUrls })"

/**
 * Creatify's error convention (Django REST): 400 with a bare JSON array of messages, or
 * `{field: [messages]}`. The two documented link errors (no image or video; failed to scrape)
 * keep the vendor text and point at product params. Anything else falls back to the HTTP status.
 */
export const classify = (info: ResponseInfo): VideoErrorReason | undefined => {
  if (info.status < 400) return undefined
  const messages = vendorMessages(info)
  if (messages.some((m) => noCredits.test(m))) {
    return new InsufficientCredits({ message: `not enough credits: ${messages.join("; ")}` })
  }
  if (info.status === 400 && Array.isArray(info.json)) {
    const scrape = messages.some((m) => scrapeFailure.test(m.trim()))
    return new VendorRejected({
      message: `Creatify rejected the request: ${messages.join("; ")}`,
      vendorMessages: messages,
      ...(scrape ? { hint: scrapeHint } : {}),
    })
  }
  return info.status === 400 ? classifyStatus(info) : undefined
}
