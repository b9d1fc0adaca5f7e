import type { CatalogPage, CatalogQuery, Gender, InputIssue, VideoError } from "@vidbridge/core"
import {
  matchesSearch,
  nextPageCursor,
  type Paging,
  parseProviderOptions,
  readPageCursor,
  rejectIssues,
} from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import { PROVIDER_ID } from "../mapping/refs.js"

// JoggAI's catalog paging onto the neutral cursor. A catalog may be made of several vendor lists
// (public, then custom avatars), read one after another (`custom:2/10`); each list pages its own
// way (`has_more`, `pagination.total_pages`, a short page) or comes whole, and is then sliced
// into pages of the same size. Vendor filters come from `providerOptions.jogg`; `kind` picks one list.

/** What one page of one vendor list gave: the items, how many were read, and its paging signal. */
export interface ListPage<T> {
  readonly items: ReadonlyArray<T>
  readonly received: number
  readonly paging?: Pick<Paging, "hasMore" | "totalPages" | "total">
  /** The vendor searched by name itself: do not filter again. */
  readonly searched?: boolean
}

/** Where a read is: the vendor list, the page (from 1) and the page size to ask for. */
export interface At {
  readonly source: string
  readonly page: number
  readonly pageSize: number
}

/** Page `at` of a whole list: its slice, with the list's length as the total. */
export const slice = <T>(all: ReadonlyArray<T>, at: At): ListPage<T> => {
  const items = all.slice((at.page - 1) * at.pageSize, at.page * at.pageSize)
  return { items, received: items.length, paging: { total: all.length } }
}

/** `female` / `male` as JoggAI writes them (any case); anything else is left out. */
export const genderOf = (value: string | null | undefined): Gender | undefined => {
  const g = value?.toLowerCase()
  return g === "female" || g === "male" ? g : undefined
}

/**
 * Reads `providerOptions.jogg` with `schema`, and which of `lists` the read covers: `kind` alone,
 * else those every set filter applies to (`only[filter]`). A filter of other lists than `kind`
 * is `InvalidInput` naming it. The rest of the options are the vendor filters to send.
 */
export const catalogOptions = <S extends z.ZodMiniType>(
  operation: string,
  query: CatalogQuery,
  schema: S,
  lists: ReadonlyArray<string>,
  only: Readonly<Record<string, ReadonlyArray<string>>> = {},
): Effect.Effect<{ readonly options: z.infer<S>; readonly sources: ReadonlyArray<string> }, VideoError> =>
  Effect.flatMap(
    parseProviderOptions(schema, query.providerOptions, { provider: PROVIDER_ID, operation }),
    (options: z.infer<S>) => {
      const given = options as Readonly<Record<string, unknown>>
      const kind = typeof given.kind === "string" ? given.kind : undefined
      const set = Object.keys(only).filter((f) => given[f] !== undefined)
      const sources = lists.filter(
        (list) => (kind ?? list) === list && set.every((f) => only[f]!.includes(list)),
      )
      const issues: Array<InputIssue> = set
        .filter((f) => kind !== undefined && !only[f]!.includes(kind))
        .map((f) => ({
          path: `providerOptions.${PROVIDER_ID}.${f}`,
          message: `filters the ${only[f]!.join(" and ")} list only, not kind "${kind}"`,
        }))
      return Effect.as(rejectIssues({ provider: PROVIDER_ID, operation }, issues), { options, sources })
    },
  )

/**
 * One catalog page: the position from `query.cursor` (over `sources` when there are several),
 * one vendor read, `query.search` applied where the vendor did not search, the next cursor.
 */
export const catalogPage = <T extends { readonly name: string }>(
  operation: string,
  query: CatalogQuery,
  sources: ReadonlyArray<string> | undefined,
  read: (at: At) => Effect.Effect<ListPage<T>, VideoError>,
): Effect.Effect<CatalogPage<T>, VideoError> =>
  Effect.gen(function* () {
    const context = { provider: PROVIDER_ID, operation }
    const position = yield* readPageCursor(query.cursor, context, sources)
    const pageSize = position.pageSize ?? Math.min(query.limit ?? 10, 100)
    const page = yield* read({ source: position.source ?? "", page: position.page, pageSize })
    const cursor = nextPageCursor(position, { pageSize, received: page.received, ...page.paging }, sources)
    return {
      items: page.searched ? page.items : page.items.filter((item) => matchesSearch(item, query.search)),
      ...(cursor === undefined ? {} : { cursor }),
    }
  })
