// Cold start: a fresh Node process importing core + one adapter from the built packages,
// against an empty `node -e ""`, and the Promise client's construction once imported.
// Runs are interleaved across programs and the median of each is kept (a shared 2-core
// machine varies by tens of ms between runs). Run after `pnpm build`: `pnpm bench`.
import { spawnSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

// Bare specifiers in `node -e` resolve from the working directory: the CLI package depends
// on every workspace package.
const cwd = join(dirname(fileURLToPath(import.meta.url)), "../packages/cli")

const program = (imports, construct) =>
  `const t0 = performance.now()\n${imports}\nconst t1 = performance.now()\n${construct ?? ""}\n` +
  "const t2 = performance.now()\n" +
  `console.log(JSON.stringify({ importMs: t1 - t0, ${construct ? "constructMs: t2 - t1, " : ""}rss: process.memoryUsage().rss }))`

const adapter = (name, factory, settings) =>
  program(
    `const { createVideoClient } = await import("@vidbridge/core")\nconst { ${factory} } = await import("@vidbridge/adapter-${name}")`,
    `createVideoClient({ provider: ${factory}(${settings}) })`,
  )

const programs = {
  'node -e ""': "",
  "effect (alone, for comparison)": program('await import("effect")'),
  "@vidbridge/core": program('await import("@vidbridge/core")'),
  "core + adapter-creatify": adapter("creatify", "creatify", '{ apiId: "id", apiKey: "key" }'),
  "core + adapter-jogg": adapter("jogg", "jogg", '{ apiKey: "key" }'),
  "core + adapter-drafts": adapter("drafts", "drafts", '{ apiKey: "key" }'),
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

export const runImport = ({ runs = 11 } = {}) => {
  const samples = Object.fromEntries(Object.keys(programs).map((name) => [name, []]))
  for (let round = 0; round < runs; round++) {
    for (const [name, code] of Object.entries(programs)) {
      const started = performance.now()
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
        cwd,
        encoding: "utf8",
      })
      const wallMs = performance.now() - started
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr.split("\n")[0]} (run the build first)`)
      samples[name].push({ wallMs, ...(code === "" ? {} : JSON.parse(child.stdout)) })
    }
  }
  const base = median(samples['node -e ""'].map((s) => s.wallMs))
  return Object.entries(samples).map(([name, list]) => {
    const wallMs = median(list.map((s) => s.wallMs))
    return {
      name,
      wallMs,
      overBaselineMs: wallMs - base,
      importMs: list[0].importMs === undefined ? undefined : median(list.map((s) => s.importMs)),
      constructMs: list[0].constructMs === undefined ? undefined : median(list.map((s) => s.constructMs)),
      rssMB: list[0].rss === undefined ? undefined : median(list.map((s) => s.rss)) / 2 ** 20,
    }
  })
}

const ms = (value) => (value === undefined ? "–" : value.toFixed(value < 10 ? 2 : 0))

export const importTable = (rows) =>
  [
    '| program | process wall (ms) | over `node -e ""` (ms) | import() inside (ms) | createVideoClient (ms) | RSS after (MB) |',
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${ms(r.wallMs)} | ${r.name.startsWith("node") ? "–" : ms(r.overBaselineMs)} | ${ms(r.importMs)} | ` +
        `${ms(r.constructMs)} | ${r.rssMB === undefined ? "–" : r.rssMB.toFixed(0)} |`,
    ),
  ].join("\n")

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(importTable(runImport({ runs: Number(process.argv[2] ?? 11) })))
}
