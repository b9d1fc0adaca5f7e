// Measures what an app pays to use vidbridge: core's Promise client plus one adapter,
// bundled from the built packages (tree-shaken, minified, gzip -9), against bench/size-budget.json.
// Two numbers per program: the start-up code (the entry chunk and every chunk it imports
// statically: what loads before the app's first line runs) against `budgets`, and everything
// including the chunks loaded on demand (dynamic `import()`: the HTTP transport on the first
// request, catalogs, older API generations...) against `totalBudgets`.
// Run after `pnpm build`. Writes bench/size.json; exits 1 when a program is over budget.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { build } from "rolldown"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
// Entries live inside the CLI package so bare imports resolve through its dependencies.
const tmp = join(root, "packages/cli/.size-tmp")
const { budgets, totalBudgets } = JSON.parse(readFileSync(join(root, "bench/size-budget.json"), "utf8"))

const programs = {
  "core + adapter-creatify": ["creatify", '{ apiId: "id", apiKey: "key" }'],
  "core + adapter-jogg": ["jogg", '{ apiKey: "key" }'],
  "core + adapter-drafts": ["drafts", '{ apiKey: "key" }'],
}

rmSync(tmp, { recursive: true, force: true })
mkdirSync(tmp, { recursive: true })
const results = {}
let failed = false
for (const [name, [factory, settings]] of Object.entries(programs)) {
  const adapter = `@vidbridge/adapter-${name.split("adapter-")[1]}`
  const entry = join(tmp, `${factory}.mjs`)
  writeFileSync(
    entry,
    `import { createVideoClient } from "@vidbridge/core"\nimport { ${factory} } from "${adapter}"\n` +
      `export const client = createVideoClient({ provider: ${factory}(${settings}) })\n`,
  )
  const unresolved = []
  const out = await build({
    input: entry,
    onLog: (level, log) => {
      if (log.code === "UNRESOLVED_IMPORT") unresolved.push(log.message.split("\n")[0])
      else if (level === "warn") console.warn(log.message.split("\n")[0])
    },
    write: false,
    platform: "neutral",
    resolve: { conditionNames: ["import", "default"] },
    output: { format: "esm", minify: true },
  })
  if (unresolved.length > 0) {
    console.log(`FAIL  ${name}: ${unresolved.join("; ")} (run the build first)`)
    failed = true
    continue
  }
  const chunks = new Map(out.output.filter((c) => c.type === "chunk").map((c) => [c.fileName, c]))
  const startup = new Set()
  const visit = (fileName) => {
    if (startup.has(fileName)) return
    startup.add(fileName)
    for (const next of chunks.get(fileName).imports) visit(next)
  }
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName)
  const measure = (list) => {
    const code = list.map((chunk) => chunk.code).join("\n")
    return {
      minKB: +(code.length / 1024).toFixed(1),
      gzipKB: +(gzipSync(code, { level: 9 }).length / 1024).toFixed(1),
    }
  }
  const all = [...chunks.values()]
  const start = measure(all.filter((c) => startup.has(c.fileName)))
  const total = measure(all)
  // Each on-demand chunk alone, named after its largest module, to see what loads later.
  const later = all
    .filter((c) => !startup.has(c.fileName))
    .map((c) => {
      const [biggest] = Object.entries(c.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength)
      const from = biggest[0]
        .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, "")
        .replace(/^.*packages\//, "")
      return { from, ...measure([c]) }
    })
    .sort((a, b) => b.gzipKB - a.gzipKB)
  const budget = budgets[name]
  const totalBudget = totalBudgets?.[name]
  results[name] = {
    startup: { ...start, budgetKB: budget },
    total: { ...total, budgetKB: totalBudget },
    onDemand: later,
  }
  const over = budget !== undefined && start.gzipKB > budget
  const totalOver = totalBudget !== undefined && total.gzipKB > totalBudget
  failed ||= over || totalOver
  console.log(
    `${over ? "OVER " : "ok   "} ${name.padEnd(26)} start-up ${start.gzipKB.toFixed(1).padStart(5)} KB gz (budget ${budget} KB)`,
  )
  console.log(
    `${totalOver ? "OVER " : "ok   "} ${"".padEnd(26)} total    ${total.gzipKB.toFixed(1).padStart(5)} KB gz (budget ${totalBudget} KB), ` +
      `${later.length} on-demand chunks: ${later.map((c) => `${c.from} ${c.gzipKB}`).join(", ")}`,
  )
}
writeFileSync(join(root, "bench/size.json"), `${JSON.stringify(results, null, 2)}\n`)
rmSync(tmp, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
