// Webhook handling is idempotent on every vendor (JoggAI in both API generations): a job's
// callbacks delivered through core's webhook handler with duplicates and in any order never move
// the job backwards, end where in-order delivery ends, and repeats are never passed on as news.
// "Backwards" is decided by the story itself, not by core's ordering code: a job's callbacks are
// numbered in the order the vendor sends them, each one ahead of the one before (issue 20).
import {
  createVideoClient,
  makeJobTracker,
  type Observation,
  type VideoClient,
  type VideoJob,
} from "@vidbridge/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Delivery,
  type HookName,
  type Hooks,
  hooks,
  post,
  schedule,
  serialize,
  storiesOf,
  useCreatifyApi,
} from "./support/callbacks.js"

// Creatify's adapter reads each delivered job back: its job reads answer what the delivery says.
useCreatifyApi()

/** Runs per vendor; raise it (PROPS_RUNS=2000) to search harder than CI does. */
const RUNS = Number(process.env.PROPS_RUNS ?? 100)

/** One delivery and the handler's answer to it. */
interface Delivered {
  readonly delivery: Delivery
  readonly status: number
  readonly observation: Observation | undefined
}

/** Delivers in order through one handler; answers what the app was told and what was answered. */
const deliver = async (client: VideoClient, vendor: Hooks, deliveries: ReadonlyArray<Delivery>) => {
  const tracker = makeJobTracker()
  const forwarded: VideoJob[] = []
  const handle = client.handleWebhook({ tracker, onEvent: (event) => void forwarded.push(event.job) })
  const answers: Delivered[] = []
  for (const delivery of deliveries) {
    const response = await handle(await post(vendor, delivery.callback.body))
    const answer = (await response.json()) as { observation?: Observation }
    answers.push({ delivery, status: response.status, observation: answer.observation })
  }
  return { tracker, forwarded, answers }
}

const withoutRaw = (job: VideoJob | undefined) => (job === undefined ? undefined : { ...job, raw: undefined })

describe("webhook handling is idempotent under duplicates and reordering", () => {
  it.each(Object.entries(hooks))(
    "%s",
    async (key, vendor) => {
      const name = key as HookName
      const client = createVideoClient({ provider: vendor.configure() })
      const jobs = fc
        .uniqueArray(fc.stringMatching(/^[a-z0-9]{4,10}$/), { minLength: 1, maxLength: 3 })
        .chain((ids) => fc.tuple(...ids.map((id) => storiesOf[name](id))))
        .map((perJob) => serialize(name, perJob.flat()))
        .chain((callbacks) => fc.tuple(fc.constant(callbacks), schedule(callbacks, vendor.eventIds)))
      let repeats = 0
      await fc.assert(
        fc.asyncProperty(jobs, async ([callbacks, deliveries]) => {
          // In-order, once each: every callback moves its job forward.
          const inOrder = await deliver(
            client,
            vendor,
            callbacks.map((callback) => ({ callback, repeat: false, exact: false })),
          )
          expect(inOrder.answers.map((a) => a.observation)).toEqual(callbacks.map(() => "advanced"))

          const shuffled = await deliver(client, vendor, deliveries)
          for (const answer of shuffled.answers) {
            expect(answer.status).toBe(200)
            expect(["advanced", "duplicate", "stale"]).toContain(answer.observation)
            // A repeat is never news.
            if (answer.delivery.repeat) {
              repeats++
              expect(answer.observation).not.toBe("advanced")
            }
          }
          // Independent oracle: the callbacks passed on for each story have rising indices and
          // end with the story's last callback, as the same job the in-order run passed on last.
          const passed = shuffled.answers.filter((a) => a.observation === "advanced")
          expect(shuffled.forwarded).toHaveLength(passed.length)
          const indices = new Map<number, number[]>()
          const lastJob = new Map<number, VideoJob>()
          passed.forEach(({ delivery }, i) => {
            const { story, index } = delivery.callback
            indices.set(story, [...(indices.get(story) ?? []), index])
            lastJob.set(story, shuffled.forwarded[i]!)
          })
          const stories = [...new Set(callbacks.map((c) => c.story))]
          expect([...indices.keys()].sort()).toEqual(stories.sort())
          for (const story of stories) {
            const seen = indices.get(story)!
            for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!)
            const last = callbacks.findLastIndex((c) => c.story === story)
            expect(seen.at(-1)).toBe(callbacks[last]!.index)
            const final = inOrder.forwarded[last]!
            expect(withoutRaw(lastJob.get(story))).toEqual(withoutRaw(final))
            expect(withoutRaw(shuffled.tracker.get(final.ref))).toEqual(withoutRaw(final))
          }
          // Redelivering the callback the app last heard about a job is answered as a duplicate;
          // with vendor event ids, so is redelivering any callback that was passed on.
          const latest = new Map<number, string>()
          const passedOn = new Set<string>()
          for (const { delivery, observation } of shuffled.answers) {
            const { story, body } = delivery.callback
            if (delivery.exact && (latest.get(story) === body || (vendor.eventIds && passedOn.has(body)))) {
              expect(observation).toBe("duplicate")
            }
            if (observation === "advanced") {
              latest.set(story, body)
              passedOn.add(body)
            }
          }
        }),
        { numRuns: RUNS },
      )
      expect(repeats).toBeGreaterThan(0)
    },
    180_000,
  )
})
