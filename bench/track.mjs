// Tracking 10,000 jobs to completion with the Promise client's shared poller (`waitForAll`).
// Per vendor, two processes: the vendor process serves the simulator on 127.0.0.1 (core's
// `serveHandlers`; not msw `setupServer`, whose in-process interception retains ~25 KB per
// request) and creates the jobs on it through a client, in cohorts at different simulated
// times so they finish over several rounds; the tracker is a fresh process that resumes the
// stored refs, as a worker would after a restart, and tracks them all. Only the tracker's
// memory is measured. After each round the tracker asks the vendor process (over IPC) to move
// the simulator clock one step. A last pair of processes measures plain fetch against a
// node:http server, as a yardstick for RSS.
// Run after `pnpm build`: `pnpm bench`, or `node bench/track.mjs [jobs] [vendor...]`; set
// BENCH_HEAP_SNAPSHOT=<file> to write the tracker's heap snapshot when every job is tracked.
import { execFileSync, fork } from "node:child_process"
import { copyFileSync, mkdirSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { writeHeapSnapshot } from "node:v8"

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
    read: "ids filter, 100 a request",
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
    read: "list pages of 100, completed videos read by id for credits",
  },
  drafts: {
    adapter: "@vidbridge/adapter-drafts",
    simulator: {},
    settings: {},
    render: (product) => ({ product, template: "draft-1" }),
    perStep: 2000,
    step: MINUTE,
    roundStep: MINUTE,
    read: "one `GET /videos` (whole account), no metadata",
  },
}

// JoggAI again, without the read by id of each completed video for its credits (its list has none).
vendors["jogg-batchCredits-false"] = {
  ...vendors.jogg,
  provider: "jogg",
  settings: { ...vendors.jogg.settings, batchCredits: false },
  read: "list pages of 100, `batchCredits: false`",
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

/**
 * The vendor side, in its own process: the simulator served on 127.0.0.1, with `jobs` renders
 * created on it by a client in this process. Sends the parent the settings and the stored refs,
 * then moves the clock and reports the request log when the parent asks (over IPC).
 */
const serveVendor = async (id, jobs) => {
  const vendor = vendors[id]
  const { createVideoClient } = await import("@vidbridge/core")
  const { serveHandlers } = await import("@vidbridge/core/testing")
  const { [vendor.provider ?? id]: define } = await import(vendor.adapter)
  const { createSimulator } = await import(`${vendor.adapter}/testing`)
  const sim = createSimulator(vendor.simulator)
  const server = await serveHandlers(sim.handlers, { canonicalBase: sim.canonicalBase })
  const settings = { ...sim.settings(server.url), ...vendor.settings, retry: false }

  const createdAt = performance.now()
  const client = createVideoClient({ provider: define(settings) })
  const product = await client.createProduct({ title: "Aurora Trail Shoe", imageUrls: images })
  sim.clock.advance(vendor.step)
  const refs = []
  while (refs.length < jobs) {
    const batch = Array.from({ length: Math.min(vendor.perStep, jobs - refs.length) })
    refs.push(...(await pool(batch, 64, async () => (await client.render(vendor.render(product))).ref)))
    if (refs.length < jobs) sim.clock.advance(vendor.step)
  }
  const createMs = performance.now() - createdAt
  // From here on every request the simulator sees is made by the tracker.
  sim.log.clear()

  process.on("message", ({ seq, op, ms }) => {
    if (op === "advance") sim.clock.advance(ms)
    const byRoute = {}
    if (op === "log") for (const { route } of sim.log.all()) byRoute[route] = (byRoute[route] ?? 0) + 1
    if (seq !== 0) process.send({ seq, byRoute, requests: sim.log.count() })
  })
  process.on("disconnect", () => void server.close().then(() => process.exit(0)))
  process.send({ settings, refs, createMs })
}

/** Starts `args` of this script as a child process with an IPC channel; answers its first message and a request function. */
const forkChild = async (args) => {
  const proc = fork(childScript(), args, { execArgv: [], stdio: ["ignore", "ignore", "inherit", "ipc"] })
  const first = await new Promise((resolve, reject) => {
    proc.once("message", resolve)
    proc.once("error", reject)
  })
  let seq = 0
  const pending = new Map()
  proc.on("message", (msg) => {
    pending.get(msg.seq)?.(msg)
    pending.delete(msg.seq)
  })
  return {
    first,
    ask: (message) =>
      new Promise((resolve) => {
        pending.set(++seq, resolve)
        proc.send({ ...message, seq })
      }),
    tell: (message) => proc.send({ ...message, seq: 0 }),
    close: () => proc.disconnect(),
  }
}

// The poller's `onRound` is synchronous, so the clock step it asks for goes out without a
// reply; rounds 100 ms apart (real time) leave the step ample time to land first.
const ROUND_INTERVAL_MS = 100

/**
 * One vendor: this process is a fresh tracker that resumes the 10,000 stored refs the vendor
 * process made, and tracks them all to completion; its own RSS is what is measured.
 */
const trackVendor = async (id, jobs) => {
  const vendor = vendors[id]
  const stopAll = rssSampler()
  const { createVideoClient } = await import("@vidbridge/core")
  const { [vendor.provider ?? id]: define } = await import(vendor.adapter)
  const rssAfterImport = process.memoryUsage().rss

  const sim = await forkChild(["--serve", id, String(jobs)])
  const { settings, refs, createMs } = sim.first
  globalThis.gc()
  const idleHeap = process.memoryUsage().heapUsed
  try {
    const client = createVideoClient({ provider: define(settings) })
    const rounds = []
    let liveHeap
    const rssAtTrackStart = process.memoryUsage().rss
    const trackedAt = performance.now()
    const results = await client.waitForAll(refs, {
      interval: ROUND_INTERVAL_MS,
      // Rounds move the simulator's clock by minutes: its vendor floor (JoggAI 5 s) is moot here.
      minInterval: 0,
      timeout: "1 hour",
      onRound: (round) => {
        // After the first round every job is tracked and holds its latest reading: the
        // most the poller keeps alive. One forced GC there measures that live heap.
        if (rounds.length === 0) {
          globalThis.gc()
          liveHeap = process.memoryUsage().heapUsed
          if (process.env.BENCH_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT)
        }
        rounds.push(round)
        sim.tell({ op: "advance", ms: vendor.roundStep })
      },
    })
    const trackMs = performance.now() - trackedAt
    const { byRoute, requests } = await sim.ask({ op: "log" })
    const statusReads = rounds.reduce((n, r) => n + r.requests, 0)
    return {
      vendor: id,
      jobs,
      succeeded: results.filter((r) => r.ok && r.job.status === "succeeded").length,
      read: vendor.read,
      tracked: rounds.map((r) => r.tracked),
      statusReads,
      requests,
      byRoute,
      jobRounds: rounds.reduce((n, r) => n + r.tracked, 0),
      createMs,
      trackMs,
      rssAfterImportMB: rssAfterImport / MB,
      rssAtTrackStartMB: rssAtTrackStart / MB,
      peakRssMB: Math.max(stopAll(), process.resourceUsage().maxRSS * 1024) / MB,
      idleHeapMB: idleHeap / MB,
      liveHeapMB: liveHeap / MB,
    }
  } finally {
    sim.close()
  }
}

/** The yardstick's server, in its own process: one fixed JSON body, about the size of one vendor job. */
const serveFixed = async () => {
  const { createServer } = await import("node:http")
  const body = JSON.stringify({ id: "job-1", status: "processing", pad: "x".repeat(1200) })
  const server = createServer((_, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(body),
  )
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  process.on("disconnect", () => server.close(() => process.exit(0)))
  process.send({ url: `http://127.0.0.1:${server.address().port}/` })
}

/** The yardstick: `requests` plain fetch + JSON.parse calls, 4 at a time, to a node:http server in a child process. */
const plainFetch = async (requests) => {
  const server = await forkChild(["--serve-fixed"])
  const rssAfterImport = process.memoryUsage().rss
  const stop = rssSampler()
  const started = performance.now()
  const { url } = server.first
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
  // Already the copy (a child, or a tracker run by hand from there).
  if (basename(dirname(self)) === ".size-tmp") return self
  const tmp = join(dirname(self), "../packages/cli/.size-tmp")
  mkdirSync(tmp, { recursive: true })
  copyFileSync(self, join(tmp, "track.mjs"))
  return join(tmp, "track.mjs")
}

const child = (args, flags = []) =>
  JSON.parse(
    execFileSync(process.execPath, ["--expose-gc", ...flags, childScript(), ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  )

// V8 sizes its heap from the machine's memory: on a large machine it lets the heap, and so
// the RSS, grow far past the live data before collecting (plain fetch alone goes past 300 MB
// here). Each tracker runs twice: with V8's defaults, and with the heap capped as a service
// in a small container would run it; the yardstick runs the same two ways.
const BOUNDED_HEAP = "--max-heap-size=256"

/** Runs every vendor's tracker in its own child process (default heap, then bounded), then the plain-fetch yardstick. */
export const runTrack = ({ jobs = JOBS, only = Object.keys(vendors) } = {}) => {
  const rows = only.map((id) => ({
    ...child(["--vendor", id, String(jobs)]),
    boundedPeakRssMB: child(["--vendor", id, String(jobs)], [BOUNDED_HEAP]).peakRssMB,
  }))
  // As many requests as the busiest tracker made.
  const requests = Math.max(...rows.map((r) => r.requests))
  return {
    rows,
    reference: child(["--plain-fetch", String(requests)]),
    boundedReference: child(["--plain-fetch", String(requests)], [BOUNDED_HEAP]),
  }
}

const TARGET_READS = 0.05
const TARGET_RSS_MB = 150
const fixed = (n, digits = 0) => n.toFixed(digits)

const rss = (mb) => `${fixed(mb)} MB ${mb < TARGET_RSS_MB ? "✅" : "❌"}`

export const trackTable = ({ rows, reference, boundedReference }) =>
  [
    `| vendor | jobs (succeeded) | rounds | status reads | status reads / job / round | target | other requests | tracker peak RSS (< ${TARGET_RSS_MB} MB): V8 defaults | with \`${BOUNDED_HEAP}\` | tracker RSS: after imports → tracking start | tracker live heap: idle → all jobs tracked | create (wall, vendor process) | track (wall) |`,
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => {
      const perRound = r.statusReads / r.jobRounds
      const readsOk = perRound <= TARGET_READS && r.succeeded === r.jobs
      const other = Object.entries(r.byRoute)
        .sort(([, a], [, b]) => b - a)
        .slice(1)
        .map(([route, n]) => `${n} ${route}`)
      return (
        `| ${r.vendor} | ${r.jobs} (${r.succeeded}) | ${r.tracked.length} | ${r.statusReads} | ${perRound < 0.001 ? perRound.toPrecision(2) : fixed(perRound, 3)} ` +
        `| ≤ ${TARGET_READS} (${r.read}) ${readsOk ? "✅" : "❌"} ` +
        `| ${other.length > 0 && r.requests > r.statusReads ? other.join(", ") : "0"} ` +
        `| ${rss(r.peakRssMB)} | ${rss(r.boundedPeakRssMB)} ` +
        `| ${fixed(r.rssAfterImportMB)} → ${fixed(r.rssAtTrackStartMB)} MB | ${fixed(r.idleHeapMB)} → ${fixed(r.liveHeapMB)} MB ` +
        `| ${fixed(r.createMs / 1000, 1)} s | ${fixed(r.trackMs / 1000, 1)} s |`
      )
    }),
    "",
    `Yardstick: plain \`fetch\` + \`JSON.parse\` of ${reference.requests} requests (4 at a time, as the poller reads; ` +
      `as many as the busiest tracker above made) to a node:http server in a child process peaks at ` +
      `${fixed(reference.peakRssMB)} MB RSS with V8's defaults and ${fixed(boundedReference.peakRssMB)} MB with \`${BOUNDED_HEAP}\` ` +
      `(${fixed(reference.rssAfterImportMB)} MB before the first request).`,
  ].join("\n")

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , first, second] = process.argv
  if (first === "--serve") {
    await serveVendor(second, Number(process.argv[4] ?? JOBS))
  } else if (first === "--serve-fixed") {
    await serveFixed()
  } else if (first === "--vendor") {
    console.log(JSON.stringify(await trackVendor(second, Number(process.argv[4] ?? JOBS))))
  } else if (first === "--plain-fetch") {
    console.log(JSON.stringify(await plainFetch(Number(second))))
  } else {
    const only = process.argv.slice(3)
    console.log(trackTable(runTrack({ jobs: Number(first ?? JOBS), ...(only.length > 0 ? { only } : {}) })))
  }
}
