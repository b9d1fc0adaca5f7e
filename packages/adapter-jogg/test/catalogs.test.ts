import { type CatalogPage, type CatalogQuery, catalogItems, type VideoError } from "@vidbridge/core"
import { describe, expect, it } from "vitest"
import { JOGG_V2_ROUTES } from "../src/testing/index.js"
import { clientFor, useSimulatorServer } from "./simulatorSupport.js"
import { issuesOf, rejection } from "./support.js"

// The catalog reads through the public client against the simulator, which serves JoggAI's
// documented lists (long enough to need two pages at the default size of 10); every request
// and answer is also checked against JoggAI's OpenAPI document (contracts/).

const { mount } = useSimulatorServer()

const all = async <T>(read: (q: CatalogQuery) => Promise<CatalogPage<T>>) => {
  const out: T[] = []
  for await (const item of catalogItems(read)) out.push(item)
  return out
}

describe("JoggAI catalogs (v2)", () => {
  it("lists avatars across the public, custom, photo and product lists, usable ones only, ids as render takes them", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const first = await client.listAvatars()
    expect(first.items).toHaveLength(10)
    expect(first.cursor).toBe("public:2/10")
    expect(first.items[0]).toMatchObject({
      id: "81",
      name: "Amanda outdoors",
      gender: "female",
      aspectRatios: ["9:16"],
      kind: "public",
      previewImageUrl: "https://res.jogg.ai/avatar/81.jpg",
    })
    const avatars = await all((q) => client.listAvatars(q))
    const byKind = (kind: string) => avatars.filter((a) => a.kind === kind)
    expect(byKind("public")).toHaveLength(23)
    // 12 custom avatars, one processing and one failed: 10 usable; one of three photo avatars is processing.
    expect(byKind("custom").map((a) => a.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `custom:${5001 + i}`),
    )
    expect(byKind("photo").map((a) => a.id)).toEqual(["custom:6001", "custom:6002"])
    expect(byKind("product")).toMatchObject([
      { id: "custom:7001", aspectRatios: ["9:16"] },
      { id: "custom:7002", aspectRatios: ["16:9"] },
    ])
    // Public avatars are read a page at a time (3 pages of 10: the last short), custom and photo
    // asked for completed ones, product avatars once (one whole list).
    expect(sim.log.count(JOGG_V2_ROUTES.publicAvatars)).toBe(4)
    expect(sim.log.count(JOGG_V2_ROUTES.productAvatars)).toBe(1)
  })

  it("keeps a cursor's page size, searches by name, and reads one list with kind", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const page = await client.listAvatars({ limit: 5 })
    const next = await client.listAvatars({ cursor: page.cursor!, limit: 50 })
    expect(next.items.map((a) => a.id)).toEqual(["86", "87", "88", "89", "90"])
    const sofia = await all((q) => client.listAvatars({ ...q, search: "sofia" }))
    expect(sofia.map((a) => a.id)).toEqual(["83", "86"])
    const custom = await client.listAvatars({
      providerOptions: { jogg: { kind: "custom" } },
      search: "instant avatar 3",
    })
    expect(custom.items.map((a) => a.id)).toEqual(["custom:5003"])
    const women = await all((q) =>
      client.listAvatars({ ...q, providerOptions: { jogg: { gender: "female" } } }),
    )
    expect(women.every((a) => a.kind === "public" && a.gender === "female")).toBe(true)
    expect(women).toHaveLength(12)
  })

  it("refuses filters of another list, unknown options and foreign cursors before any request", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const wrongList = await rejection(
      client.listAvatars({ providerOptions: { jogg: { kind: "custom", gender: "male" } } }),
    )
    expect(issuesOf(wrongList)[0]).toMatchObject({
      path: "providerOptions.jogg.gender",
      message: expect.stringContaining('public list only, not kind "custom"'),
    })
    const unknown = await rejection(client.listVoices({ providerOptions: { jogg: { accent: "x" } } }))
    expect(unknown.reason._tag).toBe("InvalidInput")
    const cursor: VideoError = await rejection(client.listTemplates({ cursor: "2/10" }))
    expect(issuesOf(cursor)[0]?.path).toBe("cursor")
    expect(sim.log.count()).toBe(0)
  })

  it("lists voices (pages by has_more, then the custom voices whole) with their samples", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const voices = await all((q) => client.listVoices(q))
    expect(voices).toHaveLength(26)
    expect(voices[0]).toEqual({
      id: "en-US-ChristopherNeural",
      name: "Christopher",
      language: "english",
      gender: "male",
      accent: "american",
      sampleUrl: "https://res.jogg.ai/voice/en-US-Christopher.mp3",
      raw: expect.any(Object),
    })
    expect(voices.at(-1)?.id).toBe("custom_134")
    const spanish = await all((q) =>
      client.listVoices({ ...q, providerOptions: { jogg: { language: "spanish" } } }),
    )
    expect(spanish.map((v) => v.id)).toEqual([
      "es-ES-AlvaroNeural",
      "es-ES-ElviraNeural",
      "es-ES-JorgeNeural",
      "es-ES-DaliaNeural",
      "custom_133",
      "custom_134",
    ])
  })

  it("lists music (pagination.total_pages), templates (JoggAI's, then custom) and visual styles (names)", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const first = await client.listMusic()
    expect(first.cursor).toBe("2/10")
    expect(first.items[0]).toMatchObject({ id: "1", name: "Upbeat Background", durationSeconds: 60 })
    expect(await all((q) => client.listMusic(q))).toHaveLength(13)
    const templates = await all((q) => client.listTemplates(q))
    expect(templates).toHaveLength(15)
    expect(templates[0]).toMatchObject({ id: "149", name: "Product Showcase", aspectRatio: "16:9" })
    expect(templates.at(-1)).toMatchObject({ id: "custom:4907", name: "My Weekly Update" })
    const squares = await client.listVisualStyles({ providerOptions: { jogg: { aspect_ratio: "square" } } })
    expect(squares.items.map((s) => [s.id, s.aspectRatios])).toEqual([
      ["Simple split screen template", ["1:1"]],
      ["Simple Product Switch", ["1:1"]],
      ["Card Stacking", ["1:1"]],
      ["Full Screen Product", ["1:1"]],
    ])
  })

  it("reads the balance (GET /v2/user/remaining_quota) in credits", async () => {
    const sim = mount({ balance: 12 })
    const client = clientFor(sim)
    const product = await client.createProduct({ title: "Bottle" })
    await client.render({ product: product.ref, visualStyle: "Split Screen", avatar: "81" })
    expect(await client.getCreditBalance()).toEqual({
      remaining: 11,
      unit: "credits",
      raw: { remaining_quota: 11 },
    })
  })

  it("catalog ids are what the create calls take", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const [avatar] = (await client.listAvatars({ providerOptions: { jogg: { kind: "photo" } } })).items
    const [voice] = (await client.listVoices({ providerOptions: { jogg: { kind: "custom" } } })).items
    const [template] = (await client.listTemplates({ providerOptions: { jogg: { kind: "custom" } } })).items
    const [music] = (await client.listMusic()).items
    const spoken = await client.render({ avatar: avatar!.id, voice: voice!.id, script: "Hello there." })
    const filled = await client.render({
      template: template!.id,
      variables: { title: "Spring sale" },
      providerOptions: { jogg: { music_id: Number(music!.id) } },
    })
    expect([spoken.ref, filled.ref]).toEqual([
      expect.stringMatching(/^jogg:avatar_video:/),
      expect.stringMatching(/^jogg:template_video:/),
    ])
  })

  it("the open API lists nothing: catalogs are UnsupportedOperation before any request", async () => {
    const sim = mount({ apiVersion: "open" })
    const client = clientFor(sim)
    expect(client.capabilities().operations).not.toContain("listAvatars")
    const error = await rejection(client.listAvatars())
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect((await rejection(client.getCreditBalance())).reason._tag).toBe("UnsupportedOperation")
    expect(sim.log.count()).toBe(0)
  })
})
