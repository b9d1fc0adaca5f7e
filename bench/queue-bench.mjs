// The queue benchmark's driver (copied next to the CLI package so bare imports resolve): a Redis
// of its own, the simulators, 1, 2 and 4 worker processes in turn, the same orders each time.
// Prints one JSON line with the measurements.
import { execFileSync, fork, spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import { createServer } from "node:net"
import { createVideoQueue } from "@vidbridge/queue"

const here = (name) => new URL(`./${name}`, import.meta.url).pathname
const SPEED = 600 // a Creatify render (6 simulated minutes) takes 0.6 s: the workers are the bottleneck
const ORDERS = { creatify: 150, drafts: 150 }

const lines = (child, prefix) =>
  new Promise((resolve, reject) => {
    let out = ""
    child.stdout.on("data", (chunk) => {
      out += chunk
      const line = out.split("\n").find((l) => l.startsWith(prefix))
      if (line !== undefined) {
        out = ""
        resolve(line.slice(prefix.length).trim())
      }
    })
    child.once("exit", (code) => reject(new Error(`${prefix.trim()} never came (exit ${code})`)))
  })
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer()
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })

let redisUrl = process.env.REDIS_URL
let redisServer
if (!redisUrl) {
  const port = await freePort()
  redisServer = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "ignore"] },
  )
  await new Promise((resolve) => {
    let log = ""
    const check = (chunk) => {
      log += chunk
      if (/Ready to accept connections/.test(log)) resolve()
    }
    redisServer.stdout.on("data", check)
    check("")
  })
  redisUrl = `redis://127.0.0.1:${port}`
}
const commands = async () =>
  Number(
    /total_commands_processed:(\d+)/.exec(
      execFileSync("redis-cli", ["-u", redisUrl, "info", "stats"], { encoding: "utf8" }),
    )[1],
  )

const results = []
for (const count of [1, 2, 4]) {
  const sims = fork(here("queue-sims.mjs"), [JSON.stringify({ speed: SPEED })], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    execArgv: [],
  })
  const { page, settings } = JSON.parse(await lines(sims, "ready "))
  const prefix = `bench-${randomUUID().slice(0, 8)}`
  const workers = []
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, [here("queue-worker.mjs")], {
      env: { PATH: process.env.PATH, BENCH_WORKER: JSON.stringify({ redisUrl, prefix, settings }) },
      stdio: ["ignore", "pipe", "inherit"],
    })
    await lines(child, "ready")
    workers.push(child)
  }
  const queue = await createVideoQueue({ connection: redisUrl, prefix })
  const orders = [
    ...Array.from({ length: ORDERS.creatify }, (_, i) => ({
      idempotencyKey: `c-${i}`,
      provider: "creatify",
      product: { url: `${page}?o=${i}` },
    })),
    ...Array.from({ length: ORDERS.drafts }, (_, i) => ({
      idempotencyKey: `d-${i}`,
      provider: "drafts",
      template: "sim-template",
      render: { script: "Hi." },
    })),
  ]
  const before = await commands()
  const started = performance.now()
  for (const order of orders) await queue.submit(order)
  const done = await Promise.all(orders.map((o) => queue.waitFor(o.idempotencyKey)))
  const seconds = (performance.now() - started) / 1000
  const used = (await commands()) - before
  await queue.close()
  const stats = await Promise.all(
    workers.map((child) => {
      const stat = lines(child, "stats ")
      child.kill("SIGTERM")
      return stat.then(JSON.parse)
    }),
  )
  sims.send("stop")
  const byAccount = {}
  for (const s of stats)
    for (const [account, a] of Object.entries(s.byAccount)) {
      byAccount[account] ??= { tracked: 0, requests: 0 }
      const t = byAccount[account]
      t.tracked += a.tracked
      t.requests += a.requests
    }
  results.push({
    workers: count,
    orders: orders.length,
    succeeded: done.filter((o) => o.state === "succeeded").length,
    seconds,
    perMinute: (orders.length / seconds) * 60,
    redisCommandsPerOrder: used / orders.length,
    peakRssMb: stats.map((s) => s.maxRssKb / 1024),
    readsPerJobPerRound: Object.fromEntries(
      Object.entries(byAccount).map(([a, t]) => [a, t.tracked ? t.requests / t.tracked : 0]),
    ),
  })
}
redisServer?.kill("SIGTERM")
console.log(JSON.stringify(results))
