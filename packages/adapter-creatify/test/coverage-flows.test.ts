import { JobRef, type VideoJobEvent } from "@vidbridge/core"
import { makeCleanup, serveReceiver, serveSimulator } from "@vidbridge/core/testing"
import { Schedule } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { creatify } from "../src/index.js"
import {
  AURORA_SECONDS,
  CREATIFY_ROUTES,
  type CreatifySimulator,
  createSimulator,
  SIM_CUSTOM_TEMPLATES,
  SIM_PERSONAS,
  SIM_VOICES,
} from "../src/testing/index.js"
import { productInput } from "./simulatorSupport.js"

// Issue 14's flows end to end through the public client, over real loopback HTTP (simulator and
// webhook receiver): a custom template previewed then rendered, an AI Avatar video, an Aurora
// video, and a script job Creatify rejects. Callbacks are confirmed by a read and name the refs
// the calls returned.

const cleanup = makeCleanup()
afterEach(cleanup.closeAll)

const template = String(SIM_CUSTOM_TEMPLATES[1]!.template_id)
const avatar = String(SIM_PERSONAS[3]!.id)
const voice = (SIM_VOICES[1]!.accents as ReadonlyArray<{ id: string }>)[0]!.id

/** The simulator and a client on 127.0.0.1, with a webhook receiver passing events to `events`. */
const setUp = async (sim: CreatifySimulator = createSimulator()) => {
  const served = cleanup.add(
    await serveSimulator(sim, creatify, { settings: { retry: { baseDelay: 1, maxDelay: 1 } } }),
  )
  const events: VideoJobEvent[] = []
  const receiver = cleanup.add(
    await serveReceiver(
      served.client.handleWebhook({ onEvent: (event) => void events.push(event) }),
      "/hooks/creatify",
    ),
  )
  return { sim, client: served.client, url: served.url, events, hookUrl: receiver.url }
}

describe("a custom template, previewed then rendered", () => {
  it("generatePreviews -> awaiting_selection with the preview -> renderPreview -> succeeded, with callbacks", async () => {
    const { sim, client, url, events, hookUrl } = await setUp()
    const job = await client.generatePreviews({
      template,
      variables: { headline: "Run lighter" },
      name: "Spring",
      webhookUrl: hookUrl,
    })
    expect(job).toMatchObject({ status: "queued", stage: "preview", name: "Spring" })
    const id = JobRef.parse(job.ref).id
    expect(sim.creditsSpent()).toBe(1)

    sim.clock.advance(120_000)
    // Creatify reports `done` with the preview: the job waits for a choice.
    const ready = await client.waitForCompletion(job.ref)
    expect(ready).toMatchObject({ status: "awaiting_selection", vendorStatus: "done", stage: "preview" })
    expect(ready.previews).toEqual([
      { id, url: `${url}/sim/preview/${(ready.raw as { media_job: string }).media_job}` },
    ])
    expect(ready.videoUrl).toBeUndefined()
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(events[0]).toMatchObject({ confirmed: true, job: { ref: job.ref, status: "awaiting_selection" } })

    const render = await client.renderPreview({ job: job.ref, previewId: ready.previews![0]!.id })
    expect(render).toMatchObject({ ref: job.ref, status: "queued", stage: "render" })
    // The render took the whole body again: the template, the variables, the name and a new callback URL.
    const sent = sim.jobs()[0]!.body
    expect(sent).toMatchObject({ template_id: template, variables: { headline: "Run lighter" } })
    expect(String(sent.name)).toMatch(/^Spring \[vb:vb[\w-]{20}\]$/)
    expect(sim.creditsSpent()).toBe(1 + 4)

    sim.clock.advance(180_000)
    const done = await client.waitForCompletion(render.ref, { schedule: Schedule.spaced("1 millis") })
    expect(done).toMatchObject({
      status: "succeeded",
      stage: "render",
      name: "Spring",
      videoUrl: `${url}/sim/files/${id}.mp4`,
      creditsUsed: 5,
    })
    expect((await fetch(done.videoUrl!)).status).toBe(200)
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(events[1]).toMatchObject({ confirmed: true, job: { ref: render.ref, status: "succeeded" } })
    expect(JSON.parse(sim.webhookDeliveries()[1]!.body)).toEqual({
      id,
      status: "done",
      failed_reason: null,
      output: `${url}/sim/files/${id}.mp4`,
    })
    // Rendering it again is refused by Creatify, and costs nothing.
    await expect(client.renderPreview({ job: job.ref, previewId: id })).rejects.toMatchObject({
      reason: { _tag: "InvalidInput" },
    })
    expect(sim.log.count(CREATIFY_ROUTES.renderTemplate)).toBe(1)
  })

  it("a preview moderated by Creatify ends rejected (ContentRejected), and cannot be rendered", async () => {
    const { sim, client } = await setUp()
    sim.rejectNext("The template text was rejected.", "previews")
    const job = await client.generatePreviews({ template, variables: {} })
    sim.clock.advance(120_000)
    await expect(client.waitForCompletion(job.ref)).rejects.toMatchObject({
      reason: { _tag: "ContentRejected" },
    })
    const id = JobRef.parse(job.ref).id
    await expect(client.renderPreview({ job: job.ref, previewId: id })).rejects.toMatchObject({
      reason: { _tag: "InvalidInput" },
    })
    expect(sim.log.count(CREATIFY_ROUTES.renderTemplate)).toBe(0)
  })
})

describe("avatar videos", () => {
  it("avatar + voice + script: an AI Avatar v2 video, its callback naming the ref render answered", async () => {
    const { sim, client, url, events, hookUrl } = await setUp()
    const script = "Meet the new bottle: lighter, stronger, and ready for the trail."
    const job = await client.render({ avatar, voice, script, aspectRatio: "9:16", webhookUrl: hookUrl })
    expect(job).toMatchObject({ status: "queued", stage: "render" })
    expect(job.ref).toMatch(/^creatify:lipsync_v2:77777777-/)
    // 5 credits per 30 s of script (the simulator speaks 15 characters a second).
    expect(sim.creditsSpent()).toBe(5)
    const estimate = await client.estimateCredits({ avatar, voice, script })
    expect(estimate.credits).toBe(5)
    sim.clock.advance(180_000)
    const done = await client.waitForCompletion(job.ref)
    const id = JobRef.parse(job.ref).id
    expect(done).toMatchObject({ status: "succeeded", videoUrl: `${url}/sim/files/${id}.mp4`, progress: 1 })
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(events[0]).toMatchObject({ confirmed: true, job: { ref: job.ref, status: "succeeded" } })
    expect(JSON.parse(sim.webhookDeliveries()[0]!.body)).toMatchObject({ id, output: done.videoUrl })
  })

  it("image + audio: an Aurora video (201), failing when Creatify fails it", async () => {
    const { sim, client, events, hookUrl } = await setUp()
    const media = { imageUrl: "https://cdn.test/face.png", audioUrl: "https://cdn.test/voice.mp3" }
    const job = await client.render({ ...media, webhookUrl: hookUrl })
    expect(job.ref).toMatch(/^creatify:aurora:66666666-/)
    expect(sim.creditsSpent()).toBe(AURORA_SECONDS)
    sim.failNext("The face could not be found.")
    const failing = await client.render({
      ...media,
      providerOptions: { creatify: { model_version: "aurora_v1_fast" } },
    })
    expect(sim.creditsSpent()).toBe(AURORA_SECONDS * 1.5)
    sim.clock.advance(180_000)
    expect(await client.waitForCompletion(job.ref)).toMatchObject({ status: "succeeded" })
    await expect(client.waitForCompletion(failing.ref)).rejects.toMatchObject({
      reason: { _tag: "JobFailed" },
    })
    expect(await sim.flushWebhooks()).toEqual([200])
    expect(events[0]).toMatchObject({ job: { ref: job.ref, status: "succeeded" } })
    // Many at once, read by ids (GET /api/aurora/?ids=).
    const all = await client.waitForAll([job.ref, failing.ref], { interval: 1 })
    expect(all.map((r) => (r.ok ? r.job.status : r.error.reason._tag))).toEqual(["succeeded", "JobFailed"])
  })
})

describe("AI scripts Creatify rejects", () => {
  it.each([false, true])(
    "fail generateScripts with ContentRejected, not VendorRejected (pending first: %s)",
    async (pending) => {
      const { sim, client } = await setUp(createSimulator({ pendingScripts: pending }))
      const product = await client.createProduct(productInput)
      sim.rejectNext("The product is not allowed.", "scripts")
      const scripts = client.generateScripts({ product }, { schedule: Schedule.spaced("1 millis") })
      // A pending job ends rejected when its scripts would have been ready.
      if (pending) setTimeout(() => sim.clock.advance(20_000), 20)
      await expect(scripts).rejects.toMatchObject({
        operation: "generateScripts",
        ref: expect.stringMatching(/^creatify:ai_script:/),
        reason: { _tag: "ContentRejected", message: expect.stringContaining("The product is not allowed.") },
      })
    },
  )
})
