import { createHmac } from "node:crypto"
import { Duration, Effect } from "effect"
import { beforeEach, describe, expect, it } from "vitest"
import { timingSafeEqual } from "../src/adapter/index.js"
import {
  AuthenticationFailed,
  createVideoClient,
  makeJobTracker,
  makeWebhookHandler,
  NotFound,
  RateLimited,
  Timeout,
  toWebhookRequest,
  VendorUnavailable,
  VideoError,
  type VideoErrorReason,
  type VideoJob,
  type VideoJobEvent,
  type VideoProviderShape,
} from "../src/index.js"
import { fakeVendor } from "../src/testing/index.js"
import { API_KEY, WEBHOOK_SECRET } from "./support/keys.js"

const client = () =>
  createVideoClient({ provider: fakeVendor({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET }) })

const delivery = async (
  eventId: string,
  status: string,
  options: { secret?: string; progress?: number } = {},
) => {
  const body = JSON.stringify({
    event_id: eventId,
    job: { id: "job-7", status, progress: options.progress ?? 0 },
  })
  // Signed with node:crypto, not the verifier's own helper (issue 20).
  const signature = createHmac("sha256", options.secret ?? WEBHOOK_SECRET)
    .update(body)
    .digest("hex")
  return new Request("https://app.test/hooks/video", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-signature": signature },
  })
}

describe("webhook handler", () => {
  let events: VideoJobEvent[]
  let handler: (request: Request) => Promise<Response>
  beforeEach(() => {
    events = []
    handler = client().handleWebhook({ onEvent: (event) => void events.push(event) })
  })

  it("accepts a signed delivery and rejects a tampered or unsigned one", async () => {
    expect((await handler(await delivery("e1", "working"))).status).toBe(200)
    expect((await handler(await delivery("e2", "ok", { secret: "someone-else" }))).status).toBe(401)
    const unsigned = new Request("https://app.test/hooks", { method: "POST", body: "{}" })
    expect((await handler(unsigned)).status).toBe(401)
    expect((await handler(new Request("https://app.test/hooks", { method: "GET" }))).status).toBe(405)
    expect(events.map((e) => e.job.status)).toEqual(["running"])
  })

  it("drops duplicates and never moves a job backwards", async () => {
    const answers = []
    for (const [id, status] of [
      ["e1", "waiting"],
      ["e1", "waiting"],
      ["e3", "ok"],
      ["e2", "working"],
      ["e4", "broken"],
    ] as const) {
      answers.push(await (await handler(await delivery(id, status))).json())
    }
    expect(answers.map((a) => a.observation)).toEqual(["advanced", "duplicate", "advanced", "stale", "stale"])
    expect(events.map((e) => e.job.status)).toEqual(["queued", "succeeded"])
  })

  it("a failing onEvent answers 500 and the vendor's retry is processed", async () => {
    let fail = true
    const flaky = client().handleWebhook({
      onEvent: () => {
        if (fail) throw new Error("db down")
      },
    })
    expect((await flaky(await delivery("e1", "ok"))).status).toBe(500)
    fail = false
    const retry = await flaky(await delivery("e1", "ok"))
    expect(await retry.json()).toMatchObject({ ok: true, observation: "advanced" })
  })
})

describe("job tracker", () => {
  const job = (
    status: VideoJob["status"],
    stage: VideoJob["stage"] = "render",
    progress?: number,
  ): VideoJob => ({
    ref: "fake:render:1",
    provider: "fake",
    status,
    vendorStatus: status,
    stage,
    progress,
    raw: {},
  })
  it("orders by stage, then status, then progress", () => {
    const tracker = makeJobTracker()
    const see = (j: VideoJob) => tracker.claim(j)
    expect(see(job("awaiting_selection", "preview"))).toBe("advanced")
    expect(see(job("queued", "render"))).toBe("advanced")
    expect(see(job("awaiting_selection", "preview"))).toBe("stale")
    expect(see(job("running", "render", 0.2))).toBe("advanced")
    expect(see(job("running", "render", 0.1))).toBe("stale")
    expect(see(job("running", "render", 0.6))).toBe("advanced")
    expect(see(job("succeeded"))).toBe("advanced")
    expect(see(job("failed"))).toBe("stale")
  })
  it("a released claim leaves the job at the last claim not released, in any order", () => {
    const tracker = makeJobTracker()
    const [queued, running, done] = [job("queued"), job("running", "render", 0.5), job("succeeded")]
    expect(tracker.claim(queued, "e1")).toBe("advanced")
    expect(tracker.claim(running, "e2")).toBe("advanced")
    expect(tracker.claim(done, "e3")).toBe("advanced")
    tracker.release(running, "e2") // failed while `done` was in flight
    expect(tracker.get("fake:render:1")).toBe(done)
    tracker.release(done, "e3") // failed too: back to the last one handled
    expect(tracker.get("fake:render:1")).toBe(queued)
    expect(tracker.claim(job("running", "render", 0.5), "e2")).toBe("advanced")
    tracker.release(queued, "e1")
    tracker.release(queued, "e1") // a second release changes nothing
    expect(tracker.get("fake:render:1")?.status).toBe("running")
  })
  it("compares secrets in constant time semantics", () => {
    expect(timingSafeEqual("abc", "abc")).toBe(true)
    expect(timingSafeEqual("abc", "abd")).toBe(false)
    expect(timingSafeEqual("abc", "abcd")).toBe(false)
  })
})

describe("toWebhookRequest", () => {
  const post = (bytes: Uint8Array<ArrayBuffer>) =>
    new Request("https://app.test/hooks", { method: "POST", body: bytes })

  it("keeps the exact bytes next to their UTF-8 text", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]) // {"a":"<0xE9>"}
    const incoming = await toWebhookRequest(post(bytes))
    expect(incoming?.rawBody).toEqual(bytes)
    expect(incoming?.body).toBe('{"a":"\uFFFD"}')
  })

  it("accepts a body of exactly the limit and refuses one byte more", async () => {
    expect((await toWebhookRequest(post(new Uint8Array(16)), 16))?.rawBody?.byteLength).toBe(16)
    expect(await toWebhookRequest(post(new Uint8Array(17)), 16)).toBeUndefined()
  })
})

describe("webhook handler answers for deliveries it could not check", () => {
  // A provider whose check needs the vendor's API (a token-verified delivery is confirmed by a
  // read): the read's failure decides whether the vendor should deliver again.
  const failingWith = (reason: VideoErrorReason): VideoProviderShape => ({
    id: "checker",
    capabilities: {
      operations: ["getStatus", "parseWebhook"],
      aspectRatios: [],
      productFromUrl: false,
      productFromParams: false,
      templates: false,
      webhooks: "token",
      batchStatusLimit: 1,
      credits: { reported: false, estimate: false },
    },
    getStatus: () => Effect.die("not read"),
    parseWebhook: () =>
      Effect.fail(new VideoError({ provider: "checker", operation: "parseWebhook", reason })),
  })
  const post = () => new Request("https://app.test/hooks", { method: "POST", body: "{}" })
  const answer = async (reason: VideoErrorReason) =>
    (await makeWebhookHandler([failingWith(reason)], { onEvent: () => undefined })(post())).status

  it("answers 503 when the vendor could not be asked (so it retries), 4xx when the delivery is wrong", async () => {
    expect(await answer(new VendorUnavailable({ message: "down", delivery: "ambiguous" }))).toBe(503)
    expect(await answer(new Timeout({ message: "slow", after: Duration.seconds(30) }))).toBe(503)
    expect(await answer(new RateLimited({ message: "slow down" }))).toBe(503)
    expect(await answer(new NotFound({ message: "no such job" }))).toBe(400)
    expect(await answer(new AuthenticationFailed({ message: "bad token" }))).toBe(401)
  })
})
