import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import {
  chunk,
  makeLruCache,
  parseCallbackBody,
  parseProviderOptions,
  rejectIssues,
  unsupportedFields,
} from "../src/adapter/index.js"
import type { VideoError } from "../src/index.js"

const context = { provider: "acme", operation: "render" }
const failure = (effect: Effect.Effect<unknown, VideoError>) => Effect.runPromise(Effect.flip(effect))

describe("adapter helpers: input checks", () => {
  it("rejectIssues fails with one InvalidInput naming every issue, skipping the checks that passed", async () => {
    await expect(Effect.runPromise(rejectIssues(context, [undefined, undefined]))).resolves.toBeUndefined()
    const error = await failure(
      rejectIssues(context, [
        { path: "durationSeconds", message: "must be 15, 30 or 60" },
        undefined,
        { path: "voice", message: "Acme takes no voice" },
      ]),
    )
    expect(error).toMatchObject({ provider: "acme", operation: "render" })
    expect(error.reason).toMatchObject({
      _tag: "InvalidInput",
      issues: [
        { path: "durationSeconds", message: "must be 15, 30 or 60" },
        { path: "voice", message: "Acme takes no voice" },
      ],
    })
  })

  it("unsupportedFields names each listed field that is set, with its message", () => {
    const fields = { voice: "Acme takes no voice", name: "Acme names no videos" }
    expect(unsupportedFields({ voice: "v1", name: undefined, other: 1 }, fields)).toEqual([
      { path: "voice", message: "Acme takes no voice" },
    ])
    expect(unsupportedFields({}, fields)).toEqual([])
  })

  it("parseProviderOptions reads providerOptions[provider] (or {}) and names a wrong field under it", async () => {
    const Options = z.strictObject({ music: z.optional(z.boolean()) })
    expect(await Effect.runPromise(parseProviderOptions(Options, undefined, context))).toEqual({})
    expect(
      await Effect.runPromise(
        parseProviderOptions(Options, { acme: { music: true }, other: { x: 1 } }, context),
      ),
    ).toEqual({ music: true })
    const error = await failure(parseProviderOptions(Options, { acme: { music: "yes", volume: 2 } }, context))
    expect(error.reason._tag === "InvalidInput" && error.reason.issues.map((i) => i.path)).toEqual([
      "providerOptions.acme.music",
      "providerOptions.acme",
    ])
  })
})

describe("adapter helpers: callback bodies", () => {
  const Event = z.looseObject({ id: z.string(), status: z.string() })
  const delivery = (body: string) => ({ method: "POST", url: "https://app.test/hooks", headers: {}, body })
  const options = {
    provider: "acme",
    expected: "an Acme job event",
    redact: (t: string) => t.replaceAll("tok-1", "[REDACTED]"),
  }

  it("answers the payload when the body has the shape", async () => {
    const body = JSON.stringify({ id: "j1", status: "done", extra: true })
    expect(await Effect.runPromise(parseCallbackBody(delivery(body), Event, options))).toEqual({
      id: "j1",
      status: "done",
      extra: true,
    })
  })

  it("fails UnexpectedResponse naming the path, with a redacted excerpt, for another shape or no JSON", async () => {
    const wrong = await failure(
      parseCallbackBody(delivery('{"id":7,"status":"done","t":"tok-1"}'), Event, options),
    )
    expect(wrong).toMatchObject({ provider: "acme", operation: "parseWebhook" })
    expect(wrong.reason).toMatchObject({
      _tag: "UnexpectedResponse",
      message: "the callback body is not an Acme job event (at id)",
      path: "id",
      excerpt: '{"id":7,"status":"done","t":"[REDACTED]"}',
    })
    const notJson = await failure(parseCallbackBody(delivery("x".repeat(300)), Event, options))
    expect(notJson.reason).toMatchObject({ path: "", excerpt: "x".repeat(200) })
    expect(notJson.message).toContain("(at the top level)")
  })
})

describe("adapter helpers: collections", () => {
  it("chunk splits into runs of at most `size`, in order", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([], 100)).toEqual([])
  })

  it("makeLruCache keeps the most recently read or written entries", () => {
    const cache = makeLruCache<number>(2)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1) // a is now the most recent
    cache.set("c", 3) // forgets b, the least recently used
    expect(cache.get("b")).toBeUndefined()
    expect([cache.get("a"), cache.get("c")]).toEqual([1, 3])
    cache.set("a", 10) // rewriting counts as use
    cache.set("d", 4)
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual([10, undefined, 4])
  })
})
