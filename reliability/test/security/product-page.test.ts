// Reading a product page (core's readProductPage, used by `vidbridge create/compare` for template
// vendors): a page is untrusted input, so every read is bounded and every failure says which URL
// and why. Each test names the attack or defect it stops. Servers are on 127.0.0.1 only.
import { createServer, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { ProductPageError, readProductPage, VideoError } from "@vidbridge/core"
import { sampleProduct, serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "../support/cli.js"

type Route = (res: ServerResponse) => void

const routes: Record<string, Route> = {
  // Headers, a first chunk, then nothing: a page that never finishes.
  "/stall": (res) => {
    res.writeHead(200, { "content-type": "text/html" })
    res.write("<html><head>")
  },
  // An endless page: chunks for as long as the reader takes them.
  "/endless": (res) => {
    res.writeHead(200, { "content-type": "text/html" })
    const chunk = `<p>${"x".repeat(64 * 1024)}</p>`
    const pump = () => {
      while (res.write(chunk)) if (res.destroyed) return
      res.once("drain", pump)
    }
    res.on("close", () => res.removeAllListeners("drain"))
    pump()
  },
  "/declared-huge": (res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) })
    res.write("<html>")
  },
  "/json": (res) => {
    res.writeHead(200, { "content-type": "application/json" }).end('{"name":"not a page"}')
  },
  "/bare": (res) => {
    res.writeHead(200, { "content-type": "text/html" }).end("<html><body><p>hello</p></body></html>")
  },
}

let server: Server
let origin = ""
let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
  server = createServer((req, res) => (routes[req.url ?? ""] ?? ((r) => r.writeHead(404).end()))(res))
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await page.close()
})

/** What a read ended with: a ProductPageError (anything else fails the test). */
const failed = async (promise: Promise<unknown>): Promise<ProductPageError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ProductPageError)
  return error as ProductPageError
}

/** A closed port on loopback: connecting is refused at once. */
const closedPort = async (): Promise<number> => {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

describe("readProductPage", () => {
  it("reads JSON-LD Product data and OpenGraph tags (the sample page)", async () => {
    const read = await readProductPage(page.url)
    expect(read).toMatchObject({ url: page.url, title: sampleProduct.name, price: "129.00 EUR" })
    expect(read.imageUrls[0]).toBe(`${page.origin}/images/shoe-side.jpg`)
  })

  it("a page that never finishes cannot hang the run: it fails with timeout", async () => {
    const error = await failed(readProductPage(`${origin}/stall`, { timeout: 200 }))
    expect(error).toMatchObject({ kind: "timeout", url: `${origin}/stall` })
    expect(error.message).toBe(
      `could not read the product page ${origin}/stall: no complete answer within 200 ms`,
    )
  })

  it("an endless page cannot exhaust memory: reading stops at maxBytes (too_large)", async () => {
    const error = await failed(readProductPage(`${origin}/endless`, { maxBytes: 256 * 1024 }))
    expect(error.kind).toBe("too_large")
    expect(error.message).toContain("larger than 262144 bytes")
  })

  it("a page that declares a huge length is refused before its body is read (too_large)", async () => {
    expect((await failed(readProductPage(`${origin}/declared-huge`))).kind).toBe("too_large")
  })

  it("the caller's AbortSignal cancels the read (aborted), whatever the page does", async () => {
    const controller = new AbortController()
    const reading = readProductPage(`${origin}/stall`, { signal: controller.signal })
    setImmediate(() => controller.abort(new Error("user pressed Ctrl-C")))
    expect((await failed(reading)).kind).toBe("aborted")
  })

  it("an HTTP error names the status (http_status)", async () => {
    const error = await failed(readProductPage(`${page.origin}/blocked`))
    expect(error).toMatchObject({ kind: "http_status", status: 403 })
    expect(error.message).toBe(
      `could not read the product page ${page.origin}/blocked: the page answered HTTP 403`,
    )
  })

  it("an answer that is not HTML is not parsed as a page (not_html)", async () => {
    const error = await failed(readProductPage(`${origin}/json`))
    expect(error.kind).toBe("not_html")
    expect(error.message).toContain("content-type application/json")
  })

  it("a page without product data says so (no_product_data)", async () => {
    expect((await failed(readProductPage(`${origin}/bare`))).kind).toBe("no_product_data")
  })

  it("a refused connection says so, not a bare 'fetch failed' (network)", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/p`
    const error = await failed(readProductPage(url))
    expect(error.kind).toBe("network")
    expect(error.message).toBe(`could not read the product page ${url}: could not fetch it (ECONNREFUSED)`)
  })

  it("a name that does not resolve says DNS (dns)", async () => {
    // fetch's own failure shape for an unknown host, without asking a real resolver.
    const unknownHost: typeof fetch = async () => {
      const lookup = Object.assign(new Error("getaddrinfo ENOTFOUND shop.example"), { code: "ENOTFOUND" })
      throw new TypeError("fetch failed", { cause: lookup })
    }
    const error = await failed(readProductPage("https://shop.example/p/1", { fetch: unknownHost }))
    expect(error.kind).toBe("dns")
    expect(error.message).toBe(
      "could not read the product page https://shop.example/p/1: DNS lookup failed (ENOTFOUND)",
    )
  })

  it("a URL that is not http(s) (file:, data:) or carries credentials, or a bad option, is InvalidInput before any request", async () => {
    let calls = 0
    const counting: typeof fetch = async () => {
      calls++
      return new Response("")
    }
    for (const [url, options, field] of [
      ["file:///etc/passwd", {}, "url"],
      ["data:text/html,<title>x</title>", {}, "url"],
      ["http://user:hunter2@127.0.0.1/p", {}, "url"],
      [page.url, { timeout: 0 }, "timeout"],
      [page.url, { maxBytes: -1 }, "maxBytes"],
    ] as const) {
      const error = await readProductPage(url, { ...options, fetch: counting }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(VideoError)
      expect((error as VideoError).reason).toMatchObject({ _tag: "InvalidInput", issues: [{ path: field }] })
      expect(JSON.stringify((error as VideoError).toJSON())).not.toContain("hunter2")
    }
    expect(calls).toBe(0)
  })
})

describe("vidbridge create / compare on an unreadable page", () => {
  it("create prints the typed reason naming the URL, not a bare 'fetch failed'", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/products/1`
    const result = await runCli(["create", "--provider", "drafts", "--url", url])
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      `error: could not read the product page ${url}: could not fetch it (ECONNREFUSED)`,
    )
    const json = await runCli(["create", "--provider", "drafts", "--url", `${origin}/json`, "--json"])
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      error: { _tag: "ProductPageError", kind: "not_html", url: `${origin}/json` },
    })
  })

  it("compare shows the same reason in the failure column", async () => {
    const result = await runCli([
      "compare",
      "--url",
      `${page.origin}/blocked`,
      "--providers",
      "drafts",
      "--json",
    ])
    expect(result.code).toBe(1)
    const [row] = JSON.parse(result.out).rows
    expect(row.failure).toBe(
      `ProductPageError (http_status): could not read the product page ${page.origin}/blocked: the page answered HTTP 403`,
    )
  })
})
