import { createHmac } from "node:crypto"
import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import {
  deriveWebhookToken,
  headerOf,
  hmacSha256Hex,
  verifyHmacSha256Hex,
  webhookBytes,
} from "../src/adapter/index.js"
import {
  createVideoClient,
  InvalidInput,
  makeJobTracker,
  makeWebhookHandler,
  UnsupportedOperation,
  VideoError,
  type VideoErrorReason,
  type VideoJob,
  type VideoJobEvent,
  type VideoProviderShape,
} from "../src/index.js"
import { fakeVendor } from "../src/testing/index.js"
import { API_KEY, WEBHOOK_SECRET } from "./support/keys.js"

// The webhook endpoint's policy, pinned where mutation testing (`pnpm mutate`) found changes no
// test noticed (issue 20). Signatures here are made with node:crypto, never with the verifier's
// own helper, so a fault shared by signer and verifier cannot hide.

const sign = (secret: string, body: string | Uint8Array) =>
  createHmac("sha256", secret).update(body).digest("hex")

describe("HMAC-SHA256 (checked against node:crypto and RFC 4231)", () => {
  it("matches the RFC 4231 known answer (test case 2)", async () => {
    const hex = await Effect.runPromise(hmacSha256Hex("Jefe", "what do ya want for nothing?"))
    expect(hex).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  })

  it("matches node:crypto byte for byte, leading zeros of each byte kept (64 hex digits)", async () => {
    // Enough messages that many digests hold a byte below 0x10 (written "0x").
    for (let i = 0; i < 20; i++) {
      const message = `message ${i} é`
      const hex = await Effect.runPromise(hmacSha256Hex(Redacted.make(WEBHOOK_SECRET), message))
      expect(hex).toBe(sign(WEBHOOK_SECRET, message))
      expect(hex).toHaveLength(64)
    }
    const bytes = new Uint8Array([0, 1, 0xfe, 0xff])
    expect(await Effect.runPromise(hmacSha256Hex(WEBHOOK_SECRET, bytes))).toBe(sign(WEBHOOK_SECRET, bytes))
  })

  it("verifies a signature with or without sha256=, in either case, around whitespace; nothing else", async () => {
    const body = '{"a":1}'
    const good = sign(WEBHOOK_SECRET, body)
    const verify = (signature: string | undefined) =>
      Effect.runPromise(verifyHmacSha256Hex(WEBHOOK_SECRET, body, signature))
    for (const signature of [good, good.toUpperCase(), `sha256=${good}`, `SHA256=${good}`, ` ${good} `]) {
      expect(await verify(signature), signature).toBe(true)
    }
    for (const signature of [
      undefined,
      "",
      good.slice(0, 63),
      `${good}0`,
      `x${good}`,
      `${good}sha256=`,
      sign("other", body),
    ]) {
      expect(await verify(signature), String(signature)).toBe(false)
    }
  })

  it("derives a callback token: the first 32 hex digits of an HMAC of the label", async () => {
    const token = await Effect.runPromise(deriveWebhookToken(WEBHOOK_SECRET, "jogg"))
    expect(token).toBe(sign(WEBHOOK_SECRET, "vidbridge-webhook:jogg").slice(0, 32))
  })
})

describe("webhook bytes and headers", () => {
  it("signs the raw bytes as received, or the UTF-8 of the body when there are none", () => {
    const rawBody = new Uint8Array([0x7b, 0xe9, 0x7d])
    const request = { method: "POST", url: "https://app.test/hooks", headers: {}, body: "{\uFFFD}" }
    expect(webhookBytes({ ...request, rawBody })).toBe(rawBody)
    expect(webhookBytes(request)).toEqual(new TextEncoder().encode("{\uFFFD}"))
  })
  it("reads a header whatever its case", () => {
    expect(headerOf({ "X-Signature": "abc" }, "x-signature")).toBe("abc")
    expect(headerOf({ "x-other": "abc" }, "x-signature")).toBeUndefined()
  })
})

describe("webhook endpoint: a fake vendor delivery signed with node:crypto", () => {
  const handler = (onEvent: (event: VideoJobEvent) => void) =>
    createVideoClient({
      provider: fakeVendor({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET }),
    }).handleWebhook({ onEvent })
  const post = (body: string, signature = sign(WEBHOOK_SECRET, body)) =>
    new Request("https://app.test/hooks", { method: "POST", body, headers: { "x-signature": signature } })

  it("accepts it", async () => {
    const events: VideoJobEvent[] = []
    const body = JSON.stringify({ event_id: "e1", job: { id: "job-1", status: "ok", progress: 1 } })
    expect((await handler((e) => events.push(e))(post(body))).status).toBe(200)
    expect(events.map((e) => e.job.status)).toEqual(["succeeded"])
  })

  it("answers a signed but malformed body 400, not 401", async () => {
    const events: VideoJobEvent[] = []
    const answer = await handler((e) => events.push(e))(post("{not json"))
    expect(answer.status).toBe(400)
    expect(events).toEqual([])
  })
})

const job = (provider: string, patch: Partial<VideoJob> = {}): VideoJob => ({
  ref: `${provider}:render:1`,
  provider,
  status: "running",
  vendorStatus: "RUNNING",
  stage: "render",
  raw: {},
  ...patch,
})

/** A provider that accepts every delivery whose body is `ok`, and fails the rest with `reason`. */
const provider = (id: string, reason?: VideoErrorReason): VideoProviderShape => ({
  id,
  capabilities: {
    operations: ["getStatus", "parseWebhook"],
    aspectRatios: [],
    productFromUrl: false,
    productFromParams: false,
    templates: false,
    webhooks: "signature",
    batchStatusLimit: 1,
    credits: { reported: false, estimate: false },
  },
  getStatus: () => Effect.die("not read"),
  parseWebhook: (request) =>
    reason === undefined
      ? Effect.succeed({ provider: id, eventId: request.body, type: "update", job: job(id) })
      : Effect.fail(new VideoError({ provider: id, operation: "parseWebhook", reason })),
})

describe("webhook endpoint: routing between providers", () => {
  const routed = () => {
    const events: VideoJobEvent[] = []
    const endpoint = makeWebhookHandler([provider("alpha"), provider("beta")], {
      onEvent: (event) => void events.push(event),
    })
    return { events, endpoint }
  }
  const post = (query = "", headers: Record<string, string> = {}) =>
    new Request(`https://app.test/hooks${query}`, { method: "POST", body: "e1", headers })

  it("with two providers and none named, answers 400 naming both, and delivers to neither", async () => {
    const { events, endpoint } = routed()
    const answer = await endpoint(post())
    expect(answer.status).toBe(400)
    expect((await answer.json()).error).toContain("alpha, beta")
    expect(events).toEqual([])
  })

  it("routes by ?provider= and by the x-vidbridge-provider header", async () => {
    const { events, endpoint } = routed()
    expect((await endpoint(post("?provider=beta"))).status).toBe(200)
    expect((await endpoint(post("", { "x-vidbridge-provider": "alpha" }))).status).toBe(200)
    expect(events.map((e) => e.provider)).toEqual(["beta", "alpha"])
  })

  it("answers 400 for a provider it does not have", async () => {
    const { events, endpoint } = routed()
    expect((await endpoint(post("?provider=gamma"))).status).toBe(400)
    expect((await endpoint(post("", { "x-vidbridge-provider": "gamma" }))).status).toBe(400)
    expect(events).toEqual([])
  })

  it("with one provider, a delivery that names another is refused", async () => {
    const events: VideoJobEvent[] = []
    const endpoint = makeWebhookHandler([provider("alpha")], { onEvent: (e) => void events.push(e) })
    const answer = await endpoint(post("?provider=beta"))
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({
      ok: false,
      error: "name the provider with ?provider=<id>; configured: alpha",
    })
    expect(events).toEqual([])
  })

  it("with one provider, a delivery that names none goes to it", async () => {
    const events: VideoJobEvent[] = []
    const endpoint = makeWebhookHandler([provider("alpha")], { onEvent: (e) => void events.push(e) })
    expect((await endpoint(post())).status).toBe(200)
    expect(events.map((e) => e.provider)).toEqual(["alpha"])
  })
})

describe("webhook endpoint: answers", () => {
  const post = (body = "e1") => new Request("https://app.test/hooks", { method: "POST", body })
  const status = async (reason: VideoErrorReason) =>
    (await makeWebhookHandler([provider("alpha", reason)], { onEvent: () => undefined })(post())).status

  it("404 for a provider without webhooks, 400 for a wrong delivery, with the reason's message", async () => {
    expect(
      await status(new UnsupportedOperation({ message: "no webhooks", operation: "parseWebhook" })),
    ).toBe(404)
    expect(await status(new InvalidInput({ message: "bad", issues: [] }))).toBe(400)
    const answer = await makeWebhookHandler(
      [provider("alpha", new InvalidInput({ message: "bad field", issues: [] }))],
      {
        onEvent: () => undefined,
      },
    )(post())
    expect(await answer.json()).toEqual({ ok: false, error: "bad field" })
  })

  it("a provider shape without parseWebhook answers 400", async () => {
    const { parseWebhook: _, ...without } = provider("alpha")
    const answer = await makeWebhookHandler([without], { onEvent: () => undefined })(post())
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({ ok: false, error: "invalid input: provider: has no webhooks" })
  })

  it("413 for a body over maxBodyBytes, 200 at the limit", async () => {
    const endpoint = makeWebhookHandler([provider("alpha")], { onEvent: () => undefined, maxBodyBytes: 4 })
    expect((await endpoint(post("12345"))).status).toBe(413)
    expect((await endpoint(post("1234"))).status).toBe(200)
  })

  it("a duplicate answers 200 with its observation and reaches onIgnored, not onEvent", async () => {
    const events: string[] = []
    const ignored: string[] = []
    const endpoint = makeWebhookHandler([provider("alpha")], {
      onEvent: (e) => void events.push(e.eventId!),
      onIgnored: (e, observation) => void ignored.push(`${e.eventId}:${observation}`),
    })
    expect(await (await endpoint(post("e1"))).json()).toEqual({ ok: true, observation: "advanced" })
    const again = await endpoint(post("e1"))
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ ok: true, observation: "duplicate" })
    expect(events).toEqual(["e1"])
    expect(ignored).toEqual(["e1:duplicate"])
  })

  it("a tracker that throws answers 500 and onEvent is not called", async () => {
    const events: VideoJobEvent[] = []
    const endpoint = makeWebhookHandler([provider("alpha")], {
      onEvent: (e) => void events.push(e),
      tracker: {
        claim: () => {
          throw new Error("redis down")
        },
        release: () => undefined,
      },
    })
    const answer = await endpoint(post())
    expect(answer.status).toBe(500)
    expect(answer.headers.get("content-type")).toBe("application/json")
    expect(await answer.json()).toEqual({ ok: false, error: "the job tracker failed; deliver again" })
    expect(events).toEqual([])
  })

  it("an onEvent that fails gives the claim back even when release fails too", async () => {
    const released: string[] = []
    const endpoint = makeWebhookHandler([provider("alpha")], {
      onEvent: () => Promise.reject(new Error("db down")),
      tracker: {
        claim: () => "advanced",
        release: (_, eventId) => {
          released.push(eventId!)
          return Promise.reject(new Error("also down"))
        },
      },
    })
    expect((await endpoint(post("e9"))).status).toBe(500)
    expect(released).toEqual(["e9"])
  })

  it("answers every refusal as JSON { ok: false, error }", async () => {
    const endpoint = makeWebhookHandler([provider("alpha")], {
      onEvent: () => {
        throw new Error("db down")
      },
      maxBodyBytes: 4,
    })
    const check = async (request: Request, status: number, error: string) => {
      const answer = await endpoint(request)
      expect(answer.status).toBe(status)
      expect(answer.headers.get("content-type")).toBe("application/json")
      expect(await answer.json()).toEqual({ ok: false, error })
    }
    await check(
      new Request("https://app.test/hooks", { method: "PUT", body: "e1" }),
      405,
      "webhooks must be POSTed",
    )
    await check(post("12345"), 413, "body too large")
    await check(post("e1"), 500, "the event handler failed; deliver again")
  })

  it("a delivery that breaks the parser answers 400 could not read it", async () => {
    const broken: VideoProviderShape = { ...provider("alpha"), parseWebhook: () => Effect.die("boom") }
    const answer = await makeWebhookHandler([broken], { onEvent: () => undefined })(post())
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({ ok: false, error: "could not read the delivery" })
  })

  it("refuses a tracker that is not one, naming the option", () => {
    const make = (tracker: unknown) => () =>
      makeWebhookHandler([provider("alpha")], { onEvent: () => undefined, tracker: tracker as never })
    for (const tracker of [null, "tracker", { claim: () => "advanced" }, { release: () => undefined }]) {
      expect(make(tracker), JSON.stringify(tracker)).toThrow(
        /tracker.*must be a JobTracker \(claim and release\)/s,
      )
    }
    expect(make({ claim: () => "advanced", release: () => undefined })).not.toThrow()
    try {
      make(null)()
    } catch (error) {
      expect(error).toMatchObject({ operation: "handleWebhook", provider: "vidbridge" })
    }
  })

  it("refuses wrong options when the endpoint is made", () => {
    expect(() => makeWebhookHandler([provider("alpha")], { onEvent: "no" as never })).toThrow(/onEvent/)
    expect(() =>
      makeWebhookHandler([provider("alpha")], {
        onEvent: () => undefined,
        tracker: { claim: () => "advanced" } as never,
      }),
    ).toThrow(/JobTracker/)
    expect(() =>
      makeWebhookHandler([provider("alpha")], { onEvent: () => undefined, maxBodyBytes: 0 }),
    ).toThrow(/maxBodyBytes/)
  })
})

describe("job tracker: what is news", () => {
  it("a same-status update that adds a URL advances; the same update again is a duplicate", () => {
    const tracker = makeJobTracker()
    expect(tracker.claim(job("fake"))).toBe("advanced")
    expect(tracker.claim(job("fake", { previewUrl: "https://cdn.test/p.jpg" }))).toBe("advanced")
    expect(tracker.claim(job("fake", { previewUrl: "https://cdn.test/p.jpg" }))).toBe("duplicate")
    expect(tracker.claim(job("fake", { status: "succeeded", videoUrl: "https://cdn.test/v.mp4" }))).toBe(
      "advanced",
    )
    // A terminal job takes nothing more, not even an update of equal rank.
    expect(tracker.claim(job("fake", { status: "failed" }))).toBe("stale")
  })

  it("the same step without the URL or previews it later showed, arriving late, is stale", () => {
    const tracker = makeJobTracker()
    const url = "https://cdn.test/p.jpg"
    expect(tracker.claim(job("fake", { progress: 0.5, previewUrl: url }))).toBe("advanced")
    expect(tracker.claim(job("fake", { progress: 0.5 }))).toBe("stale")
    expect(tracker.claim(job("late", { videoUrl: url }))).toBe("advanced")
    expect(tracker.claim(job("late"))).toBe("stale")
    expect(tracker.claim(job("list", { previews: [{ id: "a" }, { id: "b" }] }))).toBe("advanced")
    expect(tracker.claim(job("list", { previews: [{ id: "a" }] }))).toBe("stale")
    // Further along without the URL is news; so is the same step with a different URL.
    expect(tracker.claim(job("fake", { progress: 0.6 }))).toBe("advanced")
    expect(tracker.claim(job("late", { videoUrl: "https://cdn.test/other.jpg" }))).toBe("advanced")
  })

  it("an update as far along that says something new advances", () => {
    const tracker = makeJobTracker()
    expect(tracker.claim(job("fake", { vendorStatus: "RENDERING" }))).toBe("advanced")
    expect(tracker.claim(job("fake", { vendorStatus: "ENCODING" }))).toBe("advanced")
    expect(tracker.get("fake:render:1")?.vendorStatus).toBe("ENCODING")
  })

  it("a job claimed again is the most recently used: eviction takes the oldest untouched one", () => {
    const tracker = makeJobTracker({ maxEntries: 2 })
    const ref = (n: number, patch: Partial<VideoJob> = {}) =>
      job("fake", { ref: `fake:render:${n}`, ...patch })
    tracker.claim(ref(1))
    tracker.claim(ref(2))
    tracker.claim(ref(1, { progress: 0.5 }))
    tracker.claim(ref(3))
    expect(tracker.get("fake:render:1")).toBeDefined()
    expect(tracker.get("fake:render:2")).toBeUndefined()
  })

  it("a release without an event id gives the job state back and keeps other event ids", () => {
    const tracker = makeJobTracker()
    const first = job("fake")
    const second = job("fake", { progress: 0.5 })
    tracker.claim(first, "e1")
    tracker.claim(second)
    tracker.release(second)
    expect(tracker.get(first.ref)).toBe(first)
    expect(tracker.check(first, "e1")).toBe("duplicate")
    // Releasing the first claim after a later one was released restores nothing older.
    tracker.release(first, "e1")
    expect(tracker.get(first.ref)).toBeUndefined()
  })

  it("releasing a middle claim, then the last, leaves the first", () => {
    const tracker = makeJobTracker()
    const [a, b, c] = [job("fake"), job("fake", { progress: 0.3 }), job("fake", { progress: 0.6 })]
    tracker.claim(a, "e1")
    tracker.claim(b, "e2")
    tracker.claim(c, "e3")
    tracker.release(b, "e2")
    expect(tracker.get(a.ref)).toBe(c)
    tracker.release(c, "e3")
    expect(tracker.get(a.ref)).toBe(a)
    // The released claims can be made again.
    expect(tracker.claim(job("fake", { progress: 0.3 }), "e2")).toBe("advanced")
    expect(tracker.claim(job("fake", { progress: 0.6 }), "e3")).toBe("advanced")
    // A release of a claim already replaced and released changes nothing.
    tracker.release(b, "e9")
    expect(tracker.get(a.ref)?.progress).toBe(0.6)
  })

  it("previews or a preview URL lost, or changed, on the same step", () => {
    const tracker = makeJobTracker()
    expect(tracker.claim(job("a", { previews: [{ id: "p1" }] }))).toBe("advanced")
    expect(tracker.claim(job("a"))).toBe("stale")
    expect(tracker.claim(job("b", { previewUrl: "https://cdn.test/1.jpg" }))).toBe("advanced")
    expect(tracker.claim(job("b", { previewUrl: "https://cdn.test/2.jpg" }))).toBe("advanced")
  })

  it("claims without an event id take no room from the event ids remembered", () => {
    const tracker = makeJobTracker({ maxEntries: 2 })
    const ref = (n: number) => job("fake", { ref: `fake:render:${n}` })
    tracker.claim(ref(1), "e1")
    tracker.claim(ref(2))
    tracker.claim(ref(3), "e3")
    expect(tracker.check(ref(1), "e1")).toBe("duplicate")
  })

  it("released out of order, the claims of a job leave nothing once all are released", () => {
    const tracker = makeJobTracker()
    const [a, b, c] = [job("fake"), job("fake", { progress: 0.3 }), job("fake", { progress: 0.6 })]
    tracker.claim(a)
    tracker.claim(b)
    tracker.claim(c)
    tracker.release(b)
    tracker.release(a)
    tracker.release(c)
    expect(tracker.get(a.ref)).toBeUndefined()
  })

  it("releasing a claim of a job already forgotten (maxEntries) brings nothing back", () => {
    const tracker = makeJobTracker({ maxEntries: 1 })
    const a = job("fake")
    const b = job("fake", { progress: 0.5 })
    tracker.claim(a)
    tracker.claim(b)
    tracker.claim(job("fake", { ref: "fake:render:2" }))
    tracker.release(b)
    expect(tracker.get(a.ref)).toBeUndefined()
  })

  it("an event id seen before is a duplicate per provider, whatever the job says", () => {
    const tracker = makeJobTracker()
    expect(tracker.claim(job("fake"), "e1")).toBe("advanced")
    expect(tracker.claim(job("fake", { progress: 0.9 }), "e1")).toBe("duplicate")
    expect(tracker.claim(job("other"), "e1")).toBe("advanced")
    expect(tracker.check(job("fake", { progress: 0.9 }), "e2")).toBe("advanced")
  })

  it("forgets the oldest jobs and event ids past maxEntries", () => {
    const tracker = makeJobTracker({ maxEntries: 2 })
    const ref = (n: number) => job("fake", { ref: `fake:render:${n}` })
    tracker.claim(ref(1), "e1")
    tracker.claim(ref(2), "e2")
    expect(tracker.get("fake:render:1")).toBeDefined()
    tracker.claim(ref(3), "e3")
    expect(tracker.get("fake:render:1")).toBeUndefined()
    expect(tracker.get("fake:render:2")).toBeDefined()
    expect(tracker.check(ref(1), "e1")).toBe("advanced")
    expect(tracker.check(ref(2), "e2")).toBe("duplicate")
  })

  it("a released first claim forgets the job; releasing a job never claimed changes nothing", () => {
    const tracker = makeJobTracker()
    const first = job("fake")
    tracker.claim(first, "e1")
    tracker.release(first, "e1")
    expect(tracker.get(first.ref)).toBeUndefined()
    expect(tracker.check(first, "e1")).toBe("advanced")
    tracker.claim(first, "e1")
    tracker.release(job("fake"), "e2")
    expect(tracker.get(first.ref)).toBe(first)
  })
})
