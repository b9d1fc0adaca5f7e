import { createHmac } from "node:crypto"
import { readFileSync } from "node:fs"
import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { drafts, HOURONE_SIGNATURE_HEADER, parseDraftsWebhook } from "../src/index.js"
import { API_KEY, failure, makeProvider, WEBHOOK_SECRET } from "./support.js"

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")
const sign = (body: string, secret = WEBHOOK_SECRET) =>
  createHmac("sha256", secret).update(body).digest("hex")
const request = (body: string, headers: Record<string, string>) => ({
  method: "POST",
  url: "https://app.test/hooks/hourone",
  headers,
  body,
})

describe("webhooks: x-hourone-signature HMAC-SHA256", () => {
  it("video.ready -> succeeded event for the video's ref", async () => {
    const provider = await makeProvider()
    const body = fixture("webhook-video-ready")
    const event = await Effect.runPromise(
      provider.parseWebhook!(request(body, { [HOURONE_SIGNATURE_HEADER]: sign(body) })),
    )
    expect(event).toMatchObject({
      provider: "drafts",
      type: "video.ready",
      job: {
        ref: "drafts:video:65f1a0c2e4b0a1b2c3d4e5f6",
        status: "succeeded",
        vendorStatus: "ready",
        metadata: { draftId: "65f1a0c2e4b0a1b2c3d4e5aa", requestId: "req-7d1c2b9a" },
      },
    })
    expect(event.job.raw).toEqual(JSON.parse(body))
  })

  it("video_failed (other spelling), header in any case, sha256= prefix -> failed", async () => {
    const provider = await makeProvider()
    const body = fixture("webhook-video-failed")
    const event = await Effect.runPromise(
      provider.parseWebhook!(request(body, { "X-HourOne-Signature": `sha256=${sign(body).toUpperCase()}` })),
    )
    expect(event).toMatchObject({
      type: "video.failed",
      job: { status: "failed", ref: "drafts:video:65f1a0c2e4b0a1b2c3d4e5f7" },
    })
  })

  it("an event without data.status takes it from the event name", async () => {
    const provider = await makeProvider()
    const body = JSON.stringify({ event_name: "video_ready", data: { id: "v1" } })
    const event = await Effect.runPromise(
      provider.parseWebhook!(request(body, { [HOURONE_SIGNATURE_HEADER]: sign(body) })),
    )
    expect(event.job).toMatchObject({ status: "succeeded", vendorStatus: "ready" })
  })

  it("an unknown event name without data.status, even an inherited property name, is status unknown", async () => {
    const provider = await makeProvider()
    for (const name of ["constructor", "toString", "video.paused"]) {
      const body = JSON.stringify({ event_name: name, data: { id: "v1" } })
      const event = await Effect.runPromise(
        provider.parseWebhook!(request(body, { [HOURONE_SIGNATURE_HEADER]: sign(body) })),
      )
      expect(event.job).toMatchObject({ status: "unknown", vendorStatus: name })
    }
  })

  it.each([
    ["a wrong signature", (b: string) => ({ [HOURONE_SIGNATURE_HEADER]: sign(b, "other-secret") })],
    ["no signature", () => ({})],
    ["a signature of another body", (b: string) => ({ [HOURONE_SIGNATURE_HEADER]: sign(`${b} `) })],
  ])("%s -> AuthenticationFailed", async (_name, headers) => {
    const provider = await makeProvider()
    const body = fixture("webhook-video-ready")
    const error = await failure(provider.parseWebhook!(request(body, headers(body))))
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(JSON.stringify(error)).not.toContain(WEBHOOK_SECRET)
  })

  it("no webhookSecret configured -> AuthenticationFailed saying which setting to set", async () => {
    const provider = await Effect.runPromise(drafts({ apiKey: API_KEY }).make)
    const body = fixture("webhook-video-ready")
    const error = await failure(
      provider.parseWebhook!(request(body, { [HOURONE_SIGNATURE_HEADER]: sign(body) })),
    )
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(error.message).toContain("webhookSecret")
  })

  it("parseDraftsWebhook(request, { secret }) verifies with a plain or Redacted secret; an empty one is no secret", async () => {
    const body = fixture("webhook-video-ready")
    const signed = request(body, { [HOURONE_SIGNATURE_HEADER]: sign(body) })
    for (const secret of [WEBHOOK_SECRET, Redacted.make(WEBHOOK_SECRET)]) {
      const event = await Effect.runPromise(parseDraftsWebhook(signed, { secret }))
      expect(event.job).toMatchObject({ ref: "drafts:video:65f1a0c2e4b0a1b2c3d4e5f6", status: "succeeded" })
    }
    const emptyKeyed = request(body, { [HOURONE_SIGNATURE_HEADER]: sign(body, "") })
    const error = await failure(parseDraftsWebhook(emptyKeyed, { secret: "" }))
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(error.message).toContain("webhookSecret")
  })

  it("a signed body that is not a video event -> UnexpectedResponse", async () => {
    const provider = await makeProvider()
    for (const body of ["not json", JSON.stringify({ event_name: "video.ready", data: {} })]) {
      const error = await failure(
        provider.parseWebhook!(request(body, { [HOURONE_SIGNATURE_HEADER]: sign(body) })),
      )
      expect(error.reason._tag).toBe("UnexpectedResponse")
    }
  })
})
