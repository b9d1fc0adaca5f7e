import { Schedule } from "effect"
import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { createSimulator } from "../src/testing/index.js"
import { clientFor } from "./simulatorSupport.js"
import { client, fixture, issuesOf, json, rejection, route, useMsw } from "./support.js"

// AI scripts: `generateScripts` -> `POST /v2/ai_scripts` (0.2 credit), then core polls
// `GET /v2/ai_scripts/results/{task_id}` until the scripts are written.

const server = useMsw()
const fast = { schedule: Schedule.spaced(1), minInterval: 0 }

describe("JoggAI AI scripts", () => {
  it("sends the spec's body (product by id, one style) and waits for the scripts", async () => {
    const sent = route(server, "post", "/v2/ai_scripts", json(fixture("v2-ai-script-task")))
    const read = route(server, "get", "/v2/ai_scripts/results/task_123456789", (n) =>
      HttpResponse.json(fixture(n < 3 ? "v2-ai-script-processing" : "v2-ai-script-result")),
    )
    const scripts = await client().generateScripts(
      {
        product: "jogg:product:NTQ0MTkzNjg",
        language: "en",
        durationSeconds: 30,
        scriptStyles: ["Storytime"],
        targetAudience: "Fitness enthusiasts and outdoor adventurers",
      },
      fast,
    )
    expect(sent[0]!.body).toEqual({
      language: "english",
      video_length_seconds: "30",
      script_style: "Storytime",
      product_info: { source_type: "id", data: { id: "NTQ0MTkzNjg" } },
      target_audience: "Fitness enthusiasts and outdoor adventurers",
    })
    expect(read).toHaveLength(3)
    expect(scripts).toMatchObject({
      ref: "jogg:ai_script:task_123456789",
      status: "ready",
      scripts: [
        {
          style: "Storytime",
          text: "Ever tried drinking water while running?\nThe Owala FreeSip makes it effortless...",
        },
      ],
    })
  })

  it("reads the guide's answer too (scripts, one string each)", async () => {
    route(server, "post", "/v2/ai_scripts", json(fixture("v2-ai-script-task")))
    route(server, "get", "/v2/ai_scripts/results/task_123456789", json(fixture("v2-ai-script-result-guide")))
    const scripts = await client().generateScripts({ product: "NTQ0MTkzNjg" }, fast)
    expect(scripts.scripts.map((s) => s.style)).toEqual(["Storytime", "Discovery", "Top 3 Reasons"])
  })

  it("a failed task fails generateScripts with VendorRejected, JoggAI's err_msg kept", async () => {
    route(server, "post", "/v2/ai_scripts", json(fixture("v2-ai-script-task")))
    route(server, "get", "/v2/ai_scripts/results/task_123456789", () =>
      HttpResponse.json({
        code: 0,
        msg: "Success",
        data: { status: "failed", err_msg: "Failed to generate script" },
      }),
    )
    const error = await rejection(client().generateScripts({ product: "NTQ0MTkzNjg" }, fast))
    expect(error.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: ["Failed to generate script"],
    })
  })

  it.each([
    ["two styles", { scriptStyles: ["Storytime", "Data"] }, "scriptStyles", "one script style per call"],
    ["a style JoggAI lacks", { scriptStyles: ["Epic"] }, "scriptStyles", '"Light marketing"'],
    ["a length JoggAI lacks", { durationSeconds: 45 }, "durationSeconds", "15, 30, 60"],
    [
      "a vendor option",
      { providerOptions: { jogg: { music_id: 1 } } },
      "providerOptions.jogg",
      "no JoggAI options",
    ],
  ] as const)("refuses %s before any request", async (_label, extra, path, text) => {
    const error = await rejection(client().generateScripts({ product: "P1", ...extra } as never))
    expect(issuesOf(error).find((i) => i.path === path)?.message).toContain(text)
  })

  it("a lost answer cannot be looked up: SubmissionUnknown saying why (no list, nothing of the request kept)", async () => {
    route(server, "post", "/v2/ai_scripts", () => HttpResponse.json({ code: 50000, msg: "System error" }))
    const error = await rejection(client().generateScripts({ product: "P1" }, fast))
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "unsupported" })
    expect(error.message).toContain("JoggAI lists no AI-script tasks")
  })

  it("end to end on the simulator: 0.2 credit, three styles written; failNextScript fails the next", async () => {
    const sim = createSimulator({ timelines: { script: [{ status: "completed", at: 0 }] }, balance: 10 })
    server.use(...sim.handlers)
    const jobs = clientFor(sim)
    const product = await jobs.createProduct({ title: "Aurora Trail Shoe" })
    const scripts = await jobs.generateScripts({ product, scriptStyles: ["Data"] }, fast)
    expect(scripts.scripts.map((s) => s.style)).toEqual(["Data", "Storytime", "Discovery"])
    expect(scripts.scripts[0]!.text).toContain("Meet Aurora Trail Shoe.")
    expect(sim.creditsSpent()).toBeCloseTo(0.2)
    sim.failNextScript("Product details too short")
    const error = await rejection(jobs.generateScripts({ product }, fast))
    expect(error.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: ["Product details too short"],
    })
    expect(sim.jobs().filter((j) => j.kind === "ai_script")).toHaveLength(2)
  })
})
