import {
  type CreditLedger,
  type FaultPlan,
  type RequestLog,
  reportExchange,
  type SimClock,
  servedOrigin,
  withFault,
} from "@vidbridge/core/testing"
import { bypass, HttpResponse, type JsonBodyType } from "msw"
import { PROVIDER_ID } from "../internal/mapping/refs.js"
import type { JoggStore } from "./store.js"

// What every handler of both generations shares: the context they work on, JoggAI's
// `{code, msg, data, rid}` envelope, and the checks every simulated request passes (request
// log, `x-api-key`, the 20-POSTs-per-minute limit, then planned faults).

/** `fetch` that msw lets through: the simulator's own requests (page scrapes, webhooks) go to the network. */
export const bypassFetch: typeof fetch = (input, init) =>
  fetch(bypass(input instanceof Request ? input : new Request(input, init)))

/** The POSTs JoggAI accepts per key per minute. */
export const POSTS_PER_MINUTE = 20

/** Everything the handlers of both generations work on. */
export interface HandlerContext {
  readonly store: JoggStore
  readonly clock: SimClock
  readonly faults: FaultPlan
  readonly log: RequestLog
  readonly ledger: CreditLedger
  readonly apiKey: string
  /** Wall time (ms) the clock's 0 stands for: `created_at` and webhook timestamps count from it. */
  readonly epochMillis: number
  /** Envelope `50000` answers planned for a route (see `JoggSimulator.injectSystemError`). */
  readonly systemErrors: SystemErrorPlan
  /** Clock times of the POSTs accepted in the last minute (the rate limit's window). */
  readonly posts: number[]
  /** Told the origin every request reached the simulator at (served loopback, or the canonical base). */
  readonly noteOrigin: (origin: string) => void
  /** Credits left (`Infinity` without a balance), for `GET /v2/user/remaining_quota`. */
  readonly remaining: () => number
  /** How long (ms on the clock) a new preview or video stays out of the list endpoints. */
  readonly listLag: () => number
  /** Routes whose next answer is held until the client gives up (`JoggSimulator.holdAnswer`). */
  readonly holds: string[]
  /** Requests held now. */
  readonly held: { count: number }
}

/** Envelope `50000 System error` answers planned per route, `before` or `after` the request takes effect. */
export interface SystemErrorPlan {
  readonly inject: (route: string, when: "before" | "after", times: number) => void
  readonly take: (route: string) => "before" | "after" | undefined
}

/** Makes an empty {@link SystemErrorPlan}. */
export const makeSystemErrorPlan = (): SystemErrorPlan => {
  const planned: Array<{ route: string; when: "before" | "after"; remaining: number }> = []
  return {
    inject: (route, when, times) => {
      planned.push({ route, when, remaining: times })
    },
    take: (route) => {
      const found = planned.find((p) => p.route === route || p.route === "*")
      if (found === undefined) return undefined
      if (--found.remaining <= 0) planned.splice(planned.indexOf(found), 1)
      return found.when
    },
  }
}

let rid = 0

/** A 32-hex request id, as JoggAI puts in `rid`. */
export const nextRid = (): string => (++rid).toString(16).padStart(32, "0")

/** A success envelope (`code: 0`). */
export const ok = (data?: unknown): Response =>
  HttpResponse.json({
    code: 0,
    msg: "Success",
    ...(data === undefined ? {} : { data: data as JsonBodyType }),
    rid: nextRid(),
  })

/** An error envelope; JoggAI documents HTTP 200 for these, so that is the default. */
export const fail = (code: number, msg: string, status = 200, headers?: Record<string, string>): Response =>
  HttpResponse.json({ code, msg, data: null, rid: nextRid() }, { status, ...(headers ? { headers } : {}) })

/** JoggAI's documented error envelopes. */
export const errors = {
  notFound: () => fail(10104, "Record not found"),
  invalidKey: () => fail(10105, "Invalid API key"),
  noCredit: () => fail(18020, "Insufficient credit"),
  parameter: (detail: string) => fail(40000, `Parameter error: ${detail}`),
  system: () => fail(50000, "System error"),
} as const

/** Reads a JSON body; `undefined` when it is not a JSON object. */
export const jsonBody = async (request: Request): Promise<Record<string, unknown> | undefined> => {
  try {
    const json = (await request.json()) as unknown
    return json !== null && typeof json === "object" && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether JoggAI takes the request at all: logs it, checks `x-api-key` (`10105`), and limits
 * POSTs to 20 per simulated minute (envelope `code: 429` with `Retry-After`, at HTTP 200 like
 * every answer in JoggAI's OpenAPI document). Answers the refusal, or `undefined`.
 */
const refusal = (ctx: HandlerContext, request: Request, route: string): Response | undefined => {
  const now = ctx.clock.now()
  ctx.noteOrigin(servedOrigin(request, new URL(request.url).origin))
  ctx.log.record({ method: request.method, path: new URL(request.url).pathname, route, at: now })
  if (request.headers.get("x-api-key") !== ctx.apiKey) return errors.invalidKey()
  if (request.method !== "POST") return undefined
  while (ctx.posts.length > 0 && ctx.posts[0]! <= now - 60_000) ctx.posts.shift()
  if (ctx.posts.length >= POSTS_PER_MINUTE) {
    const wait = Math.max(1, Math.ceil((ctx.posts[0]! + 60_000 - now) / 1000))
    return fail(429, "Rate limit exceeded. Please try again later.", 200, { "retry-after": String(wait) })
  }
  ctx.posts.push(now)
  return undefined
}

/**
 * Runs a handler the way JoggAI would answer: the {@link refusal} checks, then planned `50000`
 * answers (`before` the request takes effect, or `after` it), core's faults and held answers. Observers
 * registered with core's `observeSimulators` see every request and answer.
 */
export const guard = (
  ctx: HandlerContext,
  request: Request,
  route: string,
  handle: () => Promise<Response> | Response,
): Promise<Response> =>
  reportExchange({ provider: PROVIDER_ID, route }, request, async () => {
    const refused = refusal(ctx, request, route)
    if (refused !== undefined) return refused
    const systemError = ctx.systemErrors.take(route)
    if (systemError === "before") return errors.system()
    if (systemError === "after") {
      await handle()
      return errors.system()
    }
    const response = await withFault(ctx.faults, ctx.clock, route, handle)
    const hold = ctx.holds.indexOf(route)
    if (hold < 0) return response
    // The request took effect; its answer never comes: the client times out after sending.
    ctx.holds.splice(hold, 1)
    ctx.held.count++
    await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }))
    ctx.held.count--
    return HttpResponse.error()
  })
