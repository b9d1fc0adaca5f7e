import * as Effect from "effect/Effect"
import { VendorUnavailable, VideoError } from "../VideoError.js"

// Code most apps never call at start-up (catalogs, the older API generation, looking up lost
// submissions; the HTTP transport until the first request) is imported on first use: a smaller
// start-up bundle and a faster cold start. A failed import is a typed error like any other.

/** Loads a module once, on first use: `(provider, operation)` names the call that needed it. */
export type OnDemand<M> = (provider: string, operation: string) => Effect.Effect<M, VideoError>

const reasonOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? ""
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message
}

/**
 * A module imported on first use (pass a dynamic `import()`), then kept: later uses cost
 * nothing. Concurrent first uses share one import. A failed import fails the call that needed
 * it with `VendorUnavailable` (`delivery: "not_sent"`: nothing reached the vendor, so even a
 * paid call may be sent again), and the next use tries to import again (a chunk a browser or
 * an edge runtime failed to fetch can load on a later try).
 *
 * @example
 * ```ts
 * const catalogs = onDemand("Acme's catalogs", () => import("./internal/catalogs.js"))
 * const listAvatars = (query) => Effect.flatMap(catalogs("acme", "listAvatars"), (m) => m.listAvatars(http, query))
 * ```
 */
export const onDemand = <M>(what: string, load: () => Promise<M>): OnDemand<M> => {
  let loaded: M | undefined
  let loading: Promise<M> | undefined
  const start = () => {
    loading ??= load().then(
      (module) => {
        loaded = module
        return module
      },
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  }
  return (provider, operation) =>
    loaded !== undefined
      ? Effect.succeed(loaded)
      : Effect.tryPromise({
          try: start,
          catch: (error) =>
            new VideoError({
              provider,
              operation,
              reason: new VendorUnavailable({
                message: `could not load ${what} (${reasonOf(error)}); the request was not sent`,
                delivery: "not_sent",
              }),
            }),
        })
}

/**
 * Operations whose code loads on first use: each named operation of `load`'s result, wrapped
 * so that its first call imports the module (see {@link onDemand}) and every call then runs the
 * loaded one. The wrappers exist at once, so `defineProvider`'s check that listed operations
 * are implemented still holds.
 *
 * @example
 * ```ts
 * const catalogs = deferOperations("acme", "Acme's catalogs", ["listAvatars", "listVoices"], () =>
 *   import("./internal/catalogs.js").then((m) => m.catalogOperations(http)),
 * )
 * ```
 */
export const deferOperations = <
  const Names extends string,
  Ops extends { readonly [K in Names]: (...args: any[]) => Effect.Effect<any, VideoError> },
>(
  provider: string,
  what: string,
  names: ReadonlyArray<Names>,
  load: () => Promise<Ops>,
): Pick<Ops, Names> => {
  const module = onDemand(what, load)
  const deferred = {} as Record<
    Names,
    (...args: ReadonlyArray<unknown>) => Effect.Effect<unknown, VideoError>
  >
  for (const name of names) {
    deferred[name] = (...args) => Effect.flatMap(module(provider, name), (ops) => ops[name](...args))
  }
  return deferred as unknown as Pick<Ops, Names>
}
