import { defineProvider } from "@vidbridge/core/adapter"
import {
  createFakeVendorSimulator,
  type FakeVendorSimulator,
  fakeVendor,
  fakeVendorCapabilities,
  serveProductPage,
} from "@vidbridge/core/testing"
import * as Effect from "effect/Effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as z from "zod/mini"
import type { CliProviders } from "../src/index.js"
import { run } from "./support/run.js"

// The catalog commands and name resolution in `create`, end to end on the fake vendor's simulator.

let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())

/** The fake vendor, keeping each simulator the CLI starts, so a test can see what it was sent. */
const watched = () => {
  const made: Array<FakeVendorSimulator> = []
  const providers: CliProviders = {
    definitions: [fakeVendor],
    simulators: {
      fake: (options) => {
        const sim = createFakeVendorSimulator(options)
        made.push(sim)
        return sim
      },
    },
  }
  const paid = () =>
    made.flatMap((sim) => sim.requests).filter((r) => r.method === "POST" && r.path !== "/products")
  return { providers, made, paid }
}

/** The fake vendor without catalogs, balance or avatar videos (as a vendor before it has them). */
const operations = fakeVendorCapabilities.operations.filter((op) => !/^list|^getCredit/.test(op))
const capabilities = { ...fakeVendorCapabilities, operations, avatarVideos: undefined }
const plain = defineProvider({
  id: "plain",
  displayName: "Plain",
  capabilities,
  settings: z.looseObject({}),
  env: {},
  make: (settings) =>
    Effect.map(Effect.flatMap(fakeVendor.parseSettings(settings), fakeVendor.make), (shape) => ({
      ...shape,
      id: "plain",
      capabilities,
    })),
})
const withPlain: CliProviders = {
  definitions: [fakeVendor, plain],
  simulators: { fake: createFakeVendorSimulator, plain: createFakeVendorSimulator },
}

const rows = (out: string) =>
  out
    .trim()
    .split("\n")
    .slice(2)
    .filter((line) => !line.startsWith("more:"))

describe("vidbridge avatars|voices|music|templates|styles|credits", () => {
  it("avatars: every page as one table, ids first, and the simulator said on stderr", async () => {
    const result = await run(["avatars", "--provider", "fake"])
    expect(result.code).toBe(0)
    expect(result.err).toContain("fake: no API keys set, reading the simulator's catalog")
    const [header] = result.out.split("\n")
    expect(header).toMatch(/^id\s+name\s+gender\s+kind\s+aspects\s+preview$/)
    expect(rows(result.out)).toHaveLength(13)
    expect(result.out).toMatch(
      /av-1\s+Anna\s+female\s+stock\s+9:16 16:9 1:1\s+https:\/\/cdn\.fake\.test\/avatars\/1\.jpg/,
    )
    expect(result.out).toMatch(/av-13\s+Kai\s+nonbinary\s+custom/)
    expect(result.out).not.toContain("more:")
  })

  it("--limit shows that many and the --cursor that continues exactly after them", async () => {
    const first = await run(["music", "--provider", "fake", "--limit", "3"])
    expect(rows(first.out).map((r) => r.split(/\s+/)[0])).toEqual(["mu-1", "mu-2", "mu-3"])
    expect(first.out).toContain("more: vidbridge music --provider fake --cursor mu-3\n")
    const rest = await run(["music", "--provider", "fake", "--cursor", "mu-3", "--json"])
    const body = JSON.parse(rest.out)
    expect(body).toMatchObject({ ok: true, provider: "fake", mode: "simulator" })
    expect(body.items.map((m: { id: string }) => m.id)).toEqual(["mu-4", "mu-5", "mu-6", "mu-7", "mu-8"])
    expect(body.cursor).toBeUndefined()
    // Page-numbered: the cursor keeps the page size, so the next command continues after av-4.
    const four = await run(["avatars", "--provider", "fake", "--limit", "4"])
    expect(rows(four.out)).toHaveLength(4)
    expect(four.out).toContain("more: vidbridge avatars --provider fake --cursor 2/4\n")
    const after = await run(["avatars", "--provider", "fake", "--cursor", "2/4"])
    expect(rows(after.out).map((r) => r.split(/\s+/)[0])).toEqual([
      "av-5",
      "av-6",
      "av-7",
      "av-8",
      "av-9",
      "av-10",
      "av-11",
      "av-12",
      "av-13",
    ])
  })

  it("--search, --json, and the other catalogs' columns", async () => {
    const arias = JSON.parse((await run(["voices", "--provider", "fake", "--search", "aria", "--json"])).out)
    expect(arias.items.map((v: { id: string }) => v.id)).toEqual(["vo-1", "vo-2"])
    const voices = await run(["voices", "--provider", "fake", "--search", "aria"])
    expect(voices.out).toMatch(/vo-2\s+Aria\s+en-GB\s+female\s+british\s+https:/)
    const templates = await run(["templates", "--provider", "fake", "--search", "spotlight"])
    expect(templates.out).toMatch(/variables \(\* required\)/)
    expect(templates.out).toMatch(/tpl-3\s+Product Spotlight\s+9:16\s+headline\*, image_1\s+https:/)
    const styles = await run(["styles", "--provider", "fake"])
    expect(rows(styles.out).map((r) => r.trim())).toEqual([
      "Clean    Clean",
      "Bold     Bold",
      "Retro    Retro",
      "Minimal  Minimal",
    ])
    const none = await run(["avatars", "--provider", "fake", "--search", "zed"])
    expect(none.out).toBe('no avatars found matching "zed"\n')
  })

  it("credits: the balance as a table or JSON", async () => {
    const table = await run(["credits", "--provider", "fake"])
    expect(table.code).toBe(0)
    expect(table.out).toMatch(/provider\s+remaining\s+unit\n.*\nfake\s+1000\s+credits\n/)
    const json = JSON.parse((await run(["credits", "--provider", "fake", "--json"])).out)
    expect(json).toMatchObject({ ok: true, balance: { remaining: 1000, unit: "credits" } })
  })

  it("bad usage exits 2 and a vendor without the catalog exits 1 with UnsupportedOperation", async () => {
    expect((await run(["avatars"])).err).toContain("--provider is required")
    expect((await run(["avatars", "--provider", "fake", "--limit", "0"])).code).toBe(2)
    expect((await run(["voices", "--provider", "fake", "--limit", "101"])).err).toContain("at most 100")
    const unknown = await run(["templates", "--provider", "nope"])
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('unknown provider "nope"')])
    const badCursor = await run(["avatars", "--provider", "fake", "--cursor", "page two"])
    expect([badCursor.code, badCursor.err]).toEqual([
      2,
      expect.stringContaining("cursor: has the wrong format"),
    ])
    for (const command of ["avatars", "voices", "music", "templates", "styles", "credits"]) {
      const result = await run([command, "--provider", "plain", "--json"], { providers: withPlain })
      expect(result.code).toBe(1)
      expect(JSON.parse(result.out).error.reason._tag).toBe("UnsupportedOperation")
    }
  })

  it("--help explains each command", async () => {
    const help = await run(["avatars", "--help"])
    expect(help.code).toBe(0)
    expect(help.out).toContain(
      "usage: vidbridge avatars --provider <name> [--search <text>] [--limit <1-100>]",
    )
    expect(help.out).toContain("The id column is what create --avatar takes")
    expect((await run(["credits", "-h"])).out).toContain("vidbridge credits --provider <name>")
    expect((await run(["create", "--help"])).out).toContain("take an id or a name from the vendor's catalog")
    expect((await run(["--help"])).out).toMatch(/\n {2}avatars {5}list a vendor's avatars/)
  })

  it("providers shows the catalogs and avatar videos each provider has", async () => {
    const result = await run(["providers"], { providers: withPlain })
    expect(result.out).toMatch(/catalogs\s+avatar videos\n/)
    expect(result.out).toMatch(
      /fake .* avatars voices music templates styles credits\s+avatar\+script image\+audio\n/,
    )
    expect(result.out).toMatch(/plain .*\s-\s+-\n/)
  })
})

describe("vidbridge create: names for ids, avatar videos", () => {
  it("--script --avatar <name> --voice <id> makes an avatar video with the resolved ids", async () => {
    const result = await run([
      "create",
      "--provider",
      "fake",
      "--script",
      "Meet the bottle.",
      "--avatar",
      "anna",
      "--voice",
      "vo-6",
      "--aspect",
      "9:16",
      "--wait",
      "--json",
    ])
    expect(result.code).toBe(0)
    const { job } = JSON.parse(result.out)
    expect(job).toMatchObject({
      status: "succeeded",
      raw: {
        kind: "avatar",
        avatar_id: "av-1",
        voice_id: "vo-6",
        text: "Meet the bottle.",
        format: "portrait",
      },
    })
    expect(job.ref).toMatch(/^fake:avatar:/)
  })

  it("--image and --audio make the photo kind; a kind the vendor lacks is refused before sending", async () => {
    const fake = watched()
    const photo = await run(
      [
        "create",
        "--provider",
        "fake",
        "--image",
        "https://media.example/face.png",
        "--audio",
        "https://media.example/s.mp3",
        "--json",
      ],
      { providers: fake.providers },
    )
    expect(JSON.parse(photo.out).job).toMatchObject({
      status: "queued",
      raw: { photo_url: "https://media.example/face.png" },
    })
    const lacking = await run(
      ["create", "--provider", "fake", "--avatar", "Anna", "--audio", "https://media.example/s.mp3"],
      { providers: fake.providers },
    )
    expect(lacking.code).toBe(1)
    expect(lacking.err).toContain(
      "fake makes avatar videos from avatar+script, image+audio, not avatar+audio",
    )
    const none = await run(
      ["create", "--provider", "plain", "--avatar", "x", "--voice", "y", "--script", "Hi"],
      {
        providers: withPlain,
      },
    )
    expect([none.code, none.err]).toEqual([1, expect.stringContaining("plain makes no avatar videos")])
    expect(fake.paid()).toHaveLength(1)
  })

  it("an ambiguous name lists the candidates and an unknown one says so: exit 2, nothing paid sent", async () => {
    const fake = watched()
    const sam = await run(
      ["create", "--provider", "fake", "--script", "Hi", "--avatar", "Sam", "--voice", "vo-1"],
      {
        providers: fake.providers,
      },
    )
    expect(sam.code).toBe(2)
    expect(sam.err).toContain(
      '--avatar "Sam" names 2 avatars on fake: av-3 (Sam, male, stock); av-4 (Sam, female, stock); give one id',
    )
    const aria = await run(
      ["create", "--provider", "fake", "--script", "Hi", "--avatar", "av-2", "--voice", "Aria", "--json"],
      {
        providers: fake.providers,
      },
    )
    expect(aria.code).toBe(2)
    expect(JSON.parse(aria.out).error.reason).toMatchObject({
      _tag: "InvalidInput",
      issues: [
        {
          path: "voice",
          message: expect.stringContaining(
            "vo-1 (Aria, en-US, american, female); vo-2 (Aria, en-GB, british, female)",
          ),
        },
      ],
    })
    const zed = await run(["create", "--provider", "fake", "--url", page.url, "--template", "Zed Promo"], {
      providers: fake.providers,
    })
    expect(zed.code).toBe(2)
    expect(zed.err).toContain(
      '--template "Zed Promo" is no template id or name on fake; list them with: vidbridge templates --provider fake --search "Zed Promo"',
    )
    const summer = await run(
      ["create", "--provider", "fake", "--url", page.url, "--template", "summer sale"],
      {
        providers: fake.providers,
      },
    )
    expect(summer.err).toContain("tpl-1 (Summer Sale, 9:16); tpl-2 (Summer Sale, 16:9)")
    // Catalog reads only: no product, preview, render or avatar video was asked for.
    expect(fake.made.flatMap((sim) => sim.requests).filter((r) => r.method !== "GET")).toEqual([])
  })

  it("a unique template name resolves, and the product flow runs on", async () => {
    const result = await run([
      "create",
      "--provider",
      "fake",
      "--url",
      page.url,
      "--template",
      "Product Spotlight",
      "--json",
    ])
    expect(result.code).toBe(0)
    const { job, requests } = JSON.parse(result.out)
    expect(job.ref).toMatch(/^fake:render:/)
    expect(requests).toBeGreaterThan(3) // the template catalog read, then product, previews, render
  })

  it("avatar-video usage errors: no presenter, product-only flags", async () => {
    const noPresenter = await run(["create", "--provider", "fake", "--script", "Hi", "--voice", "vo-1"])
    expect([noPresenter.code, noPresenter.err]).toEqual([
      2,
      expect.stringContaining("needs --avatar <id|name> or --image"),
    ])
    const template = await run([
      "create",
      "--provider",
      "fake",
      "--script",
      "Hi",
      "--avatar",
      "Anna",
      "--template",
      "t",
    ])
    expect(template.err).toContain("--template is for a product video (with --url)")
    const badImage = await run([
      "create",
      "--provider",
      "fake",
      "--image",
      "file:///etc/passwd",
      "--audio",
      "https://x.test/a.mp3",
    ])
    expect([badImage.code, badImage.err]).toEqual([
      2,
      expect.stringContaining("--image must be an http(s) URL"),
    ])
    const noUrl = await run(["create", "--provider", "fake"])
    expect(noUrl.err).toContain("--url is required")
  })
})
