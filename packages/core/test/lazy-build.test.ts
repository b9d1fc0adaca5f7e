import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { defineProvider, invalidInput } from "../src/adapter/index.js"
import {
  type Capabilities,
  createVideoClient,
  VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "../src/index.js"
import { fakeVendorCapabilities } from "../src/testing/index.js"

// The Promise client builds each provider on its first operation, so a provider's `make` may be
// asynchronous (WebCrypto keys, say); settings are still checked when the provider is configured.

const full: Capabilities = { ...fakeVendorCapabilities, operations: ["render", "getStatus", "parseWebhook"] }
const lite: Capabilities = { ...fakeVendorCapabilities, operations: ["getStatus"] }

const slowVendor = (builds: { count: number }) =>
  defineProvider({
    id: "slow",
    displayName: "Slow",
    capabilities: full,
    capabilitiesFor: (settings) => (settings.lite ? lite : full),
    settings: z.strictObject({ lite: z.optional(z.boolean()) }),
    env: {},
    make: (settings) =>
      Effect.promise(async (): Promise<VideoProviderShape> => {
        builds.count++
        // A real await (WebCrypto's importKey, say): the build is asynchronous.
        const key = await crypto.subtle.digest("SHA-256", new TextEncoder().encode("key"))
        const capabilities = settings.lite ? lite : full
        return {
          id: "slow",
          capabilities,
          getStatus: (ref) =>
            Effect.succeed<VideoJob>({
              ref: `slow:job:${ref.id}`,
              provider: "slow",
              status: "running",
              stage: "render",
              vendorStatus: `built with a ${key.byteLength}-byte key`,
              raw: null,
            }),
          render: () => Effect.die("not called"),
          parseWebhook: () => Effect.die("not called"),
        }
      }),
  })

describe("providers are built lazily", () => {
  it("creating a client builds nothing; the first operations share one asynchronous build", async () => {
    const builds = { count: 0 }
    const client = createVideoClient({ provider: slowVendor(builds)({}) })
    expect(builds.count).toBe(0)
    const jobs = await Promise.all([client.getStatus("slow:job:1"), client.getStatus("slow:job:2")])
    expect(jobs.map((j) => j.vendorStatus)).toEqual(["built with a 32-byte key", "built with a 32-byte key"])
    await client.getStatus("slow:job:3")
    expect(builds.count).toBe(1)
  })

  it("capabilities are known before anything is built, and follow the settings", async () => {
    const builds = { count: 0 }
    const client = createVideoClient({ provider: slowVendor(builds)({ lite: true }) })
    expect(client.capabilities().operations).toEqual(["getStatus"])
    const error = (await client.render({ template: "t" }).catch((e: unknown) => e)) as VideoError
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect(createVideoClient({ provider: slowVendor(builds)({}) }).capabilities()).toBe(full)
  })

  it("a bad setting still throws when the provider is configured, before any build", () => {
    const builds = { count: 0 }
    expect(() => slowVendor(builds)({ lite: "yes" } as never)).toThrow(VideoError)
    expect(builds.count).toBe(0)
  })

  it("a failed build is the error of the operation that asked for it", async () => {
    const broken = defineProvider({
      id: "broken",
      displayName: "Broken",
      capabilities: fakeVendorCapabilities,
      settings: z.strictObject({}),
      env: {},
      make: () =>
        Effect.fail(
          invalidInput("broken", "configure", [{ path: "apiKey", message: "is not a usable key" }]),
        ),
    })
    const client = createVideoClient({ provider: broken({}) })
    const error = await client.getStatus("broken:job:1").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoError)
    expect(error).toMatchObject({ provider: "broken", operation: "configure" })
    expect((error as VideoError).message).toContain("apiKey: is not a usable key")
  })
})
