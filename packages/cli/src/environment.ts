import {
  type AnyProviderDefinition,
  type AspectRatio,
  type CatalogOperation,
  type ConfiguredProvider,
  configureFromEnv,
  createVideoClient,
  type HttpObserver,
  type VideoClient,
  VideoError,
} from "@vidbridge/core"
import type { SimClock, VendorSimulator } from "@vidbridge/core/testing"
import * as Schedule from "effect/Schedule"
import { isLoopbackHost } from "./download/addresses.js"
import { UsageError } from "./io.js"
import { modeOf } from "./mode.js"

export { modeOf } from "./mode.js"

/**
 * Makes a vendor simulator on a given clock (each adapter's `./testing` export has one). It may
 * answer a promise, so the simulator's module (and msw under it) loads only when a command
 * actually simulates: `async (o) => (await import("my-adapter/testing")).createSimulator(o)`.
 */
export type SimulatorFactory = (options: {
  readonly clock: SimClock
}) => VendorSimulator | Promise<VendorSimulator>

/** Vendor-only fields of a request or catalog read, keyed by provider id (`providerOptions`). */
export type VendorOptions = Readonly<Record<string, Readonly<Record<string, unknown>>>>

/**
 * What the CLI knows about a vendor beyond its adapter, to pick defaults from its catalogs
 * (`compare`, `create`): all optional.
 */
export interface ProviderHints {
  /**
   * `providerOptions` of a catalog read that keeps the items made for `aspectRatio` (for
   * catalogs whose items do not say which ratios they come in unless asked for one).
   */
  readonly catalogFilter?:
    | ((operation: CatalogOperation, aspectRatio: AspectRatio) => VendorOptions | undefined)
    | undefined
  /**
   * What making the product costs, for a vendor that charges for it (`estimateCredits` covers
   * previews and renders only): added to the run's estimate.
   */
  readonly productCost?: { readonly credits: number; readonly basis: string } | undefined
  /** `providerOptions` of previews and renders that leave background music out. */
  readonly musicOff?: VendorOptions | undefined
  /**
   * For a vendor that renders from a template it cannot list (a studio draft): the variable
   * that may hold its id, and how to find one, for the note when none is given.
   */
  readonly template?: { readonly env: string; readonly howTo: string } | undefined
}

/** The vendors the CLI knows: adapter definitions and their simulators. */
export interface CliProviders {
  readonly definitions: ReadonlyArray<AnyProviderDefinition>
  readonly simulators: Readonly<Record<string, SimulatorFactory>>
  /** Per provider id: see {@link ProviderHints}. */
  readonly hints?: Readonly<Record<string, ProviderHints>> | undefined
}

/** A provider ready for one CLI run. */
export interface OpenedProvider {
  readonly id: string
  readonly mode: "live" | "simulator"
  /** The configured provider the client runs on (for `@vidbridge/queue`'s workers and `runOrders`). */
  readonly configured: ConfiguredProvider
  readonly client: VideoClient
  /** HTTP requests made so far (retries included). */
  readonly requests: () => number
  /** Credits the simulator counted; `undefined` live (read `creditsUsed` on jobs). */
  readonly credits: () => number | undefined
  readonly close: () => Promise<void>
  /** For a simulator: the environment variables that point another process at it. */
  readonly exports: Readonly<Record<string, string>>
  /**
   * The vendor's origin when it runs on this machine (an in-process simulator, or one that a
   * `*_BASE_URL` on loopback points at, as `vidbridge simulators` prints): only its files may be
   * downloaded from loopback over plain http.
   */
  readonly simulatorOrigin: string | undefined
}

/** The origin of `baseUrl` when it is on loopback (a simulator), else `undefined`. */
const loopbackOrigin = (baseUrl: unknown): string | undefined => {
  if (typeof baseUrl !== "string") return undefined
  try {
    const url = new URL(baseUrl)
    return isLoopbackHost(url.hostname) ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** Options for {@link openProvider}. */
export interface OpenOptions {
  /** Use the simulator even when keys are set. */
  readonly simulate?: boolean | undefined
  /** How much faster than real time simulated jobs move. Default 60. */
  readonly speed?: number | undefined
  /** Poll interval against a simulator, in milliseconds. Default 300. */
  readonly pollEvery?: number | undefined
}

/**
 * Sample ids a simulator accepts for inputs that live vendors require from your account
 * (a template or draft, an avatar, a visual style). Used only when running on a simulator
 * and the user gave none; live runs use what the user passes and fail early without it.
 */
export const simulatorSamples = { template: "sim-template", avatar: "1", visualStyle: "sim-style" } as const

/** Fills what the user left out with {@link simulatorSamples} (simulator runs only). */
export const withSamples = <
  I extends { template?: string | undefined; avatar?: string | undefined; visualStyle?: string | undefined },
>(
  input: I,
): I => ({
  ...input,
  template: input.template ?? simulatorSamples.template,
  avatar: input.avatar ?? simulatorSamples.avatar,
  visualStyle: input.visualStyle ?? simulatorSamples.visualStyle,
})

/** A vendor simulator served on 127.0.0.1, with the settings and variables that reach it. */
export interface ServedSimulator {
  readonly simulator: VendorSimulator
  /** Adapter settings for the served simulator (credentials it accepts, `baseUrl`). */
  readonly settings: Record<string, unknown>
  /** The same settings as environment variables (`CREATIFY_BASE_URL=...`), for `fromEnv` or another shell. */
  readonly exports: Readonly<Record<string, string>>
  readonly close: () => Promise<void>
}

/**
 * Serves one vendor simulator on 127.0.0.1 with its clock running `speed` times faster than
 * real time (default 60). Loads core's testing kit (and msw) on first use, not before.
 */
export const serveSimulator = async (
  definition: AnyProviderDefinition,
  factory: SimulatorFactory,
  options: { readonly speed?: number | undefined } = {},
): Promise<ServedSimulator> => {
  const { makeSimClock, serveHandlers } = await import("@vidbridge/core/testing")
  const simulator = await factory({ clock: makeSimClock({ speed: options.speed ?? 60 }) })
  const server = await serveHandlers(simulator.handlers, { canonicalBase: simulator.canonicalBase })
  const settings = simulator.settings(server.url)
  const exports: Record<string, string> = {}
  for (const [key, variable] of Object.entries(definition.env)) {
    const value = settings[key]
    if (typeof value === "string") exports[variable.name] = value
  }
  return { simulator, settings, exports, close: server.close }
}

/**
 * Simulator pacing from the environment: `VIDBRIDGE_SIM_SPEED` (how many times faster than
 * real time simulated jobs move, default 60) and `VIDBRIDGE_SIM_POLL_MS` (poll interval, default 300).
 */
export const simulatorPacing = (env: Readonly<Record<string, string | undefined>>): OpenOptions => {
  const speed = Number(env.VIDBRIDGE_SIM_SPEED)
  const poll = Number(env.VIDBRIDGE_SIM_POLL_MS)
  return {
    ...(speed > 0 ? { speed } : {}),
    ...(poll > 0 ? { pollEvery: poll } : {}),
  }
}

/**
 * Opens one provider: live when its environment variables are set (a malformed or partial
 * set is an error naming the variable), otherwise its simulator served on 127.0.0.1.
 */
export const openProvider = async (
  id: string,
  providers: CliProviders,
  env: Readonly<Record<string, string | undefined>>,
  requested: OpenOptions = {},
): Promise<OpenedProvider> => {
  const options = { ...simulatorPacing(env), ...requested }
  const definition = providers.definitions.find((d) => d.id === id)
  if (definition === undefined) {
    throw new UsageError(
      `unknown provider "${id}"; known: ${providers.definitions.map((d) => d.id).join(", ")}`,
    )
  }
  let requests = 0
  const observer: HttpObserver = {
    onRequest: () => {
      requests++
    },
  }
  if (modeOf(definition, env, options.simulate) === "live") {
    const configured = configureFromEnv(definition, env, { observer })
    const baseUrlVariable = Object.entries(definition.env).find(([key]) => key === "baseUrl")?.[1].name
    const simulatorOrigin = loopbackOrigin(baseUrlVariable === undefined ? undefined : env[baseUrlVariable])
    // A vendor on this machine (a simulator served elsewhere) is polled at the simulator pace when one is set.
    const pollEvery = simulatorOrigin === undefined ? undefined : simulatorPacing(env).pollEvery
    return {
      id,
      mode: "live",
      configured,
      client: createVideoClient({
        provider: configured,
        ...(pollEvery === undefined ? {} : { polling: { schedule: Schedule.spaced(pollEvery) } }),
      }),
      requests: () => requests,
      credits: () => undefined,
      close: async () => {},
      exports: {},
      simulatorOrigin,
    }
  }
  const factory = providers.simulators[id]
  if (factory === undefined) throw new UsageError(`"${id}" has no simulator; set its API keys to use it`)
  const served = await serveSimulator(definition, factory, options)
  try {
    const configured = definition({ ...served.settings, observer, retry: { baseDelay: 50, maxDelay: 200 } })
    return {
      id,
      mode: "simulator",
      configured,
      client: createVideoClient({
        provider: configured,
        // A simulator runs jobs faster than real time: poll it faster than the vendor's floor.
        polling: { schedule: Schedule.spaced(options.pollEvery ?? 300), minInterval: 0 },
      }),
      requests: () => requests,
      credits: () => served.simulator.creditsSpent(),
      close: served.close,
      exports: served.exports,
      simulatorOrigin: loopbackOrigin(served.settings.baseUrl),
    }
  } catch (error) {
    await served.close()
    throw error instanceof VideoError ? error : new Error(String(error))
  }
}
