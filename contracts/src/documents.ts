import { readFileSync } from "node:fs"
import { parse as parseYaml } from "yaml"

// The vendors' own machine-readable contracts (contracts/specs/, copied byte for byte; see
// specs/README.md for where each comes from).

/** A vendor whose API has a published OpenAPI document. */
export type Vendor = "jogg" | "hourone"

/** HTTP methods an OpenAPI path item can hold. */
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const

/** One documented operation. */
export interface DocumentedOperation {
  /** `"POST /v2/product"`: method and the document's path template (relative to its server). */
  readonly route: string
  readonly method: string
  readonly path: string
  /** The document's `operationId`, when it gives one. */
  readonly operationId: string | undefined
  readonly summary: string | undefined
}

/** A vendor's OpenAPI document and how requests reach it. */
export interface ContractDocument {
  readonly vendor: Vendor
  /** What the document is, for messages and tables. */
  readonly title: string
  /** The file under `contracts/specs/`. */
  readonly file: string
  /** The parsed document (treat as read-only). */
  readonly document: Record<string, any>
  /**
   * The path of the document's server: requests carry it before the document's paths
   * (`""` for JoggAI's `https://api.jogg.ai`, `"/api/v1"` for Hour One's relative server).
   */
  readonly serverPath: string
  /** Request paths starting with this are this vendor's, and must be in the document. */
  readonly claims: string
  readonly operations: ReadonlyArray<DocumentedOperation>
}

const specsDir = new URL("../specs/", import.meta.url)

/** The bytes of a spec file as committed. */
export const specBytes = (file: string): Buffer => readFileSync(new URL(file, specsDir))

const operationsOf = (document: Record<string, any>): DocumentedOperation[] =>
  Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      route: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      operationId: item[method].operationId,
      summary: item[method].summary,
    })),
  )

const serverPathOf = (document: Record<string, any>): string => {
  const url = String(document.servers?.[0]?.url ?? "/")
  return new URL(url, "https://server.invalid").pathname.replace(/\/+$/, "")
}

const load = (vendor: Vendor, title: string, file: string, claims: string): ContractDocument => {
  const text = specBytes(file).toString("utf8")
  const document = (file.endsWith(".yaml") ? parseYaml(text) : JSON.parse(text)) as Record<string, any>
  return {
    vendor,
    title,
    file,
    document,
    serverPath: serverPathOf(document),
    claims,
    operations: operationsOf(document),
  }
}

let loaded: Readonly<Record<Vendor, ContractDocument>> | undefined

/** Both vendors' documents, parsed once per process. */
export const documents = (): Readonly<Record<Vendor, ContractDocument>> => {
  loaded ??= {
    jogg: load("jogg", "JoggAI OpenAPI v2", "jogg-openapi-v2.yaml", "/v2/"),
    hourone: load("hourone", "Hour One sizzle-server", "hourone-openapi-original.json", "/api/v1/"),
  }
  return loaded
}

/** The vendor whose document claims a request path, if any (`/v2/...` JoggAI, `/api/v1/...` Hour One). */
export const vendorOfPath = (pathname: string): Vendor | undefined =>
  Object.values(documents()).find((d) => pathname.startsWith(d.claims))?.vendor

/** The files under `contracts/specs/` with the sha256 each must have (see specs/README.md). */
export const SPEC_FILES = {
  "jogg-openapi-v2.yaml": "644f134afa095a9288f3737d4fb94aa3944b7283f5a5383571db1e942f1ff60f",
  "jogg-v2.postman_collection.json": "e4a21e103a732864f6729c702b6560880c8fd71de716a3f8a4a759a0f3f31c7d",
  "hourone-openapi-original.json": "ae71f85a5c2a7fc53e5d39c32d77a0d8065975826ede7fbef4a5a13e3fd3cc6e",
} as const
