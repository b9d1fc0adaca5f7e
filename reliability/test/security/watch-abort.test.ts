// watch() honours its AbortSignal: aborting ends the iteration with the signal's reason and
// cancels the status read in flight, so a caller that stops watching (shutdown, a closed page,
// a request timeout) leaves no poll loop calling the vendor with its key.
import { drafts } from "@vidbridge/adapter-drafts"
import { createVideoClient } from "@vidbridge/core"
import { describe, expect, it } from "vitest"

const REF = "drafts:video:vid-watch"

/** A vendor that never answers: each request waits until its signal aborts. */
const hangingVendor = () => {
  const signals: AbortSignal[] = []
  let called!: () => void
  const firstCall = new Promise<void>((resolve) => {
    called = resolve
  })
  const fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
    const signal = init?.signal ?? undefined
    if (signal) signals.push(signal)
    called()
    return new Promise<Response>((_, reject) => {
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true })
    })
  }) as typeof globalThis.fetch
  const client = createVideoClient({
    provider: drafts({ apiKey: "k", baseUrl: "https://api.hourone.test", fetch, retry: false }),
  })
  return { client, signals, firstCall }
}

const aborted = (signal: AbortSignal) =>
  signal.aborted
    ? Promise.resolve()
    : new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }))

describe("watch() and its AbortSignal", () => {
  // Stops: a poll loop that outlives its caller, reading (and spending rate limit) forever.
  it("aborting ends the loop with the signal's reason and cancels the read in flight", async () => {
    const { client, signals, firstCall } = hangingVendor()
    const controller = new AbortController()
    const seen: unknown[] = []
    const loop = (async () => {
      for await (const job of client.watch(REF, { signal: controller.signal })) seen.push(job)
    })()
    await firstCall
    const stop = new Error("the caller stopped watching")
    controller.abort(stop)
    await expect(loop).rejects.toBe(stop)
    expect(signals).toHaveLength(1)
    await aborted(signals[0]!)
    expect(seen).toEqual([])
  })

  it("an already aborted signal sends nothing", async () => {
    const { client, signals } = hangingVendor()
    const controller = new AbortController()
    controller.abort(new Error("too late"))
    const iterator = client.watch(REF, { signal: controller.signal })[Symbol.asyncIterator]()
    await expect(iterator.next()).rejects.toThrow("too late")
    expect(signals).toHaveLength(0)
  })
})
