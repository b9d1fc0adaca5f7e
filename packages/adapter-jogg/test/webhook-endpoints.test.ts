import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { joggWebhookEndpoints } from "../src/index.js"
import { API_KEY, fixture, json, route, settings, useMsw } from "./support.js"

const server = useMsw()

describe("JoggAI account webhook endpoints", () => {
  it("registers (POST /v2/endpoint), lists (GET /v2/endpoints) and deletes (DELETE /v2/endpoint/{id})", async () => {
    const created = route(server, "post", "/v2/endpoint", json(fixture("v2-endpoint")))
    const listed = route(server, "get", "/v2/endpoints", json(fixture("v2-endpoints")))
    const deleted = route(server, "delete", "/v2/endpoint/wh_123456789", json(fixture("v2-endpoint-delete")))
    const endpoints = await Effect.runPromise(joggWebhookEndpoints(settings({ apiVersion: "open" })))
    const endpoint = await Effect.runPromise(
      endpoints.register({
        url: "https://app.example/hooks/jogg",
        events: ["generated_product_video_success"],
      }),
    )
    expect(created[0]!.headers.get("x-api-key")).toBe(API_KEY)
    expect(created[0]!.body).toEqual({
      url: "https://app.example/hooks/jogg",
      status: "enabled",
      events: ["generated_product_video_success"],
    })
    expect(endpoint).toMatchObject({ id: "wh_123456789", status: "enabled" })
    expect(Redacted.value(endpoint.secret!)).toBe("whsec_abc123xyz")
    expect(JSON.stringify(endpoint)).not.toContain("whsec_abc123xyz")
    const all = await Effect.runPromise(endpoints.list())
    expect(all.map((e) => e.id)).toEqual(["wh_123456789"])
    expect(listed).toHaveLength(1)
    await Effect.runPromise(endpoints.remove("wh_123456789"))
    expect(deleted).toHaveLength(1)
  })

  // The signing secret is minted by the call itself, so the client cannot know it in advance
  // to mask it by value: an answer it cannot use must still not show it in the error.
  it.each([
    ["does not match the documented shape", { endpoint_id: { nested: true }, secret: "whsec_leak_1234" }],
    ["has no endpoint id", { url: "https://app.example/hooks/jogg", secret: "whsec_leak_1234" }],
  ])("an endpoint answer that %s fails without showing the new secret", async (_, data) => {
    route(server, "post", "/v2/endpoint", json({ code: 0, msg: "Success", data }))
    const endpoints = await Effect.runPromise(joggWebhookEndpoints(settings()))
    const error = await Effect.runPromise(
      Effect.flip(
        endpoints.register({
          url: "https://app.example/hooks/jogg",
          events: ["generated_product_video_success"],
        }),
      ),
    )
    expect(error.reason._tag).toBe("UnexpectedResponse")
    const shown = [error.message, JSON.stringify(error), String(error), error.stack].join("\n")
    expect(shown).not.toContain("whsec_leak_1234")
    expect(JSON.stringify(error)).toContain('"secret\\":\\"[REDACTED]\\"')
  })

  it("checks the registration before any request", async () => {
    const endpoints = await Effect.runPromise(joggWebhookEndpoints(settings()))
    const error = await Effect.runPromise(
      Effect.flip(endpoints.register({ url: "http://app.example/hooks", events: [] })),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("url: must be an https URL (JoggAI delivers to https only")
    expect(error.message).not.toContain("http or https")
    expect(error.message).toContain("events")
  })

  it("accepts http only on a loopback host (a simulator on this machine), as the README says", async () => {
    const created = route(server, "post", "/v2/endpoint", json(fixture("v2-endpoint")))
    const endpoints = await Effect.runPromise(joggWebhookEndpoints(settings()))
    const events = ["generated_product_video_success"]
    for (const url of [
      "http://127.0.0.1:4100/hooks/jogg",
      "http://localhost:4100/hooks",
      "http://[::1]:4100/h",
    ]) {
      await Effect.runPromise(endpoints.register({ url, events }))
    }
    expect(created.map((c) => (c.body as { url: string }).url)).toEqual([
      "http://127.0.0.1:4100/hooks/jogg",
      "http://localhost:4100/hooks",
      "http://[::1]:4100/h",
    ])
    for (const url of ["http://10.0.0.5/hooks", "http://127.evil.example/hooks", "ftp://127.0.0.1/hooks"]) {
      const error = await Effect.runPromise(Effect.flip(endpoints.register({ url, events })))
      expect(error.reason._tag).toBe("InvalidInput")
    }
    expect(created).toHaveLength(3)
  })
})
