import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { createVideoClient, getStatus, JobRef, render, type VideoJob } from "../src/index.js"
import { FAKE_VENDOR_BASE_URL, fakeVendor } from "../src/testing/index.js"
import { useFakeVendor } from "./support/fake.js"
import { API_KEY } from "./support/keys.js"

const vendor = useFakeVendor()
const { server } = vendor

describe("Effect face", () => {
  it("runs operations against a provider layer and matches reasons with catchReason", async () => {
    const layer = fakeVendor.layer({ apiKey: API_KEY })
    const job = await Effect.runPromise(render({ template: "t" }).pipe(Effect.provide(layer)))
    const read = await Effect.runPromise(getStatus(job.ref).pipe(Effect.provide(layer)))
    expect(read.ref).toBe(job.ref)

    server.use(
      http.post(`${FAKE_VENDOR_BASE_URL}/renders`, () =>
        HttpResponse.json({ detail: "out" }, { status: 402 }),
      ),
    )
    const handled = await Effect.runPromise(
      render({ template: "t" }).pipe(
        Effect.map((j) => j.status as string),
        Effect.catchReason("VideoError", "InsufficientCredits", (reason) =>
          Effect.succeed(`top up: ${reason.message}`),
        ),
        Effect.provide(layer),
      ),
    )
    expect(handled).toBe("top up: not enough credits: out")
  })

  it("a layer with bad settings fails with InvalidInput naming the field", async () => {
    const error = await Effect.runPromise(
      Effect.flip(render({ template: "t" }).pipe(Effect.provide(fakeVendor.layer({ apiKey: "" })))),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("apiKey")
  })
})

describe("Promise watch", () => {
  it("iterates the job's changes until it settles", async () => {
    const client = createVideoClient({ provider: fakeVendor({ apiKey: API_KEY }) })
    const job = await client.render({ template: "t" })
    vendor.sim.jobs.get(JobRef.parse(job.ref).id)!.status = "ok"
    const seen: VideoJob[] = []
    for await (const update of client.watch(job.ref)) seen.push(update)
    expect(seen.map((j) => j.status)).toEqual(["succeeded"])
  })
})
