import { catalogItems, type VideoError } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { creatifyCapabilities } from "../src/index.js"
import {
  CREATIFY_ROUTES,
  SIM_CUSTOM_TEMPLATES,
  SIM_MUSICS,
  SIM_PERSONAS,
  SIM_VOICES,
  UNLIMITED_REPORTED,
} from "../src/testing/index.js"
import { clientFor, productInput, useSimulatorServer } from "./simulatorSupport.js"

// The catalogs and the balance through the Promise client, against the simulator (whose catalogs
// need two pages at Creatify's default page size), and the shapes Creatify documents loosely.

const { server, mount } = useSimulatorServer()

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("expected a failure")),
    (error: unknown) => error as VideoError,
  )

const active = SIM_PERSONAS.filter((p) => p.is_active)

describe("listAvatars: GET /api/personas/paginated/", () => {
  it("pages by DRF's next, leaves inactive personas out, maps gender, previews and ratios", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const first = await client.listAvatars()
    expect(first.cursor).toBe("2/10")
    const second = await client.listAvatars({ cursor: first.cursor })
    expect(second.cursor).toBeUndefined()
    const all = [...first.items, ...second.items]
    expect(all.map((a) => a.id)).toEqual(active.map((p) => p.id))
    expect(all[0]).toMatchObject({
      id: SIM_PERSONAS[0]!.id,
      name: "Anna",
      gender: "female",
      previewImageUrl: SIM_PERSONAS[0]!.preview_image_16_9,
      previewVideoUrl: SIM_PERSONAS[0]!.preview_video_16_9,
      aspectRatios: ["16:9", "9:16", "1:1"],
      kind: "stock",
    })
    expect(all.find((a) => a.name === "Eli")?.gender).toBe("nonbinary")
    // A persona without a square preview is not offered as 1:1.
    expect(all.find((a) => a.id === SIM_PERSONAS[2]!.id)?.aspectRatios).toEqual(["16:9", "9:16"])
    expect(sim.log.all().map((r) => r.route)).toEqual([
      CREATIFY_ROUTES.listPersonas,
      CREATIFY_ROUTES.listPersonas,
    ])
  })

  it("keeps the page size of its first page, searches names here (a page may be short), and walks with catalogItems", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const page = await client.listAvatars({ limit: 4 })
    expect(page.items).toHaveLength(4)
    const next = await client.listAvatars({ cursor: page.cursor, limit: 50 })
    expect(next.items.map((a) => a.name)).toEqual(["Eli", "Fatima", "Hana"])
    const annas = await client.listAvatars({ search: "ANNA" })
    expect(annas.items.map((a) => a.name)).toEqual(["Anna"])
    expect(annas.cursor).toBe("2/10")
    const names: string[] = []
    for await (const avatar of catalogItems((q) => client.listAvatars(q), { search: "anna", limit: 5 })) {
      names.push(avatar.name)
    }
    expect(names).toEqual(["Anna", "Anna"])
  })

  it("refuses a cursor it did not make and any providerOptions, before any request", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const cursor = await rejection(client.listAvatars({ cursor: "abc" }))
    expect(cursor.reason._tag).toBe("InvalidInput")
    expect(cursor.message).toContain("cursor")
    const options = await rejection(client.listAvatars({ providerOptions: { creatify: { gender: "f" } } }))
    expect(options.message).toContain("providerOptions.creatify")
    expect(sim.log.all()).toHaveLength(0)
  })
})

describe("listVoices: GET /api/voices/, one item per accent", () => {
  it("answers the accent ids render's voice takes, with names that tell accents apart", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const { items, cursor } = await client.listVoices()
    expect(cursor).toBeUndefined()
    const accents = SIM_VOICES.flatMap((v) => v.accents as ReadonlyArray<{ id: string }>)
    expect(items.map((v) => v.id)).toEqual(accents.map((a) => a.id))
    expect(items[0]).toMatchObject({
      name: "Fatima (American English accent)",
      gender: "female",
      accent: "American English accent",
      sampleUrl: "https://cdn.creatify.test/voices/1.mp3",
    })
    const page = await client.listVoices({ limit: 3 })
    expect(page).toMatchObject({ cursor: "3" })
    expect((await client.listVoices({ cursor: "3", limit: 3 })).items.map((v) => v.name)).toEqual([
      "Sofia (Spanish accent)",
      "Sofia (Mexican Spanish accent)",
      "Kenji (Japanese accent)",
    ])
    expect((await client.listVoices({ search: "spanish" })).items).toHaveLength(2)
  })

  it("reads the documented example: the accent id is the voice id", async () => {
    const sim = mount()
    server.use(
      http.get("https://api.creatify.ai/api/voices/", () =>
        HttpResponse.json([
          {
            name: "Fatima",
            gender: "female",
            accents: [
              {
                id: "7a258b67-e1d3-4025-8904-8429daa3a34d",
                accent_name: "American English accent",
                preview_url: "https://d35ghwdno3nak3.cloudfront.net/a.mp3",
              },
            ],
          },
          { name: "No accents yet", gender: "male", accents: null },
        ]),
      ),
    )
    const { items } = await clientFor(sim).listVoices()
    expect(items).toEqual([
      expect.objectContaining({
        id: "7a258b67-e1d3-4025-8904-8429daa3a34d",
        name: "Fatima (American English accent)",
      }),
    ])
  })
})

describe("listMusic: GET /api/musics/", () => {
  it("pages by count, sends search and the category to Creatify", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const first = await client.listMusic()
    expect(first.items).toHaveLength(10)
    expect(first.items[0]).toMatchObject({
      id: SIM_MUSICS[0]!.id,
      name: "Sunny 1",
      url: "https://cdn.creatify.test/music/1.mp3",
      durationSeconds: 60,
      category: "Upbeat",
    })
    const second = await client.listMusic({ cursor: first.cursor })
    expect([second.items.length, second.cursor]).toEqual([3, undefined])
    const calm = await client.listMusic({ providerOptions: { creatify: { category: "Calm" } } })
    expect(calm.items.every((m) => m.category === "Calm")).toBe(true)
    const sunny = await client.listMusic({ search: "sunny" })
    expect(sunny.items.map((m) => m.name)).toEqual(["Sunny 1", "Sunny 5", "Sunny 9", "Sunny 13"])
    const sent = sim.log.all().map((r) => r.route)
    expect(new Set(sent)).toEqual(new Set([CREATIFY_ROUTES.listMusics]))
  })

  it("reads a bare array too (the OpenAPI excerpt's shape), with numeric ids and titles; skips unusable items", async () => {
    const sim = mount()
    server.use(
      http.get("https://api.creatify.ai/api/musics/", () =>
        // The documented example's item is `{}`: a track with no id and no URL is left out.
        HttpResponse.json([
          { id: 7, title: "Night drive", music_url: "https://m/7.mp3", category: { name: "Calm" } },
          {},
        ]),
      ),
    )
    const page = await clientFor(sim).listMusic({ limit: 5 })
    expect(page).toEqual({
      items: [
        expect.objectContaining({ id: "7", name: "Night drive", url: "https://m/7.mp3", category: "Calm" }),
      ],
    })
  })
})

describe("listTemplates, listVisualStyles, getCreditBalance", () => {
  it("lists the custom templates whole (ids are template_id), searched and paged here", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const { items } = await client.listTemplates()
    expect(items.map((t) => t.id)).toEqual(SIM_CUSTOM_TEMPLATES.map((t) => t.template_id))
    expect(items[0]).toMatchObject({
      name: "Summer Sale",
      aspectRatio: "9:16",
      previewUrl: expect.any(String),
    })
    expect(items[0]!.variables).toBeUndefined()
    expect((await client.listTemplates({ search: "summer" })).items).toHaveLength(2)
  })

  it("answers the known visual styles, with no request (Creatify has no endpoint for them)", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const { items } = await client.listVisualStyles({ limit: 9 })
    expect(items.map((s) => s.id)).toContain("FullScreenTemplate")
    expect(items.every((s) => (s.raw as { source: string }).source === "creatify-docs")).toBe(true)
    expect((await client.listVisualStyles({ search: "vlog" })).items.map((s) => s.name)).toEqual([
      "VlogTemplate",
    ])
    expect(sim.log.all()).toHaveLength(0)
  })

  it("reads the remaining credits: the balance less what was spent", async () => {
    const sim = mount({ balance: 50 })
    const client = clientFor(sim)
    expect(await client.getCreditBalance()).toEqual({
      remaining: 50,
      unit: "credits",
      raw: { remaining_credits: 50 },
    })
    await client.createProduct(productInput)
    expect((await client.getCreditBalance()).remaining).toBe(49)
    expect((await clientFor(mount()).getCreditBalance()).remaining).toBe(UNLIMITED_REPORTED)
  })

  it("declares every catalog read", () => {
    for (const op of [
      "listAvatars",
      "listVoices",
      "listMusic",
      "listTemplates",
      "listVisualStyles",
      "getCreditBalance",
    ]) {
      expect(creatifyCapabilities.operations).toContain(op)
    }
  })
})
