// Engines: what each published package declares about Node is true of what it runs, and pnpm
// checks engines against the Node every script runs on (the pinned `node` dev dependency), so an
// install on an older system Node prints no `Unsupported engine` warnings.
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = join(dirname(fileURLToPath(import.meta.url)), "../..")

interface Manifest {
  readonly name: string
  readonly private?: boolean
  readonly engines?: { readonly node?: string }
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>
  readonly devDependencies?: Readonly<Record<string, string>>
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))

type Version = readonly [number, number, number]
/** A range as a union of half-open intervals [from, to); `to` undefined is unbounded. */
type Interval = { readonly from: Version; readonly to: Version | undefined }

const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.split(".").map((n) => Number.parseInt(n, 10) || 0)
  return [major, minor, patch]
}
const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
const before = (a: Version | undefined, b: Version | undefined): boolean =>
  a !== undefined && (b === undefined || compare(a, b) < 0)

/** The engines ranges in use here: `>=22.12`, `^22.11 || ^24 || >=26`, `18 || 20`, `6.* || >= 10.*`. */
const intervals = (range: string): Interval[] =>
  range.split("||").map((part) => {
    const match = /^\s*(>=|\^)?\s*v?(\d+(?:\.\d+){0,2})(?:\.[x*])?\s*$/.exec(part)
    if (match === null) throw new Error(`unsupported engines range "${range}"`)
    const from = parse(match[2]!)
    return match[1] === ">=" ? { from, to: undefined } : { from, to: [from[0] + 1, 0, 0] as const }
  })

/** Whether every Node `declared` allows is one `wanted` allows too. */
const within = (declared: string, wanted: string): boolean => {
  const merged: Interval[] = []
  for (const next of intervals(wanted).sort((a, b) => compare(a.from, b.from))) {
    const last = merged.at(-1)
    if (last !== undefined && !before(last.to, next.from))
      merged[merged.length - 1] = { from: last.from, to: before(last.to, next.to) ? next.to : last.to }
    else merged.push(next)
  }
  return intervals(declared).every((d) =>
    merged.some(
      (w) =>
        compare(w.from, d.from) <= 0 && (w.to === undefined || (d.to !== undefined && !before(w.to, d.to))),
    ),
  )
}

/** Where `name` resolves from `dir`, as Node finds it (walking up through node_modules). */
const locate = (dir: string, name: string): string | undefined => {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, "node_modules", name)
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate)
    if (dirname(d) === d) return undefined
  }
}

/** Every package `dir` needs at run time (dependencies and required peers), transitively. */
const runtimeClosure = (dir: string): Map<string, { dir: string; via: string }> => {
  const seen = new Map<string, { dir: string; via: string }>()
  const walk = (from: string, via: string) => {
    const m = manifest(from)
    const required = Object.keys(m.peerDependencies ?? {}).filter(
      (p) => m.peerDependenciesMeta?.[p]?.optional !== true,
    )
    for (const name of [...Object.keys(m.dependencies ?? {}), ...required]) {
      const found = locate(from, name)
      if (found === undefined || seen.has(found)) continue
      seen.set(found, { dir: found, via: `${via} > ${name}` })
      walk(found, `${via} > ${name}`)
    }
  }
  walk(dir, manifest(dir).name)
  return seen
}

const published = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")) && manifest(dir).private !== true)

describe("engines", () => {
  it.each(published.map((dir) => [manifest(dir).name, dir] as const))(
    "%s declares only Node versions that every package it runs supports",
    (_, dir) => {
      const declared = manifest(dir).engines?.node
      expect(declared, "engines.node").toBeDefined()
      const unsupported = [...runtimeClosure(dir).values()].flatMap(({ dir: dep, via }) => {
        const wanted = manifest(dep).engines?.node
        return wanted !== undefined && !within(declared!, wanted) ? [`${via} wants ${wanted}`] : []
      })
      expect(unsupported, `declares ${declared}`).toEqual([])
    },
  )

  it("pnpm checks engines against the pinned Node that runs every script", () => {
    const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")
    const nodeVersion = /^nodeVersion:\s*["']?([\d.]+)["']?\s*$/m.exec(workspace)?.[1]
    const pinned = manifest(root).devDependencies?.node
    expect(nodeVersion, "nodeVersion in pnpm-workspace.yaml").toBeDefined()
    expect(nodeVersion).toBe(pinned)
    // The pinned Node satisfies the workspace's own declarations.
    for (const dir of [root, ...published]) {
      const declared = manifest(dir).engines?.node
      if (declared !== undefined) expect(within(nodeVersion!, declared), `${dir}: ${declared}`).toBe(true)
    }
  })
})
