import { createVideoClient, type VideoJobEvent } from "@vidbridge/core"
import { makeCleanup, serveProductPage, serveReceiver, serveSimulator } from "@vidbridge/core/testing"
import { afterEach, describe, expect, it } from "vitest"
import { jogg } from "../src/index.js"
import { createSimulator, JOGG_V2_ROUTES, type JoggSimulator } from "../src/testing/index.js"
import { fast } from "./simulatorSupport.js"

// Avatar and template videos, and the `open` render, end to end over real loopback HTTP: picked
// from the catalogs, rendered, finished on the simulator's clock, delivered by signed webhooks
// whose refs equal the refs `render` returned (so core's job tracker sees one job).

const cleanup = makeCleanup()
afterEach(cleanup.closeAll)

const TEN_MINUTES = 600_000

const serve = async (sim: JoggSimulator) => cleanup.add(await serveSimulator(sim, jogg, { settings: fast }))

/** A receiver on 127.0.0.1 with core's webhook handler for `secret`; collects events. */
const hookReceiver = async (secret: string, webhookToleranceSeconds?: false) => {
  const events: VideoJobEvent[] = []
  const receiver = createVideoClient({
    provider: jogg({
      apiKey: "unused",
      webhookSecret: secret,
      ...(webhookToleranceSeconds === false ? { webhookToleranceSeconds } : {}),
    }),
  })
  const served = cleanup.add(
    await serveReceiver(receiver.handleWebhook({ onEvent: (e) => void events.push(e) }), "/hooks/jogg"),
  )
  return { url: served.url, events }
}

describe("JoggAI avatar and template videos on the served simulator", () => {
  it("an avatar video from catalog ids: rendered, finished, its file served, its webhook naming the same ref", async () => {
    const sim = createSimulator({ epochMillis: Date.now() - TEN_MINUTES })
    const { url, client } = await serve(sim)
    const endpoint = sim.registerEndpoint("http://127.0.0.1:1/unused", { events: [] })
    const receiving = await hookReceiver(endpoint.secret)
    sim.registerEndpoint(receiving.url, {
      secret: endpoint.secret,
      events: ["generated_avatar_video_success"],
    })

    const avatar = (await client.listAvatars({ search: "amanda" })).items[0]!
    const voice = (await client.listVoices({ providerOptions: { jogg: { gender: "female" } } })).items[0]!
    const job = await client.render({
      avatar: avatar.id,
      voice: voice.id,
      script: "Meet the bottle.",
      name: "Intro",
    })
    expect(job).toMatchObject({ ref: expect.stringMatching(/^jogg:avatar_video:video_/), status: "queued" })
    expect(sim.log.count(JOGG_V2_ROUTES.createAvatarVideo)).toBe(1)

    sim.clock.advance(TEN_MINUTES)
    const done = await client.getStatus(job.ref)
    expect(done).toMatchObject({ status: "succeeded", durationSeconds: 2 })
    expect(done.videoUrl).toMatch(new RegExp(`^${url}/sim/files/video_\\d+\\.mp4$`))
    expect((await fetch(done.videoUrl!)).headers.get("content-type")).toBe("video/mp4")
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(receiving.events).toMatchObject([
      { type: "generated_avatar_video_success", job: { ref: job.ref } },
    ])
  })

  it("a template video: per-request webhook_url, the key found again in GET /v2/template_videos, a failure delivered", async () => {
    // Clock 0 is now (the lookup pages back to the send time): the delivery's timestamp is then ten
    // minutes ahead of the receiver, which has turned the timestamp check off.
    const sim = createSimulator()
    const { client } = await serve(sim)
    const receiving = await hookReceiver(sim.settings().webhookSecret, false)
    const template = (await client.listTemplates({ search: "showcase" })).items[0]!
    sim.failNextVideo("Failed to load asset from URL")
    const job = await client.render({
      template: template.id,
      variables: { title: "Spring", product_image: { type: "image", url: "https://cdn.example/a.jpg" } },
      webhookUrl: receiving.url,
      idempotencyKey: "spring-9",
    })
    expect(job.ref).toMatch(/^jogg:template_video:/)
    const found = await client.findSubmission(job.submission!.ref)
    expect(found).toMatchObject({ status: "found", job: { ref: job.ref } })
    sim.clock.advance(TEN_MINUTES)
    expect(await client.getStatus(job.ref)).toMatchObject({
      status: "failed",
      failure: { message: "Failed to load asset from URL" },
    })
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(receiving.events).toMatchObject([
      { type: "generated_template_video_failed", job: { ref: job.ref, status: "failed" } },
    ])
  })

  it("a template missing a required variable: JoggAI's 40000 and its message, nothing charged", async () => {
    const sim = createSimulator({ balance: 5 })
    const { client } = await serve(sim)
    await expect(
      client.render({ template: "149", variables: { script: { type: "script", content: "Hi" } } }),
    ).rejects.toMatchObject({
      reason: { _tag: "VendorRejected", vendorMessages: ["Required template variable missing"] },
    })
    expect(sim.creditsSpent()).toBe(0)
  })
})

describe("the open API: the render's ref equals the webhook's", () => {
  it("render returns jogg:open_project:<id>, and the generated_video_success event names the same", async () => {
    const sim = createSimulator({ apiVersion: "open", epochMillis: Date.now() - TEN_MINUTES })
    const { client } = await serve(sim)
    const shop = cleanup.add(await serveProductPage())
    const endpoint = sim.registerEndpoint("http://127.0.0.1:1/unused", { events: [] })
    const receiving = await hookReceiver(endpoint.secret)
    sim.registerEndpoint(receiving.url, { secret: endpoint.secret, events: ["generated_video_success"] })
    const product = await client.createProduct({ url: shop.url })
    const job = await client.render({ product: product.ref, avatar: "37", aspectRatio: "9:16" })
    expect(job.ref).not.toContain("?")
    sim.clock.advance(TEN_MINUTES)
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(receiving.events[0]!.job.ref).toBe(job.ref)
  })
})
