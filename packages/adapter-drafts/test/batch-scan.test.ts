import { JobRef, runPromise } from "@vidbridge/core"
import { describe, expect, it } from "vitest"
import { DRAFTS_ROUTES } from "../src/testing/index.js"
import { clientFor, productInput, providerFor, useSimulatorServer } from "./simulatorSupport.js"

// Many Hour One videos tracked at once: `GET /videos` answers every video of the account (no
// paging, no ids filter), so one request a round reads them all; a ready video's metadata (its
// duration and scene timings) is read only with the `videoMetadata` setting, and counted.

const { mount } = useSimulatorServer()

/** `count` videos made a minute apart on `sim`; answers their refs. */
const make = async (sim: ReturnType<typeof mount>, count: number) => {
  const client = clientFor(sim)
  const product = await client.createProduct(productInput)
  const refs: Array<string> = []
  for (let i = 0; i < count; i++) {
    refs.push((await client.render({ product: product.ref, template: "draft-1" })).ref)
    sim.clock.advance(60_000)
  }
  return refs
}

describe("Hour One batch reads (scanStatuses over GET /videos)", () => {
  it("reads every tracked video with one GET /videos, each as getStatus reads it, no metadata", async () => {
    const sim = mount()
    const refs = await make(sim, 6)
    sim.clock.advance(120_000)
    sim.log.clear()
    const shape = await providerFor(sim)
    const tracked = refs.slice(1).map((ref) => JobRef.parse(ref))
    const scan = await runPromise(shape.scanStatuses!(tracked))
    expect(scan.requests).toBe(1)
    expect(sim.log.count(DRAFTS_ROUTES.list)).toBe(1)
    expect(scan.jobs.map((j) => j.ref).sort()).toEqual(refs.slice(1).sort())
    for (const job of scan.jobs) {
      const { raw: _a, ...one } = await runPromise(shape.getStatus(JobRef.parse(job.ref)))
      const { raw: _b, ...listed } = job
      expect(listed).toEqual(one)
    }
    expect(scan.jobs.some((j) => j.status === "succeeded")).toBe(true)
    expect(sim.log.count(DRAFTS_ROUTES.metadata)).toBe(0)
  })

  it("with videoMetadata, each ready video costs one more read, counted in the scan", async () => {
    const sim = mount()
    const refs = await make(sim, 4)
    sim.clock.advance(60 * 60_000)
    sim.log.clear()
    const shape = await providerFor(sim, { videoMetadata: true })
    const scan = await runPromise(shape.scanStatuses!(refs.map((ref) => JobRef.parse(ref))))
    expect(scan.requests).toBe(5)
    expect(sim.log.count(DRAFTS_ROUTES.metadata)).toBe(4)
    expect(scan.jobs.every((j) => j.status === "succeeded" && j.durationSeconds !== undefined)).toBe(true)
  })

  it("waitForAll: one GET /videos a round for every job, reported in onRound", async () => {
    const sim = mount()
    const refs = await make(sim, 5)
    sim.clock.advance(60 * 60_000)
    sim.log.clear()
    const rounds: Array<{ tracked: number; requests: number }> = []
    const results = await clientFor(sim).waitForAll(refs, { interval: 1, onRound: (r) => rounds.push(r) })
    expect(results.every((r) => r.ok && r.job.status === "succeeded")).toBe(true)
    expect(rounds).toEqual([{ tracked: 5, requests: 1 }])
    expect(sim.log.count()).toBe(1)
  })
})
