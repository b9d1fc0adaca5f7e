import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { client, route, useMsw } from "./support.js"

// JoggAI cannot read one preview: a preview set's status comes from `GET /v2/product_previews`
// (newest first, 100 a page), paged until the set is found, not only its first page.

const server = useMsw()
const ref = "jogg:preview_set:P1?ids=preview_old_1%2Cpreview_old_2"
const T = 1_732_806_631

/** `count` other previews, newest first, made after the set (created_at from T + count down to T + 1). */
const others = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({
    id: `preview_new_${from + i}`,
    title: "Other",
    status: "completed",
    created_at: T + 10_000 - from - i,
  }))

const set = [
  {
    id: "preview_old_1",
    title: "Set",
    status: "completed",
    created_at: T,
    video_url: "https://res.jogg.ai/p1.mp4",
  },
  { id: "preview_old_2", title: "Set", status: "completed", created_at: T },
]

/** Answers `pages` (1-based) of `GET /v2/product_previews` and records each request. */
const list = (pages: ReadonlyArray<ReadonlyArray<object>>) =>
  route(server, "get", "/v2/product_previews", (_n, seen) => {
    const page = Number(seen.url.searchParams.get("page"))
    return HttpResponse.json({
      code: 0,
      msg: "Success",
      data: { previews: pages[page - 1] ?? [], total: pages.flat().length, page, page_size: 100 },
    })
  })

describe("a preview set's status pages through GET /v2/product_previews", () => {
  it("finds a set older than the newest 100 previews on a later page, newest first", async () => {
    const seen = list([others(100), [...others(40, 100), ...set]])
    const job = await client().getStatus(ref)
    expect(job.status).toBe("awaiting_selection")
    expect(job.previews?.map((p) => p.id)).toEqual(["preview_old_1", "preview_old_2"])
    expect(seen.map((s) => Object.fromEntries(s.url.searchParams))).toEqual([
      { page: "1", page_size: "100", sort_by: "created_at", sort_order: "desc" },
      { page: "2", page_size: "100", sort_by: "created_at", sort_order: "desc" },
    ])
  })

  it("stops as soon as the whole set is found (no further pages)", async () => {
    const seen = list([[...others(98), ...set], others(100, 98), others(5, 198)])
    expect((await client().getStatus(ref)).status).toBe("awaiting_selection")
    expect(seen).toHaveLength(1)
  })

  it("a set not listed yet reads every page to the end of the list and stays queued", async () => {
    const seen = list([others(100), others(100, 100), others(7, 200)])
    const job = await client().getStatus(ref)
    expect(job).toMatchObject({ status: "queued", vendorStatus: "not_listed" })
    expect(seen).toHaveLength(3)
  })

  it("a set found in part stops once the pages are ten minutes older than it", async () => {
    const older = Array.from({ length: 100 }, (_, i) => ({
      id: `preview_older_${i}`,
      status: "completed",
      created_at: T - 3600 - i,
    }))
    const seen = list([[...others(99), set[0]!], older, older])
    const job = await client().getStatus(ref)
    expect(seen).toHaveLength(2)
    expect(job.previews?.map((p) => p.status)).toEqual(["succeeded", "queued"])
    expect(job.status).toBe("running")
  })
})
