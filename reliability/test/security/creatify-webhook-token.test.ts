// Creatify signs no callback, so its adapter puts a token in each callback URL. These are the
// attacks on that scheme (issue 12, item 3), each against the Creatify simulator through the
// public API: the receiver is core's webhook handler, reached by the simulator's own deliveries.
import { creatify } from "@vidbridge/adapter-creatify"
import { type CreatifySimulator, createSimulator } from "@vidbridge/adapter-creatify/testing"
import {
  createVideoClient,
  type VideoClient,
  type VideoError,
  type VideoJob,
  type VideoJobEvent,
} from "@vidbridge/core"
import { deriveWebhookToken } from "@vidbridge/core/adapter"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

const HOOK = "https://app.test/hooks/creatify"
const ATTACKER = "https://attacker.test/pwned.mp4"
const product = {
  title: "Aurora Trail Shoe",
  description: "A light trail runner.",
  imageUrls: ["https://cdn.test/1.jpg", "https://cdn.test/2.jpg", "https://cdn.test/3.jpg"],
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
afterAll(() => server.close())

let sim: CreatifySimulator
let client: VideoClient
/** What reached the app's `onEvent`, in order. */
let events: VideoJobEvent[]

beforeEach(() => {
  sim = createSimulator()
  client = createVideoClient({
    provider: creatify({ ...sim.settings(), retry: { baseDelay: 1, maxDelay: 1 } }),
  })
  events = []
  const handle = client.handleWebhook({ onEvent: (event) => void events.push(event) })
  // The app's endpoint: the simulator's deliveries (and the attacker's posts) arrive here.
  server.resetHandlers(
    ...sim.handlers,
    http.post(HOOK, ({ request }) => handle(request)),
  )
})

/** A POST to the app's webhook endpoint, as anyone on the internet can send it. */
const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

/** A preview job with callbacks to HOOK, previews ready; answers its ref and its callback URL. */
const previewJob = async () => {
  const job = await client.generatePreviews({
    product: await client.createProduct(product),
    aspectRatio: "9:16",
    webhookUrl: HOOK,
  })
  sim.clock.advance(120_000)
  const url = sim.jobs().find((j) => job.ref.endsWith(j.id))!.webhookUrl!
  return { ref: job.ref, id: job.ref.split(":").at(-1)!, url }
}

const withoutRaw = (job: VideoJob) => ({ ...job, raw: undefined })

describe("Creatify callback tokens", () => {
  it("stops forging with the static token of earlier versions: a forged body under it is refused", async () => {
    const { id } = await previewJob()
    const staticToken = await Effect.runPromise(deriveWebhookToken(sim.settings().webhookSecret, "creatify"))
    const forged = { id, status: "done", failed_reason: null, video_output: ATTACKER }
    const response = await post(`${HOOK}?vb_token=${staticToken}`, forged)
    expect(response.status).toBe(401)
    const request = {
      method: "POST",
      url: `${HOOK}?vb_token=${staticToken}`,
      headers: {},
      body: JSON.stringify(forged),
    }
    const error = (await client.parseWebhook(request).catch((e: unknown) => e)) as VideoError
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(events).toEqual([])
  })

  it("stops replaying a leaked callback URL forever: a token is refused once its expiry passed", async () => {
    const provider = creatify(sim.settings()) // webhookTokenTtl: 14 days by default
    const outcome = await Effect.runPromise(
      Effect.gen(function* () {
        const videos = yield* provider.make
        const made = yield* videos.createProduct!(product)
        yield* videos.generatePreviews!({ product: made, aspectRatio: "9:16", webhookUrl: HOOK })
        sim.clock.advance(120_000)
        const due = sim.pendingWebhooks()[0]!
        const deliver = videos.parseWebhook!({
          method: "POST",
          url: due.url,
          headers: {},
          body: JSON.stringify(due.payload),
        })
        yield* TestClock.adjust("13 days")
        const before = yield* deliver
        yield* TestClock.adjust("1 days")
        const after = yield* Effect.flip(deliver)
        return { before, after }
      }).pipe(Effect.provide(TestClock.layer())),
    )
    expect(outcome.before).toMatchObject({ confirmed: true, job: { status: "awaiting_selection" } })
    expect(outcome.after.reason._tag).toBe("AuthenticationFailed")
    expect(outcome.after.message).toContain("expired")
  })

  it("stops a replayed token from reporting a forged finished video: the event is what Creatify's API says, confirmed", async () => {
    const a = await previewJob()
    const b = await previewJob()
    const readyB = await client.getStatus(b.ref)
    const renderB = await client.renderPreview({ job: b.ref, previewId: readyB.previews![0]!.id })
    // Job A's genuine callback URL, replayed with a forged "done" for job B and for job A itself.
    for (const id of [b.id, a.id]) {
      expect(
        (await post(a.url, { id, status: "done", failed_reason: null, video_output: ATTACKER })).status,
      ).toBe(200)
    }
    expect(events.map((e) => e.job.videoUrl)).not.toContain(ATTACKER)
    expect(events.map((e) => e.confirmed)).toEqual([true, true])
    expect(withoutRaw(events[0]!.job)).toEqual(withoutRaw(await client.getStatus(renderB.ref)))
    expect(events[0]!.job.status).not.toBe("succeeded")
    // A's previews wait for a choice: reported as such, not as a render of A.
    expect(withoutRaw(events[1]!.job)).toEqual(withoutRaw(await client.getStatus(a.ref)))
    // Once B has really finished, the same forgery reports Creatify's video, not the attacker's.
    sim.clock.advance(240_000)
    const request = {
      method: "POST",
      url: a.url,
      headers: {},
      body: JSON.stringify({ id: b.id, status: "done", failed_reason: null, video_output: ATTACKER }),
    }
    const event = await client.parseWebhook(request)
    expect(event).toMatchObject({ confirmed: true, job: { ref: renderB.ref, status: "succeeded" } })
    expect(event.job.videoUrl).toMatch(/^https:\/\/api\.creatify\.ai\/sim\/files\//)
    expect(withoutRaw(event.job)).toEqual(withoutRaw(await client.getStatus(renderB.ref)))
  })

  it("stops a forged `failed` from making the job's later genuine events stale", async () => {
    const job = await previewJob()
    expect(await sim.flushWebhooks()).toEqual([200])
    const ready = await client.getStatus(job.ref)
    const render = await client.renderPreview({ job: job.ref, previewId: ready.previews![0]!.id })
    const forged = { id: job.id, status: "failed", failed_reason: "forged", video_output: null }
    expect((await post(job.url, forged)).status).toBe(200)
    sim.clock.advance(240_000)
    expect(await sim.flushWebhooks()).toEqual([200])
    const renders = events.filter((e) => e.job.ref === render.ref).map((e) => e.job.status)
    expect(renders).not.toContain("failed")
    expect(renders.at(-1)).toBe("succeeded")
  })
})
