import * as Effect from "effect/Effect"
import type { CatalogPage, CatalogQuery } from "../model/Catalog.js"
import { invalidInput, type VideoError } from "../VideoError.js"
import type { CheckContext } from "./inputs.js"

// Mapping a vendor's paging onto the neutral cursor. The cursor is opaque to callers; these
// helpers make it a page number with its page size (`"2/10"`), a page of one of several lists
// (`"custom:2/10"`), or an offset into a list the vendor answers whole (`"20"`), and read it back
// with a clear error. A page-numbered cursor keeps its page size: page 2 of 10 is items 11-20
// whatever `limit` the next call gives, so the next page starts right after the last item read.

/** Where a page-numbered catalog read is: the vendor list (`source`, when it has several), the page (from 1) and its size. */
export interface PagePosition {
  readonly source?: string | undefined
  readonly page: number
  /** The page size the cursor was made with; absent on the first page (use `query.limit` or the vendor's default). */
  readonly pageSize?: number | undefined
}

/** What the vendor said about the pages after this one; give whichever it sends. */
export interface Paging {
  /** The page size asked for. */
  readonly pageSize: number
  /** How many items this page held (before any local search filter). 0 always ends the list. */
  readonly received: number
  /** A "more pages" flag (`has_more`), or `next !== null` for a next-page link (DRF's `next`). */
  readonly hasMore?: boolean | null | undefined
  /** The number of pages (`pagination.total_pages`). */
  readonly totalPages?: number | null | undefined
  /** The number of items (`count`, `total`, `total_items`). */
  readonly total?: number | null | undefined
}

const PAGE = /^(?:([a-z][a-z0-9_-]{0,30}):)?([1-9]\d{0,8})(?:\/([1-9]\d{0,3}))?$/

const badCursor = (context: CheckContext, expected: string) =>
  invalidInput(context.provider, context.operation, [
    {
      path: "cursor",
      message: `is not a cursor of ${context.provider}'s ${context.operation} (${expected})`,
    },
  ])

/**
 * Reads `query.cursor` of a page-numbered catalog: absent, the first page (of the first of
 * `sources`). With `sources` (a catalog made of several vendor lists, read one after another:
 * JoggAI's public, then custom avatars) the cursor names the list too. Ask the vendor for
 * `pageSize ?? <from query.limit>` items. A cursor not made by {@link nextPageCursor} fails
 * `InvalidInput` naming `cursor`, before any request.
 *
 * @example
 * ```ts
 * const at = yield* readPageCursor(query.cursor, { provider: "acme", operation: "listVoices" })
 * const pageSize = at.pageSize ?? Math.min(query.limit ?? 10, 100)
 * ```
 */
export const readPageCursor = (
  cursor: string | undefined,
  context: CheckContext,
  sources?: ReadonlyArray<string>,
): Effect.Effect<PagePosition, VideoError> => {
  if (cursor === undefined) return Effect.succeed({ source: sources?.[0], page: 1 })
  const match = PAGE.exec(cursor)
  const source = match?.[1]
  const valid =
    match !== null && (sources === undefined ? source === undefined : sources.includes(source ?? ""))
  return valid
    ? Effect.succeed({ source, page: Number(match[2]), pageSize: match[3] ? Number(match[3]) : undefined })
    : Effect.fail(
        badCursor(
          context,
          sources ? `expected <list>:<page>/<size>, lists ${sources.join(", ")}` : "expected <page>/<size>",
        ),
      )
}

/**
 * The cursor of the page after `at`, or `undefined` when `at` was the last (of the last of
 * `sources`): from the vendor's flag, page count or item count, else a short page is the last.
 * It carries `paging.pageSize`, the size asked for.
 *
 * @example
 * ```ts
 * nextPageCursor({ page: 1 }, { pageSize: 10, received: 10, hasMore: true }) // "2/10"
 * nextPageCursor({ page: 3 }, { pageSize: 10, received: 10, total: 30 }) // undefined
 * nextPageCursor({ source: "public", page: 2 }, { pageSize: 10, received: 4 }, ["public", "custom"]) // "custom:1/10"
 * ```
 */
export const nextPageCursor = (
  at: PagePosition,
  paging: Paging,
  sources?: ReadonlyArray<string>,
): string | undefined => {
  const more =
    paging.received > 0 &&
    (paging.hasMore != null
      ? paging.hasMore
      : paging.totalPages != null
        ? at.page < paging.totalPages
        : paging.total != null
          ? at.page * paging.pageSize < paging.total
          : paging.received >= paging.pageSize)
  const size = `/${paging.pageSize}`
  if (more) return `${at.source === undefined ? "" : `${at.source}:`}${at.page + 1}${size}`
  const next = sources?.[sources.indexOf(at.source ?? "") + 1]
  return at.source !== undefined && next !== undefined ? `${next}:1${size}` : undefined
}

/**
 * True when `search` is absent or `item.name` contains it (case-insensitive): the filter of a
 * catalog whose vendor cannot search. Apply it to each page; the cursor still follows the vendor's pages.
 */
export const matchesSearch = (item: { readonly name: string }, search: string | undefined): boolean =>
  search === undefined || item.name.toLowerCase().includes(search.trim().toLowerCase())

/**
 * One page of a catalog the vendor answers whole (no paging) or that the adapter knows (a fixed
 * list of visual styles): `search` applied with {@link matchesSearch}, then `limit` items from the
 * offset in `cursor` (absent `limit`: all the rest). A bad cursor fails `InvalidInput`.
 *
 * @example
 * ```ts
 * listTemplates: (query) => Effect.flatMap(client.templates(), (all) =>
 *   pageOfList(all.map(toTemplate), query, { provider: "acme", operation: "listTemplates" }))
 * ```
 */
export const pageOfList = <T extends { readonly name: string }>(
  items: ReadonlyArray<T>,
  query: CatalogQuery,
  context: CheckContext,
): Effect.Effect<CatalogPage<T>, VideoError> => {
  const offset =
    query.cursor === undefined ? 0 : /^[1-9]\d{0,8}$/.test(query.cursor) ? Number(query.cursor) : -1
  if (offset < 0) return Effect.fail(badCursor(context, "an offset"))
  const found = items.filter((item) => matchesSearch(item, query.search))
  const end = query.limit === undefined ? found.length : offset + query.limit
  return Effect.succeed({
    items: found.slice(offset, end),
    ...(end < found.length ? { cursor: String(end) } : {}),
  })
}
