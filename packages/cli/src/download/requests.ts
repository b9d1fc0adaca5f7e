import { lookup as osLookup } from "node:dns/promises"
import { request as httpRequest, type IncomingMessage } from "node:http"
import { request as httpsRequest } from "node:https"
import type { LookupFunction } from "node:net"
import { type AddressRule, ipLiteral, refusal } from "./addresses.js"
import { DownloadError } from "./DownloadError.js"

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string
  readonly family: number
}

/** Resolves a host name to all its addresses. */
export type Resolver = (hostname: string) => Promise<ReadonlyArray<ResolvedAddress>>

/** How one download's requests are made. */
export interface RequestOptions {
  readonly signal: AbortSignal
  readonly lookup: Resolver
  readonly idleTimeout: number
  readonly maxRedirects: number
}

/** The URL as shown in errors: no credentials, no query (signed URLs carry tokens there). */
export const shown = (url: URL): string =>
  url.origin === "null" ? `${url.protocol}…` : `${url.origin}${url.pathname}${url.search ? "?…" : ""}`

/** The system resolver (getaddrinfo), every address of a name. */
export const systemLookup = async (hostname: string): Promise<ReadonlyArray<ResolvedAddress>> =>
  osLookup(hostname, { all: true, verbatim: true })

/** Checks one URL (the first, or a redirect's target) and answers where it may connect. */
const ruleFor = (url: URL, simulatorOrigins: ReadonlyArray<string>): AddressRule => {
  const fromSimulator = simulatorOrigins.includes(url.origin)
  if (url.protocol !== "https:" && !(url.protocol === "http:" && fromSimulator))
    throw new DownloadError(
      "refused",
      shown(url),
      `only https URLs are downloaded (plain http only from a simulator on this machine), got ${url.protocol}`,
    )
  if (url.username !== "" || url.password !== "")
    throw new DownloadError("refused", shown(url), "the URL carries a user name or password")
  const rule = fromSimulator ? "loopback" : "public"
  const literal = ipLiteral(url.hostname)
  const refused = literal === undefined ? undefined : refusal(literal, rule)
  if (refused !== undefined)
    throw new DownloadError("refused", shown(url), `${literal} is ${refused}; ${explain(rule)}`)
  return rule
}

const explain = (rule: AddressRule) =>
  rule === "public" ? "only public addresses are downloaded from" : "a simulator's files are on loopback"

/** A `lookup` for node:http that resolves, then refuses the connection if any address breaks `rule`. */
const checkedLookup =
  (url: URL, rule: AddressRule, resolveHost: Resolver): LookupFunction =>
  (hostname, options, callback) => {
    resolveHost(hostname).then(
      (found) => {
        const addresses = found.filter((a) => !options.family || a.family === options.family)
        const bad = addresses.map((a) => [a.address, refusal(a.address, rule)] as const).find(([, r]) => r)
        if (addresses.length === 0)
          return callback(
            Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }),
            "",
            0,
          )
        if (bad !== undefined) {
          const detail = `${hostname} resolves to ${bad[0]}, ${bad[1]}; ${explain(rule)}`
          return callback(new DownloadError("refused", shown(url), detail), "", 0)
        }
        if (options.all)
          return callback(
            null,
            addresses.map((a) => ({ address: a.address, family: a.family })),
          )
        callback(null, addresses[0]!.address, addresses[0]!.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    )
  }

/** One GET, answered with its response (not followed if it redirects). */
const get = (url: URL, rule: AddressRule, options: RequestOptions) =>
  new Promise<IncomingMessage>((resolveResponse, reject) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: "GET",
      agent: false,
      signal: options.signal,
      timeout: options.idleTimeout,
      lookup: checkedLookup(url, rule, options.lookup),
      headers: { accept: "video/*,*/*;q=0.5", "accept-encoding": "identity" },
    })
    let response: IncomingMessage | undefined
    // The socket went silent (before the answer, or in the middle of the body).
    request.once("timeout", () => {
      const error = new DownloadError("timeout", shown(url), `no data for ${options.idleTimeout} ms`)
      response?.destroy(error)
      request.destroy(error)
    })
    request.once("response", (answer) => {
      response = answer
      resolveResponse(answer)
    })
    request.on("error", reject)
    request.end()
  })

/** Follows redirects by hand, checking every hop as the first URL, up to a 2xx answer. */
export const openChecked = async (
  start: URL,
  simulatorOrigins: ReadonlyArray<string>,
  options: RequestOptions,
): Promise<{ readonly url: URL; readonly response: IncomingMessage }> => {
  let url = start
  for (let hop = 0; ; hop++) {
    const response = await get(url, ruleFor(url, simulatorOrigins), options)
    const status = response.statusCode ?? 0
    if (status >= 200 && status < 300) return { url, response }
    response.destroy()
    const location = response.headers.location
    if (status < 300 || status >= 400 || location === undefined)
      throw new DownloadError("http_status", shown(url), `the server answered HTTP ${status}`, { status })
    if (hop >= options.maxRedirects)
      throw new DownloadError("too_many_redirects", shown(url), `more than ${options.maxRedirects} redirects`)
    url = new URL(location, url)
  }
}
