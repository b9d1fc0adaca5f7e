// A tiny fake vendor API (msw handlers over in-memory state) and a provider for it, so the
// core can be driven end to end before and beside the real adapters.
import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import * as z from "zod/mini"
import {
  defineProvider,
  headerOf,
  httpSettingsFields,
  makeHttpClient,
  secret,
  verifyHmacSha256Hex,
} from "../../src/adapter/index.js"
import {
  AuthenticationFailed,
  type Capabilities,
  JobRef,
  type JobStatus,
  VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "../../src/index.js"

export const BASE = "https://api.fake.test"
export const API_KEY = "sk-live-very-secret-key-123"
export const WEBHOOK_SECRET = "whsec-fake-signing-secret"

export interface FakeJob {
  id: string
  status: "waiting" | "working" | "ok" | "broken" | "moderated" | string
  progress: number
  url?: string
}

export const fakeState = () => {
  const jobs = new Map<string, FakeJob>()
  const requests: Array<{ method: string; path: string; body: unknown; headers: Headers }> = []
  let next = 1
  return {
    jobs,
    requests,
    create(status: FakeJob["status"] = "waiting"): FakeJob {
      const job = { id: `job-${next++}`, status, progress: 0 }
      jobs.set(job.id, job)
      return job
    },
    count: (method: string, path: string) =>
      requests.filter((r) => r.method === method && r.path === path).length,
  }
}
export type FakeState = ReturnType<typeof fakeState>

const record = async (state: FakeState, request: Request) => {
  const url = new URL(request.url)
  const text = request.method === "GET" ? "" : await request.clone().text()
  state.requests.push({
    method: request.method,
    path: url.pathname,
    body: text ? JSON.parse(text) : undefined,
    headers: request.headers,
  })
}

export const fakeHandlers = (state: FakeState) => [
  http.all(`${BASE}/*`, async ({ request }) => {
    await record(state, request)
    if (request.headers.get("x-api-key") !== API_KEY) {
      return HttpResponse.json({ detail: "Invalid key" }, { status: 401 })
    }
    return undefined
  }),
  http.post(`${BASE}/renders`, () => HttpResponse.json(state.create(), { status: 201 })),
  http.get(`${BASE}/jobs/:id`, ({ params }) => {
    const job = state.jobs.get(String(params.id))
    return job ? HttpResponse.json(job) : HttpResponse.json({ detail: "no such job" }, { status: 404 })
  }),
  http.get(`${BASE}/jobs`, ({ request }) => {
    const ids = new URL(request.url).searchParams.get("ids")?.split(",") ?? []
    return HttpResponse.json(ids.map((id) => state.jobs.get(id)).filter(Boolean))
  }),
]

const Job = z.looseObject({
  id: z.string(),
  status: z.string(),
  progress: z.optional(z.number()),
  url: z.optional(z.string()),
})

const statuses: Readonly<Record<string, JobStatus>> = {
  waiting: "queued",
  working: "running",
  ok: "succeeded",
  broken: "failed",
  moderated: "rejected",
}
const statusOf = (vendor: string): JobStatus => statuses[vendor] ?? "unknown"

const toJob = (job: z.infer<typeof Job>): VideoJob => ({
  ref: JobRef.format(JobRef.make("fake", "render", job.id)),
  provider: "fake",
  status: statusOf(job.status),
  vendorStatus: job.status,
  stage: "render",
  progress: job.progress,
  videoUrl: job.url,
  raw: job,
})

export const fakeCapabilities: Capabilities = {
  operations: ["render", "getStatus", "parseWebhook"],
  aspectRatios: ["9:16", "16:9", "1:1"],
  productFromUrl: false,
  productFromParams: false,
  templates: true,
  webhooks: "signature",
  batchStatusLimit: 100,
  credits: { reported: false, estimate: false },
}

/** The fake provider definition, built like every real adapter. */
export const fake = defineProvider({
  id: "fake",
  displayName: "Fake vendor",
  capabilities: fakeCapabilities,
  settings: z.strictObject({ apiKey: secret(), webhookSecret: z.optional(secret()), ...httpSettingsFields }),
  env: {
    apiKey: { name: "FAKE_API_KEY", description: "API key" },
    webhookSecret: { name: "FAKE_WEBHOOK_SECRET", description: "webhook signing secret" },
    baseUrl: { name: "FAKE_BASE_URL", description: "API base URL" },
  },
  make: (settings) =>
    Effect.sync((): VideoProviderShape => {
      const client = makeHttpClient({
        ...settings,
        provider: "fake",
        baseUrl: settings.baseUrl ?? BASE,
        auth: { "x-api-key": settings.apiKey },
        secrets: settings.webhookSecret ? [settings.webhookSecret] : [],
      })
      return {
        id: "fake",
        capabilities: fakeCapabilities,
        render: (request) =>
          client
            .request({
              operation: "render",
              method: "POST",
              path: "/renders",
              body: { template: request.template, name: request.name },
              spendsCredits: true,
              schema: Job,
            })
            .pipe(Effect.map((r) => toJob(r.body))),
        getStatus: (ref) =>
          client
            .request({
              operation: "getStatus",
              method: "GET",
              path: `/jobs/${ref.id}`,
              spendsCredits: false,
              schema: Job,
              ref: JobRef.format(ref),
            })
            .pipe(Effect.map((r) => toJob(r.body))),
        getStatuses: (refs) =>
          client
            .request({
              operation: "getStatus",
              method: "GET",
              path: "/jobs",
              query: { ids: refs.map((r) => r.id).join(",") },
              spendsCredits: false,
              schema: z.array(Job),
            })
            .pipe(Effect.map((r) => r.body.map(toJob))),
        parseWebhook: (request) =>
          Effect.gen(function* () {
            const ok =
              settings.webhookSecret !== undefined &&
              (yield* verifyHmacSha256Hex(
                settings.webhookSecret,
                request.body,
                headerOf(request.headers, "x-signature"),
              ))
            if (!ok) {
              return yield* Effect.fail(
                new VideoError({
                  provider: "fake",
                  operation: "parseWebhook",
                  reason: new AuthenticationFailed({ message: "the signature does not match" }),
                }),
              )
            }
            const body = JSON.parse(request.body) as { event_id: string; job: z.infer<typeof Job> }
            return { provider: "fake", eventId: body.event_id, type: "job.updated", job: toJob(body.job) }
          }),
      }
    }),
})
