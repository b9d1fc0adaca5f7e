import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type { ConfiguredProvider } from "./ProviderDefinition.js"
import { type AnyProviderDefinition, unknownProvider } from "./registry.js"
import { createVideoClient, type VideoClient, type VideoClientConfig } from "./VideoClient.js"
import { invalidInput, VideoError } from "./VideoError.js"

/** Options for {@link fromEnv} and {@link configureFromEnv}. */
export interface FromEnvOptions {
  /** The adapters the app ships with. */
  readonly providers: ReadonlyArray<AnyProviderDefinition>
  /** Where to read variables. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  /** The variable naming the active provider. Default `VIDBRIDGE_PROVIDER`. */
  readonly variable?: string | undefined
  /** Settings that cannot come from text (e.g. `fetch`), merged over the environment's, per provider id. */
  readonly overrides?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined
  readonly polling?: VideoClientConfig["polling"]
}

const defaultEnv = (): Readonly<Record<string, string | undefined>> =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}

/**
 * Configures one provider from environment variables. A missing or malformed variable is a
 * `VideoError` whose message names the variable.
 */
export const configureFromEnv = (
  definition: AnyProviderDefinition,
  env: Readonly<Record<string, string | undefined>>,
  overrides: Readonly<Record<string, unknown>> = {},
): ConfiguredProvider => {
  const raw: Record<string, unknown> = {}
  for (const [key, variable] of Object.entries(definition.env)) {
    const value = env[variable.name]
    if (value !== undefined && value.trim() !== "") raw[key] = value.trim()
  }
  const exit = Effect.runSyncExit(definition.parseSettings({ ...raw, ...overrides }))
  if (Exit.isFailure(exit)) {
    const failure = exit.cause.reasons.find((r) => r._tag === "Fail")?.error
    const issues =
      failure instanceof VideoError && failure.reason._tag === "InvalidInput" ? failure.reason.issues : []
    throw invalidInput(
      definition.id,
      "configure",
      issues.map((issue) => {
        const key = issue.path.split(/[.[]/)[0] ?? ""
        const variable = definition.env[key]?.name
        if (variable === undefined) return issue
        return raw[key] === undefined && !(key in overrides)
          ? { path: variable, message: `is not set (${definition.env[key]?.description ?? key})` }
          : { path: variable, message: issue.message }
      }),
    )
  }
  return definition(exit.value)
}

/**
 * Builds a client from environment variables: `VIDBRIDGE_PROVIDER` names the active
 * provider (its variables must be set), and every other provider whose variables are all
 * set is configured too, so refs of any of them can be read.
 *
 * @example
 * ```ts
 * // VIDBRIDGE_PROVIDER=creatify CREATIFY_API_ID=... CREATIFY_API_KEY=...
 * const client = fromEnv({ providers: [creatify, jogg, drafts] })
 * ```
 */
export const fromEnv = (options: FromEnvOptions): VideoClient => {
  const env = options.env ?? defaultEnv()
  const variable = options.variable ?? "VIDBRIDGE_PROVIDER"
  const known = options.providers.map((p) => p.id)
  const name = env[variable]?.trim()
  if (!name) {
    throw invalidInput("vidbridge", "configure", [
      { path: variable, message: `is not set; set it to one of: ${known.join(", ")}` },
    ])
  }
  const definition = options.providers.find((p) => p.id === name)
  if (definition === undefined) throw unknownProvider(name, known, variable)
  const active = configureFromEnv(definition, env, options.overrides?.[name])
  const others: ConfiguredProvider[] = []
  for (const other of options.providers) {
    if (other.id === name) continue
    try {
      others.push(configureFromEnv(other, env, options.overrides?.[other.id]))
    } catch {
      // Not configured in this environment: its refs will be reported as unconfigured.
    }
  }
  return createVideoClient({ provider: active, providers: others, polling: options.polling })
}
