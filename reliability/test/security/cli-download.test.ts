// The hardened download (`vidbridge download`, and @vidbridge/cli's `downloadVideo` that later
// commands reuse): the video URL comes from the vendor, so it is untrusted. Each test names the
// attack or defect it stops. Everything runs on 127.0.0.1: the "live" vendor is the Hour One
// simulator served on loopback (reached through HOURONE_BASE_URL, as a live vendor), private
// addresses come from an injected DNS lookup, and a safety net (support/loopbackOnly.ts) fails any
// socket that would leave loopback, whatever the code under test does.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createSimulator, DRAFTS_ROUTES, type DraftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { DownloadError, type DownloadOptions, downloadVideo, type Resolver } from "@vidbridge/cli"
import { type SimulatorServer, serveHandlers, serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { runCli } from "../support/cli.js"
import { BlockedByTest, keepSocketsOnLoopback } from "./support/loopbackOnly.js"

/** A loopback server that counts requests; `handle` answers them. */
const serve = async (handle: (req: IncomingMessage, res: ServerResponse) => void) => {
  const hits: string[] = []
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "")
    handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const VIDEO = Buffer.alloc(4096, 7)

/** Plays a simulator's file host: a video, redirects, and misbehaving answers. */
const fileHost = (req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? "/", "http://x")
  if (url.pathname === "/video.mp4")
    return void res.writeHead(200, { "content-type": "video/mp4", "content-length": VIDEO.length }).end(VIDEO)
  if (url.pathname === "/redirect")
    return void res.writeHead(302, { location: url.searchParams.get("to") ?? "/video.mp4" }).end()
  if (url.pathname === "/loop") return void res.writeHead(302, { location: "/loop" }).end()
  if (url.pathname === "/endless") {
    res.writeHead(200, { "content-type": "video/mp4" })
    const chunk = Buffer.alloc(64 * 1024)
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump)
    }
    return pump()
  }
  if (url.pathname === "/stall") {
    res.writeHead(200, { "content-type": "video/mp4", "content-length": "100000" })
    return void res.write(VIDEO.subarray(0, 100))
  }
  if (url.pathname === "/cut") {
    // Half the declared bytes, then the connection drops.
    res.writeHead(200, { "content-type": "video/mp4", "content-length": "8192" })
    return void res.write(VIDEO, () => res.destroy())
  }
  res.writeHead(404).end()
}

let restoreNet: () => void
let page: Awaited<ReturnType<typeof serveProductPage>>
let files: Awaited<ReturnType<typeof serve>>
let internal: Awaited<ReturnType<typeof serve>>
let vendor: DraftsSimulator
let vendorServer: SimulatorServer
let env: Record<string, string>
let ref = ""

beforeAll(async () => {
  restoreNet = keepSocketsOnLoopback()
  page = await serveProductPage()
  files = await serve(fileHost)
  // An internal service on this machine that a vendor must never make the CLI talk to.
  internal = await serve((_, res) => void res.writeHead(200, { "content-type": "text/plain" }).end("secret"))
  vendor = createSimulator()
  vendorServer = await serveHandlers(vendor.handlers, { canonicalBase: vendor.canonicalBase })
  const settings = vendor.settings(vendorServer.url)
  env = {
    HOURONE_API_KEY: settings.apiKey,
    HOURONE_WEBHOOK_SECRET: settings.webhookSecret,
    HOURONE_BASE_URL: settings.baseUrl!,
  }
  const created = await runCli(
    ["create", "--provider", "drafts", "--url", page.url, "--template", "d-1", "--json"],
    env,
  )
  expect(created.code, created.err).toBe(0)
  ref = JSON.parse(created.out).job.ref
  vendor.clock.advance(60 * 60_000)
})
afterAll(async () => {
  await Promise.all([vendorServer.close(), internal.close(), files.close(), page.close()])
  restoreNet()
})
beforeEach(() => {
  internal.hits.length = 0
  vendor.faults.clear()
})

const freshDir = () => mkdtempSync(join(tmpdir(), "vidbridge-dl-"))

/** The vendor answers `videoUrl` as the finished video's download URL. */
const vendorSays = (videoUrl: string) =>
  vendor.faults.inject(
    DRAFTS_ROUTES.get,
    { kind: "rewrite", rewrite: (body) => ({ ...(body as object), download_url: videoUrl }) },
    10,
  )

const failure = async (url: string, file: string, options: DownloadOptions): Promise<DownloadError> => {
  const error = await downloadVideo(url, file, options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DownloadError)
  return error as DownloadError
}

describe("vidbridge download (a live vendor on loopback)", () => {
  it("the vendor's own files still download (its origin is on loopback: a simulator)", async () => {
    const file = join(freshDir(), "video.mp4")
    const result = await runCli(["download", ref, file, "--json"], env)
    expect(result.code, result.err).toBe(0)
    expect(readFileSync(file).length).toBe(JSON.parse(result.out).bytes)
  })

  it.each([
    ["plain http to another service on this machine", (p: number) => `http://127.0.0.1:${p}/admin`],
    ["https to another port on loopback", (p: number) => `https://127.0.0.1:${p}/admin`],
    ["a name that resolves to loopback (localhost)", (p: number) => `https://localhost:${p}/admin`],
    ["the cloud metadata address", () => "https://169.254.169.254/latest/meta-data/iam/"],
    ["an IPv4-mapped IPv6 private address", () => "https://[::ffff:10.0.0.7]/v.mp4"],
    ["a data: URL", () => "data:video/mp4;base64,AAAAGGZ0eXBtcDQy"],
    ["a file: URL", () => "file:///etc/passwd"],
  ])("SSRF through the video URL is refused: %s (nothing requested, no file)", async (_, attack) => {
    vendorSays(attack(internal.port))
    const dir = freshDir()
    const result = await runCli(["download", ref, join(dir, "video.mp4"), "--json"], env)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.out).error).toMatchObject({ _tag: "DownloadError", kind: "refused" })
    expect(internal.hits).toEqual([])
    expect(readdirSync(dir)).toEqual([])
  })

  it("an existing file is never truncated: refused without --force, before asking the vendor", async () => {
    const file = join(freshDir(), "video.mp4")
    writeFileSync(file, "precious")
    const gets = vendor.log.count(DRAFTS_ROUTES.get)
    const result = await runCli(["download", ref, file], env)
    expect(result.code).toBe(2)
    expect(result.err).toContain("already exists; pass --force to replace it")
    expect(vendor.log.count(DRAFTS_ROUTES.get)).toBe(gets)
    expect(readFileSync(file, "utf8")).toBe("precious")
  })

  it("--force replaces a file only once the new video is complete (a failed download keeps it)", async () => {
    const dir = freshDir()
    const file = join(dir, "video.mp4")
    writeFileSync(file, "precious")
    vendorSays(`http://127.0.0.1:${internal.port}/admin`)
    expect((await runCli(["download", ref, file, "--force"], env)).code).toBe(1)
    expect(readFileSync(file, "utf8")).toBe("precious")
    expect(readdirSync(dir)).toEqual(["video.mp4"])
    vendor.faults.clear()
    expect((await runCli(["download", ref, file, "--force"], env)).code).toBe(0)
    expect(readFileSync(file).length).toBeGreaterThan("precious".length)
  })

  it("a video over the size cap is refused (--max-size), and the hint names the flag", async () => {
    const dir = freshDir()
    const result = await runCli(["download", ref, join(dir, "video.mp4"), "--max-size", "1k"], env)
    expect(result.code).toBe(1)
    expect(result.err).toContain("over the 1024 byte cap")
    expect(result.err).toContain("--max-size raises the cap")
    expect(readdirSync(dir)).toEqual([])
  })
})

describe("downloadVideo", () => {
  const fromHost = (): DownloadOptions => ({ simulatorOrigins: [files.origin] })

  it("a redirect is checked at every hop like the first URL: to an internal service, to metadata, to data:", async () => {
    for (const to of [
      `http://127.0.0.1:${internal.port}/admin`,
      "https://169.254.169.254/latest/meta-data/",
      "data:video/mp4;base64,AAAA",
    ]) {
      const dir = freshDir()
      const error = await failure(
        `${files.origin}/redirect?to=${encodeURIComponent(to)}`,
        join(dir, "v.mp4"),
        fromHost(),
      )
      expect(error.kind).toBe("refused")
      expect(readdirSync(dir)).toEqual([])
    }
    expect(internal.hits).toEqual([])
    // Redirects that stay within the rules are followed.
    const file = join(freshDir(), "v.mp4")
    expect(await downloadVideo(`${files.origin}/redirect`, file, fromHost())).toMatchObject({
      bytes: VIDEO.length,
    })
  })

  it("an endless redirect loop stops (too_many_redirects)", async () => {
    const error = await failure(`${files.origin}/loop`, join(freshDir(), "v.mp4"), fromHost())
    expect(error.kind).toBe("too_many_redirects")
  })

  it("plain http from a live (non-simulator) URL is refused before any lookup: no downgrade", async () => {
    const lookups: string[] = []
    const lookup: Resolver = async (host) => {
      lookups.push(host)
      return [{ address: "127.0.0.1", family: 4 }]
    }
    const error = await failure("http://cdn.vendor.test/v.mp4", join(freshDir(), "v.mp4"), { lookup })
    expect(error.kind).toBe("refused")
    expect(error.message).toContain("only https URLs are downloaded")
    expect(lookups).toEqual([])
  })

  it.each([
    ["10.0.0.7", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.20", "private"],
    ["100.64.0.1", "private"],
    ["169.254.169.254", "cloud metadata"],
    ["169.254.10.1", "link-local"],
    ["127.0.0.1", "loopback"],
    ["0.0.0.0", "reserved"],
    ["fd00:ec2::254", "cloud metadata"],
    ["fc00::1", "private"],
    ["fe80::1", "link-local"],
    ["::1", "loopback"],
    ["::ffff:10.0.0.7", "private"],
    ["64:ff9b::a00:7", "private"],
  ])("a name that resolves to %s (%s) is refused after DNS, before connecting", async (address, kind) => {
    const lookup: Resolver = async () => [{ address, family: address.includes(":") ? 6 : 4 }]
    const dir = freshDir()
    const error = await failure("https://cdn.vendor.test/v.mp4", join(dir, "v.mp4"), { lookup })
    expect(error.kind).toBe("refused")
    expect(error.message).toContain(`cdn.vendor.test resolves to ${address}, a ${kind} address`)
    expect(readdirSync(dir)).toEqual([])
  })

  it("a name with one public and one private address is refused (no picking the bad one later)", async () => {
    const lookup: Resolver = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ]
    const error = await failure("https://cdn.vendor.test/v.mp4", join(freshDir(), "v.mp4"), { lookup })
    expect(error.message).toContain("resolves to 10.0.0.7")
  })

  it("a public address passes the check (the test's own safety net then stops the socket)", async () => {
    const lookup: Resolver = async () => [{ address: "93.184.215.14", family: 4 }]
    const error = await failure("https://cdn.vendor.test/v.mp4", join(freshDir(), "v.mp4"), { lookup })
    expect(error.kind).toBe("network")
    expect(error.cause).toBeInstanceOf(BlockedByTest)
  })

  it("a body that never ends is cut at the size cap (too_large); no partial file stays", async () => {
    const dir = freshDir()
    const error = await failure(`${files.origin}/endless`, join(dir, "v.mp4"), {
      ...fromHost(),
      maxBytes: 1024 * 1024,
    })
    expect(error.kind).toBe("too_large")
    expect(readdirSync(dir)).toEqual([])
  })

  it("a server that stalls cannot hold the download forever (timeout); no partial file stays", async () => {
    const dir = freshDir()
    const error = await failure(`${files.origin}/stall`, join(dir, "v.mp4"), { ...fromHost(), timeout: 300 })
    expect(error.kind).toBe("timeout")
    const idle = await failure(`${files.origin}/stall`, join(dir, "v.mp4"), {
      ...fromHost(),
      idleTimeout: 300,
    })
    expect(idle.kind).toBe("timeout")
    expect(readdirSync(dir)).toEqual([])
  })

  it("a connection cut mid-body leaves no partial file, and an existing file untouched", async () => {
    const dir = freshDir()
    writeFileSync(join(dir, "v.mp4"), "precious")
    const error = await failure(`${files.origin}/cut`, join(dir, "v.mp4"), { ...fromHost(), force: true })
    expect(error.kind).toBe("network")
    expect(readdirSync(dir)).toEqual(["v.mp4"])
    expect(readFileSync(join(dir, "v.mp4"), "utf8")).toBe("precious")
  })

  it("Ctrl-C (the caller's signal) stops it as aborted; no partial file stays", async () => {
    const dir = freshDir()
    const controller = new AbortController()
    files.hits.length = 0
    const pending = failure(`${files.origin}/stall`, join(dir, "v.mp4"), {
      ...fromHost(),
      signal: controller.signal,
    })
    // Abort once the server has the request (or at once, should the download end early).
    let settled = false
    void pending.finally(() => {
      settled = true
    })
    while (!settled && !files.hits.includes("/stall")) await new Promise((r) => setImmediate(r))
    controller.abort(new Error("interrupted"))
    expect((await pending).kind).toBe("aborted")
    expect(readdirSync(dir)).toEqual([])
  })

  it("a file that appears during the download is not overwritten without force (exists)", async () => {
    const dir = freshDir()
    const file = join(dir, "v.mp4")
    let made = false
    const error = await failure(`${files.origin}/video.mp4`, file, {
      ...fromHost(),
      onBytes: () => {
        if (!made) writeFileSync(file, "made meanwhile", { flag: "wx" })
        made = true
      },
    })
    expect(error.kind).toBe("exists")
    expect(readFileSync(file, "utf8")).toBe("made meanwhile")
    expect(readdirSync(dir)).toEqual(["v.mp4"])
  })
})
