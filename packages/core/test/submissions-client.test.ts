import { Effect, Schedule } from "effect"
import { describe, expect, it } from "vitest"
import {
  createVideoClient,
  getStatus,
  type ReconcileOptions,
  render,
  SubmissionRef,
  VideoError,
} from "../src/index.js"
import { fakeVendor } from "../src/testing/index.js"
import { useFakeVendor } from "./support/fake.js"
import { API_KEY } from "./support/keys.js"
import { realTicks } from "./support/msw.js"

const vendor = useFakeVendor()

const client = (reconcile?: ReconcileOptions) =>
  createVideoClient({ provider: fakeVendor({ apiKey: API_KEY, retry: false }), reconcile })
const layer = () => fakeVendor.layer({ apiKey: API_KEY })
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("expected a failure")),
    (error: unknown) => {
      if (!(error instanceof VideoError)) throw error
      return error
    },
  )
const sentReference = () => {
  const body = vendor.sim.requests.filter((r) => r.method === "POST").at(-1)?.body
  return (body as { reference?: string } | undefined)?.reference
}

describe("submission keys", () => {
  it("makes a key when none is given; it travels to the vendor and comes back on the job", async () => {
    const job = await client().render({ template: "t" })
    expect(sentReference()).toMatch(/^vb[a-z2-7]{20}$/)
    expect(job.submission).toEqual({ key: sentReference(), ref: expect.any(String) })
    const ref = SubmissionRef.parse(job.submission!.ref)
    expect(ref).toMatchObject({ provider: "fake", operation: "render", key: sentReference(), hints: {} })
    expect(ref.at).toBeGreaterThan(0)
    const again = await client().render({ template: "t" })
    expect(again.submission?.key).not.toBe(job.submission?.key)
  })

  it("uses the caller's key", async () => {
    const job = await client().render({ template: "t", idempotencyKey: "order-42_render" })
    expect(sentReference()).toBe("order-42_render")
    expect(job.submission?.key).toBe("order-42_render")
  })

  it.each(["", "-starts-with-dash", "has space", "dot.ted", "é", "x".repeat(65)])(
    "refuses idempotencyKey %j with InvalidInput naming it, nothing sent",
    async (key) => {
      const error = await rejection(client().render({ template: "t", idempotencyKey: key }))
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain("idempotencyKey: has the wrong format: must be 1-64 characters")
      expect(vendor.sim.requests).toHaveLength(0)
    },
  )

  it("refuses a bad key in the Effect face too", async () => {
    const error = await Effect.runPromise(
      Effect.flip(render({ template: "t", idempotencyKey: "a/b" }).pipe(Effect.provide(layer()))),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("idempotencyKey")
    expect(vendor.sim.requests).toHaveLength(0)
  })
})

describe("the write-ahead hook", () => {
  it("is awaited before the request: nothing is sent while it is pending", async () => {
    let release!: () => void
    const seen: string[] = []
    const pending = client().render(
      { template: "t" },
      {
        onSubmit: (ref) => {
          seen.push(ref)
          return new Promise<void>((resolve) => {
            release = resolve
          })
        },
      },
    )
    await realTicks(20)
    expect(seen).toHaveLength(1)
    expect(vendor.sim.requests).toHaveLength(0)
    release()
    const job = await pending
    expect(vendor.sim.requests).toHaveLength(1)
    expect(job.submission?.ref).toBe(seen[0])
  })

  it.each([
    ["rejects", () => Promise.reject(new Error("store down"))],
    [
      "throws",
      () => {
        throw new Error("store down")
      },
    ],
  ])("that %s sends nothing and fails SubmitHookFailed (retryable, cause kept)", async (_, hook) => {
    const error = await rejection(client().render({ template: "t" }, { onSubmit: hook }))
    expect(error.reason._tag).toBe("SubmitHookFailed")
    expect(error.retryable).toBe(true)
    expect(error.message).toContain("store down")
    expect(error.reason._tag === "SubmitHookFailed" && (error.reason.cause as Error).message).toBe(
      "store down",
    )
    expect(SubmissionRef.is(error.ref!)).toBe(true)
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("fails typed in the Effect face too", async () => {
    const error = await Effect.runPromise(
      Effect.flip(
        render({ template: "t" }, { onSubmit: () => Promise.reject(new Error("no disk")) }).pipe(
          Effect.provide(layer()),
        ),
      ),
    )
    expect(error.reason._tag).toBe("SubmitHookFailed")
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("must be a function", async () => {
    const error = await rejection(client().render({ template: "t" }, { onSubmit: "save" as never }))
    expect(error.message).toContain("onSubmit: must be a function")
    expect(vendor.sim.requests).toHaveLength(0)
  })
})

describe("lost answers in the Promise client", () => {
  it("a 5xx after the vendor committed: the call answers the vendor's job, marked reconciled", async () => {
    const hooked: string[] = []
    vendor.sim.faults.inject("POST /renders", { kind: "status", status: 502, when: "after" })
    const job = await client().render({ template: "t" }, { onSubmit: (ref) => void hooked.push(ref) })
    expect(job.ref).toBe("fake:render:job-1")
    expect(job.submission).toEqual({ key: sentReference(), ref: hooked[0], reconciled: true })
    expect(vendor.sim.log.count("POST /renders")).toBe(1)
  })

  it("not visible yet: SubmissionUnknown with a ref that findSubmission resolves once the list shows it", async () => {
    vendor.sim.listLag = 60_000
    vendor.sim.faults.inject("POST /renders", { kind: "malformed" })
    const c = client({ schedule: Schedule.recurs(1) })
    const error = await rejection(c.render({ template: "t" }))
    expect(error.reason).toMatchObject({
      _tag: "SubmissionUnknown",
      lookup: "not_found",
      submission: error.ref,
    })
    expect(error.retryable).toBe(false)
    expect(await c.findSubmission(error.ref!)).toMatchObject({ status: "not_found", settled: false })
    vendor.sim.clock.advance(60_000)
    // A new process needs nothing but the stored string.
    const found = await client().findSubmission(error.ref!)
    expect(found).toMatchObject({ status: "found", operation: "render", job: { ref: "fake:render:job-1" } })
    expect(vendor.sim.log.count("POST /renders")).toBe(1)
  })
})

describe("submission refs are not job refs", () => {
  it("getStatus and waitForCompletion of a submission ref are InvalidInput, in both faces", async () => {
    const job = await client().render({ template: "t" })
    const ref = job.submission!.ref
    for (const call of [client().getStatus(ref), client().waitForCompletion(ref)]) {
      const error = await rejection(call)
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain("is a submission ref; use findSubmission")
    }
    const effect = await Effect.runPromise(Effect.flip(getStatus(ref).pipe(Effect.provide(layer()))))
    expect(effect.message).toContain("use findSubmission")
    expect(vendor.sim.log.count("GET /jobs/:id")).toBe(0)
  })

  it("findSubmission of something else is InvalidInput naming ref", async () => {
    for (const ref of ["fake:render:job-1", "fake:submission:k?op=render", "fake:submission:k?op=pay&at=1"]) {
      const error = await rejection(client().findSubmission(ref))
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain("ref:")
    }
    const other = await rejection(client().findSubmission("jogg:submission:k?op=render&at=1"))
    expect(other.message).toContain('"jogg" is not configured')
  })

  it("a bad reconcile option is InvalidInput when the client is made", () => {
    expect(() => client({ window: "soon" as never })).toThrow(/reconcile\.window/)
  })
})
