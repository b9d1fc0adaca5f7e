import { createVideoClient, JobRef } from "@vidbridge/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  jogg,
  joggCapabilities,
  joggOpenCapabilities,
  joggOpenStatusTable,
  joggStatusTable,
} from "../src/index.js"
import { joggLanguage, languages } from "../src/internal/mapping/languages.js"
import { fromOpenStatus, fromPercent, openProjectJob } from "../src/internal/mapping/open.js"
import { fromV2Status, v2VideoJob } from "../src/internal/mapping/v2.js"
import { client } from "./support.js"

describe("JoggAI mapping tables", () => {
  it.each([
    ["pending", "queued"],
    ["processing", "running"],
    ["completed", "succeeded"],
    ["failed", "failed"],
    ["Completed", "succeeded"],
    ["exploded", "unknown"],
    ["constructor", "unknown"],
    ["__proto__", "unknown"],
    ["toString", "unknown"],
  ])("v2 status %s -> %s", (vendor, neutral) => {
    expect(fromV2Status(vendor)).toBe(neutral)
  })

  it.each([
    // Made with the product, never rendered / waiting to be rendered: waits for the caller's render.
    [1, "awaiting_selection"],
    [2, "awaiting_selection"],
    [3, "running"],
    [4, "succeeded"],
    [5, "failed"],
    [99, "cancelled"],
    [0, "unknown"],
    [42, "unknown"],
    ["4", "succeeded"],
  ] as const)("open status %s -> %s", (vendor, neutral) => {
    expect(fromOpenStatus(vendor)).toBe(neutral)
  })

  it("exports the status tables the mappings read", () => {
    for (const [vendor, neutral] of Object.entries(joggStatusTable))
      expect(fromV2Status(vendor)).toBe(neutral)
    for (const [vendor, neutral] of Object.entries(joggOpenStatusTable)) {
      expect(fromOpenStatus(Number(vendor))).toBe(neutral)
    }
    expect(Object.keys(joggStatusTable)).toEqual(["pending", "processing", "completed", "failed"])
    expect(Object.keys(joggOpenStatusTable)).toEqual(["1", "2", "3", "4", "5", "99"])
  })

  it("reads a created_at beyond what a Date holds as no date, instead of throwing", () => {
    expect(v2VideoJob("pv_1", { status: "completed", created_at: 1e13 }).createdAt).toBeUndefined()
    expect(v2VideoJob("pv_1", { status: "completed", created_at: 1732806631 }).createdAt).toBe(
      "2024-11-28T15:10:31.000Z",
    )
    const ref = JobRef.make("jogg", "open_project", "p1")
    expect(openProjectJob(ref, { status: 4, created_at: "8640000000000.001" }, {}).createdAt).toBeUndefined()
  })

  it("maps progress percent to 0..1", () => {
    expect(fromPercent(45)).toBe(0.45)
    expect(fromPercent(140)).toBe(1)
    expect(fromPercent(undefined)).toBeUndefined()
  })

  it("maps ISO language codes to all 54 JoggAI language names", () => {
    expect(joggLanguage("en")).toBe("english")
    expect(joggLanguage("pt-BR")).toBe("portuguese")
    expect(joggLanguage("zh-TW")).toBe("traditional-chinese")
    expect(joggLanguage("nl-BE")).toBe("flemish")
    expect(joggLanguage("xx")).toBeUndefined()
    expect(new Set(Object.values(languages)).size).toBe(54)
  })

  it("describes v2 statically and open on the built provider", async () => {
    expect(jogg.capabilities).toBe(joggCapabilities)
    const open = await Effect.runPromise(jogg({ apiKey: "k", apiVersion: "open" }).make)
    expect(open.capabilities).toBe(joggOpenCapabilities)
    expect(jogg.env.apiKey?.name).toBe("JOGG_API_KEY")
  })

  it("says what the open API can do before the provider is built", () => {
    const configured = jogg({ apiKey: "k", apiVersion: "open" })
    expect(configured.capabilities).toBe(joggOpenCapabilities)
    expect(createVideoClient({ provider: configured }).capabilities()).toBe(joggOpenCapabilities)
    expect(createVideoClient({ provider: jogg({ apiKey: "k" }) }).capabilities()).toBe(joggCapabilities)
  })
})

describe("JoggAI credit estimates (published rules)", () => {
  it.each([
    [15, 1],
    [60, 1],
    [180, 2],
    [300, 3],
  ])("a %ss video costs %s credit(s)", async (seconds, credits) => {
    const estimate = await client().estimateCredits(
      { product: "jogg:product:P", durationSeconds: seconds },
      "render",
    )
    expect(estimate).toMatchObject({ provider: "jogg", credits, estimate: true })
  })

  it("previews cost 0.5 per 2 minutes each", async () => {
    const estimate = await client().estimateCredits(
      { product: "jogg:product:P", visualStyles: ["A", "B", "C"], durationSeconds: 30 },
      "previews",
    )
    expect(estimate.credits).toBe(1.5)
  })
})
