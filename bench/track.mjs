// Tracking 10,000 jobs to completion with the Promise client's shared poller (`waitForAll`),
// per vendor, against its simulator served on 127.0.0.1 by core's `serveHandlers` in the
// same process. (Not msw `setupServer`: its in-process interception retains ~25 KB per
// request until the server closes, which would dominate the memory measured here.)
// Jobs are created through the client in cohorts at different simulated times, so they
// finish over several rounds; after each round the simulator clock moves one step.
// Each vendor runs in its own child process, so its peak RSS is its own; a last child
// measures plain fetch against a node:http server in one process, as a yardstick for RSS.
// Run after `pnpm build`: `pnpm bench`, or `node bench/track.mjs [jobs] [vendor...]`.
import { execFileSync } from "node:child_process"
import { copyFileSync, mkdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const JOBS = 10_000
const MINUTE = 60_000
const images = ["https://cdn.test/a.jpg", "https://cdn.test/b.jpg", "https://cdn.test/c.jpg"]

// Per vendor: how jobs are made, and the simulated time between creation steps and rounds.
// Creatify and Hour One: 5 cohorts a minute apart; renders take 4 and 5 simulated minutes.
// JoggAI's simulator allows 20 POSTs per simulated minute (the vendor's limit), so creation
// spreads over 500 simulated minutes; a 400-minute render keeps most jobs unfinished when
// tracking starts, and rounds 100 minutes apart spread the finishes like the others.
const vendors = {
  creatify: {
    adapter: "@vidbridge/adapter-creatify",
    simulator: {},
    settings: {},
    render: (product) => ({ product, aspectRatio: "9:16" }),
    perStep: 2000,
    step: MINUTE,
    roundStep: MINUTE,
  },
  jogg: {
    adapter: "@vidbridge/adapter-jogg",
    simulator: {
      timelines: {
        video: [
          { status: "pending", at: 0 },
          { status: "processing", at: 20_000 },
          { status: "completed", at: 400 * MINUTE },
        ],
      },
    },
    // The client-side POST limiter counts real minutes; here the simulator's own limit (on
    // its clock) is what creation respects.
    settings: { postsPerMinute: false },
    render: (product) => ({
      product,
      aspectRatio: "9:16",
      avatar: "81",
      visualStyle: "Simple Product Switch",
    }),
    perStep: 20,
    step: MINUTE,
    roundStep: 100 * MINUTE,
  },
  drafts: {
    adapter: "@vidbridge/adapter-drafts",
    simulator: {},
    settings: {},
    render: (product) => ({ product, template: "draft-1" }),
    perStep: 2000,
    step: MINUTE,
    roundStep: MINUTE,
  },
}

const MB = 2 ** 20

/** Runs `task` over `items` with at most `limit` in flight. */
const pool = async (items, limit, task) => {
  const out = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await task(items[i], i)
      }
    }),
  )
  return out
}

/** Samples RSS every 50 ms until stopped; answers the highest value seen. */
const rssSampler = () => {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  return () => {
    clearInterval(timer)
    return Math.max(peak, process.memoryUsage().rss)
  }
}

/** One vendor in this process: create `jobs` renders, then track them all to completion. */
const trackVendor = async (id, jobs) => {
  const vendor = vendors[id]
  const { createVideoClient } = await import("@vidbridge/core")
  const { serveHandlers } = await import("@vidbridge/core/testing")
  const { [id]: define } = await import(vendor.adapter)
  const { createSimulator } = await import(`${vendor.adapter}/testing`)
  const rssAfterImport = process.memoryUsage().rss

  const sim = createSimulator(vendor.simulator)
  const server = await serveHandlers(sim.handlers, { canonicalBase: sim.canonicalBase })
  globalThis.gc()
  const idleHeap = process.memoryUsage().heapUsed
  try {
    const client = createVideoClient({
      provider: define({ ...sim.settings(server.url), ...vendor.settings, retry: false }),
    })

    const createdAt = performance.now()
    const product = await client.createProduct({ title: "Aurora Trail Shoe", imageUrls: images })
    sim.clock.advance(vendor.step)
    const refs = []
    while (refs.length < jobs) {
      const batch = Array.from({ length: Math.min(vendor.perStep, jobs - refs.length) })
      refs.push(...(await pool(batch, 64, async () => (await client.render(vendor.render(product))).ref)))
      if (refs.length < jobs) sim.clock.advance(vendor.step)
    }
    const createMs = performance.now() - createdAt

    // From here on every request the simulator sees is made by the poller.
    sim.log.clear()
    const rounds = []
    let liveHeap
    const rssAtTrackStart = process.memoryUsage().rss
    const stop = rssSampler()
    const trackedAt = performance.now()
    const results = await client.waitForAll(refs, {
      interval: 1,
      timeout: "1 hour",
      onRound: (round) => {
        // After the first round every job is tracked and holds its latest reading: the
        // most the poller keeps alive. One forced GC there measures that live heap.
        if (rounds.length === 0) {
          globalThis.gc()
          liveHeap = process.memoryUsage().heapUsed
        }
        rounds.push(round)
        sim.clock.advance(vendor.roundStep)
      },
    })
    const trackMs = performance.now() - trackedAt
    const trackPeak = stop()

    const byRoute = {}
    for (const { route } of sim.log.all()) byRoute[route] = (byRoute[route] ?? 0) + 1
    const statusReads = rounds.reduce((n, r) => n + r.requests, 0)
    return {
      vendor: id,
      jobs,
      succeeded: results.filter((r) => r.ok && r.job.status === "succeeded").length,
      batchStatusLimit: client.capabilities().batchStatusLimit,
      tracked: rounds.map((r) => r.tracked),
      statusReads,
      requests: sim.log.count(),
      byRoute,
      jobRounds: rounds.reduce((n, r) => n + r.tracked, 0),
      createMs,
      trackMs,
      rssAfterImportMB: rssAfterImport / MB,
      rssAtTrackStartMB: rssAtTrackStart / MB,
      trackPeakRssMB: trackPeak / MB,
      peakRssMB: Math.max(trackPeak, process.resourceUsage().maxRSS * 1024) / MB,
      idleHeapMB: idleHeap / MB,
      liveHeapMB: liveHeap / MB,
    }
  } finally {
    await server.close()
  }
}

/** The yardstick: `requests` plain fetch + JSON.parse calls, 4 at a time, to a node:http server in this process. */
const plainFetch = async (requests) => {
  const { createServer } = await import("node:http")
  // About the size of one vendor job as JSON.
  const body = JSON.stringify({ id: "job-1", status: "processing", pad: "x".repeat(1200) })
  const server = createServer((_, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(body),
  )
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${server.address().port}/`
  const rssAfterImport = process.memoryUsage().rss
  const stop = rssSampler()
  const started = performance.now()
  await pool(Array.from({ length: requests }), 4, async () => JSON.parse(await (await fetch(url)).text()))
  const peak = stop()
  server.close()
  return {
    requests,
    wallMs: performance.now() - started,
    rssAfterImportMB: rssAfterImport / MB,
    peakRssMB: Math.max(peak, process.resourceUsage().maxRSS * 1024) / MB,
  }
}

// Children import the built packages by bare name, which resolves from inside the CLI
// package (it depends on every workspace package): run this file from a copy there.
const childScript = () => {
  const self = fileURLToPath(import.meta.url)
  const tmp = join(dirname(self), "../packages/cli/.size-tmp")
  if (dirname(self) === tmp) return self
  mkdirSync(tmp, { recursive: true })
  copyFileSync(self, join(tmp, "track.mjs"))
  return join(tmp, "track.mjs")
}

const child = (args) =>
  JSON.parse(
    execFileSync(process.execPath, ["--expose-gc", childScript(), ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  )

/** Runs every vendor in its own child process, then the plain-fetch yardstick. */
export const runTrack = ({ jobs = JOBS, only = Object.keys(vendors) } = {}) => {
  const rows = only.map((id) => child(["--vendor", id, String(jobs)]))
  // As many requests as the busiest vendor process made (its creates plus its tracking).
  const requests = Math.max(...rows.map((r) => r.jobs + r.requests))
  return { rows, reference: child(["--plain-fetch", String(requests)]) }
}

const TARGET_READS = 1.2
const TARGET_RSS_MB = 150
const fixed = (n, digits = 0) => n.toFixed(digits)

export const trackTable = ({ rows, reference }) =>
  [
    "| vendor | jobs (succeeded) | rounds | status reads | status reads / job / round | target | other requests | peak RSS | target | RSS: after imports → tracking start → tracking peak | live heap: before creating → all jobs tracked | create (wall) | track (wall) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      // Without a batch read the floor is one read per job per round.
      const target = r.batchStatusLimit > 1 ? TARGET_READS : 1
      const perRound = r.statusReads / r.jobRounds
      const readsOk = perRound <= target && r.succeeded === r.jobs
      const other = Object.entries(r.byRoute)
        .sort(([, a], [, b]) => b - a)
        .slice(1)
        .map(([route, n]) => `${n} ${route}`)
      return (
        `| ${r.vendor} | ${r.jobs} (${r.succeeded}) | ${r.tracked.length} | ${r.statusReads} | ${fixed(perRound, 3)} ` +
        `| ≤ ${target}${r.batchStatusLimit > 1 ? ` (batch read of ${r.batchStatusLimit})` : " (no batch read)"} ${readsOk ? "✅" : "❌"} ` +
        `| ${other.length > 0 && r.requests > r.statusReads ? other.join(", ") : "0"} ` +
        `| ${fixed(r.peakRssMB)} MB | < ${TARGET_RSS_MB} MB ${r.peakRssMB < TARGET_RSS_MB ? "✅" : "❌"} ` +
        `| ${fixed(r.rssAfterImportMB)} → ${fixed(r.rssAtTrackStartMB)} → ${fixed(r.trackPeakRssMB)} MB | ${fixed(r.idleHeapMB)} → ${fixed(r.liveHeapMB)} MB ` +
        `| ${fixed(r.createMs / 1000, 1)} s | ${fixed(r.trackMs / 1000, 1)} s |`
      )
    }),
    "",
    `Yardstick: plain \`fetch\` + \`JSON.parse\` of ${reference.requests} requests (4 at a time; as many as the busiest ` +
      `vendor process above made, creates included) to a node:http server in one process peaks at ` +
      `${fixed(reference.peakRssMB)} MB RSS (${fixed(reference.rssAfterImportMB)} MB before the first request).`,
  ].join("\n")

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , first, second] = process.argv
  if (first === "--vendor") {
    console.log(JSON.stringify(await trackVendor(second, Number(process.argv[4] ?? JOBS))))
  } else if (first === "--plain-fetch") {
    console.log(JSON.stringify(await plainFetch(Number(second))))
  } else {
    const only = process.argv.slice(3)
    console.log(trackTable(runTrack({ jobs: Number(first ?? JOBS), ...(only.length > 0 ? { only } : {}) })))
  }
}
