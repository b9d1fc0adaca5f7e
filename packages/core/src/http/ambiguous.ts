import { Timeout, VendorUnavailable, type VideoErrorReason } from "../VideoError.js"

const SAYS_SO = /may have reached the vendor/

const mayHaveReached = (message: string, spendsCredits: boolean): string => {
  const said = SAYS_SO.test(message) ? message : `${message}; the request may have reached the vendor`
  return spendsCredits && !said.includes("spent credits")
    ? `${said} and spent credits: look for the job before sending it again`
    : said
}

/**
 * A failure after the request may have arrived, as the call that failed should report it: the
 * message says the request may have reached the vendor, and for a call that spends credits the
 * reason is marked (`spendsCredits`), which makes it not `retryable`: an app that retries on
 * that flag must not pay twice. Other reasons pass unchanged.
 */
export const forCall = (reason: VideoErrorReason, spendsCredits: boolean): VideoErrorReason => {
  if (reason._tag === "VendorUnavailable" && reason.delivery === "ambiguous") {
    return new VendorUnavailable({
      message: mayHaveReached(reason.message, spendsCredits),
      delivery: reason.delivery,
      spendsCredits: spendsCredits ? true : reason.spendsCredits,
    })
  }
  if (reason._tag === "Timeout" && spendsCredits) {
    return new Timeout({
      message: mayHaveReached(reason.message, true),
      after: reason.after,
      job: reason.job,
      spendsCredits: true,
    })
  }
  return reason
}
