import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { defineProvider } from "../src/adapter/index.js"
import {
  type CatalogPage,
  type CatalogQuery,
  catalogItems,
  collectCatalog,
  createVideoClient,
  getCreditBalance,
  listAvatars,
  listVoices,
  VideoError,
} from "../src/index.js"
import { FAKE_VISUAL_STYLES, fakeVendor, fakeVendorCapabilities } from "../src/testing/index.js"
import { useFakeVendor } from "./support/fake.js"
import { API_KEY } from "./support/keys.js"

const vendor = useFakeVendor()

const client = () => createVideoClient({ provider: fakeVendor({ apiKey: API_KEY }) })
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as VideoError,
  )
const collect = async <T>(items: AsyncIterable<T>): Promise<Array<T>> => {
  const out: Array<T> = []
  for await (const item of items) out.push(item)
  return out
}
const all = <T>(read: (query: CatalogQuery) => Promise<CatalogPage<T>>, query?: CatalogQuery) =>
  collect(catalogItems(read, query))

describe("catalog reads (Promise face)", () => {
  it("pages avatars by the vendor's has_more: 10 then 3, ids as render takes them, raw kept", async () => {
    const c = client()
    const first = await c.listAvatars()
    expect(first.items).toHaveLength(10)
    expect(first.cursor).toBe("2/10")
    expect(first.items[0]).toEqual({
      id: "av-1",
      name: "Anna",
      gender: "female",
      previewImageUrl: "https://cdn.fake.test/avatars/1.jpg",
      previewVideoUrl: "https://cdn.fake.test/avatars/1.mp4",
      aspectRatios: ["9:16", "16:9", "1:1"],
      kind: "stock",
      raw: expect.objectContaining({ id: "av-1", display_name: "Anna", gender: "f" }),
    })
    const second = await c.listAvatars({ cursor: first.cursor })
    expect(second.items.map((a) => a.id)).toEqual(["av-11", "av-12", "av-13"])
    expect(second.cursor).toBeUndefined()
    expect(vendor.sim.requests.map((r) => r.path)).toEqual(["/avatars", "/avatars"])
  })

  it("reads every catalog to its end, whatever the vendor's paging (has_more, total, token, none, known list)", async () => {
    const c = client()
    expect(await all((q) => c.listAvatars(q))).toHaveLength(13)
    expect(await all((q) => c.listVoices(q))).toHaveLength(12)
    const music = await all((q) => c.listMusic(q))
    expect(music.map((m) => m.id)).toEqual(["mu-1", "mu-2", "mu-3", "mu-4", "mu-5", "mu-6", "mu-7", "mu-8"])
    expect(music[1]).toMatchObject({ name: "Drive", durationSeconds: 120, category: "electronic" })
    const templates = await all((q) => c.listTemplates(q), { limit: 4 })
    expect(templates).toHaveLength(11)
    expect(templates[0]).toMatchObject({
      id: "tpl-1",
      aspectRatio: "9:16",
      variables: [
        { name: "headline", type: "text", required: true },
        { name: "image_1", type: "image", required: false },
      ],
    })
    const styles = await all((q) => c.listVisualStyles(q))
    expect(styles.map((s) => s.id)).toEqual([...FAKE_VISUAL_STYLES])
    // Two pages each of avatars, voices and music; templates are one request per page read; styles none.
    expect(vendor.sim.log.count("GET /avatars")).toBe(2)
    expect(vendor.sim.log.count("GET /voices")).toBe(2)
    expect(vendor.sim.log.count("GET /music")).toBe(2)
    expect(vendor.sim.log.count("GET /templates")).toBe(3)
  })

  it("limit and cursor: a page holds at most limit items; the cursor continues exactly there", async () => {
    const c = client()
    // A page-numbered cursor keeps its page size: page 2 of 4 is items 5-8, whatever limit says next.
    const avatars = await c.listAvatars({ limit: 4 })
    expect(avatars.cursor).toBe("2/4")
    const next = await c.listAvatars({ limit: 10, cursor: avatars.cursor })
    expect(next.items.map((a) => a.id)).toEqual(["av-5", "av-6", "av-7", "av-8"])
    expect(next.cursor).toBe("3/4")
    const page = await c.listTemplates({ limit: 4 })
    expect(page).toMatchObject({ cursor: "4", items: [{ id: "tpl-1" }, {}, {}, { id: "tpl-4" }] })
    expect((await c.listTemplates({ limit: 4, cursor: "8" })).items.map((t) => t.id)).toEqual([
      "tpl-9",
      "tpl-10",
      "tpl-11",
    ])
    const music = await c.listMusic({ limit: 3 })
    expect(music).toMatchObject({ cursor: "mu-3", items: [{ id: "mu-1" }, { id: "mu-2" }, { id: "mu-3" }] })
    expect(vendor.sim.requests.at(-1)?.path).toBe("/music")
  })

  it("search: by the vendor where it can (avatars), else on each page (voices); pages may then be short", async () => {
    const c = client()
    const sams = await c.listAvatars({ search: "sam" })
    expect(sams).toEqual({
      items: [expect.objectContaining({ id: "av-3" }), expect.objectContaining({ id: "av-4" })],
      cursor: undefined,
    })
    expect(vendor.sim.requests[0]?.path).toBe("/avatars")
    const arias = await all((q) => c.listVoices(q), { search: " ARIA " })
    expect(arias.map((v) => [v.id, v.language, v.accent])).toEqual([
      ["vo-1", "en-US", "american"],
      ["vo-2", "en-GB", "british"],
    ])
    expect((await c.listVoices({ search: "tara" })).items).toEqual([])
  })

  it("the balance: credits left after what the account spent", async () => {
    const c = client()
    expect(await c.getCreditBalance()).toEqual({ remaining: 1000, unit: "credits", raw: { credits: 1000 } })
    await c.render({ template: "tpl-3" })
    expect((await c.getCreditBalance()).remaining).toBe(996)
  })

  it.each([
    ["limit", { limit: 0 }, "limit: must be more than 0"],
    ["limit", { limit: 101 }, "limit: must be at most 100"],
    ["limit", { limit: 2.5 }, "limit"],
    ["cursor", { cursor: "" }, "cursor: has the wrong format: must be a cursor from a page read before"],
    ["cursor", { cursor: "a b" }, "cursor: has the wrong format"],
    ["cursor", { cursor: "x".repeat(1001) }, "cursor"],
    ["search", { search: "   " }, "search: has the wrong format: must not be empty or only spaces"],
    ["search", { search: "s".repeat(201) }, "search: must be at most 200 characters"],
    ["unknown field", { page: 2 }, 'unknown field(s) "page"'],
    ["providerOptions", { providerOptions: { fake: { gender: "f" } } }, "providerOptions.fake"],
    [
      "an adapter's own cursor check",
      { cursor: "page-two" },
      "cursor: is not a cursor of fake's listAvatars",
    ],
  ])("a bad query (%s) is InvalidInput before any request", async (_what, query, message) => {
    const error = await failure(client().listAvatars(query as CatalogQuery))
    expect(error).toBeInstanceOf(VideoError)
    expect(error?.reason._tag).toBe("InvalidInput")
    expect(error?.message).toContain(message)
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("a provider without catalogs answers UnsupportedOperation before any request, per provider", async () => {
    const operations = fakeVendorCapabilities.operations.filter((op) => !/^list|^getCredit/.test(op))
    const plain = defineProvider({
      id: "plain",
      displayName: "No catalogs",
      capabilities: { ...fakeVendorCapabilities, operations },
      settings: z.object({}),
      env: {},
      make: () =>
        Effect.map(
          Effect.flatMap(fakeVendor.parseSettings({ apiKey: API_KEY }), fakeVendor.make),
          (shape) => ({
            ...shape,
            id: "plain",
            capabilities: { ...shape.capabilities, operations },
          }),
        ),
    })
    const c = createVideoClient({ provider: plain({}), providers: [fakeVendor({ apiKey: API_KEY })] })
    for (const call of [
      () => c.listAvatars(),
      () => c.listVoices(),
      () => c.listMusic(),
      () => c.listTemplates(),
      () => c.listVisualStyles(),
      () => c.getCreditBalance(),
    ]) {
      const error = await failure(call())
      expect(error?.reason).toMatchObject({ _tag: "UnsupportedOperation" })
      expect(error?.provider).toBe("plain")
    }
    expect(vendor.sim.requests).toHaveLength(0)
    // `provider` picks another configured provider, as listJobs does.
    expect((await c.listVoices({ limit: 2 }, { provider: "fake" })).items).toHaveLength(2)
    expect((await c.getCreditBalance({ provider: "fake" })).remaining).toBe(1000)
    const unknown = await failure(c.listAvatars({}, { provider: "jogg" }))
    expect(unknown?.message).toContain('"jogg" is not configured')
  })

  it("an aborted signal rejects with its reason", async () => {
    const controller = new AbortController()
    controller.abort(new Error("user left"))
    await expect(client().listAvatars({}, { signal: controller.signal })).rejects.toThrow("user left")
  })

  it("catalogItems stops at maxItems and when a provider's cursors go round in a circle", async () => {
    const c = client()
    const five = await collect(catalogItems((q) => c.listAvatars(q), {}, { maxItems: 5 }))
    expect(five).toHaveLength(5)
    expect(vendor.sim.log.count("GET /avatars")).toBe(1)
    const circle = (query: CatalogQuery) =>
      Promise.resolve({ items: [query.cursor ?? "start"], cursor: query.cursor === "a" ? "b" : "a" })
    const error = await failure(collect(catalogItems(circle)))
    expect(error?.reason).toMatchObject({ _tag: "UnexpectedResponse", path: "cursor" })
  })
})

describe("catalog reads (Effect face)", () => {
  const provided = <A>(effect: Effect.Effect<A, VideoError, never>) => Effect.runPromise(effect)
  const layer = fakeVendor.layer({ apiKey: API_KEY })

  it("listAvatars, collectCatalog and getCreditBalance read from the VideoProvider service", async () => {
    const first = await provided(listAvatars({ limit: 5 }).pipe(Effect.provide(layer)))
    expect(first.cursor).toBe("2/5")
    const voices = await provided(collectCatalog(listVoices, { limit: 5 }).pipe(Effect.provide(layer)))
    expect(voices).toHaveLength(12)
    expect(vendor.sim.log.count("GET /voices")).toBe(3)
    const few = await provided(collectCatalog(listVoices, {}, { maxItems: 3 }).pipe(Effect.provide(layer)))
    expect(few.map((v) => v.id)).toEqual(["vo-1", "vo-2", "vo-3"])
    const balance = await provided(getCreditBalance().pipe(Effect.provide(layer)))
    expect(balance.remaining).toBe(1000)
  })

  it("collectCatalog fails UnexpectedResponse on a cursor it has seen", async () => {
    const circle = (query: CatalogQuery) =>
      Effect.succeed({ items: [1], cursor: query.cursor === "a" ? "b" : "a" })
    const error = await Effect.runPromise(Effect.flip(collectCatalog(circle)))
    expect(error).toBeInstanceOf(VideoError)
    expect((error as VideoError).reason._tag).toBe("UnexpectedResponse")
  })
})
