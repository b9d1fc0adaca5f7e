import { Ajv, type Options as AjvOptions, type ErrorObject } from "ajv"
import { Ajv2020 } from "ajv/dist/2020.js"
import addFormats from "ajv-formats"
import { OpenAPIBackend, type Operation } from "openapi-backend"
import { type ContractDocument, documents, type Vendor, vendorOfPath } from "./documents.js"

// Requests and answers checked against a vendor's OpenAPI document with openapi-backend
// (routing, parameters, bodies, response schemas; Ajv underneath: draft-07 plus OpenAPI 3.0's
// `nullable` for 3.0 documents, JSON Schema 2020-12 for 3.1 documents, formats checked).

/** One way a request or an answer departs from the vendor's document. */
export interface Violation {
  readonly vendor: Vendor
  /** The documented operation (`"POST /videos"`), or the request's own method and path when none matches. */
  readonly operation: string
  readonly direction: "request" | "response"
  /**
   * JSON pointer into the exchange: `/method`, `/path`, `/query/page_size`,
   * `/headers/x-api-key`, `/body/video_spec/length`, `/status`.
   */
  readonly path: string
  /** The failed rule (an Ajv keyword such as `required`, `type`, `enum`; or `operation`, `status`, `security`). */
  readonly rule: string
  readonly message: string
  /** The offending value (the HTTP status for `status`; the value at `path` for `type`, `enum`, ...). */
  readonly value?: unknown
}

/** A request as sent, reduced to what the document describes. */
export interface SentRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Headers
  /** The parsed JSON body, the raw text when it is not JSON, or `undefined` when there is none. */
  readonly body: unknown
}

/** An answer as received. */
export interface ReceivedResponse {
  readonly status: number
  readonly headers: Headers
  readonly body: unknown
}

const withFormats = <A extends Ajv>(ajv: A): A => {
  addFormats.default(ajv)
  return ajv
}

const backendFor = async (contract: ContractDocument): Promise<OpenAPIBackend> => {
  const document = structuredClone(contract.document)
  // openapi-backend finds validators by operationId; JoggAI's document gives none, so each
  // operation gets its route as id (in this copy only; the file is unchanged).
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation === "object" && operation !== null && !("operationId" in operation)) {
        operation.operationId = `${method.toUpperCase()} ${path}`
      }
    }
  }
  const is31 = String(contract.document.openapi).startsWith("3.1")
  const backend = new OpenAPIBackend({
    definition: document as never,
    apiRoot: contract.serverPath === "" ? "/" : contract.serverPath,
    validate: true,
    quick: true,
    coerceTypes: true,
    ajvOpts: { allErrors: true, verbose: true, strict: false, logger: false },
    customizeAjv: (_default, options) =>
      withFormats(is31 ? new Ajv2020(options as AjvOptions) : new Ajv(options as AjvOptions)),
  })
  await backend.init()
  return backend
}

let backends: Promise<Record<Vendor, OpenAPIBackend>> | undefined

const loadBackends = (): Promise<Record<Vendor, OpenAPIBackend>> => {
  backends ??= (async () => {
    const all = documents()
    return { jogg: await backendFor(all.jogg), hourone: await backendFor(all.hourone) }
  })()
  return backends
}

const routeOf = (operation: Operation): string => `${operation.method.toUpperCase()} ${operation.path}`

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1")

/** openapi-backend's `/requestBody/...` is the body; `required` and `additionalProperties` name the property. */
const pointerOf = (error: ErrorObject, prefix = ""): string => {
  let path = prefix + error.instancePath.replace(/^\/requestBody/, "/body")
  const params = error.params as Record<string, unknown>
  if (error.keyword === "required") path += `/${escapePointer(String(params.missingProperty))}`
  if (error.keyword === "additionalProperties") path += `/${escapePointer(String(params.additionalProperty))}`
  return path
}

const messageOf = (error: ErrorObject): string => {
  const params = error.params as Record<string, unknown>
  if (error.keyword === "required") return "is required"
  if (error.keyword === "enum") return `must be one of ${JSON.stringify(params.allowedValues)}`
  if (error.keyword === "additionalProperties") return "is not a documented property"
  return error.message ?? error.keyword
}

/**
 * Ajv reports every branch of a failed `oneOf`/`anyOf`. A branch that failed on a constant
 * property (the discriminator `type: "create"` against a `type: "override"` body) is not the
 * one the data meant, so its errors are dropped when another branch remains.
 */
const relevant = (errors: ReadonlyArray<ErrorObject>): ErrorObject[] => {
  const combinators = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")
  let kept = [...errors]
  for (const combinator of combinators) {
    const branchOf = (e: ErrorObject) =>
      e.schemaPath.startsWith(`${combinator.schemaPath}/`)
        ? e.schemaPath.slice(combinator.schemaPath.length + 1).split("/")[0]
        : undefined
    const rejected = new Set<string>()
    const branches = new Set<string>()
    for (const error of kept) {
      const branch = branchOf(error)
      if (branch === undefined) continue
      branches.add(branch)
      const child = error.instancePath.slice(combinator.instancePath.length).split("/").length === 2
      if (child && (error.keyword === "enum" || error.keyword === "const")) rejected.add(branch)
    }
    if (rejected.size === 0 || rejected.size === branches.size) continue
    kept = kept.filter((e) => {
      const branch = branchOf(e)
      return (branch === undefined || !rejected.has(branch)) && e !== combinator
    })
  }
  return kept
}

const violationsOf = (
  errors: ReadonlyArray<ErrorObject> | null | undefined,
  base: Omit<Violation, "path" | "rule" | "message">,
  prefix = "",
): Violation[] => {
  const seen = new Set<string>()
  const out: Violation[] = []
  for (const error of relevant(errors ?? [])) {
    const path = pointerOf(error, prefix)
    const message = messageOf(error)
    const key = `${path} ${error.keyword} ${message}`
    if (seen.has(key)) continue
    seen.add(key)
    const valued = error.keyword !== "required" && error.keyword !== "additionalProperties"
    out.push({ ...base, path, rule: error.keyword, message, ...(valued ? { value: error.data } : {}) })
  }
  return out
}

const headerRecord = (headers: Headers): Record<string, string> => {
  const out: Record<string, string> = {}
  headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}

const queryRecord = (url: URL): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    out[key] = values.length === 1 ? values[0]! : values
  }
  return out
}

/** The header-borne API keys an operation requires (its `security`, or the document's). */
const requiredKeyHeaders = (contract: ContractDocument, operation: Operation): string[] => {
  const requirements = (operation.security ?? contract.document.security ?? []) as Array<
    Record<string, unknown>
  >
  const schemes = (contract.document.components?.securitySchemes ?? {}) as Record<string, any>
  return requirements.flatMap((requirement) =>
    Object.keys(requirement)
      .map((name) => schemes[name])
      .filter((scheme) => scheme?.type === "apiKey" && scheme.in === "header")
      .map((scheme) => String(scheme.name).toLowerCase()),
  )
}

/** The loaded validators; `await checker()` once, then check synchronously. */
export interface ContractChecker {
  /** Which vendor's document claims this request (by path), if any. */
  readonly vendorOf: (request: SentRequest) => Vendor | undefined
  /** The documented operation (`"GET /videos/{video_id}"`) a request matches, if any. */
  readonly operationOf: (vendor: Vendor, request: SentRequest) => string | undefined
  /** Violations of a request against `vendor`'s document (empty when it conforms). */
  readonly checkRequest: (vendor: Vendor, request: SentRequest) => Violation[]
  /** Violations of an answer to `request` against the documented responses of its operation. */
  readonly checkResponse: (vendor: Vendor, request: SentRequest, response: ReceivedResponse) => Violation[]
}

const toBackendRequest = (request: SentRequest) => ({
  method: request.method.toLowerCase(),
  path: request.url.pathname,
  headers: headerRecord(request.headers),
  query: queryRecord(request.url),
  body: request.body as never,
})

/** Loads both documents' validators (once per process). */
export const checker = async (): Promise<ContractChecker> => {
  const all = await loadBackends()
  const contracts = documents()
  const match = (vendor: Vendor, request: SentRequest) =>
    all[vendor].matchOperation(toBackendRequest(request))

  const checkRequest = (vendor: Vendor, request: SentRequest): Violation[] => {
    const contract = contracts[vendor]
    const operation = match(vendor, request)
    const own = `${request.method.toUpperCase()} ${request.url.pathname}`
    if (operation === undefined) {
      return [
        {
          vendor,
          operation: own,
          direction: "request",
          path: "/path",
          rule: "operation",
          message: `${own} is not an operation of ${contract.title} (server path "${contract.serverPath}")`,
        },
      ]
    }
    const base = { vendor, operation: routeOf(operation), direction: "request" as const }
    const missingKeys = requiredKeyHeaders(contract, operation)
      .filter((name) => !request.headers.has(name))
      .map((name) => ({
        ...base,
        path: `/headers/${name}`,
        rule: "security",
        message: "is required (API key)",
      }))
    const result = all[vendor].validateRequest(toBackendRequest(request), operation)
    return [...missingKeys, ...violationsOf(result.errors, base)]
  }

  const checkResponse = (vendor: Vendor, request: SentRequest, response: ReceivedResponse): Violation[] => {
    const operation = match(vendor, request)
    if (operation === undefined) return []
    const base = { vendor, operation: routeOf(operation), direction: "response" as const }
    const responses = (operation.responses ?? {}) as Record<string, any>
    const status = String(response.status)
    const documented = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default
    if (documented === undefined) {
      return [
        {
          ...base,
          path: "/status",
          rule: "status",
          message: `HTTP ${status} is not a documented answer (documented: ${Object.keys(responses).join(", ")})`,
          value: response.status,
        },
      ]
    }
    if (documented.content?.["application/json"]?.schema === undefined) return []
    const result = all[vendor].validateResponse(response.body, operation, response.status)
    return violationsOf(result.errors, base, "/body")
  }

  return {
    vendorOf: (request) => vendorOfPath(request.url.pathname),
    operationOf: (vendor, request) => {
      const operation = match(vendor, request)
      return operation === undefined ? undefined : routeOf(operation)
    },
    checkRequest,
    checkResponse,
  }
}
