import { HttpResponse } from "msw"
import { SIMULATED_FAULT_HEADER } from "./observe.js"
import type { SimClock } from "./SimClock.js"

/**
 * A fault a simulator injects into one of its routes. `before` faults answer without
 * touching state (the vendor never saw the request); `after` faults let the request take
 * effect (a job is created, credits are spent) and then lose the answer.
 */
export type Fault =
  | { readonly kind: "status"; readonly status: number; readonly when: "before" | "after" }
  | { readonly kind: "reset"; readonly when: "before" | "after" }
  | { readonly kind: "rateLimit"; readonly retryAfterSeconds: number; readonly form?: "seconds" | "date" }
  /** The request takes effect at once; the answer comes `millis` later. */
  | { readonly kind: "slow"; readonly millis: number }
  | { readonly kind: "malformed" }
  | { readonly kind: "missingField"; readonly field: string }
  | { readonly kind: "extraField" }
  /**
   * The request takes effect; its JSON answer goes through `rewrite` first (a status the vendor
   * never documented, a changed shape). An answer that is not JSON passes unchanged.
   */
  | { readonly kind: "rewrite"; readonly rewrite: (body: unknown) => unknown }

/** A route name: `"POST /api/links/"` (method and the vendor's documented path pattern), or `"*"`. */
export type Route = string

interface Planned {
  readonly route: Route
  readonly fault: Fault
  remaining: number
}

/**
 * Faults waiting to be injected, in order. Tests and the demo add them; simulators take
 * them as requests arrive.
 */
export interface FaultPlan {
  /** Injects `fault` into the next `times` requests on `route` (default once). */
  readonly inject: (route: Route, fault: Fault, times?: number) => void
  /** The next fault for `route`, if one is planned; used by simulators. */
  readonly take: (route: Route) => Fault | undefined
  readonly clear: () => void
}

/** Makes an empty {@link FaultPlan}. */
export const makeFaultPlan = (): FaultPlan => {
  const planned: Planned[] = []
  return {
    inject: (route, fault, times = 1) => {
      planned.push({ route, fault, remaining: times })
    },
    take: (route) => {
      const found = planned.find((p) => p.route === route || p.route === "*")
      if (found === undefined) return undefined
      if (--found.remaining <= 0) planned.splice(planned.indexOf(found), 1)
      return found.fault
    },
    clear: () => {
      planned.length = 0
    },
  }
}

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis))

const dropField = (body: unknown, field: string): unknown => {
  if (body === null || typeof body !== "object") return body
  const [head, ...rest] = field.split(".")
  const copy: Record<string, unknown> = Array.isArray(body) ? ([...body] as never) : { ...(body as object) }
  if (rest.length === 0) delete copy[head!]
  else copy[head!] = dropField(copy[head!], rest.join("."))
  return copy
}

/**
 * Runs `handle` under the next planned fault for `route`: the one place where every
 * simulator's fault injection is implemented. An answer a fault shaped carries
 * {@link SIMULATED_FAULT_HEADER} (except `slow`, whose answer is the real one).
 */
export const withFault = async (
  plan: FaultPlan,
  // Unused since faults stopped depending on simulated time; kept so simulators' calls stay stable.
  _clock: SimClock,
  route: Route,
  handle: () => Promise<Response> | Response,
): Promise<Response> => {
  const fault = plan.take(route)
  if (fault === undefined) return handle()
  const response = await applyFault(fault, handle)
  if (fault.kind === "slow" || response.type === "error") return response
  response.headers.set(SIMULATED_FAULT_HEADER, fault.kind)
  return response
}

const applyFault = async (fault: Fault, handle: () => Promise<Response> | Response): Promise<Response> => {
  switch (fault.kind) {
    case "status":
      if (fault.when === "after") await handle()
      return HttpResponse.json({ detail: "simulated server error" }, { status: fault.status })
    case "reset":
      if (fault.when === "after") await handle()
      return HttpResponse.error()
    case "rateLimit": {
      // An HTTP date is wall-clock time (the client compares it with its own clock), not simulated time.
      const retryAfter =
        fault.form === "date"
          ? new Date(Date.now() + fault.retryAfterSeconds * 1000).toUTCString()
          : String(fault.retryAfterSeconds)
      return HttpResponse.json(
        { detail: "simulated rate limit" },
        { status: 429, headers: { "retry-after": retryAfter } },
      )
    }
    case "slow": {
      // The vendor does the work at once and answers late: the case credit safety is about.
      const response = await handle()
      await sleep(fault.millis)
      return response
    }
    case "malformed":
      await handle()
      return new HttpResponse('{"this is": not json', {
        status: 200,
        headers: { "content-type": "application/json" },
      })
    case "missingField":
    case "extraField": {
      const response = await handle()
      const body = (await response.json()) as unknown
      const changed =
        fault.kind === "missingField"
          ? dropField(body, fault.field)
          : { ...(body as object), simulator_extra: { added: true } }
      return HttpResponse.json(changed as never, { status: response.status })
    }
    case "rewrite": {
      const response = await handle()
      const text = await response.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return new HttpResponse(text, { status: response.status, headers: response.headers })
      }
      return HttpResponse.json(fault.rewrite(body) as never, { status: response.status })
    }
  }
}
