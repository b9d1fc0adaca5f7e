import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  type Capabilities,
  createVideoClient,
  operationsFor,
  type ScriptJob,
  VideoError,
  type VideoProviderShape,
} from "../src/index.js"
import { fakeVendor } from "../src/testing/index.js"
import { useFakeVendor } from "./support/fake.js"
import { API_KEY } from "./support/keys.js"

// Inputs that are not plain data (wait options, refs as objects, webhook endpoint options) fail
// as InvalidInput naming the field, before any request, never as a crash.

const vendor = useFakeVendor()

const client = () =>
  createVideoClient({ provider: fakeVendor({ apiKey: API_KEY, retry: { baseDelay: 1, maxDelay: 1 } }) })

const invalid = async (promise: Promise<unknown>): Promise<VideoError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VideoError)
  expect((error as VideoError).reason._tag).toBe("InvalidInput")
  return error as VideoError
}

const paths = (error: VideoError) =>
  error.reason._tag === "InvalidInput" ? error.reason.issues.map((i) => i.path) : []

describe("input guards", () => {
  it.each([
    [{ timeout: "banana" }, "timeout"],
    [{ timeout: -5 }, "timeout"],
    [{ schedule: 5 }, "schedule"],
    [{ onProgress: "print" }, "onProgress"],
    [{ maxConsecutiveErrors: -1 }, "maxConsecutiveErrors"],
  ])("waitForCompletion and watch with %o name %s and send nothing", async (options, path) => {
    const job = await client().render({ template: "tpl-1" })
    const sent = vendor.sim.requests.length
    expect(paths(await invalid(client().waitForCompletion(job.ref, options as never)))).toEqual([path])
    if (path !== "onProgress") {
      const watched = (async () => {
        for await (const _ of client().watch(job.ref, options as never)) {
          // not reached
        }
      })()
      expect(paths(await invalid(watched))).toEqual([path])
    }
    expect(vendor.sim.requests.length).toBe(sent)
  })

  it("waitForAll checks its refs and options", async () => {
    expect(paths(await invalid(client().waitForAll("fake:render:1" as never)))).toEqual(["refs"])
    expect(paths(await invalid(client().waitForAll([], { interval: "often" as never })))).toEqual([
      "interval",
    ])
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("generateScripts checks its wait options before the credit-spending request", async () => {
    let calls = 0
    const shape: VideoProviderShape = {
      id: "scripted",
      capabilities: { operations: ["generateScripts", "getStatus"] } as unknown as Capabilities,
      getStatus: () => Effect.die("unused"),
      generateScripts: () =>
        Effect.sync((): ScriptJob => {
          calls++
          return { provider: "scripted", status: "pending", scripts: [], ref: "scripted:script:1", raw: null }
        }),
    }
    const error = await Effect.runPromise(
      Effect.flip(operationsFor(shape).generateScripts({ product: "p" }, { timeout: "soon" as never })),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(paths(error)).toEqual(["timeout"])
    expect(calls).toBe(0)
  })

  it.each([
    [{ provider: "fake", kind: "render", id: "" }],
    [{ provider: "Fake!", kind: "render", id: "1" }],
    [{ provider: "fake" }],
    [42],
    [null],
  ])("a malformed ref object %o is InvalidInput naming ref, with no request", async (ref) => {
    expect(paths(await invalid(client().getStatus(ref as never)))).toEqual(["ref"])
    expect(paths(await invalid(client().waitForCompletion(ref as never)))).toEqual(["ref"])
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("a ref or product of a provider the client lacks names the field given", async () => {
    expect(paths(await invalid(client().getStatus("acme:render:1")))).toEqual(["ref"])
    expect(paths(await invalid(client().updateProduct("acme:product:1", {})))).toEqual(["product"])
    expect(paths(await invalid(client().renderPreview({ job: "acme:previews:1", previewId: "p" })))).toEqual([
      "job",
    ])
    await expect(client().updateProduct(null as never, {})).rejects.toBeInstanceOf(VideoError)
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("renderPreview names job, also for a missing or malformed request", async () => {
    expect(paths(await invalid(client().renderPreview({ job: "not a ref", previewId: "p" })))).toEqual([
      "job",
    ])
    // What matters is a VideoError, not a TypeError.
    await expect(client().renderPreview(null as never)).rejects.toBeInstanceOf(VideoError)
    await expect(client().renderPreview({ job: 42, previewId: "p" } as never)).rejects.toBeInstanceOf(
      VideoError,
    )
  })

  it.each([
    [{}, "onEvent"],
    [{ onEvent: "log" }, "onEvent"],
    [{ onEvent: () => {}, onIgnored: 1 }, "onIgnored"],
    [{ onEvent: () => {}, maxBodyBytes: -1 }, "maxBodyBytes"],
    [{ onEvent: () => {}, tracker: {} }, "tracker"],
  ])("handleWebhook(%o) throws InvalidInput naming %s", (options, path) => {
    let thrown: unknown
    try {
      client().handleWebhook(options as never)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(VideoError)
    expect(paths(thrown as VideoError)).toEqual([path])
  })

  it("settings with a duration that is not one are InvalidInput naming the setting", () => {
    for (const [settings, path] of [
      [{ timeout: "banana" }, "timeout"],
      [{ retry: { baseDelay: "soon" } }, "retry.baseDelay"],
      [{ retry: { maxRetries: 99 } }, "retry.maxRetries"],
    ] as const) {
      let thrown: unknown
      try {
        fakeVendor({ apiKey: API_KEY, ...settings } as never)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(VideoError)
      expect(paths(thrown as VideoError)).toEqual([path])
    }
  })

  it("a preview request names a product or a template (with its variables); neither is InvalidInput naming product", async () => {
    const sent = vendor.sim.requests.length
    expect(paths(await invalid(client().generatePreviews({} as never)))).toEqual(["product"])
    expect(paths(await invalid(client().generatePreviews({ template: "." })))).toEqual(["template"])
    expect(vendor.sim.requests.length).toBe(sent)
    // The schema lets a template preview through; a vendor that previews only products says so.
    const error = await client()
      .generatePreviews({ template: "tpl-1", variables: { headline: "Hi" } })
      .then(
        () => undefined,
        (e: unknown) => e as VideoError,
      )
    expect(error?.reason._tag).toBe("UnsupportedOperation")
    expect(vendor.sim.requests.length).toBe(sent)
  })
})
