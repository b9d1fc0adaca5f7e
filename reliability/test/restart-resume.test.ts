// Restart: a job started by one client is finished by a brand-new client (new provider, new
// HTTP runtime, nothing shared) from the stored ref string alone, on every vendor.
import { createVideoClient, type VideoClient } from "@vidbridge/core"
import { type SimulatorServer, serveHandlers, type VendorSimulator } from "@vidbridge/core/testing"
import { Schedule } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { type Vendor, vendors } from "./support/vendors.js"

const servers: SimulatorServer[] = []
afterEach(async () => {
  while (servers.length > 0) await servers.pop()!.close()
})

/** A client as a freshly started process builds it: from settings only. */
const freshClient = (vendor: Vendor, sim: VendorSimulator, origin: string): VideoClient =>
  createVideoClient({
    provider: vendor.definition({ ...sim.settings(origin), retry: { baseDelay: 1, maxDelay: 1 } }),
    polling: { schedule: Schedule.spaced(1) },
  })

const images = ["https://cdn.test/a.jpg", "https://cdn.test/b.jpg", "https://cdn.test/c.jpg"]

/** Starts a render the way each vendor allows without account-specific ids, answers its ref. */
const startRender = async (vendor: Vendor, client: VideoClient): Promise<string> => {
  const product = await client.createProduct({ title: "Aurora Trail Shoe", imageUrls: images })
  const job = await client.render({
    product,
    ...(vendor.id === "drafts" ? { template: "draft-1" } : { aspectRatio: "9:16" as const }),
    ...(vendor.id === "jogg" ? { avatar: "81", visualStyle: "Simple Product Switch" } : {}),
  })
  return job.ref
}

describe("restart: resume a job from its stored ref with a new client", () => {
  it.each(vendors.map((v) => [v.id, v] as const))("%s", async (_, vendor) => {
    const sim = vendor.simulate({})
    const server = await serveHandlers(sim.handlers, { canonicalBase: sim.canonicalBase })
    servers.push(server)

    const stored = await startRender(vendor, freshClient(vendor, sim, server.url))
    expect(typeof stored).toBe("string")

    // "Restart": nothing survives but the ref string; time passes on the vendor's side.
    sim.clock.advance(30 * 60_000)
    const resumed = freshClient(vendor, sim, server.url)
    const job = await resumed.waitForCompletion(stored)
    expect(job.ref).toBe(stored)
    expect(job.status).toBe("succeeded")
    expect(job.videoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  })
})
