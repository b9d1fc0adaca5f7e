import { createHash, createHmac } from "node:crypto"
import { createVideoClient, deriveWebhookToken } from "@vidbridge/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { creatify } from "../src/index.js"
import { deriveWebhookTokenSync, hmacSha256HexSync, sha256 } from "../src/internal/webhookToken.js"
import { API_ID, API_KEY, WEBHOOK_SECRET } from "./support.js"

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex")

describe("the synchronous webhook token", () => {
  it.each([0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000])("SHA-256 of %i bytes matches node:crypto", (n) => {
    const data = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff)
    expect(hex(sha256(data))).toBe(createHash("sha256").update(data).digest("hex"))
  })

  it.each([
    "",
    "short",
    "k".repeat(64),
    "a much longer secret than one SHA-256 block of sixty-four bytes.....",
  ])("HMAC-SHA256 with key %j matches node:crypto", (key) => {
    for (const message of ["", "vidbridge-webhook:creatify", "x".repeat(200)]) {
      expect(hmacSha256HexSync(key, message)).toBe(createHmac("sha256", key).update(message).digest("hex"))
    }
  })

  it("equals core's deriveWebhookToken", async () => {
    for (const secret of [WEBHOOK_SECRET, "s", "ü-secret-✓"]) {
      expect(deriveWebhookTokenSync(secret, "creatify")).toBe(
        await Effect.runPromise(deriveWebhookToken(secret, "creatify")),
      )
    }
  })

  it("lets the Promise client build a provider that has a webhookSecret", () => {
    const client = createVideoClient({
      provider: creatify({ apiId: API_ID, apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET }),
    })
    expect(client.provider).toBe("creatify")
  })
})
