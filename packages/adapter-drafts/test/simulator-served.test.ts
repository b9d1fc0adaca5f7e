import { OFF_CONTRACT_HEADER } from "@vidbridge/contracts"
import type { VideoJobEvent } from "@vidbridge/core"
import { makeCleanup, serveReceiver, serveSimulator } from "@vidbridge/core/testing"
import { afterEach, describe, expect, it } from "vitest"
import { drafts, HOURONE_SIGNATURE_HEADER } from "../src/index.js"
import { createSimulator, DRAFTS_ROUTES, type DraftsSimulator } from "../src/testing/index.js"
import { productInput } from "./simulatorSupport.js"

// No msw here: every request goes over real loopback HTTP.

const cleanup = makeCleanup()
afterEach(cleanup.closeAll)

/** The simulator on 127.0.0.1, with a client on it (fast retries). */
const serve = async (sim: DraftsSimulator) =>
  cleanup.add(
    await serveSimulator(sim, drafts, {
      settings: { retry: { baseDelay: 1, maxDelay: 1 }, videoMetadata: true },
    }),
  )

/** A node:http server on 127.0.0.1 running a fetch-style handler; answers its URL. */
const receiver = async (handle: (request: Request) => Promise<Response>) =>
  cleanup.add(await serveReceiver(handle, "/hooks/hourone")).url

describe("the Hour One simulator, served over loopback HTTP", () => {
  it("runs the whole flow over real HTTP, with file URLs on the served origin", async () => {
    const sim = createSimulator()
    const server = await serve(sim)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const { client } = server

    const product = await client.createProduct(productInput)
    const job = await client.render({ product: product.ref, template: "sim-template" })
    expect(job).toMatchObject({ status: "queued", vendorStatus: "not_started" })

    const statuses: string[] = []
    for (const step of [20_000, 40_000, 240_000]) {
      sim.clock.advance(step)
      const read = await client.getStatus(job.ref)
      statuses.push(read.vendorStatus ?? "")
    }
    expect(statuses).toEqual(["started", "processing", "ready"])
    const done = await client.getStatus(job.ref)
    const id = sim.videos()[0]!.id
    expect(done).toMatchObject({
      status: "succeeded",
      videoUrl: `${server.url}/sim/files/${id}.mp4`,
      previewUrl: `${server.url}/sim/player/${id}`,
      metadata: { scenes: [{ index: 0, startSeconds: 0 }] },
    })
    expect(done.durationSeconds).toBeGreaterThan(0)

    const file = await fetch(done.videoUrl!)
    expect(file.status).toBe(200)
    expect(new Uint8Array(await file.arrayBuffer()).subarray(4, 8)).toEqual(new TextEncoder().encode("ftyp"))
    const player = await fetch(done.previewUrl!)
    expect(await player.text()).toContain(done.videoUrl)
    expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
    expect(sim.creditsSpent()).toBe(1)
  })

  it("a connection reset after the create, over real HTTP: reconciled, exactly one video", async () => {
    const sim = createSimulator()
    const server = await serve(sim)
    sim.faults.inject(DRAFTS_ROUTES.create, { kind: "reset", when: "after" })
    const job = await server.client.render({ template: "sim-template", script: "Hi" })
    expect(sim.videos()).toHaveLength(1)
    expect(job.ref).toBe(`drafts:video:${sim.videos()[0]!.id}`)
    expect(sim.log.count(DRAFTS_ROUTES.create)).toBe(1)
    expect(sim.log.count(DRAFTS_ROUTES.list)).toBe(1)
  })

  it("checks the api-key header: missing or wrong -> 401 {detail}", async () => {
    const sim = createSimulator()
    const server = await serve(sim)
    // Without an api-key the request breaks Hour One's document on purpose.
    const missing = await fetch(`${server.url}/api/v1/videos`, {
      headers: { [OFF_CONTRACT_HEADER]: "checks the simulator's key check" },
    })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ detail: expect.any(String) })
    const wrong = await fetch(`${server.url}/api/v1/videos`, { headers: { "api-key": "nope" } })
    expect(wrong.status).toBe(401)
    const right = await fetch(`${server.url}/api/v1/videos`, {
      headers: { "api-key": sim.settings().apiKey },
    })
    expect(await right.json()).toEqual([])
  })

  it("delivers a signed video.ready to a node:http receiver; the client's handler accepts it, a tampered one gets 401", async () => {
    const sim = createSimulator()
    const { client } = await serve(sim)
    const events: VideoJobEvent[] = []
    const hookUrl = await receiver(
      client.handleWebhook({
        onEvent: (event) => {
          events.push(event)
        },
      }),
    )
    sim.setWebhookUrl(hookUrl)

    const job = await client.render({ template: "sim-template", script: "Hi" })
    expect(await sim.flushWebhooks()).toEqual([])
    sim.clock.advance(300_000)
    expect(sim.pendingWebhooks()).toEqual([
      {
        event_name: "video.ready",
        data: expect.objectContaining({ id: sim.videos()[0]!.id, status: "ready" }),
      },
    ])
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(await sim.flushWebhooks()).toEqual([])
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      provider: "drafts",
      type: "video.ready",
      job: { ref: job.ref, status: "succeeded" },
    })

    const [delivery] = sim.webhookDeliveries()
    expect(delivery).toMatchObject({ url: hookUrl, status: 200 })
    expect(delivery!.signature).toBe(await sim.signWebhook(delivery!.body))
    expect(delivery!.signature).toMatch(/^[0-9a-f]{64}$/)

    const tampered = await fetch(hookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", [HOURONE_SIGNATURE_HEADER]: delivery!.signature },
      body: delivery!.body.replace('"ready"', '"failed"'),
    })
    expect(tampered.status).toBe(401)
    const unsigned = await fetch(hookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: delivery!.body,
    })
    expect(unsigned.status).toBe(401)
    expect(events).toHaveLength(1)
  })

  it("sends video.failed for a failed video, nothing for stopped, and redelivers after a non-2xx answer", async () => {
    const sim = createSimulator()
    const { client } = await serve(sim)
    let answer = 500
    const bodies: string[] = []
    const hookUrl = await receiver(async (request) => {
      bodies.push(await request.text())
      return new Response("{}", { status: answer })
    })

    sim.failNext("out of render capacity")
    await client.render({ template: "sim-template", script: "Hi" })
    sim.stopNext()
    await client.render({ template: "sim-template", script: "Hi" })
    sim.clock.advance(300_000)
    expect(await sim.flushWebhooks()).toEqual([])
    sim.setWebhookUrl(hookUrl)
    expect(await sim.flushWebhooks()).toEqual([500])
    answer = 202
    expect(await sim.flushWebhooks()).toEqual([202])
    expect(await sim.flushWebhooks()).toEqual([])
    expect(bodies.map((b) => JSON.parse(b).event_name)).toEqual(["video.failed", "video.failed"])
    expect(JSON.parse(bodies[0]!).data).toMatchObject({ id: sim.videos()[0]!.id, status: "failed" })

    sim.setWebhookUrl("http://127.0.0.1:1/unreachable")
    await client.render({ template: "sim-template", script: "Hi" })
    sim.clock.advance(300_000)
    expect(await sim.flushWebhooks()).toEqual([0])
  })

  it("delivers by itself after requests when autoDeliverWebhooks is on", async () => {
    const received: string[] = []
    let delivered: () => void = () => {}
    const arrived = new Promise<void>((resolve) => {
      delivered = resolve
    })
    const hookUrl = await receiver(async (request) => {
      received.push(await request.text())
      delivered()
      return new Response("{}", { status: 200 })
    })
    const sim = createSimulator({ autoDeliverWebhooks: true, webhookUrl: hookUrl })
    const { client } = await serve(sim)
    const job = await client.render({ template: "sim-template", script: "Hi" })
    sim.clock.advance(300_000)
    await client.getStatus(job.ref)
    await arrived
    expect(received).toHaveLength(1)
    expect(JSON.parse(received[0]!)).toMatchObject({ event_name: "video.ready" })
  })
})
