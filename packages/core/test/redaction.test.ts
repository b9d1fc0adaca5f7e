import { Effect, Redacted } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { makeHttpClient, makeRedactor, maskSecretMembers } from "../src/adapter/index.js"
import { publicHeader, type VideoError } from "../src/index.js"
import { useMsw } from "./support/msw.js"

const server = useMsw()
const BASE = "https://api.redaction.test"
// Base64-style keys hold `/` and `+`: the characters JSON encoders like to escape.
const KEY = "key/Abc+123=="

const client = () =>
  makeHttpClient({
    provider: "acme",
    baseUrl: BASE,
    auth: { "x-api-key": Redacted.make(KEY) },
    retry: false,
  })

const failure = (effect: Effect.Effect<unknown, VideoError>) => Effect.runPromise(Effect.flip(effect))

const get = (schema?: z.ZodMiniType) =>
  client().request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false, schema })

/** Everything an error shows a user or a log. */
const shown = (error: VideoError) =>
  [error.message, JSON.stringify(error), String(error), error.stack].join("\n")

describe("redaction of echoed credentials", () => {
  it("masks a secret written inside a JSON string, with or without escaped slashes", () => {
    const redact = makeRedactor([KEY])
    const php = JSON.stringify(KEY).slice(1, -1).replaceAll("/", "\\/")
    expect(redact.text(`{"detail":"bad ${php}"}`)).toBe('{"detail":"bad [REDACTED]"}')
    expect(redact.text(`bad ${encodeURIComponent(KEY)}`)).toBe("bad [REDACTED]")
    expect(redact.json({ nested: [`bad ${KEY}`] })).toEqual({ nested: ["bad [REDACTED]"] })
  })

  it.each([
    ["escaped slashes (PHP)", KEY.replaceAll("/", "\\/")],
    ["\\u escapes (.NET)", KEY.replaceAll("/", "\\u002F").replaceAll("+", "\\u002B")],
  ])("a vendor echoing the key with %s leaks it into no message, excerpt or body", async (_, spelled) => {
    server.use(
      http.get(`${BASE}/things`, () =>
        HttpResponse.text(`{"detail":"invalid key ${spelled}"}`, {
          status: 401,
          headers: { "content-type": "application/json" },
        }),
      ),
    )
    const refused = await failure(get())
    expect(refused.reason._tag).toBe("AuthenticationFailed")
    expect(refused.message).toContain("[REDACTED]")
    expect(shown(refused)).not.toContain("Abc")

    server.use(
      http.get(`${BASE}/things`, () =>
        HttpResponse.text(`{"echo":"${spelled}"}`, { headers: { "content-type": "application/json" } }),
      ),
    )
    const drifted = await failure(get(z.object({ id: z.string() })))
    expect(drifted.reason._tag).toBe("UnexpectedResponse")
    expect(shown(drifted)).not.toContain("Abc")
    const ok = await Effect.runPromise(get())
    expect(JSON.stringify(ok.body)).toBe('{"echo":"[REDACTED]"}')
  })

  it("a request-id header echoing the key is masked", async () => {
    server.use(
      http.get(`${BASE}/things`, () =>
        HttpResponse.json({ detail: "Not found." }, { status: 404, headers: { "x-request-id": KEY } }),
      ),
    )
    const error = await failure(get())
    expect(error.requestId).toBe("[REDACTED]")
    expect(shown(error)).not.toContain("Abc")
  })
})

describe("short secrets", () => {
  it("are masked where they stand alone, whatever their length, and nowhere else", () => {
    const redact = makeRedactor(["ab", "7", "+/"])
    expect(redact.text('key ab refused; "ab"; k=ab&x; abc xab a_b')).toBe(
      'key [REDACTED] refused; "[REDACTED]"; k=[REDACTED]&x; abc xab a_b',
    )
    expect(redact.text("pin 7, not 17 or 7a; v7")).toBe("pin [REDACTED], not 17 or 7a; v7")
    // One made of punctuation is masked wherever it occurs, as are its URL-encoded and JSON spellings.
    expect(redact.text("x+/y %2B%2F")).toBe("x[REDACTED]y [REDACTED]")
    // A JSON escape ends the word before it: `\nab` is a newline, then `ab`.
    expect(redact.text('{"m":"line\\nab"}')).toBe('{"m":"line\\n[REDACTED]"}')
    expect(redact.json({ ab: ["ab", "tab", 7] })).toEqual({ "[REDACTED]": ["[REDACTED]", "tab", 7] })
    expect(makeRedactor(["", "  "]).text("a  b")).toBe("a  b")
  })

  it("a JSON answer holding a short secret still parses (numbers are not rewritten)", async () => {
    const c = makeHttpClient({
      provider: "acme",
      baseUrl: BASE,
      auth: { "x-api-key": Redacted.make("1") },
      retry: false,
    })
    server.use(http.get(`${BASE}/things`, () => HttpResponse.json({ count: 1, echo: "1", note: "v1 1" })))
    const ok = await Effect.runPromise(
      c.request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    expect(ok.body).toEqual({ count: 1, echo: "[REDACTED]", note: "v1 [REDACTED]" })
  })
})

describe("header values from settings", () => {
  it("are masked unless marked public", async () => {
    const c = makeHttpClient({
      provider: "acme",
      baseUrl: BASE,
      auth: { "x-api-key": Redacted.make(KEY) },
      headers: { "x-tenant": "tenant-secret-42", "user-agent": publicHeader("acme-app/1.0") },
      retry: false,
    })
    const sent: Array<string | null> = []
    server.use(
      http.get(`${BASE}/things`, ({ request }) => {
        sent.push(request.headers.get("x-tenant"), request.headers.get("user-agent"))
        return HttpResponse.json({ detail: "tenant tenant-secret-42 from acme-app/1.0" }, { status: 403 })
      }),
    )
    const error = await failure(
      c.request({ operation: "getStatus", method: "GET", path: "/things", spendsCredits: false }),
    )
    expect(sent).toEqual(["tenant-secret-42", "acme-app/1.0"])
    expect(error.message).toContain("tenant [REDACTED] from acme-app/1.0")
  })
})

describe("credential-named members in error excerpts", () => {
  it("masks string values of members named like credentials, and leaves the rest", () => {
    expect(
      maskSecretMembers(
        '{"id":"e1","webhook_secret":"whsec_1","access_token" : "tok_2","apiKey":"k3","tokens_used":4,"note":"secret"}',
      ),
    ).toBe(
      '{"id":"e1","webhook_secret":"[REDACTED]","access_token" : "[REDACTED]","apiKey":"[REDACTED]","tokens_used":4,"note":"secret"}',
    )
    // Escaped quotes inside a value do not end it early.
    expect(maskSecretMembers('{"password":"a\\"b","x":"y"}')).toBe('{"password":"[REDACTED]","x":"y"}')
    // A value cut off by the end of the text is masked as far as it goes.
    expect(maskSecretMembers('{"client_secret":"whsec_cut')).toBe('{"client_secret":"[REDACTED]"')
  })

  it("a schema mismatch's excerpt shows no secret the vendor minted, even one past the excerpt's length", async () => {
    const minted = "whsec_minted_by_the_call"
    for (const body of [
      { id: 5, secret: minted },
      { id: 5, pad: "x".repeat(5000), signing_secret: minted },
      { pad: "x".repeat(190), secret: minted },
    ]) {
      server.use(http.get(`${BASE}/things`, () => HttpResponse.json(body)))
      const error = await failure(get(z.object({ id: z.string() })))
      expect(error.reason._tag).toBe("UnexpectedResponse")
      expect(shown(error)).not.toContain("whsec_minted")
    }
  })
})
