// The chaos run (issue 15): Redis, the three vendor simulators on loopback (in a process of their
// own) and three worker processes make 600 orders across every vendor and flow, while a worker is
// SIGKILLed twice (and restarted), vendors answer 429 with Retry-After and 5xx after taking a
// request, lists lag, and every webhook goes to two receivers at once. It prints a summary table
// and asserts: every order ended (succeeded, or failed with a documented reason); one paid
// submission per order step at the simulators (0 double); 0 orders lost; JoggAI's POST limit held
// across all workers (counted per window of its clock, scaled down with the clock); each job
// state reached `onEvent` once across both receivers.
import { randomUUID } from "node:crypto"
import { creatify } from "@vidbridge/adapter-creatify"
import { SIM_CUSTOM_TEMPLATES } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import type { VideoJobEvent } from "@vidbridge/core"
import { serveReceiver } from "@vidbridge/core/testing"
import { createVideoQueue, createWebhookReceiver, type Order, type OrderInput } from "@vidbridge/queue"
import { afterAll, describe, expect, inject, it } from "vitest"
import { attribute, busiestWindow, DOCUMENTED_FAILURES, summaryTable } from "./support/chaos/invariants.js"
import { requireBuild, startSimulators, startWorker } from "./support/chaos/processes.js"

// Redis comes from the test setup (packages/queue/test/support/globalSetup.ts).
declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string
    redisProblem: string
  }
}

/** Time the whole run may take on a busy 2-core machine (it waits on events, not on this). */
const CHAOS_TIMEOUT = 600_000
/** Simulated vendor time runs this many times faster than real time (JoggAI's minute: 2 s). */
const SPEED = 30
const ORDERS = { creatifyUrl: 120, creatifyTemplate: 80, joggUrl: 80, joggData: 40, drafts: 280 }

const closers: Array<() => Promise<unknown>> = []
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined)
})

// JoggAI needs a visual style and an avatar (the simulator's sample ids).
const JOGG = { previews: { visualStyles: ["sim-style"] }, render: { avatar: "1" } } as const

const key = (letter: string, i: number) => `${letter}-${String(i).padStart(4, "0")}`

const ordersFor = (page: string): OrderInput[] => {
  const list: OrderInput[] = []
  const add = (n: number, make: (k: string) => OrderInput, letter: string) => {
    for (let i = 0; i < n; i++) list.push(make(key(letter, list.length)))
  }
  add(
    ORDERS.creatifyUrl,
    (k) => ({
      idempotencyKey: k,
      provider: "creatify",
      product: { url: `${page}?o=${k}` },
      render: { aspectRatio: "9:16" },
    }),
    "c",
  )
  add(
    ORDERS.creatifyTemplate,
    (k) => ({
      idempotencyKey: k,
      provider: "creatify",
      template: String(SIM_CUSTOM_TEMPLATES[0]?.template_id),
      variables: { headline: "Chaos" },
      render: { name: k },
    }),
    "t",
  )
  add(
    ORDERS.joggUrl,
    (k) => ({ idempotencyKey: k, provider: "jogg", product: { url: `${page}?o=${k}` }, ...JOGG }),
    "j",
  )
  add(
    ORDERS.joggData,
    (k) => ({
      idempotencyKey: k,
      provider: "jogg",
      product: { title: `Chaos product ${k}`, description: "A product made from data." },
      ...JOGG,
    }),
    "k",
  )
  add(
    ORDERS.drafts,
    (k) => ({
      idempotencyKey: k,
      provider: "drafts",
      template: "sim-template",
      render: { name: k, script: "Made in the chaos run." },
    }),
    "d",
  )
  return list
}

describe("chaos: 600 orders, 3 workers, SIGKILLs, faults, two webhook receivers", {
  timeout: CHAOS_TIMEOUT,
}, () => {
  it("ends every order exactly once, pays each step once, holds JoggAI's limit, and dedupes webhooks", async () => {
    requireBuild()
    const problem = inject("redisProblem")
    if (problem) throw new Error(problem)
    const redisUrl = inject("redisUrl")
    const prefix = `chaos-${randomUUID().slice(0, 8)}`
    const started = performance.now()

    // Two webhook receivers; the vendors' callback URL fans every delivery out to both at once.
    const events = new Map<string, number>()
    const fanOutTargets: string[] = []
    const fanOut = await serveReceiver(async (request) => {
      const body = await request.arrayBuffer()
      const search = new URL(request.url).search
      const statuses = await Promise.all(
        fanOutTargets.map(
          async (target) =>
            (await fetch(`${target}${search}`, { method: "POST", body, headers: request.headers })).status,
        ),
      )
      return new Response(null, { status: Math.max(...statuses) })
    })
    closers.push(fanOut.close)
    const sims = await startSimulators({
      speed: SPEED,
      listLag: 20_000,
      flushEvery: 250,
      webhookUrl: fanOut.url,
      endings: { creatify: 2, jogg: 2, drafts: 2 },
      faults: [
        ...[1000, 2500, 4000, 5500, 7000, 9000, 12_000].map((at) => ({
          at,
          provider: "jogg",
          route: "POST /v2/create_video_from_product/preview_list",
          fault: { kind: "rateLimit", retryAfterSeconds: 1 },
        })),
        {
          at: 2000,
          provider: "creatify",
          route: "POST /api/links/",
          fault: { kind: "rateLimit", retryAfterSeconds: 1 },
        },
        ...[3000, 6000, 9000].map((at) => ({
          at,
          provider: "creatify",
          route: "POST /api/link_to_videos/{id}/render_single_preview/",
          fault: { kind: "status", status: 503, when: "after" },
        })),
        ...[8000, 14_000].map((at) => ({
          at,
          provider: "jogg",
          route: "POST /v2/create_video_from_product/render_single_preview",
          fault: { kind: "status", status: 503, when: "after" },
        })),
        ...[2000, 5000, 10_000].map((at) => ({
          at,
          provider: "drafts",
          route: "POST /videos",
          fault: { kind: "status", status: 503, when: "after" },
        })),
      ],
    })
    closers.push(sims.stop)
    const { creatify: creatifySettings, jogg: joggSettings, drafts: draftsSettings } = sims.settings
    const providers = [
      creatify(creatifySettings as never),
      // The simulator stamps its callbacks with its own (sped-up) clock.
      jogg({
        ...(joggSettings as { apiKey: string }),
        postsPerMinute: false,
        webhookToleranceSeconds: 86_400,
      }),
      drafts(draftsSettings as never),
    ]
    for (let i = 0; i < 2; i++) {
      const receiver = await createWebhookReceiver({
        connection: redisUrl,
        prefix,
        providers,
        onEvent: (event: VideoJobEvent) => {
          // One delivery: the vendor's event id, or the job state it reports.
          const at = `${event.provider} ${event.eventId ?? ""} ${event.job.ref} ${event.job.status} ${event.job.progress ?? ""}`
          events.set(at, (events.get(at) ?? 0) + 1)
        },
      })
      closers.push(receiver.close)
      const served = await serveReceiver(receiver.handler)
      closers.push(served.close)
      fanOutTargets.push(served.url)
    }

    const workerConfig = (id: string) => ({
      id,
      redisUrl,
      prefix,
      settings: sims.settings,
      speed: SPEED,
      webhookUrl: fanOut.url,
    })
    const workers = await Promise.all(["w1", "w2", "w3"].map((id) => startWorker(workerConfig(id))))
    closers.push(() => Promise.all(workers.map((w) => w.stop())))

    const queue = await createVideoQueue({ connection: redisUrl, prefix, providers })
    closers.push(queue.close)
    const orders = ordersFor(sims.page)
    let ended = 0
    const kills: Array<{ at: number; fraction: number; worker: number }> = [
      { at: Math.floor(orders.length * 0.2), fraction: 0.2, worker: 0 },
      { at: Math.floor(orders.length * 0.45), fraction: 0.45, worker: 1 },
    ]
    const killed: Array<Promise<void>> = []
    await queue.onEvent((event) => {
      if (event.type !== "succeeded" && event.type !== "failed") return
      ended++
      while (kills.length > 0 && ended >= kills[0]!.at) {
        const { worker } = kills.shift()!
        killed.push(
          (async () => {
            await workers[worker]!.kill()
            workers[worker] = await startWorker(workerConfig(`w${worker + 1}b`))
          })(),
        )
      }
    })
    for (let i = 0; i < orders.length; i += 50)
      await Promise.all(orders.slice(i, i + 50).map((o) => queue.submit(o)))
    const done: Order[] = await Promise.all(
      orders.map((o) => queue.waitFor(o.idempotencyKey, { timeout: CHAOS_TIMEOUT })),
    )
    await Promise.all(killed)
    const seconds = (performance.now() - started) / 1000
    const report = await sims.report()
    const counts = await queue.counts()

    // What the simulators saw, per order and paid route.
    const { counts: paid, unattributed } = attribute(report, done)
    const doubles = [...paid].filter(([, n]) => n > 1).map(([at, n]) => `${at} x${n}`)
    const joggBusiest = busiestWindow(report.joggPosts, 60_000)
    const vendors = ["creatify", "jogg", "drafts"] as const
    const table = summaryTable([
      ...vendors.map((vendor) => {
        const mine = done.filter((o) => o.provider === vendor)
        const ids = new Set(mine.map((o) => o.id))
        const paidHere = [...paid].filter(([at]) => ids.has(at.split(" ")[0]!))
        return {
          vendor,
          orders: mine.length,
          succeeded: mine.filter((o) => o.state === "succeeded").length,
          failed: mine.filter((o) => o.state === "failed").length,
          paid: paidHere.reduce((n, [, c]) => n + c, 0),
          double: paidHere.filter(([, c]) => c > 1).length,
          events: [...events.keys()].filter((e) => e.startsWith(`${vendor} `)).length,
        }
      }),
    ])
    const failures = new Map<string, number>()
    for (const o of done)
      if (o.failure) failures.set(o.failure.reason, (failures.get(o.failure.reason) ?? 0) + 1)
    const eventsTwice = [...events].filter(([, n]) => n > 1)
    console.log(
      [
        "",
        table,
        "",
        `orders: ${done.length} submitted, ${counts.succeeded + counts.failed} ended, ${orders.length - done.length} lost; still open: ${counts.waiting + counts.active + counts.parked}`,
        `failures by reason: ${[...failures].map(([r, n]) => `${r} ${n}`).join(", ") || "none"}`,
        `paid submissions: ${[...paid.values()].reduce((a, b) => a + b, 0)} (double: ${doubles.length}, unattributed: ${unattributed.length})`,
        `JoggAI POSTs in its busiest simulated minute: ${joggBusiest} (limit 20, window ${60_000 / SPEED} ms real)`,
        `webhook events to onEvent: ${events.size} job states, ${eventsTwice.length} twice; deliveries sent by the vendors: ${JSON.stringify(report.deliveries)}`,
        `workers SIGKILLed and restarted: 2; wall time ${seconds.toFixed(1)} s`,
        "",
      ].join("\n"),
    )

    expect(done).toHaveLength(orders.length)
    expect(done.every((o) => o.state === "succeeded" || o.state === "failed")).toBe(true)
    expect(counts.waiting + counts.active + counts.parked).toBe(0)
    expect(counts.succeeded + counts.failed).toBe(orders.length)
    expect(
      done.filter((o) => o.state === "failed" && !DOCUMENTED_FAILURES.has(o.failure?.reason ?? "")),
    ).toEqual([])
    expect(doubles).toEqual([])
    expect(unattributed).toEqual([])
    // Every succeeded order's paid steps were each made once (none missing, none twice).
    for (const o of done.filter((x) => x.state === "succeeded")) {
      const routes = [...paid.keys()].filter((at) => at.startsWith(`${o.id} `))
      expect(routes.length, `${o.id}: ${routes.join(", ")}`).toBeGreaterThan(0)
    }
    expect(joggBusiest).toBeLessThanOrEqual(20)
    expect(eventsTwice).toEqual([])
    expect(events.size).toBeGreaterThan(0)
    for (const vendor of ["creatify", "jogg", "drafts"])
      expect([...events.keys()].some((e) => e.startsWith(vendor))).toBe(true)
  })
})
