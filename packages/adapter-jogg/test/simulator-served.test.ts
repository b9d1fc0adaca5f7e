import { createVideoClient, type VideoJobEvent } from "@vidbridge/core"
import { makeCleanup, serveProductPage, serveReceiver, serveSimulator } from "@vidbridge/core/testing"
import { Effect, Redacted } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { jogg, joggWebhookEndpoints } from "../src/index.js"
import { createSimulator, JOGG_V2_ROUTES, type JoggSimulator } from "../src/testing/index.js"
import { fast, previewRequest } from "./simulatorSupport.js"

// No msw here: every request goes over real loopback HTTP.

const cleanup = makeCleanup()
afterEach(cleanup.closeAll)

/** The simulator on 127.0.0.1, with a client configured for it (fast retries). */
const serve = async (sim: JoggSimulator) => cleanup.add(await serveSimulator(sim, jogg, { settings: fast }))

const page = async () => cleanup.add(await serveProductPage())

/** A receiver on 127.0.0.1 running core's webhook handler with `secret`; collects events. */
const hookReceiver = async (secret: string) => {
  const events: VideoJobEvent[] = []
  const client = createVideoClient({ provider: jogg({ apiKey: "unused", webhookSecret: secret }) })
  const handle = client.handleWebhook({ onEvent: (event) => void events.push(event) })
  const served = cleanup.add(await serveReceiver(handle, "/hooks/jogg"))
  return { url: served.url, events }
}

const TEN_MINUTES = 600_000

describe("the JoggAI simulator served over loopback HTTP", () => {
  it("runs the v2 flow over real HTTP, with file URLs on the served origin", async () => {
    const sim = createSimulator()
    const { url, client } = await serve(sim)
    const shop = await page()

    const product = await client.createProduct({ url: shop.url })
    expect(product.title).toBe("Aurora Trail Running Shoe")
    const job = await client.generatePreviews(previewRequest(product.ref))
    sim.clock.advance(150_000)
    const ready = await client.getStatus(job.ref)
    expect(ready.status).toBe("awaiting_selection")
    expect(ready.previews![0]!.url).toMatch(new RegExp(`^${url}/sim/files/preview_\\d+\\.mp4$`))
    const render = await client.renderPreview({ job: job.ref, previewId: ready.previews![1]!.id })
    sim.clock.advance(420_000)
    const done = await client.getStatus(render.ref)
    expect(done).toMatchObject({ status: "succeeded", creditsUsed: 1 })
    expect(done.videoUrl).toMatch(new RegExp(`^${url}/sim/files/pv_\\d+\\.mp4$`))
    const file = await fetch(done.videoUrl!)
    expect(file.status).toBe(200)
    expect(file.headers.get("content-type")).toBe("video/mp4")
    expect(sim.creditsSpent()).toBe(2)
  })

  it("runs the open flow over real HTTP", async () => {
    const sim = createSimulator({ apiVersion: "open" })
    const { client } = await serve(sim)
    const shop = await page()
    const product = await client.createProduct({ url: shop.url })
    const job = await client.render({ product: product.ref, avatar: "37", template: "Card Stacking" })
    sim.clock.advance(360_000)
    const done = await client.getStatus(job.ref)
    expect(done.status).toBe("succeeded")
    expect((await fetch(done.videoUrl!)).status).toBe(200)
  })

  it("a reset after preview_list over real HTTP: not resent, the preview set found in the list", async () => {
    const sim = createSimulator()
    const { client } = await serve(sim)
    const product = await client.createProduct({ title: "Bottle" })
    sim.faults.inject(JOGG_V2_ROUTES.previewList, { kind: "reset", when: "after" })
    const job = await client.generatePreviews({ ...previewRequest(product.ref), name: "Spring" })
    expect(sim.log.count(JOGG_V2_ROUTES.previewList)).toBe(1)
    const made = sim.jobs().filter((j) => j.kind === "preview")
    expect(made).toHaveLength(2)
    expect(job).toMatchObject({ stage: "preview", name: "Spring", submission: { reconciled: true } })
    expect(job.previews?.map((p) => p.id).sort()).toEqual(made.map((p) => p.id).sort())
  })
})

describe("JoggAI webhooks from the simulator, over real loopback HTTP", () => {
  it("delivers a signed generated_product_video_success the adapter accepts; a tampered body gets 401", async () => {
    // The delivery timestamp is the simulator clock in wall time: start the clock ten
    // minutes in the past, so after ten simulated minutes the delivery is fresh.
    const sim = createSimulator({ epochMillis: Date.now() - TEN_MINUTES })
    const { url, client } = await serve(sim)

    // The endpoint API over real HTTP, through the adapter's joggWebhookEndpoints (https URLs only).
    const endpoints = await Effect.runPromise(joggWebhookEndpoints({ ...sim.settings(url), ...fast }))
    const registered = await Effect.runPromise(
      endpoints.register({
        url: "https://app.example/hooks/jogg",
        events: ["generated_product_video_success"],
      }),
    )
    expect(Redacted.value(registered.secret!)).toMatch(/^whsec_[0-9a-f]{32}$/)
    expect((await Effect.runPromise(endpoints.list())).map((e) => e.id)).toEqual([registered.id])
    await Effect.runPromise(endpoints.remove(registered.id))
    expect(sim.endpoints()).toEqual([])

    // A loopback receiver (the helper allows http on 127.0.0.1), and a probe with the wrong secret.
    const endpoint = sim.registerEndpoint("http://127.0.0.1:1/placeholder")
    const probe = await hookReceiver("whsec_wrong")
    const receiving = await hookReceiver(endpoint.secret)
    sim.registerEndpoint(probe.url, { secret: endpoint.secret, events: ["generated_product_video_success"] })
    sim.registerEndpoint(receiving.url, {
      secret: endpoint.secret,
      events: ["generated_product_video_success"],
    })
    const secret = endpoint.secret

    const product = await client.createProduct({ title: "Bottle" })
    const job = await client.render({
      product: product.ref,
      visualStyle: "S",
      avatar: "81",
      durationSeconds: 30,
    })
    expect(await sim.flushWebhooks()).toEqual([])
    sim.clock.advance(TEN_MINUTES)
    const statuses = await sim.flushWebhooks()
    // Unreachable placeholder (0); the probe verifies with the wrong secret (401); the receiver accepts (200).
    expect(statuses).toEqual([0, 401, 200])
    expect(receiving.events).toHaveLength(1)
    expect(receiving.events[0]!).toMatchObject({
      provider: "jogg",
      type: "generated_product_video_success",
      job: { ref: job.ref, status: "succeeded" },
    })
    expect(receiving.events[0]!.job.videoUrl).toMatch(new RegExp(`^${url}/sim/files/`))

    const delivery = sim.webhookDeliveries().find((d) => d.url === receiving.url)!
    expect(delivery.headers).toMatchObject({
      "X-Webhook-Event": "generated_product_video_success",
      "User-Agent": "JoggAI-Webhook/2.0",
      "X-Webhook-Signature": await sim.signWebhook(secret, delivery.body),
    })
    const body = JSON.parse(delivery.body)
    expect(body).toMatchObject({
      event_id: expect.stringMatching(/^evt_/),
      data: { video_id: expect.any(String) },
    })

    // Delivered once: a second flush sends nothing to the receiver that answered 200.
    expect(await sim.flushWebhooks()).toEqual([0, 401])

    const tampered = delivery.body.replace('"completed"', '"failed"')
    const answer = await fetch(receiving.url, {
      method: "POST",
      body: tampered,
      headers: { ...delivery.headers, "content-type": "application/json" },
    })
    expect(answer.status).toBe(401)
    const replayed = await fetch(receiving.url, {
      method: "POST",
      body: delivery.body,
      headers: { ...delivery.headers, "content-type": "application/json" },
    })
    expect(replayed.status).toBe(200)
    expect(receiving.events).toHaveLength(1)
  })

  it("a delivery whose timestamp is outside the adapter's tolerance is refused (401) and stays due", async () => {
    // Clock 0 is now: after ten simulated minutes the timestamp is ten minutes ahead of the receiver.
    const sim = createSimulator()
    const { client } = await serve(sim)
    const endpoint = sim.registerEndpoint("http://127.0.0.1:1/unused")
    const receiving = await hookReceiver(endpoint.secret)
    sim.registerEndpoint(receiving.url, { secret: endpoint.secret })
    const product = await client.createProduct({ title: "Bottle" })
    sim.failNextVideo("bad footage")
    await client.render({ product: product.ref, visualStyle: "S", avatar: "81" })
    sim.clock.advance(TEN_MINUTES)
    expect(await sim.flushWebhooks()).toEqual([0, 401])
    expect(sim.pendingWebhooks()).toHaveLength(2)
    expect(JSON.parse(sim.webhookDeliveries()[1]!.body)).toMatchObject({
      event: "generated_product_video_failed",
      data: { status: "failed", error: { code: 50000, message: "bad footage" } },
    })
  })

  it("sends per-request webhook_url callbacks signed with the simulator's secret", async () => {
    const sim = createSimulator({ epochMillis: Date.now() - TEN_MINUTES })
    const { client } = await serve(sim)
    const receiving = await hookReceiver(sim.settings().webhookSecret)
    const product = await client.createProduct({ title: "Bottle" })
    await client.render({ product: product.ref, visualStyle: "S", avatar: "81", webhookUrl: receiving.url })
    sim.clock.advance(TEN_MINUTES)
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(receiving.events[0]!.job.status).toBe("succeeded")
  })
})
