import type { ProviderDefinition } from "./ProviderDefinition.js"
import { invalidInput, type VideoError } from "./VideoError.js"

/** Any provider definition, whatever its settings types. */
export type AnyProviderDefinition = ProviderDefinition<any, any>

/** Provider definitions by id, so an app picks one with a config string. */
export interface ProviderRegistry {
  readonly ids: ReadonlyArray<string>
  /** The definition for `id`; throws a `VideoError` listing the known ids when there is none. */
  readonly get: (id: string) => AnyProviderDefinition
  readonly has: (id: string) => boolean
  readonly all: ReadonlyArray<AnyProviderDefinition>
}

/** The error for a provider name nobody registered. */
export const unknownProvider = (name: string, known: ReadonlyArray<string>, field = "provider"): VideoError =>
  invalidInput("vidbridge", "configure", [
    {
      path: field,
      message: `unknown provider ${JSON.stringify(name)}; known providers: ${known.join(", ") || "(none)"}`,
    },
  ])

/**
 * Builds a registry from adapter definitions.
 *
 * @example
 * ```ts
 * const registry = createRegistry([creatify, jogg, drafts])
 * const definition = registry.get(process.env.VIDEO_VENDOR ?? "creatify")
 * ```
 */
export const createRegistry = (definitions: ReadonlyArray<AnyProviderDefinition>): ProviderRegistry => {
  const byId = new Map(definitions.map((d) => [d.id, d]))
  const ids = [...byId.keys()]
  return {
    ids,
    all: [...byId.values()],
    has: (id) => byId.has(id),
    get: (id) => {
      const found = byId.get(id)
      if (found === undefined) throw unknownProvider(id, ids)
      return found
    },
  }
}
