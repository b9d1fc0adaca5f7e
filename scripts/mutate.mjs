// `pnpm mutate [file ...]`: mutation testing of the policy code with StrykerJS (issue 20).
// Without files: every file in scope (stryker.config.mjs). With files: those only, and only the
// test projects of the packages that own them. Then prints each file's score and every mutant
// that survived (also written to reports/mutation/summary.md).
import { spawnSync } from "node:child_process"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { scope } from "../stryker.config.mjs"

const root = path.resolve(import.meta.dirname, "..")
const from = process.env.INIT_CWD ?? process.cwd()
const files = process.argv
  .slice(2)
  .map((file) => path.relative(root, path.resolve(from, file)).replaceAll("\\", "/"))
for (const file of files) {
  if (!/^packages\/[^/]+\/src\/.+\.ts$/.test(file)) {
    console.error(`pnpm mutate: ${file} is not a source file of a package (packages/<name>/src/...)`)
    process.exit(2)
  }
  if (!scope.includes(file)) console.warn(`pnpm mutate: ${file} is not in the scope of stryker.config.mjs`)
}
const mutated = files.length > 0 ? files : scope
// packages/core -> core, packages/adapter-jogg -> adapter-jogg: the vitest project names.
const projects = [...new Set(mutated.map((file) => file.split("/")[1]))]

const started = Date.now()
const run = spawnSync(
  "stryker",
  [
    "run",
    "stryker.config.mjs",
    ...(files.length > 0 ? ["--mutate", files.join(",")] : []),
    // MUTATE_CONCURRENCY=1 when other work shares the machine (the config's default is 2).
    ...(process.env.MUTATE_CONCURRENCY ? ["--concurrency", process.env.MUTATE_CONCURRENCY] : []),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, VIDBRIDGE_MUTATE_PROJECTS: projects.join(",") },
  },
)
if (run.status !== 0) process.exit(run.status ?? 1)
const minutes = ((Date.now() - started) / 60_000).toFixed(1)

// Per-file scores as reliability/README.md records them: killed (timeouts count as killed) over
// all mutants that are not compile errors; survivors and mutants no test reached count against.
const report = JSON.parse(readFileSync(path.join(root, "reports/mutation/mutation.json"), "utf8"))
const rows = []
const survivors = []
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const lines = source.split("\n")
  const count = (...states) => mutants.filter((m) => states.includes(m.status)).length
  const killed = count("Killed", "Timeout")
  const alive = count("Survived", "NoCoverage")
  const score = killed + alive === 0 ? 100 : (100 * killed) / (killed + alive)
  rows.push(`| ${file} | ${mutants.length} | ${killed} | ${alive} | ${score.toFixed(1)}% |`)
  for (const m of mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage")) {
    const { start } = m.location
    const line = lines[start.line - 1]?.trim() ?? ""
    survivors.push(
      `- ${file}:${start.line}:${start.column} ${m.mutatorName} (${m.status}): \`${line}\` -> \`${m.replacement}\``,
    )
  }
}
const summary = [
  `Mutation run of ${new Date(started).toISOString().slice(0, 10)}: ${mutated.length} files, ${minutes} min`,
  "",
  "| file | mutants | killed | survived | score |",
  "| --- | ---: | ---: | ---: | ---: |",
  ...rows,
  "",
  survivors.length > 0 ? "Survivors:" : "No survivors.",
  ...survivors,
  "",
].join("\n")
mkdirSync(path.join(root, "reports/mutation"), { recursive: true })
writeFileSync(path.join(root, "reports/mutation/summary.md"), summary)
console.log(`\n${summary}`)
