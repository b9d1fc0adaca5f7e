import * as Effect from "effect/Effect"
import type { KyInstance } from "ky"
import { onDemand } from "../internal/onDemand.js"
import type { VideoError } from "../VideoError.js"

// ky, the transport, is imported on a client's first request, not at start-up: importing it
// loads Node's fetch engine (ky probes for features by building a `Request`), which a webhook
// receiver or `vidbridge --help` never needs, and it is a fifth of a client's bundle.
const loadKy = onDemand("the HTTP transport (ky)", () => import("ky").then((module) => module.default))

/** The fetch-init key the per-attempt abort signal is passed under (ky forwards unknown keys). */
export const SIGNAL = "vidbridgeSignal"

/** One client's ky instance: `loaded` once the first request has imported ky, `load` until then. */
export interface Transport {
  readonly loaded: KyInstance | undefined
  readonly load: (provider: string, operation: string) => Effect.Effect<KyInstance, VideoError>
}

/** The ky instance of one client (its retry and timeout off: core's policy does both). */
export const makeTransport = (baseUrl: string, fetchImpl: typeof globalThis.fetch): Transport => {
  const transport: { loaded: KyInstance | undefined; load: Transport["load"] } = {
    loaded: undefined,
    load: (provider, operation) =>
      Effect.map(loadKy(provider, operation), (ky) => {
        transport.loaded ??= ky.create({
          prefix: baseUrl,
          retry: 0,
          timeout: false,
          throwHttpErrors: false,
          // ky forwards options it does not know to fetch's init; the per-attempt abort signal
          // travels that way so ky does not combine signals on every request.
          fetch: (input, init) => {
            const { [SIGNAL]: signal, ...rest } = (init ?? {}) as RequestInit & { [SIGNAL]?: AbortSignal }
            return fetchImpl(input, signal === undefined ? rest : { ...rest, signal })
          },
        })
        return transport.loaded
      }),
  }
  return transport
}
