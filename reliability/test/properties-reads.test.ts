// Every status and list read, on every vendor (JoggAI in both API generations), answered with
// arbitrary JSON or a drifted version of the vendor's documented payload: the neutral client
// answers a well-formed VideoJob (or page, or list) or rejects with a typed VideoError, never a
// TypeError, a ZodError or any other defect; a successful HTTP answer it cannot read is
// UnexpectedResponse. The vendor is msw, in process, at the network boundary.
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import {
  type ConfiguredProvider,
  createVideoClient,
  JobRef,
  runPromise,
  type VideoClient,
  type VideoError,
  type VideoProviderShape,
} from "@vidbridge/core"
import { Effect } from "effect"
import fc from "fast-check"
import { HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { z } from "zod"
import {
  assertShape,
  assertTyped,
  fixture,
  jobPageShape,
  type VendorAnswer,
  vendorAnswer,
  videoJobShape,
} from "./support/arbitraries.js"

const CREATIFY = "https://creatify.props.test"
const JOGG = "https://jogg.props.test"
const JOGG_OPEN = "https://jogg-open.props.test"
const DRAFTS = "https://drafts.props.test"

/** Runs per read; raise it (PROPS_RUNS=5000) to search harder than CI does. */
const RUNS = Number(process.env.PROPS_RUNS ?? 100)
/** Replays a failing run: PROPS_SEED=<the seed fast-check printed>. */
const SEED = process.env.PROPS_SEED === undefined ? undefined : Number(process.env.PROPS_SEED)

// Quick retries, and no waiting for a vendor's Retry-After: answers are instant here.
const transport = { retry: { maxRetries: 1, baseDelay: 1, maxDelay: 1, maxRetryAfter: 5 } }

const configured = {
  creatify: () => creatify({ apiId: "props-id", apiKey: "props-key", baseUrl: CREATIFY, ...transport }),
  jogg: () => jogg({ apiKey: "props-key", baseUrl: JOGG, ...transport }),
  joggOpen: () => jogg({ apiKey: "props-key", apiVersion: "open", baseUrl: JOGG_OPEN, ...transport }),
  drafts: () => drafts({ apiKey: "props-key", baseUrl: DRAFTS, ...transport }),
} satisfies Record<string, () => ConfiguredProvider>

type Vendor = keyof typeof configured

/** One vendor route msw answers with whatever the property drew for it. */
interface Route {
  readonly key: string
  readonly path: string
  readonly answers: fc.Arbitrary<VendorAnswer>
}

const LTV = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
const PV = "pv_789012"
const PRJ = "2508cd37da0a4f978623827f71ba995c"
const VIDEO = "65f1a0c2e4b0a1b2c3d4e5f6"

const creatifyStatuses = [
  "pending",
  "in_queue",
  "running",
  "done",
  "failed",
  "rejected",
  "processing",
  "error",
]
const joggHints = [
  ...["pending", "processing", "completed", "failed", "Completed"],
  ...[0, "0", 10104, 10105, 18020, 18025, 429, 50000, 3, 4, 5, 99, "4"],
  ...[PV, "preview_456", "preview_457", 1732806631],
]
const draftsHints = [
  ...["not_started", "started", "processing", "ready", "published", "failed", "stopped", "cancelled"],
  ...[VIDEO, -1, 100, 250],
]

const ltv = fixture("creatify", "link-to-video")
const routes = {
  ltv: {
    key: "ltv",
    path: `${CREATIFY}/api/link_to_videos/:id/`,
    answers: vendorAnswer([ltv], [...creatifyStatuses, LTV]),
  },
  ltvList: {
    key: "ltvList",
    path: `${CREATIFY}/api/link_to_videos/`,
    answers: vendorAnswer(
      [[ltv], [ltv, { ...(ltv as object), id: "other" }], []],
      [...creatifyStatuses, LTV],
    ),
  },
  template: {
    key: "template",
    path: `${CREATIFY}/api/custom_template_jobs/:id/`,
    answers: vendorAnswer([fixture("creatify", "custom-template-job")], [...creatifyStatuses, LTV]),
  },
  aurora: {
    key: "aurora",
    path: `${CREATIFY}/api/aurora/`,
    answers: vendorAnswer([fixture("creatify", "aurora-list")], [...creatifyStatuses, LTV]),
  },
  auroraJob: {
    key: "auroraJob",
    path: `${CREATIFY}/api/aurora/:id/`,
    answers: vendorAnswer([fixture("creatify", "aurora-job")], [...creatifyStatuses, LTV]),
  },
  lipsync: {
    key: "lipsync",
    path: `${CREATIFY}/api/lipsyncs_v2/:id/`,
    answers: vendorAnswer([fixture("creatify", "lipsync-v2")], [...creatifyStatuses, LTV]),
  },
  lipsyncList: {
    key: "lipsyncList",
    path: `${CREATIFY}/api/lipsyncs_v2/`,
    answers: vendorAnswer([[fixture("creatify", "lipsync-v2")], []], [...creatifyStatuses, LTV]),
  },
  personas: {
    key: "personas",
    path: `${CREATIFY}/api/personas/paginated/`,
    answers: vendorAnswer([fixture("creatify", "personas-paginated")], ["m", "f", "nb", LTV]),
  },
  voices: {
    key: "voices",
    path: `${CREATIFY}/api/voices/`,
    answers: vendorAnswer([fixture("creatify", "voices")], ["male", "female", LTV]),
  },
  musics: {
    key: "musics",
    path: `${CREATIFY}/api/musics/`,
    answers: vendorAnswer([fixture("creatify", "musics"), []], [LTV, 7]),
  },
  customTemplates: {
    key: "customTemplates",
    path: `${CREATIFY}/api/custom_templates/`,
    answers: vendorAnswer([fixture("creatify", "custom-templates")], ["9x16", "16x9", LTV]),
  },
  remainingCredits: {
    key: "remainingCredits",
    path: `${CREATIFY}/api/remaining_credits/`,
    answers: vendorAnswer([fixture("creatify", "remaining-credits")], [0, 12.5]),
  },
  scripts: {
    key: "scripts",
    path: `${CREATIFY}/api/ai_scripts/:id/`,
    answers: vendorAnswer([fixture("creatify", "ai-script")], [...creatifyStatuses, LTV]),
  },
  productVideo: {
    key: "productVideo",
    path: `${JOGG}/v2/product_video/:id`,
    answers: vendorAnswer(
      ["completed", "failed", "processing", "spec"].map((n) => fixture("jogg", `v2-product-video-${n}`)),
      joggHints,
    ),
  },
  previews: {
    key: "previews",
    path: `${JOGG}/v2/product_previews`,
    answers: vendorAnswer([fixture("jogg", "v2-product-previews")], joggHints),
  },
  videos: {
    key: "videos",
    path: `${JOGG}/v2/product_videos`,
    answers: vendorAnswer([fixture("jogg", "v2-product-videos")], joggHints),
  },
  project: {
    key: "project",
    path: `${JOGG_OPEN}/open/prj_info`,
    answers: vendorAnswer([fixture("jogg", "open-prj-info")], joggHints),
  },
  video: {
    key: "video",
    path: `${DRAFTS}/videos/:id`,
    answers: vendorAnswer([fixture("drafts", "video-response")], draftsHints),
  },
  metadata: {
    key: "metadata",
    path: `${DRAFTS}/videos/:id/metadata`,
    answers: vendorAnswer([fixture("drafts", "video-metadata")], draftsHints),
  },
  list: {
    key: "list",
    path: `${DRAFTS}/videos`,
    answers: vendorAnswer([fixture("drafts", "video-list")], draftsHints),
  },
} satisfies Record<string, Route>

type RouteKey = keyof typeof routes

// The property sets each route's answer before a read; hits prove the read reached the route.
const current = new Map<string, VendorAnswer>()
const hits = new Map<string, number>()

const respond = (answer: VendorAnswer): Response =>
  "json" in answer.body
    ? HttpResponse.json(answer.body.json as never, { status: answer.status })
    : new HttpResponse(answer.body.text, { status: answer.status, headers: { "content-type": "text/plain" } })

const server = setupServer(
  ...Object.values(routes).map((route) =>
    http.get(route.path, () => {
      hits.set(route.key, (hits.get(route.key) ?? 0) + 1)
      const answer = current.get(route.key)
      return answer === undefined
        ? HttpResponse.json({ detail: "no answer drawn" }, { status: 599 })
        : respond(answer)
    }),
  ),
)
beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
afterAll(() => server.close())

const ScriptJobShape = z.object({
  ref: z.string().optional(),
  provider: z.literal("creatify"),
  status: z.enum(["pending", "ready", "failed", "rejected"]),
  scripts: z.array(z.object({ text: z.string() })),
  creditsUsed: z.number().optional(),
  failure: z.object({ message: z.string() }).optional(),
  raw: z.unknown(),
})

/** One read through the neutral API, the routes it may call, and what a success must look like. */
interface Read {
  readonly name: string
  readonly vendor: Vendor
  readonly routes: ReadonlyArray<RouteKey>
  readonly run: (client: VideoClient, shape: VideoProviderShape) => Promise<unknown>
  readonly shape: z.ZodType
  /** Besides UnexpectedResponse, what a successful HTTP answer may fail with. */
  readonly onSuccessStatus?: ReadonlyArray<string>
}

/** A JoggAI envelope whose `code` says the call failed, whatever the HTTP status. */
const errorEnvelope = (answer: VendorAnswer): boolean => {
  const json = "json" in answer.body ? answer.body.json : undefined
  const code = json !== null && typeof json === "object" ? (json as { code?: unknown }).code : undefined
  const n = typeof code === "string" && /^\d+$/.test(code) ? Number(code) : code
  return typeof n === "number" && n !== 0
}

const job = (provider: string) => videoJobShape(provider)
/** A catalog page: items with an id and a name, the vendor's item kept, an optional cursor. */
const catalogPage = z.object({
  items: z.array(z.object({ id: z.string().min(1), name: z.string(), raw: z.unknown() }).passthrough()),
  cursor: z.string().optional(),
})
const page = (provider: string) => jobPageShape(provider)

const reads: ReadonlyArray<Read> = [
  {
    name: "creatify getStatus link_to_video (previews stage)",
    vendor: "creatify",
    routes: ["ltv"],
    run: (c) => c.getStatus(`creatify:link_to_video:${LTV}`),
    shape: job("creatify"),
  },
  {
    name: "creatify getStatus link_to_video (render stage)",
    vendor: "creatify",
    routes: ["ltv"],
    run: (c) => c.getStatus(`creatify:link_to_video:${LTV}?stage=render`),
    shape: job("creatify"),
  },
  {
    name: "creatify getStatus custom_template_job",
    vendor: "creatify",
    routes: ["template"],
    run: (c) => c.getStatus(`creatify:custom_template_job:${LTV}`),
    shape: job("creatify"),
  },
  {
    name: "creatify getStatus aurora",
    vendor: "creatify",
    routes: ["auroraJob"],
    run: (c) => c.getStatus(`creatify:aurora:${LTV}`),
    shape: job("creatify"),
  },
  {
    name: "creatify getStatus lipsync_v2",
    vendor: "creatify",
    routes: ["lipsync"],
    run: (c) => c.getStatus(`creatify:lipsync_v2:${LTV}`),
    shape: job("creatify"),
  },
  {
    name: "creatify listJobs (AI Avatar v2)",
    vendor: "creatify",
    routes: ["lipsyncList"],
    run: (c) => c.listJobs({ providerOptions: { creatify: { kind: "lipsync_v2" } } }),
    shape: page("creatify"),
  },
  ...(
    [
      ["listAvatars", "personas"],
      ["listVoices", "voices"],
      ["listMusic", "musics"],
      ["listTemplates", "customTemplates"],
    ] as const
  ).map(
    ([operation, route]): Read => ({
      name: `creatify ${operation}`,
      vendor: "creatify",
      routes: [route],
      run: (c) => c[operation]({ limit: 5 }),
      shape: catalogPage,
    }),
  ),
  {
    name: "creatify getCreditBalance",
    vendor: "creatify",
    routes: ["remainingCredits"],
    run: (c) => c.getCreditBalance(),
    shape: z.object({ remaining: z.number(), unit: z.literal("credits"), raw: z.unknown() }),
  },
  {
    name: "creatify listJobs (link to video)",
    vendor: "creatify",
    routes: ["ltvList"],
    run: (c) => c.listJobs({ limit: 5 }),
    shape: page("creatify"),
  },
  {
    name: "creatify listJobs (aurora)",
    vendor: "creatify",
    routes: ["aurora"],
    run: (c) => c.listJobs({ providerOptions: { creatify: { kind: "aurora" } } }),
    shape: page("creatify"),
  },
  {
    name: "creatify getStatuses (the batch poller's read)",
    vendor: "creatify",
    routes: ["ltvList", "aurora", "lipsyncList"],
    run: (_, shape) =>
      runPromise(
        shape.getStatuses!([
          JobRef.make("creatify", "link_to_video", LTV, { stage: "render" }),
          JobRef.make("creatify", "aurora", LTV),
          JobRef.make("creatify", "lipsync_v2", LTV),
        ]),
      ),
    shape: z.array(job("creatify")),
  },
  {
    name: "creatify getScripts (the scripts poll)",
    vendor: "creatify",
    routes: ["scripts"],
    run: (_, shape) => runPromise(shape.getScripts!(JobRef.make("creatify", "ai_script", LTV))),
    shape: ScriptJobShape,
    // A script job Creatify answers as `rejected` (moderation) is ContentRejected, by design.
    onSuccessStatus: ["ContentRejected"],
  },
  {
    name: "jogg v2 getStatus product_video",
    vendor: "jogg",
    routes: ["productVideo"],
    run: (c) => c.getStatus(`jogg:product_video:${PV}`),
    shape: job("jogg"),
  },
  {
    name: "jogg v2 getStatus preview_set",
    vendor: "jogg",
    routes: ["previews"],
    run: (c) => c.getStatus("jogg:preview_set:prod_1?ids=preview_456%2Cpreview_457"),
    shape: job("jogg"),
  },
  {
    name: "jogg v2 listJobs",
    vendor: "jogg",
    routes: ["videos"],
    run: (c) => c.listJobs({ cursor: "2", limit: 2 }),
    shape: page("jogg"),
  },
  {
    name: "jogg open getStatus open_project",
    vendor: "joggOpen",
    routes: ["project"],
    run: (c) => c.getStatus(`jogg:open_project:${PRJ}?product=3924`),
    shape: job("jogg"),
  },
  {
    name: "jogg open getStatus open_product (reads its project)",
    vendor: "joggOpen",
    routes: ["project"],
    run: (c) => c.getStatus(`jogg:open_product:3924?prj=${PRJ}`),
    shape: job("jogg"),
  },
  {
    name: "drafts getStatus video (and its metadata once ready)",
    vendor: "drafts",
    routes: ["video", "metadata"],
    run: (c) => c.getStatus(`drafts:video:${VIDEO}`),
    shape: job("drafts"),
  },
  {
    name: "drafts listJobs",
    vendor: "drafts",
    routes: ["list"],
    run: (c) => c.listJobs({ ids: [VIDEO, `drafts:video:${VIDEO}`], limit: 1 }),
    shape: page("drafts"),
  },
]

describe("reads never fail untyped, whatever the vendor answers", () => {
  it.each(reads.map((r) => [r.name, r] as const))(
    "%s",
    async (_, read) => {
      const client = createVideoClient({ provider: configured[read.vendor]() })
      const shape = await Effect.runPromise(configured[read.vendor]().make)
      const answers = fc.record(
        Object.fromEntries(read.routes.map((key) => [key, routes[key].answers])) as Record<
          string,
          fc.Arbitrary<VendorAnswer>
        >,
      )
      const outcomes = { ok: 0, typed: 0, drift: 0 }
      hits.clear()
      await fc.assert(
        fc.asyncProperty(answers, async (drawn) => {
          current.clear()
          for (const [key, answer] of Object.entries(drawn)) current.set(key, answer)
          let result:
            | { readonly ok: true; readonly value: unknown }
            | { readonly ok: false; readonly error: unknown }
          try {
            result = { ok: true, value: await read.run(client, shape) }
          } catch (error) {
            result = { ok: false, error }
          }
          if (result.ok) {
            assertShape(read.shape, result.value)
            outcomes.ok++
          } else {
            assertTyped(result.error, read.vendor === "joggOpen" ? "jogg" : read.vendor)
            outcomes.typed++
            // Every answer a success (and no JoggAI error envelope): the failure is shape drift.
            const answered = Object.values(drawn)
            const jogg = read.vendor === "jogg" || read.vendor === "joggOpen"
            if (answered.every((a) => a.status < 300 && !(jogg && errorEnvelope(a)))) {
              const tag = (result.error as VideoError).reason._tag
              expect(["UnexpectedResponse", ...(read.onSuccessStatus ?? [])]).toContain(tag)
              outcomes.drift++
            }
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      )
      // Not vacuous: the documented payloads read fine, drift fails typed, and every route was hit.
      expect(outcomes.ok).toBeGreaterThan(0)
      expect(outcomes.typed).toBeGreaterThan(0)
      expect(outcomes.drift).toBeGreaterThan(0)
      for (const key of read.routes.filter((k) => k !== "metadata")) expect(hits.get(key)).toBeGreaterThan(0)
    },
    60_000,
  )
})
