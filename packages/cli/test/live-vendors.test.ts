// `compare` as a new user runs it on live vendors: nothing but API keys and base URLs in the
// environment, here pointing at each vendor's simulator served on loopback (their catalogs,
// balances and rules), so every input comes from the vendors' own catalogs.
import type { CreatifySimulator } from "@vidbridge/adapter-creatify/testing"
import type { JoggSimulator } from "@vidbridge/adapter-jogg/testing"
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { builtInProviders, type ServedSimulator, serveSimulator } from "../src/index.js"
import { run } from "./support/run.js"

// Simulated time runs 10,000x faster than real time; live clients poll a loopback vendor every 20 ms.
const SPEED = 10_000

let page: Awaited<ReturnType<typeof serveProductPage>>
let served: Array<ServedSimulator> = []
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())
afterEach(async () => {
  await Promise.all(served.map((s) => s.close()))
  served = []
})

/** Serves the three vendors' simulators; answers the variables a user would set, and the simulators. */
const vendors = async () => {
  served = await Promise.all(
    builtInProviders.definitions.map((definition) =>
      serveSimulator(definition, builtInProviders.simulators[definition.id]!, { speed: SPEED }),
    ),
  )
  const env: Record<string, string> = Object.assign({}, ...served.map((s) => s.exports))
  const sim = (id: string) => served.find((s) => s.simulator.provider === id)!.simulator
  return { env, sim }
}

const compare = (args: ReadonlyArray<string>, env: Record<string, string>, interactive?: boolean) =>
  run(["compare", "--url", page.url, "--providers", "creatify,jogg,drafts", ...args], {
    env,
    providers: builtInProviders,
    ...(interactive === undefined ? {} : { interactive }),
  })

const paid = (sim: { log: { all: () => ReadonlyArray<{ method: string }> } }) =>
  sim.log.all().filter((r) => r.method !== "GET")

describe("compare on live vendors with nothing but keys", () => {
  it("chooses each vendor's inputs from its catalog, prints them and the cost first, and all three succeed", async () => {
    const { env, sim } = await vendors()
    const result = await compare(["--yes", "--json"], { ...env, HOURONE_DRAFT_ID: "draft-from-studio" })
    expect(result.code, result.err).toBe(0)
    const body = JSON.parse(result.out)
    expect(body.rows.map((r: { provider: string; mode: string; status: string }) => r)).toMatchObject([
      { provider: "creatify", mode: "live", status: "succeeded" },
      { provider: "jogg", mode: "live", status: "succeeded" },
      { provider: "drafts", mode: "live", status: "succeeded" },
    ])
    const choices = Object.fromEntries(
      body.plan.map((p: { provider: string; choices: unknown }) => [p.provider, p.choices]),
    )
    // Creatify: the first active persona with a 9:16 preview, a female English voice (Anna is
    // female), the first style it lists, music off (Creatify adds random music unless told not to).
    expect(choices.creatify).toMatchObject({
      avatar: { id: "a0000000-0000-4000-8000-000000000001", name: "Anna", source: "catalog default" },
      voice: { id: "b0000000-0000-4000-8000-000000000001", name: "Fatima (American English accent)" },
      visualStyle: { id: "GreenScreenEffectTemplate" },
      music: "off",
      providerOptions: { creatify: { no_background_music: true } },
    })
    // JoggAI: the first portrait public avatar (female), the first female English voice, the first
    // style listed for portrait.
    expect(choices.jogg).toMatchObject({
      avatar: { id: "81", name: "Amanda outdoors" },
      voice: { id: "en-US-JennyNeural", name: "Jenny" },
      visualStyle: { id: "Simple split screen template" },
      music: "off",
    })
    // Hour One: the draft from HOURONE_DRAFT_ID; no catalogs to choose from.
    expect(choices.drafts).toMatchObject({ template: { id: "draft-from-studio", source: "environment" } })
    expect(choices.drafts.avatar).toBeUndefined()
    // The estimates are the vendors' published rules for exactly this run, and what it cost.
    const plan = Object.fromEntries(body.plan.map((p: { provider: string }) => [p.provider, p]))
    expect(plan.creatify.estimate.credits).toBe(sim("creatify").creditsSpent())
    expect(plan.creatify.balance).toMatchObject({ unit: "credits" })
    expect(plan.jogg.estimate.credits).toBe(1.5)
    expect(plan.jogg.balance.remaining).toBeGreaterThan(0)
    expect(plan.drafts.estimate).toBeUndefined()
    expect(body.rows[0].choices.avatar.name).toBe("Anna")
    // What the vendors were sent is what was chosen.
    const creatify = sim("creatify") as CreatifySimulator
    expect(creatify.jobs()[0]?.body).toMatchObject({
      override_avatar: "a0000000-0000-4000-8000-000000000001",
      override_voice: "b0000000-0000-4000-8000-000000000001",
      visual_styles: ["GreenScreenEffectTemplate"],
      no_background_music: true,
    })
    const jogg = sim("jogg") as JoggSimulator
    expect(
      jogg
        .jobs()
        .filter((j) => j.kind === "preview")
        .map((j) => j.visualStyle),
    ).toEqual(["Simple split screen template"])
  }, 60_000)

  it("prints what was chosen, with names and ids, and the cost, before the table", async () => {
    const { env } = await vendors()
    const result = await compare(["--yes"], { ...env, HOURONE_DRAFT_ID: "draft-from-studio" })
    expect(result.code, result.err).toBe(0)
    expect(result.err).toContain(
      'creatify (live): avatar "Anna" (a0000000-0000-4000-8000-000000000001), voice "Fatima (American English accent)" (b0000000-0000-4000-8000-000000000001), visual style "GreenScreenEffectTemplate", music off',
    )
    expect(result.err).toMatch(
      /jogg \(live\): avatar "Amanda outdoors" \(81\), voice "Jenny" \(en-US-JennyNeural\)/,
    )
    expect(result.err).toMatch(
      /\n {2}estimate 1\.5 credits \(0\.5 credit per started 2 minutes per preview.*; balance \d+ credits\n/,
    )
    expect(result.err).toContain('drafts (live): template "draft-from-studio" [environment], music off')
    expect(result.err).toContain("no credit estimate")
    // Printed before anything was spent: the first thing on stderr, before any progress.
    expect(result.err.startsWith("creatify (live): ")).toBe(true)
    expect(result.out).toMatch(/creatify\s+live\s+succeeded/)
    expect(result.out).toMatch(/jogg\s+live\s+succeeded/)
    expect(result.out).toMatch(/drafts\s+live\s+succeeded/)
  }, 60_000)

  it("without a Hour One draft, leaves that column out with a note on getting one; the others succeed", async () => {
    const { env, sim } = await vendors()
    const result = await compare(["--yes"], env)
    expect(result.code, result.err).toBe(0)
    const note =
      "drafts renders from a template it cannot list: pass --template drafts=<id> or set HOURONE_DRAFT_ID. Hour One's API cannot list drafts: open the project in Hour One's studio"
    expect(result.err).toContain(`drafts: left out: ${note}`)
    expect(result.out).toContain(`drafts left out: ${note}`)
    expect(result.out).toMatch(/creatify\s+live\s+succeeded/)
    expect(result.out).toMatch(/jogg\s+live\s+succeeded/)
    expect(result.out).not.toMatch(/^drafts\s+live/m)
    // Nothing at all was sent to Hour One.
    expect(sim("drafts").log.all()).toEqual([])
    const json = await compare(["--yes", "--json"], env)
    const body = JSON.parse(json.out)
    expect(body.rows.map((r: { provider: string }) => r.provider)).toEqual(["creatify", "jogg"])
    expect(body.plan).toContainEqual({ provider: "drafts", leftOut: expect.stringContaining(note) })
  }, 60_000)
})

describe("compare overrides, cost caps and confirmation", () => {
  it("takes per-provider and plain overrides by name or id, and says which were given", async () => {
    const { env } = await vendors()
    const result = await compare(
      [
        ...["--avatar", "jogg=Marcus studio", "--voice", "jogg=en-US-GuyNeural"],
        ...["--style", "creatify=FullScreenTemplate", "--template", "drafts=d-42", "--yes", "--json"],
      ],
      env,
    )
    expect(result.code, result.err).toBe(0)
    const plan = Object.fromEntries(
      JSON.parse(result.out).plan.map((p: { provider: string; choices: unknown }) => [p.provider, p.choices]),
    )
    expect(plan.jogg.avatar).toEqual({ id: "84", name: "Marcus studio", source: "flag" })
    expect(plan.jogg.voice).toEqual({ id: "en-US-GuyNeural", name: "Guy", source: "flag" })
    expect(plan.creatify.visualStyle).toEqual({
      id: "FullScreenTemplate",
      name: "FullScreenTemplate",
      source: "flag",
    })
    // The override on Jogg left Creatify's avatar to its catalog.
    expect(plan.creatify.avatar.source).toBe("catalog default")
    expect(plan.drafts.template).toEqual({ id: "d-42", source: "flag" })
  }, 60_000)

  it("refuses bad overrides naming the flag, before anything is sent", async () => {
    const { env, sim } = await vendors()
    const cases: Array<[string[], string]> = [
      [
        ["--avatar", "heygen=Anna"],
        '--avatar names "heygen", which is no provider; known: creatify, jogg, drafts',
      ],
      [["--avatar", "jogg=Nobody"], '--avatar "Nobody" is no avatar id or name on jogg'],
      [["--avatar", "jogg=Sofia"], '--avatar "Sofia" names 2 avatars on jogg'],
      [["--style", "jogg=Nope"], '--style "Nope" is no visual style id or name on jogg'],
      [["--voice", "jogg="], '--voice needs a value after "jogg="'],
      [["--voice", "a", "--voice", "b"], "--voice has two values for every provider"],
    ]
    for (const [flags, message] of cases) {
      const result = await compare([...flags, "--template", "drafts=d-1", "--yes"], env)
      expect(result.code, flags.join(" ")).toBe(2)
      expect(result.err).toContain(message)
    }
    const notRunning = await run(
      ["compare", "--url", page.url, "--providers", "creatify", "--avatar", "jogg=81", "--yes"],
      { env, providers: builtInProviders },
    )
    expect(notRunning.err).toContain(
      "--avatar names jogg, which this run does not include (--providers creatify)",
    )
    for (const id of ["creatify", "jogg", "drafts"]) expect(paid(sim(id))).toEqual([])
  }, 60_000)

  it("--max-credits refuses a run estimated above it, and sends nothing", async () => {
    const { env, sim } = await vendors()
    const refused = await compare(["--max-credits", "2", "--template", "drafts=d-1", "--yes"], env)
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(
      /error: the run is estimated at 7\.5 credits \(no estimate from drafts\), above --max-credits 2; nothing was sent/,
    )
    for (const id of ["creatify", "jogg", "drafts"]) expect(paid(sim(id))).toEqual([])
    expect(sim("creatify").creditsSpent() + sim("jogg").creditsSpent()).toBe(0)
    const json = await compare(["--max-credits", "2", "--template", "drafts=d-1", "--json"], env)
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("above --max-credits 2") },
    })
    const within = await compare(["--max-credits", "7.5", "--template", "drafts=d-1", "--yes"], env)
    expect(within.code, within.err).toBe(0)
    const bad = await compare(["--max-credits", "lots"], env)
    expect([bad.code, bad.err]).toEqual([
      2,
      expect.stringContaining("--max-credits must be a number of credits"),
    ])
  }, 60_000)

  it("asks before spending on live vendors: no sends nothing, yes runs; no terminal needs --yes", async () => {
    const { env, sim } = await vendors()
    const asked: string[] = []
    const answer = (yes: boolean) => async (question: string) => {
      asked.push(question)
      return yes
    }
    const no = await run(["compare", "--url", page.url, "--providers", "jogg"], {
      env,
      providers: builtInProviders,
      confirm: answer(false),
    })
    expect(no.code).toBe(1)
    expect(asked).toEqual(["spend about 1.5 credits on jogg?"])
    expect(no.err).toContain("not confirmed; nothing was sent")
    expect(paid(sim("jogg"))).toEqual([])
    const unattended = await run(["compare", "--url", page.url, "--providers", "jogg"], {
      env,
      providers: builtInProviders,
    })
    expect(unattended.code).toBe(2)
    expect(unattended.err).toContain("There is no terminal to ask on: pass --yes to go ahead")
    expect(paid(sim("jogg"))).toEqual([])
    const yes = await run(["compare", "--url", page.url, "--providers", "jogg"], {
      env,
      providers: builtInProviders,
      confirm: answer(true),
    })
    expect(yes.code, yes.err).toBe(0)
    expect(asked).toHaveLength(2)
    expect(yes.out).toMatch(/jogg\s+live\s+succeeded/)
    // Simulators spend nothing real: never asked, no --yes needed.
    const simulated = await run(["compare", "--url", page.url, "--providers", "jogg", "--simulate"], {
      env,
      providers: builtInProviders,
      confirm: answer(false),
    })
    expect(simulated.code, simulated.err).toBe(0)
    expect(asked).toHaveLength(2)
  }, 60_000)
})

describe("create and the product page on live vendors", () => {
  it("create picks the same catalog defaults, prints them and puts them in --json", async () => {
    const { env } = await vendors()
    const result = await run(["create", "--provider", "jogg", "--url", page.url, "--wait", "--json"], {
      env,
      providers: builtInProviders,
    })
    expect(result.code, result.out).toBe(0)
    const body = JSON.parse(result.out)
    expect(body).toMatchObject({
      ok: true,
      mode: "live",
      job: { status: "succeeded" },
      choices: {
        avatar: { id: "81", name: "Amanda outdoors" },
        voice: { id: "en-US-JennyNeural" },
        visualStyle: { id: "Simple split screen template" },
        music: "off",
      },
    })
    const landscape = await run(
      ["create", "--provider", "jogg", "--url", page.url, "--aspect", "16:9", "--language", "es"],
      { env, providers: builtInProviders },
    )
    expect(landscape.code, landscape.err).toBe(0)
    // The first landscape avatar (82, male), a male Spanish voice, the first landscape style.
    expect(landscape.err).toContain(
      'jogg: avatar "Professional Female" (82), voice "Alvaro" (es-ES-AlvaroNeural), visual style "Simple split screen template", music off',
    )
  }, 60_000)

  it("create on Hour One without a draft says how to get one, and sends nothing", async () => {
    const { env, sim } = await vendors()
    const result = await run(["create", "--provider", "drafts", "--url", page.url], {
      env,
      providers: builtInProviders,
    })
    expect(result.code).toBe(2)
    expect(result.err).toContain(
      "drafts renders from a template it cannot list: pass --template <id> or set HOURONE_DRAFT_ID",
    )
    expect(sim("drafts").log.all()).toEqual([])
  }, 60_000)

  it("a product page that cannot be read is a typed reason naming the URL in the table", async () => {
    const { env } = await vendors()
    const url = "http://127.0.0.1:1/products/42"
    const result = await run(
      ["compare", "--url", url, "--providers", "drafts", "--template", "drafts=d-1", "--yes"],
      { env, providers: builtInProviders },
    )
    expect(result.code).toBe(1)
    expect(result.out).toMatch(
      /drafts\s+live\s+error\s+.*ProductPageError \(network\): could not read the product page http:\/\/127\.0\.0\.1:1\/products\/42/,
    )
  }, 60_000)
})
