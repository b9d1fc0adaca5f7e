// Per-request CPU overhead of a full adapter call (validate, HTTP through ky + Effect policy,
// decode with zod/mini, map to the neutral job) against plain fetch + JSON.parse, on the same
// loopback server (a child process, so only the client's CPU is measured) in the same run.
// Run after `pnpm build`: `pnpm bench`. Prints a markdown table; bench/run.mjs writes RESULTS.md.
import { spawn } from "node:child_process"
import { once } from "node:events"

const SERVER = `
const http = require("node:http")
const body = JSON.stringify({ id: "vid-1", name: "Spring", status: "processing", progress: 42,
  correlation_id: "vidbridge-1", draft_id: "d-1", video_player_url: null, download_url: null,
  created_at: "2026-11-01T10:00:00Z", updated_at: "2026-11-01T10:01:00Z" })
http.createServer((req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(body) })
  .listen(0, "127.0.0.1", function () { process.stdout.write(String(this.address().port) + "\\n") })
`

const startServer = async () => {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] })
  const [chunk] = await once(child.stdout, "data")
  return { origin: `http://127.0.0.1:${String(chunk).trim()}`, stop: () => child.kill() }
}

const cpuMicros = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}

const measure = async (label, count, concurrency, call) => {
  for (let i = 0; i < 200; i++) await call() // warm-up
  const start = cpuMicros()
  const wall = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await call()
    }),
  )
  return {
    label,
    concurrency,
    cpuPerRequestUs: (cpuMicros() - start) / count,
    wallMs: performance.now() - wall,
  }
}

const ROUNDS = 7

export const runOverhead = async ({ count = 2000 } = {}) => {
  const { drafts } = await import("@vidbridge/adapter-drafts")
  const { createVideoClient } = await import("@vidbridge/core")
  // ky is core's dependency, not the CLI's (where this runs from): import it from core's folder.
  const { default: ky } = await import(
    new URL("../node_modules/ky/distribution/index.js", import.meta.resolve("@vidbridge/core")).href
  )
  const server = await startServer()
  try {
    // Default settings (timeout and retry policy on), as an app would run it.
    const client = createVideoClient({ provider: drafts({ apiKey: "bench-key", baseUrl: server.origin }) })
    const plain = async () => {
      const response = await fetch(`${server.origin}/videos/vid-1`, { headers: { "api-key": "bench-key" } })
      return JSON.parse(await response.text())
    }
    // The transport alone, configured as core configures it: shows how much of the ratio is
    // ky's own fixed cost (options merge, Headers and Request objects) before any of ours.
    const transport = ky.create({ prefix: server.origin, retry: 0, timeout: false, throwHttpErrors: false })
    const kyOnly = async () => {
      const response = await transport("videos/vid-1", { headers: { "api-key": "bench-key" } })
      return JSON.parse(await response.text())
    }
    // The Promise face from a stored ref string: parse and check the ref, HTTP, decode, map.
    const adapter = () => client.getStatus("drafts:video:vid-1")
    // The same two without the network: a `fetch` answering at once, so what is left is ky's and
    // vidbridge's own CPU (their difference is vidbridge's share, steadier than the ratios above).
    const answer = await (await fetch(`${server.origin}/videos/vid-1`)).text()
    const instant = async () =>
      new Response(answer, { status: 200, headers: { "content-type": "application/json" } })
    const instantClient = createVideoClient({
      provider: drafts({ apiKey: "bench-key", baseUrl: "https://api.example", fetch: instant }),
    })
    const instantKy = ky.create({
      prefix: "https://api.example",
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      fetch: instant,
    })
    const kyInstant = async () =>
      JSON.parse(await (await instantKy("videos/vid-1", { headers: { "api-key": "bench-key" } })).text())
    const adapterInstant = () => instantClient.getStatus("drafts:video:vid-1")
    // Interleave the two calls over several rounds and keep the median: single runs on a
    // shared 2-core machine vary by 30% or more.
    const rows = []
    for (const concurrency of [1, 64]) {
      const base = []
      const viaKy = []
      const full = []
      const own = []
      for (let round = 0; round < ROUNDS; round++) {
        base.push(await measure("plain fetch + JSON.parse", count, concurrency, plain))
        viaKy.push(await measure("ky + JSON.parse", count, concurrency, kyOnly))
        full.push(await measure("client.getStatus (full adapter call)", count, concurrency, adapter))
        const kyAlone = await measure("ky, no network", count, concurrency, kyInstant)
        const fullAlone = await measure("client.getStatus, no network", count, concurrency, adapterInstant)
        own.push({ cpuPerRequestUs: fullAlone.cpuPerRequestUs - kyAlone.cpuPerRequestUs })
      }
      const median = (xs) => [...xs].sort((a, b) => a.cpuPerRequestUs - b.cpuPerRequestUs)[(ROUNDS - 1) / 2]
      const b = median(base)
      const k = median(viaKy)
      const f = median(full)
      const o = median(own)
      rows.push({
        concurrency,
        base: b,
        ky: k,
        full: f,
        own: o,
        ratio: f.cpuPerRequestUs / b.cpuPerRequestUs,
      })
    }
    return rows
  } finally {
    server.stop()
  }
}

// Issue 16's targets: at most 1.2x plain fetch one at a time, 1.5x at 64 concurrent.
const limit = (row) => (row.concurrency === 1 ? 1.2 : 1.5)

export const overheadTable = (rows) =>
  [
    "| concurrency | plain fetch + JSON.parse (µs CPU/req) | ky + JSON.parse, for reference (µs CPU/req) | full adapter call (µs CPU/req) | ratio to plain | target | vidbridge's own share, no network (µs CPU/req) |",
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.concurrency} | ${r.base.cpuPerRequestUs.toFixed(0)} | ${r.ky.cpuPerRequestUs.toFixed(0)} (${(r.ky.cpuPerRequestUs / r.base.cpuPerRequestUs).toFixed(2)}x) | ${r.full.cpuPerRequestUs.toFixed(0)} | ${r.ratio.toFixed(2)}x | ≤ ${limit(r).toFixed(1)}x ${r.ratio <= limit(r) ? "✅" : "❌"} | ${r.own.cpuPerRequestUs.toFixed(1)} |`,
    ),
    "",
    "The last column: the full call minus ky alone, both against a `fetch` that answers at once (no sockets), in the same rounds: the CPU vidbridge itself spends per call (ref, policy, Effect runtime, decode, mapping), which the shared machine's noise blurs in the ratios.",
  ].join("\n")

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(overheadTable(await runOverhead()))
}
