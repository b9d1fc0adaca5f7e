// Webhook duplicates under concurrency: the tracker decides and remembers in one step, so two
// copies of a delivery arriving at the same time reach `onEvent` once (a vendor retrying, or an
// attacker replaying a captured delivery, cannot make an app act twice), and a failed `onEvent`
// gives its claim back so the vendor's redelivery is still processed.
import { createHmac } from "node:crypto"
import { drafts } from "@vidbridge/adapter-drafts"
import { createVideoClient, type JobTracker, makeJobTracker } from "@vidbridge/core"
import { describe, expect, it } from "vitest"

const SECRET = "whsec_concurrent_0123456789"

const delivery = (status = "ready") => {
  const body = JSON.stringify({ event_name: `video.${status}`, data: { id: "vid-dup", status } })
  return new Request("https://app.test/hooks/video", {
    method: "POST",
    body,
    headers: { "x-hourone-signature": createHmac("sha256", SECRET).update(body).digest("hex") },
  })
}

/** An `onEvent` that holds every call until `open()`, and says when `n` calls are inside. */
const gated = (n: number) => {
  let open!: () => void
  let allIn!: () => void
  const gate = new Promise<void>((resolve) => {
    open = resolve
  })
  const entered = new Promise<void>((resolve) => {
    allIn = resolve
  })
  const state = { calls: 0, fail: false }
  const onEvent = async () => {
    if (++state.calls === n) allIn()
    await gate
    if (state.fail) throw new Error("db down")
  }
  return { onEvent, open, entered, state }
}

/** A tracker whose every step is asynchronous, as a shared store's (Redis, SQL) would be. */
const asyncStore = (): JobTracker => {
  const memory = makeJobTracker()
  return {
    claim: async (job, eventId) => {
      await Promise.resolve()
      return memory.claim(job, eventId)
    },
    release: async (job, eventId) => {
      await Promise.resolve()
      memory.release(job, eventId)
    },
  }
}

const client = () => createVideoClient({ provider: drafts({ apiKey: "k", webhookSecret: SECRET }) })

describe("concurrent duplicate deliveries reach onEvent once", () => {
  // Stops: a replayed or retried delivery racing the original into onEvent (double fulfilment).
  it.each([
    ["the default in-memory tracker", () => undefined],
    ["a custom asynchronous store", asyncStore],
  ])("with %s", async (_, tracker) => {
    const hold = gated(2)
    const handler = client().handleWebhook({ onEvent: hold.onEvent, tracker: tracker() })
    const first = handler(delivery())
    const second = handler(delivery())
    // Either one copy is answered while the other is still in onEvent, or both got in. Which copy
    // claims first is not fixed: each is verified (WebCrypto) asynchronously.
    await Promise.race([first, second, hold.entered])
    hold.open()
    const answers = await Promise.all([first, second].map(async (r) => (await r).json()))
    expect(hold.state.calls).toBe(1)
    expect(answers.map((a) => a.observation).sort()).toEqual(["advanced", "duplicate"])
  })

  // Stops: a failed handler losing the event (its claim kept, so the vendor's retry looks like a duplicate).
  it("a failing onEvent releases its claim: the redelivery is processed", async () => {
    for (const tracker of [makeJobTracker(), asyncStore()]) {
      const hold = gated(1)
      hold.state.fail = true
      const handler = client().handleWebhook({ onEvent: hold.onEvent, tracker })
      const first = handler(delivery())
      await hold.entered
      const duplicate = await handler(delivery()) // arrives while the first is still being handled
      hold.open()
      expect(await duplicate.json()).toMatchObject({ observation: "duplicate" })
      expect((await first).status).toBe(500)
      hold.state.fail = false
      const retry = await handler(delivery())
      expect(await retry.json()).toMatchObject({ ok: true, observation: "advanced" })
      expect(hold.state.calls).toBe(2)
    }
  })

  it("a tracker that fails answers 500, so the vendor delivers again", async () => {
    const broken: JobTracker = {
      claim: () => Promise.reject(new Error("store unreachable")),
      release: () => undefined,
    }
    const handler = client().handleWebhook({ onEvent: () => undefined, tracker: broken })
    expect((await handler(delivery())).status).toBe(500)
  })
})
