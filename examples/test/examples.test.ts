import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { drafts } from "@vidbridge/adapter-drafts"
import type { DraftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { createVideoClient, type VideoJobEvent } from "@vidbridge/core"
import { Schedule } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { main as compare } from "../src/compare.ts"
import { main as effectProgram } from "../src/effect-program.ts"
import { resume, start } from "../src/resume.ts"
import { type Simulated, startSimulators } from "../src/simulated.ts"
import { main as swapVendor } from "../src/swap-vendor.ts"
import { makeHandler, serveWithNodeHttp } from "../src/webhook-receiver.ts"

// Simulators run 6000x faster than real time on 127.0.0.1 (a 5-minute render takes 50 ms)
// and clients poll every 20 ms, so no test waits real seconds.
const polling = { schedule: Schedule.spaced(20), minInterval: 0 }
let sims: Simulated
beforeAll(async () => {
  sims = await startSimulators(undefined, 6000)
})
afterAll(() => sims.close())

describe("examples run against the simulators", () => {
  it("swap-vendor: the vendor is one environment variable", async () => {
    for (const provider of ["creatify", "jogg", "drafts"]) {
      const url = await swapVendor({ ...sims.env, VIDBRIDGE_PROVIDER: provider }, sims.productUrl, polling)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    }
  }, 30_000)

  it("compare: every configured vendor side by side", async () => {
    const rows = await compare({ ...sims.env }, sims.productUrl, polling)
    expect(rows.map((r) => [r.provider, r.status])).toEqual(rows.map((r) => [r.provider, "succeeded"]))
  }, 30_000)

  it("resume: a new client finishes a job from its stored ref", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "vidbridge-")), "job.ref")
    const env = { ...sims.env, VIDBRIDGE_PROVIDER: "drafts" }
    const ref = await start(env, file)
    const job = await resume(env, file, polling)
    expect(job.ref).toBe(ref)
    expect(job.status).toBe("succeeded")
  }, 30_000)

  it("effect-program: a layer, typed failures, catchReason", async () => {
    const result = await effectProgram(sims.served.drafts!.settings as never)
    expect(result).toMatchObject({ ok: true })
  }, 30_000)

  it("webhook-receiver: a signed delivery over real loopback HTTP reaches onEvent once", async () => {
    const served = sims.served.drafts!
    const simulator = served.simulator as DraftsSimulator
    const client = createVideoClient({ provider: drafts(served.settings as never), polling })
    const events: VideoJobEvent[] = []
    const receiver = await serveWithNodeHttp(makeHandler(client, (event) => void events.push(event)))
    try {
      simulator.setWebhookUrl(receiver.url)
      const product = await client.createProduct({ title: "Shoe", imageUrls: ["https://cdn.example/a.jpg"] })
      const job = await client.render({ product, template: "sim-template" })
      await client.waitForCompletion(job.ref)
      const statuses = await simulator.flushWebhooks()
      expect(statuses).toContain(200)
      expect(events.map((e) => [e.job.ref, e.type])).toContainEqual([job.ref, "video.ready"])
      const forged = await fetch(receiver.url, {
        method: "POST",
        body: "{}",
        headers: { "x-hourone-signature": "00" },
      })
      expect(forged.status).toBe(401)
    } finally {
      simulator.setWebhookUrl(undefined)
      receiver.server.close()
    }
  }, 30_000)
})
