import { Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import {
  matchesSearch,
  nextPageCursor,
  type PagePosition,
  type Paging,
  pageOfList,
  readPageCursor,
} from "../src/adapter/index.js"
import type { VideoError } from "../src/index.js"

// The adapter helpers that map a vendor's paging onto the neutral cursor.

const context = { provider: "acme", operation: "listVoices" }
const failureMessage = <A>(effect: Effect.Effect<A, VideoError>) => {
  const exit = Effect.runSync(Effect.exit(effect))
  return Exit.isFailure(exit) ? String(exit.cause) : "succeeded"
}

describe("catalog paging helpers (@vidbridge/core/adapter)", () => {
  it.each<[string, PagePosition, Paging, ReadonlyArray<string> | undefined, string | undefined]>([
    ["has_more true", { page: 1 }, { pageSize: 10, received: 10, hasMore: true }, undefined, "2/10"],
    ["has_more false", { page: 2 }, { pageSize: 10, received: 10, hasMore: false }, undefined, undefined],
    [
      "DRF next link (hasMore: next !== null)",
      { page: 3 },
      { pageSize: 10, received: 4, hasMore: true },
      undefined,
      "4/10",
    ],
    ["total_pages left", { page: 2 }, { pageSize: 10, received: 10, totalPages: 3 }, undefined, "3/10"],
    ["total_pages done", { page: 3 }, { pageSize: 10, received: 10, totalPages: 3 }, undefined, undefined],
    ["total items left", { page: 2 }, { pageSize: 10, received: 10, total: 21 }, undefined, "3/10"],
    ["total items done", { page: 2 }, { pageSize: 10, received: 10, total: 20 }, undefined, undefined],
    ["no signal, full page", { page: 1 }, { pageSize: 10, received: 10 }, undefined, "2/10"],
    ["no signal, short page", { page: 1 }, { pageSize: 10, received: 9 }, undefined, undefined],
    [
      "an empty page ends, whatever the flag",
      { page: 4 },
      { pageSize: 10, received: 0, hasMore: true },
      undefined,
      undefined,
    ],
    [
      "sources: more in this one",
      { source: "public", page: 1 },
      { pageSize: 10, received: 10, hasMore: true },
      ["public", "custom"],
      "public:2/10",
    ],
    [
      "sources: on to the next",
      { source: "public", page: 2 },
      { pageSize: 10, received: 3 },
      ["public", "custom"],
      "custom:1/10",
    ],
    [
      "sources: the last one ends",
      { source: "custom", page: 1 },
      { pageSize: 10, received: 3 },
      ["public", "custom"],
      undefined,
    ],
  ])("nextPageCursor: %s", (_name, at, paging, sources, expected) => {
    expect(nextPageCursor(at, paging, sources)).toBe(expected)
  })

  it("readPageCursor reads what nextPageCursor wrote, and refuses anything else naming cursor", () => {
    expect(Effect.runSync(readPageCursor(undefined, context))).toEqual({ source: undefined, page: 1 })
    expect(Effect.runSync(readPageCursor("7", context))).toMatchObject({ page: 7, pageSize: undefined })
    expect(Effect.runSync(readPageCursor("7/25", context))).toEqual({
      source: undefined,
      page: 7,
      pageSize: 25,
    })
    expect(Effect.runSync(readPageCursor(undefined, context, ["public", "custom"]))).toEqual({
      source: "public",
      page: 1,
    })
    expect(Effect.runSync(readPageCursor("custom:3/10", context, ["public", "custom"]))).toEqual({
      source: "custom",
      page: 3,
      pageSize: 10,
    })
    for (const bad of ["0", "-1", "1.5", "abc", "custom:2", "2/0", "2/", "2/10000"]) {
      expect(failureMessage(readPageCursor(bad, context))).toContain(
        "cursor: is not a cursor of acme's listVoices (expected <page>/<size>)",
      )
    }
    for (const bad of ["3", "photo:1", "custom:0"]) {
      expect(failureMessage(readPageCursor(bad, context, ["public", "custom"]))).toContain(
        "expected <list>:<page>/<size>, lists public, custom",
      )
    }
  })

  it("pageOfList: search, then limit items from the offset in the cursor", () => {
    const items = ["Aria", "Ben", "aria two", "Cleo", "Dan"].map((name, i) => ({ id: `v${i}`, name }))
    const page = (query: object) => Effect.runSync(pageOfList(items, query, context))
    expect(page({})).toEqual({ items })
    expect(page({ limit: 2 })).toEqual({ items: items.slice(0, 2), cursor: "2" })
    expect(page({ limit: 2, cursor: "4" })).toEqual({ items: items.slice(4) })
    expect(page({ search: "ARIA", limit: 1 })).toEqual({ items: [items[0]], cursor: "1" })
    expect(page({ search: "aria", limit: 1, cursor: "1" })).toEqual({ items: [items[2]] })
    expect(failureMessage(pageOfList(items, { cursor: "two" }, context))).toContain("(an offset)")
  })

  it("matchesSearch: the name contains the text, ignoring case and surrounding spaces", () => {
    expect(matchesSearch({ name: "Summer Sale" }, undefined)).toBe(true)
    expect(matchesSearch({ name: "Summer Sale" }, " sale ")).toBe(true)
    expect(matchesSearch({ name: "Summer Sale" }, "winter")).toBe(false)
  })
})
