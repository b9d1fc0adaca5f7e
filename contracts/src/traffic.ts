import type { SimulatorExchange } from "@vidbridge/core/testing"
import { documents } from "./documents.js"
import { exceptionFor } from "./exceptions.js"
import { checker, type SentRequest, type Violation } from "./validator.js"

// Observed traffic (an adapter's requests, a simulator's answers) turned into violations of
// the vendors' documents, minus the known conflicts of exceptions.yaml.

/**
 * A request carrying this header is off-contract on purpose (a test checking how a simulator
 * rejects a bad request): its own violations are not reported; the simulator's answer still is.
 */
export const OFF_CONTRACT_HEADER = "x-vidbridge-off-contract"

const bodyOf = async (message: Request | Response): Promise<unknown> => {
  const text = await message.text()
  if (text === "") return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

const sentOf = async (request: Request): Promise<SentRequest> => ({
  method: request.method,
  url: new URL(request.url),
  headers: request.headers,
  body: request.method === "GET" || request.method === "HEAD" ? undefined : await bodyOf(request),
})

const unexcused = (violations: ReadonlyArray<Violation>): Violation[] =>
  violations.filter((v) => exceptionFor(v) === undefined)

/** Violations of a request sent to a vendor (a copy; its body is read), exceptions applied. */
export const checkSentRequest = async (request: Request): Promise<Violation[]> => {
  const contracts = await checker()
  const vendor = contracts.vendorOf({ url: new URL(request.url) } as SentRequest)
  if (vendor === undefined || request.headers.has(OFF_CONTRACT_HEADER)) return []
  return unexcused(contracts.checkRequest(vendor, await sentOf(request)))
}

/**
 * Violations of one simulator exchange: the request (unless marked off-contract) and the
 * answer (unless a planned fault shaped it), exceptions applied.
 */
export const checkExchange = async (exchange: SimulatorExchange): Promise<Violation[]> => {
  const contracts = await checker()
  const sent = await sentOf(exchange.request)
  const vendor = contracts.vendorOf(sent)
  if (vendor === undefined) return []
  const found = exchange.request.headers.has(OFF_CONTRACT_HEADER) ? [] : contracts.checkRequest(vendor, sent)
  if (exchange.response !== undefined && exchange.fault === undefined) {
    const response = exchange.response
    const received = { status: response.status, headers: response.headers, body: await bodyOf(response) }
    found.push(...contracts.checkResponse(vendor, sent, received))
  }
  return unexcused(found)
}

/** One line per violation, naming the document, the operation and the JSON path. */
export const describeViolations = (violations: ReadonlyArray<Violation>): string => {
  const all = documents()
  const lines = violations.map(
    (v) =>
      `  - ${all[v.vendor].title} (contracts/specs/${all[v.vendor].file}): ${v.operation} ${v.direction} ` +
      `${v.path}: ${v.message} [${v.rule}]`,
  )
  return [
    `${violations.length} contract violation(s): the vendor's own OpenAPI document says otherwise.`,
    ...lines,
    "Fix the adapter or the simulator, or, where the vendor's guides contradict the document,",
    "record the conflict once in contracts/exceptions.yaml (the source that wins, and why).",
  ].join("\n")
}
