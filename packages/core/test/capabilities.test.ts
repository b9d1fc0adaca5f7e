import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { createVideoClient, defineProvider, unsupported, type VideoProviderShape } from "../src/index.js"
import { fakeCapabilities } from "./support/fakeVendor.js"

const shapeWith = (operations: VideoProviderShape["capabilities"]["operations"]): VideoProviderShape => ({
  id: "caps",
  capabilities: { ...fakeCapabilities, operations },
  getStatus: () => Effect.fail(unsupported("caps", "getStatus")),
  render: () => Effect.die("render must not be called when it is not listed"),
  updateProduct: () => Effect.die("updateProduct must not be called when it is not listed"),
})

const define = (operations: VideoProviderShape["capabilities"]["operations"]) =>
  defineProvider({
    id: "caps",
    displayName: "Caps",
    capabilities: fakeCapabilities,
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

  it("listing an operation the provider lacks fails when it is built", () => {
    expect(() => createVideoClient({ provider: define(["getStatus", "listJobs"])({}) })).toThrow(
      /lists listJobs but the provider lacks them/,
    )
  })

  it("updateProduct with a bare vendor id goes to the active provider", async () => {
    const client = createVideoClient({ provider: define(["getStatus"])({}) })
    const error = await client.updateProduct("3924", { title: "New" }).catch((e: unknown) => e)
    expect(error).toMatchObject({ provider: "caps", reason: { _tag: "UnsupportedOperation" } })
  })
})
