// Batch reads answer what single reads answer, on every vendor: jobs made at random times on
// the vendor's simulator (some failing, some not tracked, so the tracked ones sit anywhere in
// the vendor's newest-first list), then read both ways at the same moment. Creatify reads by
// ids (`getStatuses`); JoggAI pages `GET /v2/product_videos` and Hour One reads `GET /videos`
// (`scanStatuses`). Every job a batch read answers is a tracked one; a settled job is exactly
// what `getStatus` answers (its `raw` aside); an unsettled one is unsettled there too. And the
// batch poller's results (`waitForAll`, which reads what a scan leaves out by id) equal the
// single reads once every job has settled. The simulators are msw, in process.
import { creatify } from "@vidbridge/adapter-creatify"
import { createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { jogg } from "@vidbridge/adapter-jogg"
import { createSimulator as joggSimulator } from "@vidbridge/adapter-jogg/testing"
import {
  type ConfiguredProvider,
  createVideoClient,
  isSettled,
  JobRef,
  type Product,
  runPromise,
  type VideoJob,
  type VideoProviderShape,
} from "@vidbridge/core"
import { Effect } from "effect"
import fc from "fast-check"
import type { RequestHandler } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

/** Runs per vendor; raise it (PROPS_RUNS=200) to search harder than CI does. */
const RUNS = Number(process.env.PROPS_RUNS ?? 12)

const images = ["https://cdn.test/a.jpg", "https://cdn.test/b.jpg", "https://cdn.test/c.jpg"]

interface Simulated {
  readonly handlers: ReadonlyArray<RequestHandler>
  readonly settings: () => Record<string, unknown>
  readonly advance: (ms: number) => void
  /** The next job made ends failed. */
  readonly failNext: () => void
}

interface Vendor {
  readonly simulator: () => Simulated
  readonly define: (settings: Record<string, unknown>) => ConfiguredProvider
  readonly render: (product: Product) => Record<string, unknown>
  /** The least simulated time between two jobs (JoggAI's simulator takes 20 POSTs a minute). */
  readonly minGap: number
  /** Simulated time after which every job has settled. */
  readonly settleAfter: number
}

const vendors: Record<string, Vendor> = {
  creatify: {
    simulator: () => {
      const sim = creatifySimulator()
      return {
        ...sim,
        settings: () => sim.settings(),
        advance: sim.clock.advance,
        failNext: () => sim.failNext(),
      }
    },
    define: (settings) => creatify(settings as Parameters<typeof creatify>[0]),
    render: (product) => ({ product: product.ref, aspectRatio: "9:16" }),
    minGap: 0,
    settleAfter: 60 * 60_000,
  },
  jogg: {
    simulator: () => {
      const sim = joggSimulator({ listLag: 0 })
      return {
        ...sim,
        settings: () => ({ ...sim.settings(), postsPerMinute: false }),
        advance: sim.clock.advance,
        failNext: () => sim.failNextVideo("the render crashed"),
      }
    },
    define: (settings) => jogg(settings as Parameters<typeof jogg>[0]),
    render: (product) => ({
      product: product.ref,
      aspectRatio: "9:16",
      avatar: "81",
      visualStyle: "Simple Product Switch",
    }),
    // 3.1 s apart: never more than 20 POSTs in a simulated minute.
    minGap: 3_100,
    settleAfter: 60 * 60_000,
  },
  drafts: {
    simulator: () => {
      const sim = draftsSimulator()
      return {
        ...sim,
        settings: () => sim.settings(),
        advance: sim.clock.advance,
        failNext: () => sim.failNext(),
      }
    },
    define: (settings) => drafts(settings as Parameters<typeof drafts>[0]),
    render: (product) => ({ product: product.ref, template: "draft-1" }),
    minGap: 0,
    settleAfter: 60 * 60_000,
  },
}

/** One job of a plan: made `gap` ms after the one before, failing or not, tracked or not. */
const jobPlan = (minGap: number) =>
  fc.record({
    gap: fc.integer({ min: minGap, max: 150_000 }),
    fails: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    tracked: fc.boolean(),
  })

const plan = (vendor: Vendor) =>
  fc.record({
    // Up to 130 jobs: JoggAI's list then spans two pages of 100.
    jobs: fc.array(jobPlan(vendor.minGap), { minLength: 2, maxLength: 130 }),
    /** Simulated time between the last job and the reads. */
    after: fc.integer({ min: 0, max: 15 * 60_000 }),
  })

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
afterAll(() => server.close())

const withoutRaw = ({ raw: _raw, ...job }: VideoJob) => job

/** The vendor's batch read of `refs`: its list scan, or its ids read 100 at a time. */
const batchRead = (shape: VideoProviderShape, refs: ReadonlyArray<JobRef>) =>
  shape.scanStatuses
    ? Effect.map(shape.scanStatuses(refs), (scan) => scan.jobs)
    : Effect.map(
        Effect.forEach(
          Array.from({ length: Math.ceil(refs.length / 100) }, (_, i) => refs.slice(i * 100, i * 100 + 100)),
          (group) => shape.getStatuses!(group),
        ),
        (groups) => groups.flat(),
      )

describe.each(Object.keys(vendors))("%s: batch reads answer what single reads answer", (id) => {
  const vendor = vendors[id]!
  it("for every mix of jobs, states and list positions", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(plan(vendor), async ({ jobs, after }) => {
        const sim = vendor.simulator()
        server.resetHandlers(...sim.handlers)
        const configured = vendor.define({ ...sim.settings(), retry: false })
        const client = createVideoClient({ provider: configured })
        const shape = await Effect.runPromise(configured.make)
        const product = await client.createProduct({ title: "Trail Shoe", imageUrls: images })
        const tracked: Array<string> = []
        for (const job of jobs) {
          sim.advance(job.gap)
          if (job.fails) sim.failNext()
          const made = await client.render(vendor.render(product))
          if (job.tracked) tracked.push(made.ref)
        }
        sim.advance(after)
        if (tracked.length === 0) return
        const refs = tracked.map((ref) => JobRef.parse(ref))

        const single = new Map<string, VideoJob>()
        for (const ref of refs) single.set(JobRef.format(ref), await runPromise(shape.getStatus(ref)))
        const batch = await runPromise(batchRead(shape, refs))
        for (const job of batch) {
          const one = single.get(job.ref)
          expect(one, `${job.ref} was not asked for`).toBeDefined()
          if (isSettled(one!.status)) expect(withoutRaw(job)).toEqual(withoutRaw(one!))
          else expect(isSettled(job.status)).toBe(false)
        }

        // Every job settled: the batch poller's results are the single reads.
        sim.advance(vendor.settleAfter)
        const results = await client.waitForAll(tracked, { interval: 1, minInterval: 0, timeout: 60_000 })
        for (const result of results) {
          const one = await client.getStatus(result.ref)
          const job = result.ok
            ? result.job
            : result.error.reason._tag === "JobFailed"
              ? result.error.reason.job
              : undefined
          expect(job && withoutRaw(job)).toEqual(withoutRaw(one))
        }
      }),
      { numRuns: RUNS },
    )
  })
})
