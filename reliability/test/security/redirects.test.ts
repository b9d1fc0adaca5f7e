// Vendor keys stay with the vendor: a redirect from the vendor's base URL to another origin is
// never followed (fetch's default would drop only `Authorization` and send `X-API-ID`/`X-API-KEY`,
// `x-api-key` or `api-key` there), and a base URL in plain http: is refused unless it is loopback.
import { once } from "node:events"
import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import { type ConfiguredProvider, createVideoClient, VideoError } from "@vidbridge/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const KEYS = { id: "redirect-api-id-7731", key: "redirect-api-key-7731" }

interface Served {
  readonly server: Server
  readonly origin: string
  readonly seen: Array<{ readonly url: string; readonly headers: IncomingMessage["headers"] }>
}

const serve = async (
  answer: (request: IncomingMessage) => { status: number; headers?: Record<string, string> },
) => {
  const seen: Served["seen"] = []
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers })
    const { status, headers } = answer(request)
    response.writeHead(status, { "content-type": "application/json", ...headers })
    response.end("{}")
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const { port } = server.address() as AddressInfo
  return { server, origin: `http://127.0.0.1:${port}`, seen }
}

let elsewhere: Served
let vendor: Served

beforeAll(async () => {
  // Another origin (its own port): it must never hear from the client.
  elsewhere = await serve(() => ({ status: 200 }))
  // The vendor's base URL answers every request with a redirect to the other origin.
  vendor = await serve((request) => ({
    status: request.method === "GET" ? 302 : 307,
    headers: { location: `${elsewhere.origin}/collect${request.url}?token=query-secret` },
  }))
})
afterAll(async () => {
  for (const { server } of [vendor, elsewhere]) {
    server.close()
    await once(server, "close")
  }
})

const vendors: ReadonlyArray<[string, (baseUrl: string) => ConfiguredProvider, string]> = [
  [
    "Creatify",
    (baseUrl) => creatify({ apiId: KEYS.id, apiKey: KEYS.key, baseUrl }),
    "creatify:link_to_video:abc",
  ],
  ["JoggAI", (baseUrl) => jogg({ apiKey: KEYS.key, baseUrl }), "jogg:product_video:abc"],
  ["Hour One", (baseUrl) => drafts({ apiKey: KEYS.key, baseUrl }), "drafts:video:abc"],
]

describe("a redirect from the vendor is not followed", () => {
  // Stops: a vendor (or anything on its path) redirecting requests to harvest the API key headers.
  it.each(vendors)(
    "%s: getStatus fails UnexpectedResponse and the other origin receives nothing",
    async (_, make, ref) => {
      elsewhere.seen.length = 0
      vendor.seen.length = 0
      const client = createVideoClient({ provider: make(vendor.origin) })
      const error = await client.getStatus(ref).catch((e: unknown) => e)
      expect(elsewhere.seen).toEqual([])
      expect(error).toBeInstanceOf(VideoError)
      const e = error as VideoError
      expect(e.reason._tag).toBe("UnexpectedResponse")
      expect(e.status).toBe(302)
      // Names the status and the target host, not the path or query string it carried.
      expect(e.message).toContain("HTTP 302")
      expect(e.message).toContain(new URL(elsewhere.origin).host)
      expect(JSON.stringify(e.toJSON())).not.toContain("query-secret")
      expect(vendor.seen).toHaveLength(1)
    },
  )

  // Stops: the same on a paid call (a 307 keeps the method and body: the render would go there too).
  it("Creatify: a paid createProduct answered 307 is not resent anywhere", async () => {
    elsewhere.seen.length = 0
    const client = createVideoClient({ provider: vendors[0]![1](vendor.origin) })
    const error = await client.createProduct({ url: "https://shop.test/p/1" }).catch((e: unknown) => e)
    expect((error as VideoError).reason._tag).toBe("UnexpectedResponse")
    expect((error as VideoError).retryable).toBe(false)
    expect(elsewhere.seen).toEqual([])
  })
})

describe("a base URL in plain http: is refused unless it is loopback", () => {
  // Stops: keys crossing a network in clear text through a misconfigured http:// base URL.
  it.each(vendors)("%s: http://api.vendor.example is InvalidInput naming baseUrl", (_, make) => {
    let error: unknown
    try {
      make("http://api.vendor.example")
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(VideoError)
    const e = error as VideoError
    expect(e.reason._tag).toBe("InvalidInput")
    expect(e.reason._tag === "InvalidInput" && e.reason.issues.map((i) => i.path)).toContain("baseUrl")
  })

  it.each([
    "http://127.0.0.1:4010",
    "http://127.8.9.10",
    "http://localhost:4010/api",
    "http://[::1]:4010",
    "https://api.vendor.example",
  ])("%s is allowed", (baseUrl) => {
    for (const [, make] of vendors) expect(() => make(baseUrl)).not.toThrow()
  })
})
