import type * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import { onDemand } from "../internal/onDemand.js"
import type { VideoError } from "../VideoError.js"

// effect/Config pulls in Effect's Schema and much more: importing it costs a Node process about
// 100 ms, so a client's `layerConfig` imports it when the layer is built, not at start-up.
const loadConfig = onDemand("Effect's Config module (effect/Config)", () => import("effect/Config"))

/**
 * Reads settings given as Effect `Config` values (each setting a `Config`, or one `Config` of
 * them all), importing `effect/Config` on first use: what a client's `layerConfig` runs. A
 * missing or malformed value fails with `ConfigError`; a failed import with `VideoError`
 * (`VendorUnavailable`, nothing sent; see {@link onDemand}).
 *
 * @example
 * ```ts
 * static layerConfig = (config: Config.Wrap<AcmeSettingsInput>) =>
 *   Layer.effect(AcmeClient, Effect.flatMap(readConfig("acme", config), fromInput))
 * ```
 */
export const readConfig = <A>(
  provider: string,
  config: Config.Wrap<A>,
): Effect.Effect<A, Config.ConfigError | VideoError> =>
  Effect.flatMap(loadConfig(provider, "layerConfig"), (module) => module.unwrap(config))
