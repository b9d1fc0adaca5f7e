// Measures what an app pays to use vidbridge: core's Promise client plus one adapter,
// bundled from the built packages (tree-shaken, minified, gzip -9), against bench/size-budget.json.
// Run after `pnpm build`. Writes bench/size.json; exits 1 when a program is over budget.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { build } from "rolldown"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
// Entries live inside the CLI package so bare imports resolve through its dependencies.
const tmp = join(root, "packages/cli/.size-tmp")
const { budgets } = JSON.parse(readFileSync(join(root, "bench/size-budget.json"), "utf8"))

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
  const code = out.output.map((chunk) => chunk.code ?? "").join("\n")
  const kb = gzipSync(code, { level: 9 }).length / 1024
  const budget = budgets[name]
  results[name] = { minKB: +(code.length / 1024).toFixed(1), gzipKB: +kb.toFixed(1), budgetKB: budget }
  const over = budget !== undefined && kb > budget
  failed ||= over
  console.log(
    `${over ? "OVER " : "ok   "} ${name.padEnd(26)} ${kb.toFixed(1).padStart(6)} KB gz (budget ${budget} KB)`,
  )
}
writeFileSync(join(root, "bench/size.json"), `${JSON.stringify(results, null, 2)}\n`)
rmSync(tmp, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
