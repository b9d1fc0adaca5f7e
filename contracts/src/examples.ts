import { generateSync } from "json-schema-faker"
import { sample } from "openapi-sampler"
import { documents, specBytes, type Vendor } from "./documents.js"
import { checker, type SentRequest } from "./validator.js"

// The vendors' example answers as test fixtures, read from the committed spec files at test
// time (never copied by hand): JoggAI's document and Postman collection, and, since Hour One's
// document has no examples, instances generated from its response schemas.

/** One example answer of a documented operation. */
export interface ExampleAnswer {
  /** `"POST /v2/product"`: the documented operation it answers. */
  readonly operation: string
  readonly status: number
  /** Where it comes from: `document`, `postman: <request name>`, or `generated #<n>`. */
  readonly source: string
  readonly body: unknown
}

interface JsonResponse {
  readonly operation: string
  readonly status: number
  readonly schema: Record<string, unknown>
  readonly example: unknown
}

/** Every documented answer with a JSON schema, per operation and status. */
const jsonResponses = (vendor: Vendor): JsonResponse[] => {
  const contract = documents()[vendor]
  return contract.operations.flatMap((operation) => {
    const responses = contract.document.paths[operation.path][operation.method.toLowerCase()].responses ?? {}
    return Object.entries(responses as Record<string, any>).flatMap(([status, response]) => {
      const media = response?.content?.["application/json"]
      if (media?.schema === undefined || !/^\d{3}$/.test(status)) return []
      return [
        { operation: operation.route, status: Number(status), schema: media.schema, example: media.example },
      ]
    })
  })
}

/**
 * JoggAI's documented example answers: a response's own `example` where it has one,
 * otherwise the answer its schema's `example` values compose (what the API reference shows,
 * built with Redocly's openapi-sampler).
 */
export const joggDocumentExamples = (): ExampleAnswer[] => {
  const document = documents().jogg.document
  return jsonResponses("jogg").map((response) => ({
    operation: response.operation,
    status: response.status,
    source: response.example === undefined ? "document (schema examples)" : "document (response example)",
    body:
      response.example ??
      sample(response.schema as never, { skipReadOnly: true, skipNonRequired: false }, document as never),
  }))
}

interface PostmanItem {
  readonly name: string
  readonly item?: ReadonlyArray<PostmanItem>
  readonly request?: { readonly method: string; readonly url: string | { readonly raw: string } }
  readonly response?: ReadonlyArray<{
    readonly name?: string
    readonly code?: number
    readonly body?: string
  }>
}

const flatten = (items: ReadonlyArray<PostmanItem>): PostmanItem[] =>
  items.flatMap((item) => (item.item ? flatten(item.item) : [item]))

/**
 * Every example answer of JoggAI's Postman collection, with the documented operation its
 * request matches (`:task_id` path variables stand for any value).
 */
export const joggPostmanExamples = async (): Promise<ExampleAnswer[]> => {
  const contracts = await checker()
  const collection = JSON.parse(specBytes("jogg-v2.postman_collection.json").toString("utf8")) as {
    item: PostmanItem[]
  }
  return flatten(collection.item).flatMap((item) => {
    const raw = typeof item.request?.url === "string" ? item.request.url : (item.request?.url.raw ?? "")
    const url = new URL(raw.replace("{{baseUrl}}", "https://api.jogg.ai").replace(/\/:([a-z_]+)/g, "/$1-1"))
    const method = item.request?.method ?? "GET"
    const request: SentRequest = { method, url, headers: new Headers(), body: undefined }
    const operation = contracts.operationOf("jogg", request) ?? `${method} ${url.pathname}`
    return (item.response ?? []).map((response) => ({
      operation,
      status: response.code ?? 200,
      source: `postman: ${item.name} / ${response.name ?? "example"}`,
      body: JSON.parse(response.body ?? "null") as unknown,
    }))
  })
}

/**
 * Valid instances of every Hour One response schema (its document has no examples):
 * `count` per answer, from fixed seeds with json-schema-faker, each one checked against the
 * document before it is returned (an instance the document rejects throws).
 */
export const houroneGeneratedExamples = async (count = 3): Promise<ExampleAnswer[]> => {
  const contracts = await checker()
  const document = documents().hourone.document
  return jsonResponses("hourone").flatMap((response) =>
    Array.from({ length: count }, (_, n) => {
      const body = generateSync({ ...response.schema, components: document.components } as never, {
        seed: 1000 + n,
        maxDepth: 12,
        alwaysFakeOptionals: n > 0,
        optionalsProbability: n === 0 ? 0 : 1,
      })
      const [method, path] = response.operation.split(" ") as [string, string]
      const url = new URL(`https://api.makereals.com/api/v1${path.replace(/\{([a-z_]+)\}/g, "$1-1")}`)
      const violations = contracts.checkResponse(
        "hourone",
        { method, url, headers: new Headers(), body: undefined },
        { status: response.status, headers: new Headers(), body },
      )
      if (violations.length > 0) {
        throw new Error(
          `generated #${n} for ${response.operation} ${response.status} is not valid: ${JSON.stringify(violations)}`,
        )
      }
      return { operation: response.operation, status: response.status, source: `generated #${n}`, body }
    }),
  )
}
