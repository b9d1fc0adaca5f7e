// Every configured secret is masked whatever its length, and header values given in settings are
// secrets unless marked public: a vendor (or proxy) echoing a 2-character key, a short PIN header
// or a tenant-key header shows none of them in an error's message, toJSON(), a job's raw payload,
// a request id or what the observer sees. A short secret is masked where it stands alone (a
// whole word, JSON string value or header value), so ordinary text around it stays readable.
import { drafts } from "@vidbridge/adapter-drafts"
import { createVideoClient, publicHeader, VideoError } from "@vidbridge/core"
import { describe, expect, it } from "vitest"

const KEY = "Qz" // a 2-character API key
const PIN = "7Q" // a 2-character header value
const TENANT = "tnt-secret-9981" // a header value of ordinary length
const AGENT = "shop-app/2.1" // a header value marked public

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  })

/** The vendor, echoing every credential it was sent, in every spelling and place. */
const vendor = (async (input: RequestInfo | URL) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const id = url.pathname.split("/").at(-1)
  switch (id) {
    case "echo": // a job whose raw payload, keys included, carries the secrets
      return json({
        id: "echo",
        status: "processing",
        progress: 0.5,
        note: `caller ${KEY} / ${PIN} / ${TENANT} via ${AGENT}`,
        echo: KEY,
        [KEY]: PIN,
        escaped: `line one\n${KEY}`,
        query: `key=${KEY}&pin=${PIN}`,
      })
    case "refused": // an auth error quoting the key, and a request id echoing it
      return json(
        { detail: `invalid api-key ${KEY} for tenant ${TENANT}` },
        {
          status: 401,
          headers: { "x-request-id": KEY },
        },
      )
    case "drifted": // a shape the adapter cannot read, the secrets in the excerpt
      return json({ id: 5, status: "ready", echo: `${KEY},${PIN}` })
    case "words": // words that merely contain the letters of the short secrets
      return json({ id: "words", status: "processing", note: `${KEY}x and x${PIN} are other words` })
    case "escaped": // \u escapes spelling the key
      return new Response(`{"id":"escaped","status":"processing","echo":"\\u0051\\u007a"}`, {
        headers: { "content-type": "application/json" },
      })
    default: // a proxy's plain-text 5xx
      return new Response(`upstream refused key\n${KEY} (pin ${PIN})`, { status: 502 })
  }
}) as typeof globalThis.fetch

const events: unknown[] = []
const client = createVideoClient({
  provider: drafts({
    apiKey: KEY,
    baseUrl: "https://api.hourone.test",
    fetch: vendor,
    retry: false,
    headers: { "x-pin": PIN, "x-tenant-key": TENANT, "user-agent": publicHeader(AGENT) },
    observer: { onRequest: (e) => void events.push(e), onResponse: (e) => void events.push(e) },
  }),
})

/** Everything an app could print or store from an outcome. */
const shown = (outcome: unknown): string => {
  if (outcome instanceof VideoError) {
    return [
      outcome.message,
      String(outcome),
      JSON.stringify(outcome),
      JSON.stringify(outcome.toJSON()),
      outcome.stack,
    ]
      .concat(outcome.requestId ?? "")
      .join("\n")
  }
  return JSON.stringify(outcome)
}

const secretsIn = (text: string) => [KEY, PIN, TENANT].filter((secret) => text.includes(secret))

const settle = (promise: Promise<unknown>) => promise.catch((error: unknown) => error)

describe("short secrets and header values are masked", () => {
  // Stops: a 1-3 character key or header secret printed verbatim in errors, raw payloads and logs.
  it.each(["echo", "refused", "drifted", "escaped", "proxy"])(
    "a vendor echoing them (%s) shows none",
    async (id) => {
      events.length = 0
      const outcome = await settle(client.getStatus(`drafts:video:${id}`))
      const text = shown(outcome)
      expect(secretsIn(text), text).toEqual([])
      expect(secretsIn(JSON.stringify(events))).toEqual([])
    },
  )

  it("keeps text around a short secret readable, and public header values as they are", async () => {
    const job = (await client.getStatus("drafts:video:echo")) as { raw: Record<string, unknown> }
    expect(job.raw.note).toBe(`caller [REDACTED] / [REDACTED] / [REDACTED] via ${AGENT}`)
    expect(job.raw.query).toBe("key=[REDACTED]&pin=[REDACTED]")
    expect(job.raw.echo).toBe("[REDACTED]")
    expect(job.raw["[REDACTED]"]).toBe("[REDACTED]")
    // Words that merely contain the letters stay: "Qzx" and "x7Q" are not the secrets.
    const words = (await client.getStatus("drafts:video:words")) as { raw: Record<string, unknown> }
    expect(words.raw.note).toBe(`${KEY}x and x${PIN} are other words`)
    const refused = await settle(client.getStatus("drafts:video:refused"))
    expect((refused as VideoError).requestId).toBe("[REDACTED]")
  })

  // Stops: an id in a request path echoing a secret into the observer's events (metrics, logs).
  it("the observer sees request paths masked too", async () => {
    events.length = 0
    await settle(client.getStatus(`drafts:video:${KEY}`))
    expect(JSON.stringify(events)).not.toContain(KEY)
    expect(JSON.stringify(events)).toContain("/videos/[REDACTED]")
  })
})
