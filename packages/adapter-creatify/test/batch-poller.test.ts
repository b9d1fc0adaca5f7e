// Core's batch poller reading Creatify through its list endpoint (ids, max 100 per request):
// 250 tracked jobs cost 3 status reads per polling round, not 250.
import { describe, expect, it } from "vitest"
import { CREATIFY_ROUTES } from "../src/testing/index.js"
import { clientFor, productInput, useSimulatorServer } from "./simulatorSupport.js"

const { mount } = useSimulatorServer()

describe("core batch poller on Creatify", () => {
  it("tracks 250 renders with 3 list reads per round until all are done", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    const jobs = await Promise.all(
      Array.from({ length: 250 }, () => client.render({ product, aspectRatio: "9:16" })),
    )
    sim.log.clear()

    const rounds: number[] = []
    const results = await client.waitForAll(
      jobs.map((job) => job.ref),
      {
        interval: 1,
        // Each round moves simulated time 2 minutes: the renders finish within a few rounds.
        onRound: (round) => {
          rounds.push(round.requests)
          sim.clock.advance(2 * 60_000)
        },
      },
    )

    expect(results).toHaveLength(250)
    expect(results.every((r) => r.ok && r.job.status === "succeeded")).toBe(true)
    expect(rounds.length).toBeGreaterThan(1)
    expect(rounds.every((requests) => requests === 3)).toBe(true)
    expect(sim.log.count(CREATIFY_ROUTES.listVideos)).toBe(3 * rounds.length)
    expect(sim.log.count()).toBe(3 * rounds.length)
  })
})
