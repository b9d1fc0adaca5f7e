import * as Effect from "effect/Effect"
import { CatalogOperations } from "../Capabilities.js"
import { checked, operation } from "../internal/operation.js"
import {
  type CatalogItems,
  type CatalogOperation,
  type CatalogPage,
  type CatalogQuery,
  CatalogQuerySchema,
  type CreditBalance,
} from "../model/Catalog.js"
import type { VideoError } from "../VideoError.js"
import type { VideoProviderShape } from "../VideoProvider.js"

/** One catalog read: the query checked before any request, then the provider's page. */
const catalogRead =
  <K extends CatalogOperation>(provider: VideoProviderShape, name: K) =>
  (query: CatalogQuery = {}): Effect.Effect<CatalogPage<CatalogItems[K]>, VideoError> =>
    Effect.flatMap(operation(provider, name), (run) =>
      Effect.flatMap(checked(provider, name, CatalogQuerySchema, query), (valid) =>
        (run as (q: CatalogQuery) => Effect.Effect<CatalogPage<CatalogItems[K]>, VideoError>)(valid),
      ),
    )

/** A catalog read of the neutral operations. */
export type CatalogRead<K extends CatalogOperation> = (
  query?: CatalogQuery,
) => Effect.Effect<CatalogPage<CatalogItems[K]>, VideoError>

/** The catalog reads and the balance over one provider, as `operationsFor` answers them. */
export const catalogOperations = (provider: VideoProviderShape) => ({
  ...(eachCatalog((name) => catalogRead(provider, name)) as {
    readonly [K in CatalogOperation]: CatalogRead<K>
  }),
  getCreditBalance: (): Effect.Effect<CreditBalance, VideoError> =>
    Effect.flatMap(operation(provider, "getCreditBalance"), (run) => run()),
})

/** An object with one entry per catalog read (`listAvatars`, ...), each made by `make`. */
export const eachCatalog = <T>(make: (name: CatalogOperation) => T): Readonly<Record<CatalogOperation, T>> =>
  Object.fromEntries(CatalogOperations.map((name) => [name, make(name)])) as Record<CatalogOperation, T>
