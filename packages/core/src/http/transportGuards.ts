import { UnexpectedResponse } from "../VideoError.js"

// Two ways a vendor key could leave for somewhere else: fetch following a redirect (it drops
// only `Authorization`, so `X-API-KEY` and friends go to whatever host the redirect names), and
// a plain-http base URL (the key crosses the network in clear text).

const IPV4_LOOPBACK = /^127(?:\.\d{1,3}){3}$/

/** True for a host that never leaves the machine: 127.0.0.0/8, ::1, localhost. */
export const isLoopbackHost = (hostname: string): boolean =>
  hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || IPV4_LOOPBACK.test(hostname)

/** What is allowed, for messages. */
export const BASE_URL_RULE =
  "must use https: (http: only for a loopback host: 127.0.0.1, ::1 or localhost), so keys never cross a network in clear text"

/** Why a base URL must not carry credentials, or `undefined` when it may. */
export const baseUrlProblem = (baseUrl: string): string | undefined => {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return "is not a URL"
  }
  if (url.protocol === "https:") return undefined
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return undefined
  return BASE_URL_RULE
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host || "another URL"
  } catch {
    return "another URL"
  }
}

/** Where a redirect points, host only (a query string can carry tokens). */
const targetHost = (response: Response): string => {
  const location = response.headers.get("location")
  if (location === null) return "no Location"
  try {
    return new URL(location, response.url || undefined).host || "an unreadable Location"
  } catch {
    return "an unreadable Location"
  }
}

/**
 * The reason to fail a call whose answer is a redirect, or `undefined`. Requests are sent with
 * `redirect: "manual"`, so a 3xx (or, in a browser, an opaque redirect) comes back as is; a
 * custom `fetch` that followed it anyway shows as `redirected`.
 */
export const redirectReason = (response: Response): UnexpectedResponse | undefined => {
  const status = response.status
  if (response.type === "opaqueredirect") {
    return new UnexpectedResponse({
      message:
        "the vendor answered with a redirect; vidbridge does not follow redirects (the API key would go along); check baseUrl",
      path: "",
      excerpt: "",
    })
  }
  if (status >= 300 && status < 400) {
    return new UnexpectedResponse({
      message: `the vendor answered HTTP ${status}, a redirect to ${targetHost(response)}; vidbridge does not follow redirects (the API key would go along), so nothing was sent there; check baseUrl`,
      path: "",
      excerpt: "",
    })
  }
  if (response.redirected) {
    return new UnexpectedResponse({
      message: `the configured fetch followed a redirect to ${hostOf(response.url)}; vidbridge does not accept redirected answers (pass a fetch that keeps redirect: "manual")`,
      path: "",
      excerpt: "",
    })
  }
  return undefined
}
