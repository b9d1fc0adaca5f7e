import type { ConfiguredProvider } from "../ProviderDefinition.js"
import type { AnyProviderDefinition } from "../registry.js"
import { createVideoClient, type VideoClient, type VideoClientConfig } from "../VideoClient.js"
import { serveFetchHandler, serveHandlers } from "./serve.js"
import type { VendorSimulator } from "./VendorSimulator.js"

/** A simulator served over loopback HTTP, with a provider and a client configured for it. */
export interface ServedSimulator<S extends VendorSimulator> {
  readonly simulator: S
  /** `http://127.0.0.1:<port>`: the origin the simulator answers at. */
  readonly url: string
  /** The adapter configured with the simulator's settings for this origin (and the overrides given). */
  readonly provider: ConfiguredProvider
  /** A Promise client on {@link provider}. */
  readonly client: VideoClient
  readonly close: () => Promise<void>
}

/** Options of {@link serveSimulator}. */
export interface ServeSimulatorOptions {
  /** Settings over the simulator's own (`simulator.settings(url)`), e.g. fast retries. */
  readonly settings?: Readonly<Record<string, unknown>> | undefined
  /** The client's polling defaults. */
  readonly polling?: VideoClientConfig["polling"]
  readonly port?: number | undefined
}

/**
 * Serves a vendor simulator on 127.0.0.1 (real HTTP, no msw) and configures `definition`, the
 * simulator's adapter, to reach it: what a test of an adapter over the wire needs.
 *
 * @example
 * ```ts
 * const cleanup = makeCleanup()
 * afterEach(cleanup.closeAll)
 * const served = cleanup.add(await serveSimulator(createSimulator(), creatify, { settings: { retry: { baseDelay: 1 } } }))
 * const product = await served.client.createProduct({ url })
 * ```
 */
export const serveSimulator = async <S extends VendorSimulator>(
  simulator: S,
  definition: AnyProviderDefinition,
  options: ServeSimulatorOptions = {},
): Promise<ServedSimulator<S>> => {
  const server = await serveHandlers(simulator.handlers, {
    canonicalBase: simulator.canonicalBase,
    ...(options.port === undefined ? {} : { port: options.port }),
  })
  try {
    const provider = definition({ ...simulator.settings(server.url), ...options.settings })
    const client = createVideoClient({ provider, polling: options.polling })
    return { simulator, url: server.url, provider, client, close: server.close }
  } catch (error) {
    await server.close()
    throw error
  }
}

/**
 * A webhook receiver on 127.0.0.1 running a fetch-style handler (`client.handleWebhook(...)`, or
 * any `(Request) => Promise<Response>`); `url` is its origin plus `path`.
 */
export const serveReceiver = async (
  handle: (request: Request) => Response | Promise<Response>,
  path = "/hooks",
): Promise<{ readonly url: string; readonly close: () => Promise<void> }> => {
  const server = await serveFetchHandler(handle)
  return { url: `${server.url}${path}`, close: server.close }
}

/** What a test opened (servers, receivers): closed newest first by `closeAll`. */
export interface Cleanup {
  /** Remembers something to close; answers it, so `cleanup.add(await serve(...))` reads well. */
  readonly add: <T extends { readonly close: () => Promise<void> }>(closable: T) => T
  /** Closes everything added, newest first (e.g. in `afterEach`). */
  readonly closeAll: () => Promise<void>
}

/** Makes an empty {@link Cleanup}. */
export const makeCleanup = (): Cleanup => {
  const closers: Array<() => Promise<void>> = []
  return {
    add: (closable) => {
      closers.push(closable.close)
      return closable
    },
    closeAll: async () => {
      while (closers.length > 0) await closers.pop()!()
    },
  }
}
