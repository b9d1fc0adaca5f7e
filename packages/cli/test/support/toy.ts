// A toy vendor for CLI tests: a provider definition plus a simulator built on the
// core/testing kit, shaped like the real adapters' simulators.
import { type Capabilities, JobRef, type JobStatus, type VideoJob } from "@vidbridge/core"
import { defineProvider, httpSettingsFields, makeHttpClient, secret } from "@vidbridge/core/adapter"
import {
  makeCreditLedger,
  makeFaultPlan,
  makeRequestLog,
  type SimClock,
  scrapeProductPage,
  servedOrigin,
  stepAt,
  type VendorSimulator,
  withFault,
} from "@vidbridge/core/testing"
import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import * as z from "zod/mini"

const BASE = "https://api.toy.test"
const KEY = "toy-sim-key"

const Job = z.looseObject({
  id: z.string(),
  status: z.string(),
  progress: z.optional(z.number()),
  previews: z.optional(z.array(z.looseObject({ id: z.string() }))),
  video_url: z.optional(z.string()),
  credits: z.optional(z.number()),
})
const statuses: Record<string, JobStatus> = {
  pending: "queued",
  ready: "awaiting_selection",
  rendering: "running",
  done: "succeeded",
  failed: "failed",
}
const toJob = (job: z.infer<typeof Job>, stage: "preview" | "render"): VideoJob => ({
  ref: JobRef.format(JobRef.make("toy", stage === "preview" ? "previews" : "render", job.id)),
  provider: "toy",
  status: statuses[job.status] ?? "unknown",
  vendorStatus: job.status,
  stage,
  progress: job.progress,
  videoUrl: job.video_url,
  previews: job.previews?.map((p) => ({ id: p.id })),
  creditsUsed: job.credits,
  raw: job,
})

const capabilities: Capabilities = {
  operations: ["createProduct", "generatePreviews", "renderPreview", "getStatus"],
  aspectRatios: ["9:16", "16:9", "1:1"],
  productFromUrl: true,
  productFromParams: false,
  templates: false,
  webhooks: "none",
  batchStatusLimit: 1,
  credits: { reported: true, estimate: false },
}

export const toy = defineProvider({
  id: "toy",
  displayName: "Toy vendor",
  capabilities,
  settings: z.strictObject({ apiKey: secret(), ...httpSettingsFields }),
  env: {
    apiKey: { name: "TOY_API_KEY", description: "API key" },
    baseUrl: { name: "TOY_BASE_URL", description: "API base URL" },
  },
  make: (settings) =>
    Effect.sync(() => {
      const client = makeHttpClient({
        ...settings,
        provider: "toy",
        baseUrl: settings.baseUrl ?? BASE,
        auth: { "x-key": settings.apiKey },
      })
      const get = (id: string, stage: "preview" | "render") =>
        Effect.map(
          client.request({
            operation: "getStatus",
            method: "GET",
            path: `/v1/jobs/${id}`,
            spendsCredits: false,
            schema: Job,
          }),
          (r) => toJob(r.body, stage),
        )
      return {
        id: "toy",
        capabilities,
        createProduct: (input) =>
          Effect.map(
            client.request({
              operation: "createProduct",
              method: "POST",
              path: "/v1/products",
              body: { url: input.url },
              spendsCredits: false,
              schema: z.looseObject({ id: z.string(), title: z.optional(z.string()) }),
            }),
            (r) => ({
              ref: JobRef.format(JobRef.make("toy", "product", r.body.id)),
              provider: "toy",
              id: r.body.id,
              title: r.body.title,
              imageUrls: [],
              videoUrls: [],
              raw: r.body,
            }),
          ),
        generatePreviews: (request) =>
          Effect.map(
            client.request({
              operation: "generatePreviews",
              method: "POST",
              path: "/v1/previews",
              body: { product: typeof request.product === "string" ? request.product : request.product.id },
              spendsCredits: true,
              schema: Job,
            }),
            (r) => toJob(r.body, "preview"),
          ),
        renderPreview: (request) =>
          Effect.map(
            client.request({
              operation: "renderPreview",
              method: "POST",
              path: `/v1/previews/${JobRef.parse(request.job).id}/render`,
              body: { preview_id: request.previewId },
              spendsCredits: true,
              schema: Job,
            }),
            (r) => toJob(r.body, "render"),
          ),
        getStatus: (ref) => get(ref.id, ref.kind === "previews" ? "preview" : "render"),
      }
    }),
})

interface ToyJob {
  id: string
  createdAt: number
  renderAt?: number
}

/** The toy vendor's simulator: previews ready after 1 s, renders done 3 s after starting (sim time). */
export const createToySimulator = (options: { readonly clock: SimClock }): VendorSimulator => {
  const { clock } = options
  const faults = makeFaultPlan()
  const log = makeRequestLog()
  const ledger = makeCreditLedger()
  const jobs = new Map<string, ToyJob>()
  let next = 1
  const view = (job: ToyJob, origin: string) => {
    if (job.renderAt === undefined) {
      const { step } = stepAt(
        [
          { status: "pending", at: 0 },
          { status: "ready", at: 1000 },
        ],
        job.createdAt,
        clock.now(),
      )
      return {
        id: job.id,
        status: step.status,
        ...(step.status === "ready" ? { previews: [{ id: `${job.id}-a` }] } : {}),
      }
    }
    const { step, progress } = stepAt(
      [
        { status: "rendering", at: 0 },
        { status: "done", at: 3000 },
      ],
      job.renderAt,
      clock.now(),
    )
    return {
      id: job.id,
      status: step.status,
      progress,
      credits: 5,
      ...(step.status === "done" ? { video_url: `${origin}/files/${job.id}.mp4` } : {}),
    }
  }
  const guard = (request: Request, route: string, handle: () => Promise<Response> | Response) => {
    log.record({ method: request.method, path: new URL(request.url).pathname, route, at: clock.now() })
    if (request.headers.get("x-key") !== KEY) return HttpResponse.json({ detail: "bad key" }, { status: 401 })
    return withFault(faults, clock, route, handle)
  }
  const handlers = [
    http.post(`${BASE}/v1/products`, ({ request }) =>
      guard(request, "POST /v1/products", async () => {
        const { url } = (await request.json()) as { url: string }
        try {
          const page = await scrapeProductPage(url)
          return HttpResponse.json({ id: `p${next++}`, title: page.title })
        } catch (error) {
          return HttpResponse.json([`Failed to scrape url: ${(error as Error).message}`], { status: 400 })
        }
      }),
    ),
    http.post(`${BASE}/v1/previews`, ({ request }) =>
      guard(request, "POST /v1/previews", () => {
        ledger.charge(1)
        const job = { id: `j${next++}`, createdAt: clock.now() }
        jobs.set(job.id, job)
        return HttpResponse.json(view(job, servedOrigin(request, BASE)), { status: 201 })
      }),
    ),
    http.post(`${BASE}/v1/previews/:id/render`, ({ request, params }) =>
      guard(request, "POST /v1/previews/:id/render", () => {
        const job = jobs.get(String(params.id))
        if (!job) return HttpResponse.json({ detail: "not found" }, { status: 404 })
        ledger.charge(4)
        job.renderAt = clock.now()
        return HttpResponse.json(view(job, servedOrigin(request, BASE)))
      }),
    ),
    http.get(`${BASE}/v1/jobs/:id`, ({ request, params }) =>
      guard(request, "GET /v1/jobs/:id", () => {
        const job = jobs.get(String(params.id))
        return job
          ? HttpResponse.json(view(job, servedOrigin(request, BASE)))
          : HttpResponse.json({ detail: "not found" }, { status: 404 })
      }),
    ),
    http.get(
      `${BASE}/files/:name`,
      () =>
        new HttpResponse(new Uint8Array(2048), {
          headers: { "content-type": "video/mp4", "content-length": "2048" },
        }),
    ),
  ]
  return {
    provider: "toy",
    canonicalBase: BASE,
    handlers,
    clock,
    faults,
    log,
    creditsSpent: ledger.spent,
    settings: (origin) => ({ apiKey: KEY, ...(origin ? { baseUrl: origin } : {}) }),
  }
}
