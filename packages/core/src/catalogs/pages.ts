import * as Effect from "effect/Effect"
import type { CatalogPage, CatalogQuery } from "../model/Catalog.js"
import { UnexpectedResponse, VideoError } from "../VideoError.js"

/** Options of {@link catalogItems} and {@link collectCatalog}. */
export interface CatalogWalkOptions {
  /** Stop after this many items (default: every item). */
  readonly maxItems?: number | undefined
}

// A cursor seen before means the pages go round in a circle: fail instead of reading forever.
const repeated = (cursor: string) =>
  new VideoError({
    provider: "vidbridge",
    operation: "catalog",
    reason: new UnexpectedResponse({
      message: "the provider answered a cursor it had answered before, so paging would never end",
      path: "cursor",
      excerpt: cursor.slice(0, 100),
    }),
  })

/**
 * Every item of a catalog, page after page (Promise face): `read` is one catalog read of the
 * client, called with `query` and then each page's cursor until a page has none. Pages are read
 * as the loop asks for them; `break` stops reading.
 *
 * @example
 * ```ts
 * for await (const voice of catalogItems((q) => client.listVoices(q), { search: "aria", limit: 100 })) {
 *   console.log(voice.id, voice.name)
 * }
 * ```
 */
export async function* catalogItems<T>(
  read: (query: CatalogQuery) => Promise<CatalogPage<T>>,
  query: CatalogQuery = {},
  options: CatalogWalkOptions = {},
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>()
  let left = options.maxItems ?? Number.POSITIVE_INFINITY
  let cursor = query.cursor
  while (left > 0) {
    const page = await read({ ...query, cursor })
    for (const item of page.items.slice(0, left)) yield item
    left -= page.items.length
    if (page.cursor === undefined) return
    if (seen.has(page.cursor)) throw repeated(page.cursor)
    seen.add(page.cursor)
    cursor = page.cursor
  }
}

/**
 * Every item of a catalog in one array (Effect face): `read` is one catalog read (`listAvatars`,
 * ...), called with `query` and then each page's cursor until a page has none.
 *
 * @example
 * ```ts
 * const voices = yield* collectCatalog(listVoices, { limit: 100 })
 * ```
 */
export const collectCatalog = <T, E, R>(
  read: (query: CatalogQuery) => Effect.Effect<CatalogPage<T>, E, R>,
  query: CatalogQuery = {},
  options: CatalogWalkOptions = {},
): Effect.Effect<ReadonlyArray<T>, E | VideoError, R> =>
  Effect.gen(function* () {
    const items: Array<T> = []
    const seen = new Set<string>()
    const max = options.maxItems ?? Number.POSITIVE_INFINITY
    let cursor = query.cursor
    while (items.length < max) {
      const page = yield* read({ ...query, cursor })
      items.push(...page.items.slice(0, max - items.length))
      if (page.cursor === undefined) break
      if (seen.has(page.cursor)) return yield* Effect.fail(repeated(page.cursor))
      seen.add(page.cursor)
      cursor = page.cursor
    }
    return items
  })
