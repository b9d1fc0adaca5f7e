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
  "must be https: (http: only on a loopback host), so keys never cross a network in clear text"

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

/** The host of `url` (resolved against `base`), never its path or query string, which can carry tokens. */
const hostOf = (url: string | null, base?: string): string => {
  try {
    return url === null ? "no Location" : new URL(url, base || undefined).host
  } catch {
    return "an unreadable Location"
  }
}

/**
 * The reason to fail a call whose answer is a redirect, or `undefined`. Requests are sent with
 * `redirect: "manual"`, so a 3xx (in a browser, an opaque redirect) comes back as is; an answer
 * that a custom `fetch` followed anyway shows as `redirected`, and is refused too.
 */
export const redirectReason = (response: Response): UnexpectedResponse | undefined => {
  const { status } = response
  const redirect = (status >= 300 && status < 400) || response.type === "opaqueredirect"
  if (!redirect && !response.redirected) return undefined
  const to = redirect ? hostOf(response.headers.get("location"), response.url) : hostOf(response.url)
  return new UnexpectedResponse({
    message: `the vendor answered with a redirect${redirect && status ? ` (HTTP ${status})` : ""} to ${to}; redirects are never followed, as the API key would go along: check baseUrl`,
    path: "",
    excerpt: "",
  })
}
