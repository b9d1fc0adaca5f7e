// No test may depend on how fast the machine is. Two rules any test file in the repo can break
// without noticing on an idle machine (both did: a child-process test timed out at vitest's 5 s
// default on a busy 2-core machine, and two tests asserted an elapsed time below 280 ms):
// - a test file that starts processes sets a timeout sized for a busy machine (at least 60 s)
//   on its tests, and awaits the processes by their events;
// - no test asserts that wall-clock time stayed below a bound.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = join(dirname(fileURLToPath(import.meta.url)), "../..")

const testDirs = [
  ...readdirSync(join(root, "packages")).map((p) => join(root, "packages", p, "test")),
  join(root, "examples/test"),
  join(root, "reliability/test"),
].filter((dir) => existsSync(dir))

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === "node_modules" || name === "fixtures") return []
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|mts|mjs)$/.test(name) ? [path] : []
  })

const sources = testDirs.flatMap(filesUnder).map((path) => ({ path, text: readFileSync(path, "utf8") }))
const testFiles = sources.filter((s) => s.path.endsWith(".test.ts"))
const shown = (path: string) => relative(root, path)

/** Numeric constants declared anywhere in the test sources (`const CHILD_TIMEOUT = 120_000`). */
const constants = new Map(
  sources.flatMap((s) =>
    [...s.text.matchAll(/const\s+([A-Z][A-Z0-9_]*)\s*=\s*([\d_]+)\b/g)].map(
      (m) => [m[1]!, Number(m[2]!.replaceAll("_", ""))] as const,
    ),
  ),
)

/** The vitest timeouts a file sets (`{ timeout: 120_000 }` or `{ timeout: NAME }` on describe/it). */
const testTimeouts = (text: string): number[] =>
  [
    ...text.matchAll(
      /\b(?:describe|it|test)(?:\.\w+)*\([^,]+,\s*\{[^}]*\btimeout:\s*([A-Z][A-Z0-9_]*|[\d_]+)/g,
    ),
  ].map((m) => (/^\d/.test(m[1]!) ? Number(m[1]!.replaceAll("_", "")) : (constants.get(m[1]!) ?? 0)))

const startsProcesses = (text: string) =>
  /from\s+["']node:child_process["']/.test(text) ||
  /from\s+["']\.\/support\/(?:bin|processes)\.js["']/.test(text)

describe("tests do not depend on the machine's speed", () => {
  it("finds the test files (so the rules below check something)", () => {
    expect(testFiles.length).toBeGreaterThan(50)
    expect(testFiles.filter((f) => startsProcesses(f.text)).length).toBeGreaterThanOrEqual(1)
  })

  it("every test file that starts processes gives its tests a timeout for a busy machine (>= 60 s)", () => {
    const short = testFiles
      .filter((f) => startsProcesses(f.text))
      .flatMap((f) => {
        const timeouts = testTimeouts(f.text)
        return timeouts.length > 0 && timeouts.every((t) => t >= 60_000)
          ? []
          : [`${shown(f.path)}: ${timeouts.length === 0 ? "vitest's 5 s default" : timeouts.join(", ")}`]
      })
    expect(short).toEqual([])
  })

  it("no test asserts that wall-clock time stayed below a bound", () => {
    const bounded = testFiles.flatMap((f) =>
      f.text
        .split("\n")
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) =>
          /expect\((?:[^;]*performance\.now\(\)|[^;]*Date\.now\(\)|\s*elapsed\b)[^;]*\)\.toBeLessThan/.test(
            line,
          ),
        )
        .map(([line, n]) => `${shown(f.path)}:${n}: ${line.trim()}`),
    )
    expect(bounded).toEqual([])
  })
})
