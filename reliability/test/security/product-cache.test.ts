// Products the Creatify and Hour One adapters remember (so a bare product ref can be passed on)
// are bounded (issue 12, item 10): a long-lived server that makes products forever does not grow
// forever. Checked through the public API against the simulators: the least recently used
// product is forgotten once more than REMEMBERED_PRODUCTS were made; the recent ones still work.
import { REMEMBERED_PRODUCTS as CREATIFY_REMEMBERED, creatify } from "@vidbridge/adapter-creatify"
import { createSimulator as creatifySim } from "@vidbridge/adapter-creatify/testing"
import { REMEMBERED_PRODUCTS as DRAFTS_REMEMBERED, drafts } from "@vidbridge/adapter-drafts"
import { createSimulator as draftsSim } from "@vidbridge/adapter-drafts/testing"
import { createVideoClient, type Product, VideoError } from "@vidbridge/core"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
afterAll(() => server.close())

const productData = (n: number) => ({
  title: `Shoe ${n}`,
  description: `Trail shoe number ${n}.`,
  imageUrls: [`https://cdn.test/${n}/1.jpg`, `https://cdn.test/${n}/2.jpg`, `https://cdn.test/${n}/3.jpg`],
})

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe("remembered products are bounded", () => {
  it("stops a long-lived Creatify client from keeping every product it made: the oldest is forgotten", async () => {
    expect(CREATIFY_REMEMBERED).toBeGreaterThan(0)
    const sim = creatifySim()
    server.resetHandlers(...sim.handlers)
    const client = createVideoClient({ provider: creatify(sim.settings()) })
    const made: Product[] = []
    for (let n = 0; n <= CREATIFY_REMEMBERED; n++) made.push(await client.createProduct(productData(n)))
    // The first product is one too many ago: its bare ref no longer carries the title scripts need.
    const forgotten = await failureOf(client.generateScripts({ product: made[0]!.ref }))
    expect(forgotten).toBeInstanceOf(VideoError)
    expect((forgotten as VideoError).reason._tag).toBe("InvalidInput")
    expect((forgotten as VideoError).message).toContain("Product object")
    // The most recent REMEMBERED_PRODUCTS still work by ref, and the Product object always does.
    expect((await client.generateScripts({ product: made[1]!.ref })).status).toBe("ready")
    expect((await client.generateScripts({ product: made.at(-1)!.ref })).status).toBe("ready")
    expect((await client.generateScripts({ product: made[0]! })).status).toBe("ready")
  }, 60_000)

  it("stops a long-lived Hour One client from keeping every product it made: the oldest is forgotten", async () => {
    expect(DRAFTS_REMEMBERED).toBeGreaterThan(0)
    const sim = draftsSim()
    server.resetHandlers(...sim.handlers)
    const client = createVideoClient({ provider: drafts(sim.settings()) })
    const made: Product[] = []
    for (let n = 0; n <= DRAFTS_REMEMBERED; n++) made.push(await client.createProduct(productData(n)))
    const forgotten = await failureOf(client.render({ template: "draft-1", product: made[0]!.ref }))
    expect(forgotten).toBeInstanceOf(VideoError)
    expect((forgotten as VideoError).reason._tag).toBe("InvalidInput")
    expect((forgotten as VideoError).message).toContain("not a product this client made")
    expect((await client.render({ template: "draft-1", product: made[1]!.ref })).status).toBeDefined()
    expect((await client.render({ template: "draft-1", product: made.at(-1)!.ref })).status).toBeDefined()
    expect((await client.render({ template: "draft-1", product: made[0]! })).status).toBeDefined()
  }, 60_000)
})
