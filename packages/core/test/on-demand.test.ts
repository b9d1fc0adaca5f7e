import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { deferOperations, onDemand } from "../src/adapter/index.js"
import { VideoError } from "../src/index.js"

// Code loaded on first use (dynamic import): loaded once, and a failed load is a typed error of
// the call that needed it, retried on the next use.

const missing = () =>
  Object.assign(new Error("Cannot find module './catalogs.js'"), { code: "ERR_MODULE_NOT_FOUND" })

describe("onDemand", () => {
  it("loads once, shares a load in progress, then answers without loading again", async () => {
    let loads = 0
    const module = onDemand("Acme's catalogs", async () => {
      loads++
      return { answer: 42 }
    })
    const [a, b] = await Promise.all([
      Effect.runPromise(module("acme", "listAvatars")),
      Effect.runPromise(module("acme", "listVoices")),
    ])
    expect(a).toBe(b)
    expect(await Effect.runPromise(module("acme", "listMusic"))).toEqual({ answer: 42 })
    expect(loads).toBe(1)
  })

  it("a failed load fails the call with VendorUnavailable (not sent), and the next use loads again", async () => {
    let loads = 0
    const module = onDemand("Acme's catalogs", async () => {
      loads++
      if (loads === 1) throw missing()
      return { answer: 42 }
    })
    const error = await Effect.runPromise(Effect.flip(module("acme", "listAvatars")))
    expect(error).toBeInstanceOf(VideoError)
    expect(error.provider).toBe("acme")
    expect(error.operation).toBe("listAvatars")
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "not_sent" })
    expect(error.reason.message).toBe(
      "could not load Acme's catalogs (ERR_MODULE_NOT_FOUND: Cannot find module './catalogs.js'); the request was not sent",
    )
    expect(error.retryable).toBe(true)
    expect(await Effect.runPromise(module("acme", "listAvatars"))).toEqual({ answer: 42 })
    expect(loads).toBe(2)
  })
})

describe("deferOperations", () => {
  it("has every named operation before loading; the first call loads, each call runs the loaded one", async () => {
    let loads = 0
    const ops = deferOperations("acme", "Acme's catalogs", ["listAvatars", "listVoices"], async () => {
      loads++
      return {
        listAvatars: (query: { search?: string }) => Effect.succeed(`avatars ${query.search}`),
        listVoices: () => Effect.succeed("voices"),
        unused: () => Effect.succeed("not wrapped"),
      }
    })
    expect(Object.keys(ops).sort()).toEqual(["listAvatars", "listVoices"])
    expect(loads).toBe(0)
    expect(await Effect.runPromise(ops.listAvatars({ search: "anna" }))).toBe("avatars anna")
    expect(await Effect.runPromise(ops.listVoices())).toBe("voices")
    expect(loads).toBe(1)
  })

  it("a failed load is the operation's typed error, named after the operation", async () => {
    const ops = deferOperations("acme", "Acme's open API", ["render"], () =>
      Promise.reject<{ render: () => Effect.Effect<string, VideoError> }>(missing()),
    )
    const error = await Effect.runPromise(Effect.flip(ops.render()))
    expect(error.operation).toBe("render")
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "not_sent" })
  })
})
