import * as Effect from "effect/Effect"
import { HttpResponse, http } from "msw"
import { hmacSha256Hex } from "../../webhooks/verify.js"
import { type EndingQueue, makeEndingQueue } from "../endings.js"
import { type FaultPlan, makeFaultPlan, withFault } from "../faults.js"
import { scrapeProductPage } from "../productPage.js"
import { makeRequestLog, type RequestLog } from "../RequestLog.js"
import { makeSimClock, type SimClock } from "../SimClock.js"
import { servedOrigin } from "../serve.js"
import { makeCreditLedger, type VendorSimulator } from "../VendorSimulator.js"
import { type DueWebhook, makeWebhookOutbox, type WebhookAttempt } from "../webhookOutbox.js"
import { catalogHandlers } from "./catalogHandlers.js"
import { FAKE_SIGNATURE_HEADER, FAKE_VENDOR_BASE_URL } from "./FakeVendor.js"
import { type FakeEnding, type FakeJob, jobView } from "./jobs.js"

export type { FakeEnding, FakeJob } from "./jobs.js"

/** One request the simulator received, with its headers and parsed JSON body. */
export interface FakeRequest {
  readonly method: string
  readonly path: string
  readonly body: unknown
  readonly headers: Headers
}

/** The fake vendor's simulator: {@link VendorSimulator} plus its jobs and controls. */
export interface FakeVendorSimulator extends VendorSimulator {
  /** Jobs by id (`job-1`, `job-2`, ...). */
  readonly jobs: Map<string, FakeJob>
  /** Every request received, in order (also those refused for a wrong key). */
  readonly requests: ReadonlyArray<FakeRequest>
  /** Requests received with this method and path (`"GET", "/jobs"`). */
  readonly count: (method: string, path: string) => number
  /** The next render fails (`broken`) where it would have finished. */
  readonly failNext: (reason?: string) => void
  /** The next render is refused by moderation (`moderated`) where it would have finished. */
  readonly rejectNext: (reason?: string) => void
  /** Sends the signed callbacks that are due (for jobs made with a `webhookUrl`); answers the receivers' statuses. */
  readonly flushWebhooks: () => Promise<ReadonlyArray<number>>
  readonly webhookAttempts: () => ReadonlyArray<WebhookAttempt<DueWebhook>>
  /** A new job shows in the recent-jobs list (`GET /jobs`) only this long after it was made (ms on `clock`). */
  listLag: number
  /**
   * The next request on `route` (`"POST /renders"`) takes effect and is never answered: the
   * client times out after sending. The held request ends when the client gives up.
   */
  readonly holdAnswer: (route: string) => void
  /** Requests held by {@link holdAnswer} that the client has not given up on yet. */
  readonly held: () => number
}

/** Options of {@link createFakeVendorSimulator}. */
export interface FakeVendorSimulatorOptions {
  /** Default: a manual clock (time moves only with `clock.advance`). */
  readonly clock?: SimClock | undefined
  /** The key the simulator accepts. Default `fake-sim-key`. */
  readonly apiKey?: string | undefined
  /** The secret callbacks are signed with. Default `fake-webhook-secret`. */
  readonly webhookSecret?: string | undefined
  /** See {@link FakeVendorSimulator.listLag}. Default 0. */
  readonly listLag?: number | undefined
  /** The account's credits before anything is spent (`GET /balance` answers what is left). Default 1000. */
  readonly balance?: number | undefined
}

/** A request's JSON body, as the handlers read it. */
type Body = Readonly<Record<string, unknown>> | undefined

/**
 * The fake vendor's API (see `fakeVendor`) as msw handlers over in-memory jobs on a clock the test
 * controls; servable on 127.0.0.1 like every simulator. Previews cost 1 credit, a render 4, an
 * avatar video 2. Its catalogs (`GET /avatars`, `/voices`, `/music`, `/templates`) each need two
 * pages at the default page size, and `GET /balance` answers the credits left.
 *
 * @example
 * ```ts
 * const simulator = createFakeVendorSimulator()
 * server.use(...simulator.handlers)
 * const client = createVideoClient({ provider: fakeVendor(simulator.settings()) })
 * const job = await client.render({ template: "t" })
 * simulator.clock.advance(3000) // or pin it: simulator.jobs.get("job-1")!.status = "ok"
 * ```
 */
export const createFakeVendorSimulator = (options: FakeVendorSimulatorOptions = {}): FakeVendorSimulator => {
  const clock = options.clock ?? makeSimClock()
  const apiKey = options.apiKey ?? "fake-sim-key"
  const secret = options.webhookSecret ?? "fake-webhook-secret"
  const balance = options.balance ?? 1000
  const faults: FaultPlan = makeFaultPlan()
  const log: RequestLog = makeRequestLog()
  const ledger = makeCreditLedger()
  const endings: EndingQueue<"render", FakeEnding> = makeEndingQueue()
  const jobs = new Map<string, FakeJob>()
  const requests: FakeRequest[] = []
  let next = 1
  let lastOrigin = FAKE_VENDOR_BASE_URL

  const holds: string[] = []
  let held = 0

  const view = (job: FakeJob, origin: string) => jobView(job, origin, clock.now())

  const text = (value: unknown) => (typeof value === "string" ? value : undefined)
  const create = (body: Body, render: boolean, credits: number, extra?: Partial<FakeJob>): FakeJob => {
    const now = clock.now()
    const job: FakeJob = {
      id: `job-${next++}`,
      createdAt: now,
      credits,
      ...(render ? { renderAt: now, ending: endings.take("render") } : {}),
      webhookUrl: text(body?.webhook_url),
      reference: text(body?.reference),
      name: text(body?.name),
      ...extra,
    }
    ledger.charge(credits)
    jobs.set(job.id, job)
    return job
  }

  const guard =
    (route: string, handle: (request: Request, origin: string, body: Body) => Response | Promise<Response>) =>
    async ({ request }: { request: Request }) => {
      const text = request.method === "GET" ? "" : await request.clone().text()
      const body: Body = text === "" ? undefined : JSON.parse(text)
      const path = new URL(request.url).pathname
      requests.push({ method: request.method, path, body, headers: request.headers })
      log.record({ method: request.method, path, route, at: clock.now() })
      if (request.headers.get("x-api-key") !== apiKey) {
        return HttpResponse.json({ detail: "Invalid key" }, { status: 401 })
      }
      lastOrigin = servedOrigin(request, FAKE_VENDOR_BASE_URL)
      const response = await withFault(faults, clock, route, () => handle(request, lastOrigin, body))
      const hold = holds.indexOf(route)
      if (hold < 0) return response
      holds.splice(hold, 1)
      held++
      await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }))
      held--
      return HttpResponse.error()
    }
  const notFound = () => HttpResponse.json({ detail: "no such job" }, { status: 404 })
  const base = FAKE_VENDOR_BASE_URL

  const handlers = [
    http.post(
      `${base}/products`,
      guard("POST /products", async (_request, _origin, body) => {
        try {
          const page = await scrapeProductPage(String(body?.url))
          return HttpResponse.json({ id: `p${next++}`, title: page.title }, { status: 201 })
        } catch (error) {
          return HttpResponse.json([`Failed to scrape url: ${(error as Error).message}`], { status: 400 })
        }
      }),
    ),
    http.post(
      `${base}/previews`,
      guard("POST /previews", (_request, origin, body) =>
        HttpResponse.json(view(create(body, false, 1), origin), { status: 201 }),
      ),
    ),
    http.post(
      `${base}/previews/:id/render`,
      guard("POST /previews/:id/render", (request, origin, body) => {
        const job = jobs.get(new URL(request.url).pathname.split("/")[2] ?? "")
        if (job === undefined) return notFound()
        ledger.charge(4)
        job.credits += 4
        job.renderReference = text(body?.reference)
        job.renderAt = clock.now()
        job.ending = endings.take("render")
        return HttpResponse.json(view(job, origin))
      }),
    ),
    http.post(
      `${base}/renders`,
      guard("POST /renders", (_request, origin, body) =>
        HttpResponse.json(view(create(body, true, 4), origin), { status: 201 }),
      ),
    ),
    http.get(
      `${base}/jobs/:id`,
      guard("GET /jobs/:id", (request, origin) => {
        const job = jobs.get(new URL(request.url).pathname.split("/")[2] ?? "")
        return job === undefined ? notFound() : HttpResponse.json(view(job, origin))
      }),
    ),
    http.get(
      `${base}/jobs`,
      guard("GET /jobs", (request, origin) => {
        const ids = new URL(request.url).searchParams.get("ids")?.split(",")
        // Without ids: the recent-jobs list, newest first, showing a job only `listLag` after it was made.
        const listed =
          ids ??
          [...jobs.values()]
            .filter((j) => j.createdAt + simulator.listLag <= clock.now())
            .reverse()
            .map((j) => j.id)
        return HttpResponse.json(listed.flatMap((id) => (jobs.has(id) ? [view(jobs.get(id)!, origin)] : [])))
      }),
    ),
    http.post(
      `${base}/jobs/:id/cancel`,
      guard("POST /jobs/:id/cancel", (request, origin) => {
        const job = jobs.get(new URL(request.url).pathname.split("/")[2] ?? "")
        if (job === undefined) return notFound()
        if (!["ok", "broken", "moderated"].includes(view(job, origin).status)) job.status = "stopped"
        return HttpResponse.json(view(job, origin))
      }),
    ),
    ...catalogHandlers({
      base,
      guard,
      remaining: () => balance - ledger.spent(),
      createAvatarVideo: (body, origin) => {
        const fields = ["avatar_id", "photo_url", "voice_id", "text", "audio_url", "format"]
        const echo = Object.fromEntries(fields.map((field) => [field, body?.[field]]))
        return HttpResponse.json(view(create(body, true, 2, { kind: "avatar", echo }), origin), {
          status: 201,
        })
      },
    }),
    http.get(
      `${base}/files/:name`,
      () =>
        new HttpResponse(new Uint8Array(2048), {
          headers: { "content-type": "video/mp4", "content-length": "2048" },
        }),
    ),
  ]

  // A callback per job made with a webhookUrl, for each status it settles in.
  const outbox = makeWebhookOutbox<DueWebhook & { readonly job: Record<string, unknown> }>({
    now: clock.now,
    message: async (webhook) => {
      const body = JSON.stringify({ event_id: webhook.key, job: webhook.job })
      return {
        body,
        headers: { [FAKE_SIGNATURE_HEADER]: await Effect.runPromise(hmacSha256Hex(secret, body)) },
      }
    },
  })
  const due = () =>
    [...jobs.values()].flatMap((job) => {
      const current = view(job, lastOrigin)
      if (
        job.webhookUrl === undefined ||
        !["previews_ready", "ok", "broken", "moderated"].includes(current.status)
      )
        return []
      return [{ key: `${job.id}:${current.status}`, url: job.webhookUrl, job: current }]
    })

  const simulator: FakeVendorSimulator = {
    provider: "fake",
    canonicalBase: FAKE_VENDOR_BASE_URL,
    handlers,
    clock,
    faults,
    log,
    creditsSpent: ledger.spent,
    settings: (origin) => ({ apiKey, webhookSecret: secret, ...(origin ? { baseUrl: origin } : {}) }),
    jobs,
    requests,
    count: (method, path) => requests.filter((r) => r.method === method && r.path === path).length,
    failNext: (reason = "the render failed (simulated)") =>
      endings.queue("render", { status: "broken", reason }),
    rejectNext: (reason = "refused by moderation (simulated)") =>
      endings.queue("render", { status: "moderated", reason }),
    flushWebhooks: () => outbox.flush(due()),
    webhookAttempts: outbox.attempts,
    listLag: options.listLag ?? 0,
    holdAnswer: (route) => {
      holds.push(route)
    },
    held: () => held,
  }
  return simulator
}
