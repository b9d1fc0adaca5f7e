import { describe, expect, it, vi } from "vitest"
import { QUEUE_TEST_TIMEOUT, useHarness } from "./support/harness.js"
import { fakeFor, hangingFetch, withoutLookup } from "./support/providers.js"

const template = (key: string) => ({ idempotencyKey: key, provider: "fake", template: "summer" })

describe("a worker killed mid-step", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("is replaced by stalled-job recovery and the order resumes by looking the request up, never sending it again", async () => {
    const served = await h.fake()
    const prefix = h.prefix("resume")
    const queue = await h.queue(prefix)
    const hang = hangingFetch("/renders")
    const a = await h.worker(prefix, { providers: [fakeFor(served, { fetch: hang.fetch })], tracker: false })
    await queue.submit(template("crash-1"))
    await hang.sent()
    // The submission ref was written before the request left.
    expect((await queue.get("crash-1"))?.submissions.render).toMatch(/^fake:submission:crash-1-r\?/)
    await a.close({ timeout: 1 }) // gone without a word: its lock lapses
    await h.worker(prefix, { providers: [fakeFor(served)] })
    const done = await queue.waitFor("crash-1")
    hang.release()
    expect(done.state).toBe("succeeded")
    expect(served.simulator.count("POST", "/renders")).toBe(1)
    expect(served.simulator.count("GET", "/jobs")).toBeGreaterThanOrEqual(1) // found by findSubmission
  })

  it("without a lookup (an adapter before submission keys), ends the order with SubmissionUnknown and does not resend", async () => {
    const served = await h.fake()
    const prefix = h.prefix("nolookup")
    const queue = await h.queue(prefix)
    const hang = hangingFetch("/renders")
    const a = await h.worker(prefix, {
      providers: [withoutLookup(fakeFor(served, { fetch: hang.fetch }))],
      tracker: false,
    })
    await queue.submit(template("crash-2"))
    await hang.sent()
    await a.close({ timeout: 1 })
    await h.worker(prefix, { providers: [withoutLookup(fakeFor(served))] })
    const done = await queue.waitFor("crash-2")
    hang.release()
    expect(done.state).toBe("failed")
    expect(done.failure).toMatchObject({ step: "render", reason: "SubmissionUnknown" })
    expect(served.simulator.count("POST", "/renders")).toBe(1)
  })
})

describe("a lost answer", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("is reconciled through the submission key (5xx after the vendor made the job): one job, the order succeeds", async () => {
    const served = await h.fake()
    served.simulator.faults.inject("POST /renders", { kind: "status", status: 503, when: "after" })
    const prefix = h.prefix("reconcile")
    const queue = await h.queue(prefix)
    await h.worker(prefix, {
      providers: [served.provider],
      reconcile: { window: "20 seconds", schedule: undefined },
    })
    await queue.submit(template("lost-1"))
    const done = await queue.waitFor("lost-1")
    expect(done.failure).toBeUndefined()
    expect(done.state).toBe("succeeded")
    expect(served.simulator.count("POST", "/renders")).toBe(1)
    expect(served.simulator.jobs.size).toBe(1)
  })

  it("without a submission ref ends the order failed with the documented reason, never resent", async () => {
    const served = await h.fake()
    served.simulator.faults.inject("POST /renders", { kind: "status", status: 503, when: "after" })
    const prefix = h.prefix("phaseA")
    const queue = await h.queue(prefix)
    await h.worker(prefix, { providers: [withoutLookup(served.provider)] })
    await queue.submit(template("lost-2"))
    const done = await queue.waitFor("lost-2")
    expect(done.state).toBe("failed")
    expect(done.failure).toMatchObject({ step: "render", reason: "VendorUnavailable" })
    expect(done.failure?.message).toMatch(/may have reached/)
    expect(served.simulator.count("POST", "/renders")).toBe(1)
    expect(served.simulator.jobs.size).toBe(1)
  })
})

describe("waiting costs no worker slot", { timeout: QUEUE_TEST_TIMEOUT }, () => {
  const h = useHarness()

  it("parks every order while its render runs, and one tracker batch read per round wakes them all", async () => {
    const served = await h.fake({ speed: 1 }) // renders take 3 s of real time
    const prefix = h.prefix("park")
    const queue = await h.queue(prefix)
    const rounds: Array<{ tracked: number; requests: number }> = []
    await h.worker(prefix, { providers: [served.provider], concurrency: 1, onRound: (r) => rounds.push(r) })
    const keys = ["p-1", "p-2", "p-3", "p-4", "p-5"]
    for (const key of keys) await queue.submit(template(key))
    // One slot, five renders in flight at once: every order is parked while its render runs.
    await vi.waitFor(async () => expect((await queue.counts()).parked).toBe(5), {
      timeout: 60_000,
      interval: 50,
    })
    expect(served.simulator.count("POST", "/renders")).toBe(5)
    const done = await Promise.all(keys.map((key) => queue.waitFor(key)))
    expect(done.map((o) => o.state)).toEqual(keys.map(() => "succeeded"))
    // Five jobs, one request per round (the fake reads 100 per request).
    expect(rounds.some((r) => r.tracked === 5 && r.requests === 1)).toBe(true)
    expect(rounds.every((r) => r.requests === 1)).toBe(true)
  })
})
