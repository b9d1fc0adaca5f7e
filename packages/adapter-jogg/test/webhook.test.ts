import { createHmac } from "node:crypto"
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { client, fixture, provider } from "./support.js"

const SECRET = "whsec_abc123xyz"
const sign = (body: string, secret = SECRET) => createHmac("sha256", secret).update(body).digest("hex")

const deliver = (body: string, headers: Record<string, string>) => ({
  method: "POST",
  url: "https://app.example/hooks/jogg",
  headers: { "content-type": "application/json", ...headers },
  body,
})

/** Parses at a fixed virtual time (seconds since the epoch). */
const parseAt = async (
  nowSeconds: number,
  request: ReturnType<typeof deliver>,
  tolerance?: number | false,
) => {
  const shape = await provider({
    webhookSecret: SECRET,
    ...(tolerance !== undefined ? { webhookToleranceSeconds: tolerance } : {}),
  })
  return Effect.runPromise(
    Effect.result(
      Effect.gen(function* () {
        yield* TestClock.setTime(nowSeconds * 1000)
        return yield* shape.parseWebhook!(request)
      }),
    ).pipe(Effect.provide(TestClock.layer())),
  )
}

const ok = async (...args: Parameters<typeof parseAt>) => {
  const result = await parseAt(...args)
  if (result._tag === "Failure") throw result.failure
  return result.success
}

const refused = async (...args: Parameters<typeof parseAt>) => {
  const result = await parseAt(...args)
  if (result._tag === "Success") throw new Error("expected a refusal")
  return result.failure
}

describe("JoggAI webhooks", () => {
  const success = JSON.stringify(fixture("v2-webhook-success"))

  it("accepts a signed, fresh delivery and maps it to a neutral event", async () => {
    const event = await ok(1732806631 + 10, deliver(success, { "X-Webhook-Signature": sign(success) }))
    expect(event).toMatchObject({
      provider: "jogg",
      eventId: "evt_123456789",
      type: "generated_avatar_video_success",
      job: {
        // An avatar-video event names an avatar video: the ref render returned for it.
        ref: "jogg:avatar_video:video_123456",
        status: "succeeded",
        videoUrl: "https://res.jogg.ai/video.mp4",
        thumbnailUrl: "https://res.jogg.ai/cover.jpg",
        durationSeconds: 30,
      },
    })
  })

  it("reads the header case-insensitively and maps a failure event", async () => {
    const body = JSON.stringify(fixture("v2-webhook-failed"))
    const event = await ok(1732806631, deliver(body, { "x-webhook-signature": sign(body).toUpperCase() }))
    expect(event.job).toMatchObject({
      status: "failed",
      failure: { code: "50000", message: "Video generation failed" },
    })
  })

  it("maps v1/open project deliveries to open_project refs", async () => {
    const body = JSON.stringify(fixture("v1-webhook-project"))
    const event = await ok(1751909260, deliver(body, { "X-Webhook-Signature": sign(body) }))
    expect(event.job).toMatchObject({
      ref: "jogg:open_project:e5e27a370d7bfd7d68a4f1e68de20a60",
      status: "succeeded",
    })
  })

  it.each([
    [
      "a tampered body",
      () => deliver(success.replace("completed", "failed"), { "X-Webhook-Signature": sign(success) }),
    ],
    ["a wrong secret", () => deliver(success, { "X-Webhook-Signature": sign(success, "whsec_other") })],
    ["no signature", () => deliver(success, {})],
  ])("refuses %s with AuthenticationFailed", async (_label, request) => {
    const error = await refused(1732806631, request())
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(JSON.stringify(error)).not.toContain(SECRET)
  })

  it("refuses a stale delivery (older than 5 minutes by default) and accepts within a custom tolerance", async () => {
    const request = deliver(success, { "X-Webhook-Signature": sign(success) })
    const stale = await refused(1732806631 + 301, request)
    expect(stale.reason._tag).toBe("AuthenticationFailed")
    expect(stale.message).toContain("stale")
    await ok(1732806631 + 299, request)
    await ok(1732806631 + 3000, request, 3600)
  })

  it("webhookToleranceSeconds: false turns the timestamp check off (JoggAI documents no window)", async () => {
    const request = deliver(success, { "X-Webhook-Signature": sign(success) })
    await ok(1732806631 + 86_400, request, false)
    const untimed = JSON.stringify({ ...fixture("v2-webhook-success"), timestamp: undefined })
    await ok(0, deliver(untimed, { "X-Webhook-Signature": sign(untimed) }), false)
    expect((await refused(0, deliver(untimed, { "X-Webhook-Signature": sign(untimed) }))).message).toContain(
      "no timestamp",
    )
  })

  it.each([
    ["generated_product_video_success", "product_video"],
    ["generated_template_video_failed", "template_video"],
    ["generated_avatar_video_failed", "avatar_video"],
    ["generated_video_success", "product_video"],
  ])("%s names a %s (the ref its render returned)", async (event, kind) => {
    const body = JSON.stringify({ ...fixture("v2-webhook-failed"), event })
    const parsed = await ok(1732806631, deliver(body, { "X-Webhook-Signature": sign(body) }))
    expect(parsed.job.ref).toBe(`jogg:${kind}:video_123456`)
  })

  it.each([
    [
      "v2-webhook-image-failed",
      { ref: "jogg:photo:photo_abc123", status: "failed" },
      "Image generation failed due to invalid parameters",
    ],
    [
      "v2-webhook-motion-failed",
      { ref: "jogg:motion:motion_xyz789", status: "failed" },
      "Motion generation failed due to processing error",
    ],
  ])("reads %s, whose error is a plain message", async (name, job, message) => {
    const body = JSON.stringify(fixture(name))
    const event = await ok(1732806631, deliver(body, { "X-Webhook-Signature": sign(body) }))
    expect(event).toMatchObject({ eventId: undefined, job: { ...job, failure: { message } } })
    expect(event.job.failure?.code).toBeUndefined()
  })

  it("reads a motion's video, and answers 200 to image and motion deliveries (they were refused with 400)", async () => {
    const motion = JSON.stringify(fixture("v2-webhook-motion-success"))
    const event = await ok(1732806631, deliver(motion, { "X-Webhook-Signature": sign(motion) }))
    expect(event.job).toMatchObject({
      ref: "jogg:motion:motion_xyz789",
      status: "succeeded",
      videoUrl: "https://files2.jogg.ai/avatar/v3/motion_xyz789/full/2.0/preview_video_target.mp4",
    })
    const handle = client({ webhookSecret: SECRET, webhookToleranceSeconds: false }).handleWebhook({
      onEvent: () => undefined,
    })
    for (const name of ["v2-webhook-image-failed", "v2-webhook-motion-failed"]) {
      const body = JSON.stringify(fixture(name))
      const answer = await handle(
        new Request("https://app.example/hooks/jogg", {
          method: "POST",
          body,
          headers: { "content-type": "application/json", "X-Webhook-Signature": sign(body) },
        }),
      )
      expect(answer.status).toBe(200)
    }
  })

  it("refuses every delivery when no webhookSecret is configured", async () => {
    const shape = await provider()
    const error = await Effect.runPromise(
      Effect.flip(shape.parseWebhook!(deliver(success, { "X-Webhook-Signature": sign(success) }))),
    )
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(error.message).toContain("JOGG_WEBHOOK_SECRET")
  })

  it("rejects a signed body that is not a JoggAI payload", async () => {
    const body = JSON.stringify({ hello: "world" })
    const error = await refused(1732806631, deliver(body, { "X-Webhook-Signature": sign(body) }))
    expect(error.reason._tag).toBe("InvalidInput")
  })
})
