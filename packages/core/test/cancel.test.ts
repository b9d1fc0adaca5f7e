import { Effect, Schedule } from "effect"
import { describe, expect, it } from "vitest"
import * as z from "zod/mini"
import { defineProvider } from "../src/adapter/index.js"
import { cancel, createVideoClient, VideoError } from "../src/index.js"
import { fakeVendor, fakeVendorCapabilities } from "../src/testing/index.js"
import { useFakeVendor } from "./support/fake.js"
import { API_KEY } from "./support/keys.js"
import { realTicks } from "./support/msw.js"

const vendor = useFakeVendor()

// Waits that would take an hour between reads: only the cancel can end them within the test.
const client = () =>
  createVideoClient({
    provider: fakeVendor({ apiKey: API_KEY }),
    polling: { schedule: Schedule.spaced("1 hour") },
  })

/** Lets the client's fibers run until `done` holds (bounded by turns, not by time). */
const until = async (done: () => boolean) => {
  for (let turn = 0; turn < 500 && !done(); turn++) await realTicks(1)
  expect(done()).toBe(true)
}
const reads = () => vendor.sim.log.count("GET /jobs/:id")

describe("cancel", () => {
  it("ends a local waitForCompletion at once with the cancelled job (JobFailed)", async () => {
    const c = client()
    const job = await c.render({ template: "t" })
    const waiting = c.waitForCompletion(job.ref).catch((e: unknown) => e)
    await until(() => reads() === 1)
    const cancelled = await c.cancel(job.ref)
    expect(cancelled).toMatchObject({ ref: job.ref, status: "cancelled", vendorStatus: "stopped" })
    const error = (await waiting) as VideoError
    expect(error).toBeInstanceOf(VideoError)
    expect(error.reason).toMatchObject({ _tag: "JobFailed", job: { status: "cancelled" } })
    expect(reads()).toBe(1)
    expect(vendor.sim.log.count("POST /jobs/:id/cancel")).toBe(1)
  })

  it("ends a watch: the cancelled job is its last change, then it throws JobFailed", async () => {
    const c = client()
    const job = await c.render({ template: "t" })
    const seen: string[] = []
    const watching = (async () => {
      for await (const update of c.watch(job.ref)) seen.push(update.status)
    })().catch((e: unknown) => e)
    await until(() => seen.length === 1)
    await c.cancel(job.ref)
    expect(((await watching) as VideoError).reason._tag).toBe("JobFailed")
    expect(seen).toEqual(["queued", "cancelled"])
  })

  it("ends waitForAll's wait on that job", async () => {
    const c = client()
    const [a, b] = [await c.render({ template: "t" }), await c.render({ template: "t" })]
    const all = c.waitForAll([a.ref, b.ref], { interval: "1 hour" })
    await realTicks(10)
    await c.cancel(a.ref)
    await c.cancel(b.ref)
    const results = await all
    expect(results.map((r) => (r.ok ? r.job.status : r.error.reason._tag))).toEqual([
      "JobFailed",
      "JobFailed",
    ])
    expect(vendor.sim.log.count("GET /jobs")).toBe(0)
  })

  it("works in the Effect face", async () => {
    const job = await client().render({ template: "t" })
    const cancelled = await Effect.runPromise(
      cancel(job.ref).pipe(Effect.provide(fakeVendor.layer({ apiKey: API_KEY }))),
    )
    expect(cancelled.status).toBe("cancelled")
  })

  it("is UnsupportedOperation before any request where the provider has none, and not listed", async () => {
    const operations = fakeVendorCapabilities.operations.filter((op) => op !== "cancel")
    const capabilities = { ...fakeVendorCapabilities, operations }
    const noCancel = defineProvider({
      id: "fake",
      displayName: "Fake vendor without cancel",
      capabilities,
      settings: z.object({}),
      env: {},
      make: () =>
        Effect.map(
          Effect.flatMap(fakeVendor.parseSettings({ apiKey: API_KEY }), fakeVendor.make),
          ({ cancel: _cancel, ...shape }) => ({ ...shape, capabilities }),
        ),
    })
    const c = createVideoClient({ provider: noCancel({}) })
    expect(c.capabilities().operations).not.toContain("cancel")
    const error = (await c.cancel("fake:render:job-1").catch((e: unknown) => e)) as VideoError
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("of a submission ref is InvalidInput", async () => {
    const error = (await client()
      .cancel("fake:submission:k1?op=render&at=1")
      .catch((e: unknown) => e)) as VideoError
    expect(error.message).toContain("use findSubmission")
    expect(vendor.sim.requests).toHaveLength(0)
  })
})
