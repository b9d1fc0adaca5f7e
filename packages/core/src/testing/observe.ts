/**
 * Set by {@link withFault} on every answer a planned fault shaped (its value is the fault's
 * `kind`), so an observer can tell a deliberately broken answer from the vendor's own.
 */
export const SIMULATED_FAULT_HEADER = "x-vidbridge-simulated-fault"

/** One request a simulator answered, as {@link observeSimulators} observers see it. */
export interface SimulatorExchange {
  /** The simulator's provider id (`creatify`, `jogg`, `drafts`). */
  readonly provider: string
  /** The simulator's route name (`"POST /v2/product"`). */
  readonly route: string
  /** A copy of the request as it arrived (canonical vendor URL; body unread). */
  readonly request: Request
  /** A copy of the answer (body unread); `undefined` when the connection was dropped. */
  readonly response: Response | undefined
  /** The planned fault that shaped the answer (`status`, `malformed`, ...), if one did. */
  readonly fault: string | undefined
}

/** Told about every request any simulator answers while it is registered. */
export type SimulatorObserver = (exchange: SimulatorExchange) => void

// One registry per process, even if two copies of this module are loaded (sources and dist).
const REGISTRY = Symbol.for("@vidbridge/core/testing/simulatorObservers")
const holder = globalThis as { [REGISTRY]?: Set<SimulatorObserver> }
const registry: Set<SimulatorObserver> = holder[REGISTRY] ?? new Set<SimulatorObserver>()
holder[REGISTRY] = registry

/**
 * Registers `observer` for every request any simulator answers (in-process under msw or
 * served on loopback) until the returned function is called. Observers must not throw:
 * they see copies after the answer is made and cannot change it. Use it to check
 * simulator traffic against a contract, or to record it.
 *
 * @example
 * ```ts
 * const stop = observeSimulators(({ route, response }) => seen.push(`${route} ${response?.status}`))
 * // ... run the test ...
 * stop()
 * ```
 */
export const observeSimulators = (observer: SimulatorObserver): (() => void) => {
  registry.add(observer)
  return () => {
    registry.delete(observer)
  }
}

/**
 * Answers `request` with `answer()` and tells the registered observers (see
 * {@link observeSimulators}) what was asked and answered. Simulators wrap their one entry
 * point with it; with no observer registered it only calls `answer`.
 */
export const reportExchange = async (
  meta: { readonly provider: string; readonly route: string },
  request: Request,
  answer: () => Promise<Response>,
): Promise<Response> => {
  if (registry.size === 0) return answer()
  const asked = request.clone()
  const response = await answer()
  const answered = response.type === "error" ? undefined : response.clone()
  const exchange: SimulatorExchange = {
    ...meta,
    request: asked,
    response: answered,
    fault: answered?.headers.get(SIMULATED_FAULT_HEADER) ?? (answered ? undefined : "reset"),
  }
  for (const observer of registry) observer(exchange)
  return response
}
