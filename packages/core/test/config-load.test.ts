import { Config, Effect } from "effect"
import { describe, expect, it, vi } from "vitest"
import { readConfig } from "../src/adapter/index.js"
import { VideoError } from "../src/index.js"

// `readConfig` (what a client's `layerConfig` runs) imports effect/Config on first use. Here that
// import fails: the layer fails typed, with a VideoError naming what could not be loaded.
vi.mock("effect/Config", () => {
  throw new Error("Cannot find module 'effect/Config'")
})

describe("readConfig: effect/Config fails to load", () => {
  it("fails with VendorUnavailable (nothing sent), naming the module", async () => {
    const error = await Effect.runPromise(Effect.flip(readConfig("acme", { apiKey: Config.succeed("key") })))
    if (!(error instanceof VideoError)) throw new Error(`expected a VideoError, got ${error._tag}`)
    expect(error).toMatchObject({ provider: "acme", operation: "layerConfig" })
    expect(error.reason).toMatchObject({ _tag: "VendorUnavailable", delivery: "not_sent" })
    expect(error.reason.message).toMatch(/^could not load Effect's Config module \(effect\/Config\) \(/)
  })
})
