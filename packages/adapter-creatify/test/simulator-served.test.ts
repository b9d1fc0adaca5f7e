import { createVideoClient, type VideoJobEvent } from "@vidbridge/core"
import { makeCleanup, sampleProduct, serveReceiver, serveSimulator } from "@vidbridge/core/testing"
import { afterEach, describe, expect, it } from "vitest"
import { creatify } from "../src/index.js"
import {
  CREATIFY_ROUTES,
  type CreatifySimulator,
  createSimulator,
  SIM_CUSTOM_TEMPLATES,
} from "../src/testing/index.js"
import { productInput, useProductPage } from "./simulatorSupport.js"

// No msw here: every request (API, product page, webhooks) goes over real loopback HTTP.

const page = useProductPage()
const cleanup = makeCleanup()
afterEach(cleanup.closeAll)

const fast = { retry: { baseDelay: 1, maxDelay: 1 } }

/** The simulator on 127.0.0.1 with a client configured for it (fast retries). */
const serve = async (sim: CreatifySimulator) =>
  cleanup.add(await serveSimulator(sim, creatify, { settings: fast }))

/** A webhook receiver on 127.0.0.1; answers its URL. */
const receiver = async (handle: (request: Request) => Promise<Response>) =>
  cleanup.add(await serveReceiver(handle, "/hooks/creatify")).url

describe("the Creatify simulator, served over loopback HTTP", () => {
  it("runs the whole flow over real HTTP, with file URLs on the served origin", async () => {
    const sim = createSimulator()
    const server = await serve(sim)
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const { client } = server

    const product = await client.createProduct({ url: page().url })
    expect(product).toMatchObject({ title: sampleProduct.name, creditsUsed: 1 })
    const job = await client.generatePreviews({
      product,
      aspectRatio: "9:16",
      durationSeconds: 30,
      visualStyles: ["FullScreenTemplate", "DynamicProductTemplate"],
    })
    expect(job.status).toBe("queued")
    sim.clock.advance(120_000)
    const ready = await client.getStatus(job.ref)
    expect(ready.status).toBe("awaiting_selection")
    expect(ready.previews?.[0]?.url).toMatch(new RegExp(`^${server.url}/sim/preview/`))
    const preview = await fetch(ready.previews![0]!.url!)
    expect(await preview.text()).toContain("Creatify simulator preview")

    const render = await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
    const statuses: string[] = []
    for (const step of [0, 30_000, 210_000]) {
      sim.clock.advance(step)
      statuses.push((await client.getStatus(render.ref)).vendorStatus ?? "")
    }
    expect(statuses).toEqual(["in_queue", "running", "done"])
    const done = await client.getStatus(render.ref)
    expect(done).toMatchObject({ status: "succeeded", creditsUsed: 2 + 4, durationSeconds: 30 })
    expect(done.videoUrl).toBe(`${server.url}/sim/files/${sim.jobs()[0]!.id}.mp4`)
    const file = await fetch(done.videoUrl!)
    expect(file.status).toBe(200)
    expect(new Uint8Array(await file.arrayBuffer()).subarray(4, 8)).toEqual(new TextEncoder().encode("ftyp"))
    const thumbnail = await fetch(done.thumbnailUrl!)
    expect(thumbnail.headers.get("content-type")).toBe("image/jpeg")
    expect(sim.creditsSpent()).toBe(1 + 2 + 4)
  })

  it("checks X-API-ID and X-API-KEY: missing or wrong -> 401 {detail}", async () => {
    const sim = createSimulator()
    const server = await serve(sim)
    const missing = await fetch(`${server.url}/api/link_to_videos/`)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ detail: "Authentication credentials were not provided." })
    const { apiId, apiKey } = sim.settings()
    const onlyId = await fetch(`${server.url}/api/link_to_videos/`, { headers: { "x-api-id": apiId } })
    expect(onlyId.status).toBe(401)
    const wrong = await fetch(`${server.url}/api/link_to_videos/`, {
      headers: { "x-api-id": apiId, "x-api-key": "nope" },
    })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ detail: expect.any(String) })
    const right = await fetch(`${server.url}/api/link_to_videos/`, {
      headers: { "x-api-id": apiId, "x-api-key": apiKey },
    })
    expect(await right.json()).toEqual([])

    const wrongKey = creatify({ ...sim.settings(server.url), ...fast, apiKey: "not-the-key" })
    const error = await createVideoClient({ provider: wrongKey })
      .createProduct(productInput)
      .then(
        () => undefined,
        (e: unknown) => e as { reason: { _tag: string }; status: number; message: string },
      )
    expect(error?.reason._tag).toBe("AuthenticationFailed")
    expect(error?.status).toBe(401)
    expect(error?.message).not.toContain("not-the-key")
    expect(sim.links()).toHaveLength(0)
  })

  it("webhook round trip: the preview list and the render are delivered to a node:http receiver with the adapter's per-job vb_token and confirmed by a read; without it or altered -> 401", async () => {
    const sim = createSimulator()
    const server = await serve(sim)
    const { client } = server
    const events: VideoJobEvent[] = []
    const hookUrl = await receiver(
      client.handleWebhook({
        onEvent: (event) => {
          events.push(event)
        },
      }),
    )

    const product = await client.createProduct(productInput)
    const job = await client.generatePreviews({
      product,
      visualStyles: ["FullScreenTemplate", "EnhancedVanillaTemplate"],
      webhookUrl: hookUrl,
    })
    const [created] = sim.jobs()
    const sent = new URL(created!.webhookUrl!)
    expect(`${sent.origin}${sent.pathname}`).toBe(hookUrl)
    // <nonce>.<expiry>.<mac>: 16 + base-36 seconds + 22 characters.
    expect(sent.searchParams.get("vb_token")).toMatch(/^[A-Za-z0-9_-]{16}\.[0-9a-z]{6}\.[A-Za-z0-9_-]{22}$/)

    expect(await sim.flushWebhooks()).toEqual([])
    sim.clock.advance(120_000)
    expect(sim.pendingWebhooks()).toEqual([
      expect.objectContaining({
        url: created!.webhookUrl,
        payload: {
          id: created!.id,
          status: "pending",
          failed_reason: null,
          previews: [
            expect.objectContaining({ visual_style: "FullScreenTemplate", aspect_ratio: "16x9" }),
            expect.objectContaining({ visual_style: "EnhancedVanillaTemplate", aspect_ratio: "16x9" }),
          ],
        },
      }),
    ])
    const reads = sim.log.count(CREATIFY_ROUTES.getVideo)
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(await sim.flushWebhooks()).toEqual([])
    expect(events).toHaveLength(1)
    // The receiver read the job back from the simulator before passing the event on.
    expect(sim.log.count(CREATIFY_ROUTES.getVideo)).toBe(reads + 1)
    expect(events[0]).toMatchObject({
      provider: "creatify",
      confirmed: true,
      job: { ref: job.ref, status: "awaiting_selection", stage: "preview" },
    })
    const previews = events[0]!.job.previews!
    expect(previews.map((p) => p.visualStyle)).toEqual(["FullScreenTemplate", "EnhancedVanillaTemplate"])

    const render = await client.renderPreview({ job: job.ref, previewId: previews[1]!.id })
    sim.clock.advance(240_000)
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(events).toHaveLength(2)
    expect(events[1]).toMatchObject({
      confirmed: true,
      job: {
        ref: render.ref,
        status: "succeeded",
        stage: "render",
        videoUrl: `${server.url}/sim/files/${created!.id}.mp4`,
      },
    })
    expect(JSON.parse(sim.webhookDeliveries()[1]!.body)).toEqual({
      id: created!.id,
      status: "done",
      failed_reason: null,
      video_output: `${server.url}/sim/files/${created!.id}.mp4`,
    })

    const delivery = sim.webhookDeliveries()[0]!
    const post = (url: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: delivery.body })
    const withoutToken = new URL(delivery.url)
    withoutToken.searchParams.delete("vb_token")
    expect((await post(withoutToken.toString())).status).toBe(401)
    const altered = new URL(delivery.url)
    const token = altered.searchParams.get("vb_token")!
    altered.searchParams.set("vb_token", `${token[0] === "a" ? "b" : "a"}${token.slice(1)}`)
    expect(altered.searchParams.get("vb_token")).not.toBe(sent.searchParams.get("vb_token"))
    expect((await post(altered.toString())).status).toBe(401)
    expect((await post(delivery.url)).status).toBe(200)
    expect(events).toHaveLength(2)
  })

  it("a custom template job's callback carries video_output; a non-2xx answer keeps it due; nothing without webhook_url", async () => {
    const sim = createSimulator()
    const server = await serve(sim)
    const { client } = server
    let answer = 503
    const bodies: string[] = []
    const hookUrl = await receiver(async (request) => {
      bodies.push(await request.text())
      return new Response("{}", { status: answer })
    })
    const [first, second] = SIM_CUSTOM_TEMPLATES.map((t) => String(t.template_id))
    await client.render({ template: first!, variables: {} })
    const job = await client.render({ template: second!, variables: { a: "b" }, webhookUrl: hookUrl })
    sim.clock.advance(180_000)
    expect(await sim.flushWebhooks()).toEqual([503])
    answer = 200
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(await sim.flushWebhooks()).toEqual([])
    expect(bodies.map((b) => JSON.parse(b))).toEqual([
      expect.objectContaining({ status: "done" }),
      {
        id: job.ref.split(":")[2],
        status: "done",
        failed_reason: null,
        video_output: `${server.url}/sim/files/${job.ref.split(":")[2]}.mp4`,
      },
    ])
  })

  it("delivers by itself after requests when autoDeliverWebhooks is on", async () => {
    const received: string[] = []
    let arrived: () => void = () => {}
    const delivered = new Promise<void>((resolve) => {
      arrived = resolve
    })
    const hookUrl = await receiver(async (request) => {
      received.push(await request.text())
      arrived()
      return new Response("{}", { status: 200 })
    })
    const sim = createSimulator({ autoDeliverWebhooks: true })
    const server = await serve(sim)
    const { client } = server
    sim.failNext("Avatar render failed.")
    const product = await client.createProduct(productInput)
    const job = await client.render({ product, webhookUrl: hookUrl })
    sim.clock.advance(240_000)
    await client.getStatus(job.ref)
    await delivered
    expect(received.map((b) => JSON.parse(b))).toEqual([
      {
        id: job.ref.split(":")[2]!.split("?")[0],
        status: "failed",
        failed_reason: "Avatar render failed.",
        video_output: null,
      },
    ])
    expect(sim.log.count(CREATIFY_ROUTES.getVideo)).toBe(1)
  })
})
