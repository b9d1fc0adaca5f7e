// Webhook bodies: the size limit holds for a streamed body with no content-length (the handler
// stops reading at the limit instead of buffering whatever an unauthenticated sender posts), and
// signatures are checked over the exact bytes received, so a body that is not UTF-8 verifies and
// a signature cannot be moved onto a different body that decodes to the same text.

import { createHmac } from "node:crypto"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import { createVideoClient, VideoError } from "@vidbridge/core"
import { describe, expect, it } from "vitest"

const SECRET = "whsec_body_limit_0123456789"
const URL_ = "https://app.test/hooks/video"
const CHUNK = 64 * 1024

/** A body of `chunks` x 64 KiB that counts how often the reader pulled from it. */
const countedStream = (chunks: number) => {
  const counter = { pulls: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulls++
      if (counter.pulls > chunks) controller.close()
      else controller.enqueue(new Uint8Array(CHUNK).fill(0x20))
    },
  })
  return { stream, counter }
}

/** A streamed POST: no content-length, as with chunked transfer encoding. */
const streamed = (stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: "POST", body: stream, headers, duplex: "half" } as RequestInit)

/** How the vendor signs: hex HMAC-SHA256 of the bytes it sends (node:crypto, independent of core). */
const sign = async (bytes: Uint8Array) => createHmac("sha256", SECRET).update(bytes).digest("hex")

/** JSON text with one byte that is not UTF-8 (Latin-1 "é", 0xE9) inside a string value. */
const latin1Json = (json: string): Uint8Array<ArrayBuffer> => {
  const [before, after] = json.split("@")
  const encoder = new TextEncoder()
  return new Uint8Array([...encoder.encode(before), 0xe9, ...encoder.encode(after)])
}

describe("a webhook body over the limit is refused without being read in full", () => {
  // Stops: memory exhaustion by an unauthenticated chunked POST with no content-length.
  it("handleWebhook answers 413 to a 16 MiB streamed body after pulling only past the limit", async () => {
    const client = createVideoClient({ provider: drafts({ apiKey: "k", webhookSecret: SECRET }) })
    const handler = client.handleWebhook({ maxBodyBytes: 1024, onEvent: () => undefined })
    const { stream, counter } = countedStream(256)
    const response = await handler(streamed(stream, { "x-hourone-signature": "00" }))
    expect(response.status).toBe(413)
    // One chunk passes the 1 KiB limit; a stream may be pulled one chunk ahead, no more.
    expect(counter.pulls).toBeLessThanOrEqual(3)
  })

  // Stops: the same exhaustion through client.parseWebhook (1 MiB limit).
  it("parseWebhook refuses a 16 MiB streamed body as InvalidInput after about 1 MiB", async () => {
    const client = createVideoClient({ provider: drafts({ apiKey: "k", webhookSecret: SECRET }) })
    const { stream, counter } = countedStream(256)
    const error = await client.parseWebhook(streamed(stream)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoError)
    expect((error as VideoError).reason._tag).toBe("InvalidInput")
    expect(counter.pulls).toBeLessThanOrEqual((1024 * 1024) / CHUNK + 3)
  })

  // Stops: a body declared larger than the limit being read at all.
  it("a declared content-length over the limit is refused before the body is read", async () => {
    const client = createVideoClient({ provider: drafts({ apiKey: "k", webhookSecret: SECRET }) })
    const handler = client.handleWebhook({ maxBodyBytes: 1024, onEvent: () => undefined })
    const { stream, counter } = countedStream(256)
    const response = await handler(streamed(stream, { "content-length": String(256 * CHUNK) }))
    expect(response.status).toBe(413)
    expect(counter.pulls).toBeLessThanOrEqual(1)
  })
})

describe("signatures are verified over the bytes received", () => {
  const draftsBody = () =>
    latin1Json(
      JSON.stringify({
        event_name: "video.ready",
        data: { id: "vid-latin1", status: "ready", note: "caf@" },
      }),
    )
  const joggBody = () =>
    latin1Json(
      JSON.stringify({
        event_id: "evt_latin1",
        event: "generated_product_video_success",
        timestamp: Math.floor(Date.now() / 1000),
        data: {
          video_id: "pv_latin1",
          status: "completed",
          video_url: "https://res.test/v.mp4",
          note: "caf@",
        },
      }),
    )

  // Stops: valid vendor deliveries being refused (and vendor retries piling up) for non-UTF-8 bytes.
  it.each([
    ["Hour One", () => drafts({ apiKey: "k", webhookSecret: SECRET }), "x-hourone-signature", draftsBody],
    ["JoggAI", () => jogg({ apiKey: "k", webhookSecret: SECRET }), "X-Webhook-Signature", joggBody],
  ])("%s: a validly signed body that is not UTF-8 verifies", async (_, provider, header, body) => {
    const client = createVideoClient({ provider: provider() })
    const events: string[] = []
    const handler = client.handleWebhook({ onEvent: (event) => void events.push(event.job.ref) })
    const bytes = body()
    const response = await handler(
      new Request(URL_, { method: "POST", body: bytes, headers: { [header]: await sign(bytes) } }),
    )
    expect(response.status).toBe(200)
    expect(events).toHaveLength(1)
  })

  // Stops: a signature of one body accepted for another body that decodes to the same text.
  it("a signature over the decoded text does not verify different bytes", async () => {
    const client = createVideoClient({ provider: drafts({ apiKey: "k", webhookSecret: SECRET }) })
    const handler = client.handleWebhook({ onEvent: () => undefined })
    const bytes = draftsBody()
    const decodedAgain = new TextEncoder().encode(new TextDecoder().decode(bytes))
    const response = await handler(
      new Request(URL_, {
        method: "POST",
        body: bytes,
        headers: { "x-hourone-signature": await sign(decodedAgain) },
      }),
    )
    expect(response.status).toBe(401)
  })

  it("a WebhookRequest built by hand (no rawBody) verifies over the UTF-8 of its body", async () => {
    const client = createVideoClient({ provider: drafts({ apiKey: "k", webhookSecret: SECRET }) })
    const body = JSON.stringify({ event_name: "video.ready", data: { id: "vid-hand", status: "ready" } })
    const signature = await sign(new TextEncoder().encode(body))
    const event = await client.parseWebhook({
      method: "POST",
      url: URL_,
      headers: { "x-hourone-signature": signature },
      body,
    })
    expect(event.job.status).toBe("succeeded")
  })
})
