// Cold start of short-lived processes, where vidbridge runs most often for a short time: a fresh
// `node` per run, timed from spawn to exit (median of interleaved runs, so machine noise hits
// every program alike). Three kinds of program:
// - start -> a client library loaded -> one request answered by a loopback server (a child
//   process of its own): vidbridge (core + the Hour One adapter, `getStatus` through the Promise
//   client), `@runwayml/sdk` (a bench-only dev dependency: `tasks.retrieve`) and plain `fetch`;
// - start -> one signed webhook delivery verified and answered (a serverless receiver):
//   vidbridge's `handleWebhook` with the JoggAI adapter, and a hand-written HMAC check;
// - the `vidbridge` command: `--help` and `providers` (built CLI, no vendor keys: simulated).
// The request and webhook programs run twice: as Node resolves the installed packages
// (unbundled: every module a file of its own), and bundled into one file by rolldown (what a
// serverless function's build does: tree-shaken, minified), for vidbridge and `@runwayml/sdk` alike.
// Run after `pnpm build`: `node bench/coldstart.mjs [runs]`; bench/run.mjs writes RESULTS.md.
import { spawn, spawnSync } from "node:child_process"
import { createHmac } from "node:crypto"
import { once } from "node:events"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "rolldown"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
// Bare specifiers in `node -e` resolve from the working directory: the CLI package depends on
// every workspace package, and `@runwayml/sdk` resolves from the workspace root above it.
const cwd = join(root, "packages/cli")
const bin = join(root, "packages/cli/dist/bin.js")
// Bundles are built inside the CLI package too, so their bare imports resolve the same way.
const bundles = join(root, "packages/cli/.bench-tmp/coldstart")

const SERVER = `
const http = require("node:http")
const body = JSON.stringify({ id: "vid-1", name: "Spring", status: "processing", progress: 42,
  correlation_id: "vidbridge-1", draft_id: "d-1", video_player_url: null, download_url: null,
  created_at: "2026-11-01T10:00:00Z", updated_at: "2026-11-01T10:01:00Z" })
http.createServer((req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(body) })
  .listen(0, "127.0.0.1", function () { process.stdout.write(String(this.address().port) + "\\n") })
`

const SECRET = "whsec_bench"

/** One JoggAI delivery, signed as JoggAI signs it (hex HMAC-SHA256 of the body), stamped now. */
const delivery = () => {
  const body = JSON.stringify({
    event_id: `evt_${Math.random().toString(36).slice(2)}`,
    event: "generated_avatar_video_success",
    timestamp: Math.floor(Date.now() / 1000),
    data: { video_id: "video_1", status: "completed", video_url: "https://res.jogg.ai/v.mp4", duration: 30 },
  })
  return { BENCH_BODY: body, BENCH_SIGNATURE: createHmac("sha256", SECRET).update(body).digest("hex") }
}

const answered = (check) => `if (!(${check})) { console.error("unexpected answer"); process.exit(1) }`

const webhookRequest = `new Request("https://hooks.example/jogg", { method: "POST",
  headers: { "content-type": "application/json", "x-webhook-signature": process.env.BENCH_SIGNATURE },
  body: process.env.BENCH_BODY })`

/** Each program: `[kind, label, argv after node, env maker, bundle]`; the base and what Node loads unbundled. */
const unbundled = [
  ["base", 'node -e ""', ["-e", ""]],
  [
    "request",
    "plain fetch",
    [
      "--input-type=module",
      "-e",
      `const r = await fetch(process.env.BENCH_ORIGIN + "/videos/vid-1")\nconst j = JSON.parse(await r.text())\n${answered('j.id === "vid-1"')}`,
    ],
  ],
  [
    "request",
    "@runwayml/sdk (tasks.retrieve)",
    [
      "--input-type=module",
      "-e",
      `const { default: RunwayML } = await import("@runwayml/sdk")\nconst client = new RunwayML({ apiKey: "key", baseURL: process.env.BENCH_ORIGIN, maxRetries: 0 })\nconst task = await client.tasks.retrieve("vid-1")\n${answered('task.id === "vid-1"')}`,
    ],
  ],
  [
    "request",
    "vidbridge: core + adapter-drafts (getStatus)",
    [
      "--input-type=module",
      "-e",
      `const { createVideoClient } = await import("@vidbridge/core")\nconst { drafts } = await import("@vidbridge/adapter-drafts")\nconst client = createVideoClient({ provider: drafts({ apiKey: "key", baseUrl: process.env.BENCH_ORIGIN }) })\nconst job = await client.getStatus("drafts:video:vid-1")\n${answered('job.status === "running"')}`,
    ],
  ],
  [
    "webhook",
    "hand-written: node:crypto HMAC check + JSON.parse",
    [
      "--input-type=module",
      "-e",
      `const { createHmac, timingSafeEqual } = await import("node:crypto")\nconst request = ${webhookRequest}\nconst body = await request.text()\nconst mac = createHmac("sha256", "${SECRET}").update(body).digest()\nconst ok = timingSafeEqual(mac, Buffer.from(request.headers.get("x-webhook-signature"), "hex"))\nconst event = JSON.parse(body)\nconst response = new Response(JSON.stringify({ ok }), { status: ok ? 200 : 401 })\n${answered('response.status === 200 && event.data.video_id === "video_1"')}`,
    ],
    delivery,
  ],
  [
    "webhook",
    "vidbridge: core + adapter-jogg (handleWebhook)",
    [
      "--input-type=module",
      "-e",
      `const { createVideoClient } = await import("@vidbridge/core")\nconst { jogg } = await import("@vidbridge/adapter-jogg")\nconst client = createVideoClient({ provider: jogg({ apiKey: "key", webhookSecret: "${SECRET}" }) })\nlet seen\nconst handle = client.handleWebhook({ onEvent: (event) => { seen = event } })\nconst response = await handle(${webhookRequest})\n${answered('response.status === 200 && seen?.job.status === "succeeded"')}`,
    ],
    delivery,
  ],
]

/**
 * The bundled twin of an unbundled program: its code as a module file, bundled by rolldown into
 * one file before the runs ({@link buildBundles}).
 */
const bundledTwin = (label) => {
  const [kind, , argv, env] = unbundled.find(([, l]) => l === label)
  const name = label.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "")
  return [kind, `${label}, bundled`, [join(bundles, "out", `${name}.js`)], env, { name, code: argv.at(-1) }]
}

const programs = [
  ...unbundled,
  ...[
    "@runwayml/sdk (tasks.retrieve)",
    "vidbridge: core + adapter-drafts (getStatus)",
    "vidbridge: core + adapter-jogg (handleWebhook)",
  ].map(bundledTwin),
  ["cli", "vidbridge --help", [bin, "--help"]],
  ["cli", "vidbridge providers", [bin, "providers"]],
]

/** Bundles the bundled programs: tree-shaken, minified, a file each (and chunks for what loads on demand). */
const buildBundles = async () => {
  rmSync(bundles, { recursive: true, force: true })
  mkdirSync(bundles, { recursive: true })
  for (const [, , , , bundle] of programs) {
    if (bundle === undefined) continue
    const input = join(bundles, `${bundle.name}.mjs`)
    writeFileSync(input, bundle.code)
    await build({
      input,
      platform: "node",
      logLevel: "warn",
      output: { dir: join(bundles, "out"), entryFileNames: "[name].js", format: "esm", minify: true },
    })
  }
}

// Each child reports its own CPU time (user + system, every thread) as it exits: steadier than
// wall time on a machine other work shares.
const CPU_AT_EXIT =
  '--import=data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu:"+(u.user+u.system)+"\\n")})'

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const startServer = async () => {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] })
  const [chunk] = await once(child.stdout, "data")
  return { origin: `http://127.0.0.1:${String(chunk).trim()}`, stop: () => child.kill() }
}

// No vendor keys: the CLI runs every vendor on its simulator and says so (what a first run sees).
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(CREATIFY|JOGG|HOURONE|HOUR_ONE|DRAFTS)_/.test(name)),
)

export const runColdStart = async ({ runs = 11 } = {}) => {
  await buildBundles()
  const server = await startServer()
  try {
    const samples = programs.map(() => [])
    for (let round = 0; round < runs; round++) {
      for (const [i, [, label, argv, env]] of programs.entries()) {
        const started = performance.now()
        const child = spawnSync(process.execPath, [CPU_AT_EXIT, ...argv], {
          cwd,
          encoding: "utf8",
          env: { ...baseEnv, BENCH_ORIGIN: server.origin, ...env?.() },
        })
        const wallMs = performance.now() - started
        if (child.status !== 0)
          throw new Error(`${label}: exit ${child.status}: ${child.stderr.trim().split("\n")[0]}`)
        const cpu = /\ncpu:(\d+)\n/.exec(child.stderr)
        if (cpu === null) throw new Error(`${label}: no CPU time reported`)
        samples[i].push({ wallMs, cpuMs: Number(cpu[1]) / 1000 })
      }
    }
    return programs.map(([kind, label], i) => ({
      kind,
      label,
      wallMs: median(samples[i].map((s) => s.wallMs)),
      cpuMs: median(samples[i].map((s) => s.cpuMs)),
    }))
  } finally {
    server.stop()
    rmSync(bundles, { recursive: true, force: true })
  }
}

/** The RESULTS.md heading of this table. */
export const COLD_START_HEADING =
  "## Cold start: spawn to exit of a fresh `node` doing one thing (median of 11 interleaved runs; a loopback server in a child process of its own; unbundled as Node resolves the installed packages, and bundled by rolldown as a serverless build would)"

const mark = (ok) => (ok ? "✅" : "❌")

export const coldStartTable = (rows) => {
  const baseRow = rows.find((r) => r.kind === "base")
  const base = baseRow.wallMs
  // Each vidbridge request row against runway's row of the same form (unbundled or bundled).
  const runwayOf = (r) =>
    rows.find(
      (x) => x.label === `@runwayml/sdk (tasks.retrieve)${r.label.endsWith(", bundled") ? ", bundled" : ""}`,
    )
  const target = (r) => {
    if (r.label.startsWith("vidbridge: core + adapter-drafts")) {
      const runwayRow = runwayOf(r)
      const ratio = r.wallMs / runwayRow.wallMs
      const cpuRatio = r.cpuMs / runwayRow.cpuMs
      return `≤ 1.3x @runwayml/sdk: ${ratio.toFixed(2)}x ${mark(ratio <= 1.3)} (CPU ${cpuRatio.toFixed(2)}x)`
    }
    if (r.kind === "cli")
      return `≤ 150 ms over node: ${(r.wallMs - base).toFixed(0)} ms ${mark(r.wallMs - base <= 150)}`
    return "–"
  }
  return [
    '| kind | program | process wall, spawn to exit (ms) | over `node -e ""` (ms) | process CPU, user + system (ms) | CPU over `node -e ""` (ms) | target |',
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.kind} | ${r.label} | ${r.wallMs.toFixed(0)} | ${r.kind === "base" ? "–" : (r.wallMs - base).toFixed(0)} | ` +
        `${r.cpuMs.toFixed(0)} | ${r.kind === "base" ? "–" : (r.cpuMs - baseRow.cpuMs).toFixed(0)} | ${target(r)} |`,
    ),
  ].join("\n")
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(coldStartTable(await runColdStart({ runs: Number(process.argv[2] ?? 11) })))
}
