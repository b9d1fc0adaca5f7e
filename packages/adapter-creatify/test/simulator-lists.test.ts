import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { makeCreatifyClient } from "../src/index.js"
import { CREATIFY_ROUTES, type CreatifySimulator } from "../src/testing/index.js"
import { clientFor, productInput, useSimulatorServer } from "./simulatorSupport.js"

// The simulator's lists, which the adapter's lookups read: links, AI script jobs and link-to-video
// jobs, each showing a new resource only `listLag` after it was made (reads by id at once).

const { mount } = useSimulatorServer()

const rawClient = (sim: CreatifySimulator) => {
  const { apiId, apiKey } = sim.settings()
  return makeCreatifyClient({ apiId: Redacted.make(apiId), apiKey: Redacted.make(apiKey) })
}
const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

describe("the simulator's lists", () => {
  it("lag: a new link, script job or link-to-video job is listed listLag after it was made; ids see it at once", async () => {
    const sim = mount({ listLag: 30_000 })
    const client = clientFor(sim)
    const api = rawClient(sim)
    const product = await client.createProduct(productInput)
    const scripts = await client.generateScripts({ product })
    const previews = await client.generatePreviews({ product })
    const id = previews.ref.split(":")[2]!
    expect(await run(api.listLinks())).toEqual([])
    expect(await run(api.listScripts({}))).toEqual([])
    expect(await run(api.listLinkToVideos({}))).toEqual([])
    expect((await run(api.listLinkToVideos({ ids: [id] }))).map((j) => j.id)).toEqual([id])
    expect((await run(api.listScripts({ ids: [scripts.ref!.split(":")[2]!] }))).length).toBe(1)
    sim.clock.advance(30_000)
    expect((await run(api.listLinks())).map((l) => l.id)).toEqual([product.id])
    expect(await run(api.listScripts({}))).toHaveLength(1)
    expect((await run(api.listLinkToVideos({}))).map((j) => j.id)).toEqual([id])
    expect(sim.log.count(CREATIFY_ROUTES.listLinks)).toBe(2)
    expect(sim.log.count(CREATIFY_ROUTES.listScripts)).toBe(3)
  })

  it("script jobs: ordering=-created_at newest first, created_at on the simulator's epoch, the product echoed", async () => {
    const sim = mount({ epoch: Date.UTC(2030, 0, 1) })
    const client = clientFor(sim)
    const product = await client.createProduct(productInput)
    await client.generateScripts({ product })
    sim.clock.advance(1_000)
    await client.generateScripts({ product })
    const listed = await run(rawClient(sim).listScripts({ ordering: "-created_at" }))
    expect(listed.map((j) => j.created_at)).toEqual(["2030-01-01T00:00:01.000Z", "2030-01-01T00:00:00.000Z"])
    expect(listed[0]!.product).toMatchObject({
      title: productInput.title,
      description: productInput.description,
    })
  })

  it("holdAnswer: the request takes effect and its answer never comes (the client times out)", async () => {
    const sim = mount()
    const client = clientFor(sim, { timeout: 50 })
    const product = await client.createProduct(productInput)
    sim.holdAnswer(CREATIFY_ROUTES.previews)
    // The client times out after sending; core then finds the job the request made.
    const job = await client.generatePreviews({ product })
    expect(job.submission?.reconciled).toBe(true)
    expect(sim.jobs()).toHaveLength(1)
    expect(sim.log.count(CREATIFY_ROUTES.previews)).toBe(1)
    expect(sim.held()).toBe(0)
  })
})
