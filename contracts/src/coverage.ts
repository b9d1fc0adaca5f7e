import { readFileSync, writeFileSync } from "node:fs"
import { parse as parseYaml } from "yaml"
import { documents, type Vendor } from "./documents.js"
import { checker } from "./validator.js"

// How much of each vendor's published API an adapter implements, as Markdown tables generated
// from the vendor's document (or, for Creatify, from the notes' endpoint list) and from the
// requests the adapter's operations were seen to make.

/** One request an adapter made, as core's `HttpObserver.onRequest` reports it. */
export interface ObservedCall {
  /** The adapter operation that made it (`createProduct`, `getStatus`, `registerWebhook`, ...). */
  readonly operation: string
  readonly method: string
  /** The path relative to the adapter's base URL (query excluded). */
  readonly path: string
}

/**
 * Records the requests an adapter makes: pass `observer` in the adapter's settings
 * (`jogg({ ..., observer })`), run its operations, then read `calls`.
 */
export const recordCalls = () => {
  const calls: ObservedCall[] = []
  return {
    calls,
    observer: {
      onRequest: (event: { operation: string; method: string; path: string }) => {
        calls.push({ operation: event.operation, method: event.method, path: event.path.split("?")[0]! })
      },
    },
  }
}

/** One published operation and how the adapter reaches it. */
export interface CoverageRow {
  readonly operation: string
  readonly summary: string | undefined
  /** Adapter operations seen requesting it (empty: not implemented). */
  readonly via: ReadonlyArray<string>
}

/** A vendor's published operations, each with the adapter operations seen using it. */
export interface Coverage {
  readonly rows: ReadonlyArray<CoverageRow>
  /** Calls that match no published operation (e.g. JoggAI's `open` API, which no document covers). */
  readonly outside: ReadonlyArray<ObservedCall>
}

const collect = (
  published: ReadonlyArray<{ readonly operation: string; readonly summary: string | undefined }>,
  calls: ReadonlyArray<ObservedCall>,
  operationOf: (call: ObservedCall) => string | undefined,
): Coverage => {
  const via = new Map<string, Set<string>>()
  const outside: ObservedCall[] = []
  for (const call of calls) {
    const operation = operationOf(call)
    if (operation === undefined) outside.push(call)
    else via.set(operation, (via.get(operation) ?? new Set()).add(call.operation))
  }
  return {
    rows: published.map((p) => ({ ...p, via: [...(via.get(p.operation) ?? [])].sort() })),
    outside,
  }
}

/**
 * Coverage of a vendor's OpenAPI document: `calls` paths are relative to the adapter's base
 * URL, which for Hour One already ends in the document's server path (`/api/v1`).
 */
export const documentCoverage = async (
  vendor: Vendor,
  calls: ReadonlyArray<ObservedCall>,
): Promise<Coverage> => {
  const contracts = await checker()
  const contract = documents()[vendor]
  return collect(
    contract.operations.map((o) => ({ operation: o.route, summary: o.summary })),
    calls,
    (call) =>
      contracts.operationOf(vendor, {
        method: call.method,
        url: new URL(`https://vendor.invalid${contract.serverPath}${call.path}`),
        headers: new Headers(),
        body: undefined,
      }),
  )
}

/** A published endpoint from a list (`"PUT /api/links/{id}/"`), for vendors without a document. */
export interface ListedEndpoint {
  readonly operation: string
  readonly summary: string
}

/** Creatify's endpoints as the vendor notes list them (`contracts/lists/creatify-endpoints.yaml`). */
export const creatifyEndpoints = (): ReadonlyArray<ListedEndpoint> =>
  parseYaml(
    readFileSync(new URL("../lists/creatify-endpoints.yaml", import.meta.url), "utf8"),
  ) as ListedEndpoint[]

const templateMatches = (template: string, method: string, path: string): boolean => {
  const [wantMethod, wantPath] = template.split(" ") as [string, string]
  const pattern = new RegExp(
    `^${wantPath.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`,
  )
  return wantMethod === method.toUpperCase() && pattern.test(path)
}

/** Coverage of an endpoint list (Creatify: the vendor notes' list). */
export const listCoverage = (
  endpoints: ReadonlyArray<ListedEndpoint>,
  calls: ReadonlyArray<ObservedCall>,
): Coverage =>
  collect(endpoints, calls, (call) => {
    const hits = endpoints.filter((e) => templateMatches(e.operation, call.method, call.path))
    // The most specific template wins (`/api/links/link_with_params/` over `/api/links/{id}/`).
    return hits.sort(
      (a, b) => (a.operation.match(/\{/g)?.length ?? 0) - (b.operation.match(/\{/g)?.length ?? 0),
    )[0]?.operation
  })

const cell = (text: string | undefined) => (text ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim()

/** `N of M`: implemented published operations. */
export const coverageCount = (coverage: Coverage): string =>
  `${coverage.rows.filter((r) => r.via.length > 0).length} of ${coverage.rows.length}`

/** The coverage as a Markdown table (one row per published operation). */
export const coverageTable = (coverage: Coverage): string => {
  const lines = [
    "| published operation | summary | implemented | through |",
    "| --- | --- | --- | --- |",
    ...coverage.rows.map(
      (r) =>
        `| \`${r.operation}\` | ${cell(r.summary)} | ${r.via.length > 0 ? "yes" : "no"} | ${r.via
          .map((v) => `\`${v}\``)
          .join(", ")} |`,
    ),
  ]
  return lines.join("\n")
}

const markers = (name: string) => [`<!-- contracts:${name} -->`, `<!-- /contracts:${name} -->`] as const

/**
 * Keeps the generated block `name` of a Markdown file current: with `CONTRACTS_WRITE=1` it
 * rewrites the block; otherwise it answers whether the committed block is stale (a test
 * fails on that, so a README cannot drift from the generator).
 */
export const syncBlock = (file: URL, name: string, content: string): { readonly stale: boolean } => {
  const text = readFileSync(file, "utf8")
  const [open, close] = markers(name)
  const start = text.indexOf(open)
  const end = text.indexOf(close)
  if (start < 0 || end < start) throw new Error(`${file.pathname} has no ${open} ... ${close} block`)
  const next = `${text.slice(0, start + open.length)}\n${content}\n${text.slice(end)}`
  if (next === text) return { stale: false }
  if (process.env.CONTRACTS_WRITE === "1") {
    writeFileSync(file, next)
    return { stale: false }
  }
  return { stale: true }
}
