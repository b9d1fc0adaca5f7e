import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { defineProvider, unsupported } from "../src/adapter/index.js"
import { createVideoClient, VideoError, type VideoProviderShape } from "../src/index.js"
import { fakeVendorCapabilities } from "../src/testing/index.js"

const shapeWith = (operations: VideoProviderShape["capabilities"]["operations"]): VideoProviderShape => ({
  id: "caps",
  capabilities: { ...fakeVendorCapabilities, operations },
  getStatus: () => Effect.fail(unsupported("caps", "getStatus")),
  render: () => Effect.die("render must not be called when it is not listed"),
  updateProduct: () => Effect.die("updateProduct must not be called when it is not listed"),
})

const define = (
  operations: VideoProviderShape["capabilities"]["operations"],
  declared: VideoProviderShape["capabilities"]["operations"] = operations,
) =>
  defineProvider({
    id: "caps",
    displayName: "Caps",
    capabilities: { ...fakeVendorCapabilities, operations: declared },
    settings: z.strictObject({}),
    env: {},
    make: () => Effect.succeed(shapeWith(operations)),
  })

describe("capabilities decide what runs", () => {
  it("an operation the built provider does not list is UnsupportedOperation, even if a function exists", async () => {
    const client = createVideoClient({ provider: define(["getStatus"])({}) })
    const error = await client.render({ template: "t" }).catch((e: unknown) => e)
    expect(error).toMatchObject({ reason: { _tag: "UnsupportedOperation", operation: "render" } })
    expect(client.capabilities().operations).toEqual(["getStatus"])
  })

  it("listing an operation the provider lacks fails when it is built: on its first operation", async () => {
    const client = createVideoClient({ provider: define(["getStatus", "listJobs"])({}) })
    for (const call of [() => client.getStatus("caps:job:1"), () => client.listJobs()]) {
      const error = await call().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(VideoError)
      expect(error).toMatchObject({ provider: "caps", operation: "configure" })
      expect((error as VideoError).message).toMatch(/lists listJobs but the provider lacks them/)
    }
  })

  it("a built provider listing other operations than its definition declares fails when built", async () => {
    const client = createVideoClient({ provider: define(["getStatus"], ["getStatus", "render"])({}) })
    expect(client.capabilities().operations).toEqual(["getStatus", "render"])
    const error = (await client.getStatus("caps:job:1").catch((e: unknown) => e)) as VideoError
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain(
      "capabilities.operations: are getStatus but the definition declares getStatus, render for these settings (capabilitiesFor)",
    )
  })

  it("updateProduct with a bare vendor id goes to the active provider", async () => {
    const client = createVideoClient({ provider: define(["getStatus"])({}) })
    const error = await client.updateProduct("3924", { title: "New" }).catch((e: unknown) => e)
    expect(error).toMatchObject({ provider: "caps", reason: { _tag: "UnsupportedOperation" } })
  })
})
