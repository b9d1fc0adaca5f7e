// Status mapping is total: every status a vendor documents maps to the neutral status its docs
// mean, and any other value (a new status, other casing, a number, an inherited property name
// such as "constructor") reads as the non-terminal `unknown`, kept as `vendorStatus`: never a
// throw, never a value outside the neutral enum. Read through the neutral client's getStatus,
// with msw answering the vendor's status route; aspect codes in the same answers must map to a
// neutral ratio or to nothing.
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import {
  createVideoClient,
  isTerminal,
  JobRef,
  type JobStatus,
  JobStatuses,
  type VideoJob,
} from "@vidbridge/core"
import { Effect } from "effect"
import fc from "fast-check"
import { HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { anyNumber, anyString, fixture, vendorName } from "./support/arbitraries.js"

// Credentials are long and distinctive so that no generated status equals one: every configured
// secret is masked wherever it stands alone, a one-letter key included.

/** Runs per vendor; raise it (PROPS_RUNS=2000) to search harder than CI does. */
const RUNS = Number(process.env.PROPS_RUNS ?? 150)

// The vendors' own status lists (vendors/*.md, "Statuses"), with the neutral status each means.
const creatifyDocumented: Readonly<Record<string, JobStatus>> = {
  pending: "queued",
  in_queue: "queued",
  running: "running",
  done: "succeeded",
  failed: "failed",
  rejected: "rejected",
  // Seen in third-party types only; the adapter maps them too.
  processing: "running",
  error: "failed",
}
// Product, avatar and template videos share one status list (openapi-v2.yaml, GetResult guide).
const joggV2Documented: Readonly<Record<string, JobStatus>> = {
  pending: "queued",
  processing: "running",
  completed: "succeeded",
  failed: "failed",
}
// AI-script tasks (GET /v2/ai_scripts/results/{task_id}): a script job is pending, ready or failed.
const joggScriptDocumented: Readonly<Record<string, "pending" | "ready" | "failed">> = {
  pending: "pending",
  processing: "pending",
  completed: "ready",
  failed: "failed",
}
// The open API makes the project with the product: 1 (start: made, never rendered) and 2
// (waiting: to be rendered) wait for the caller's render, so a wait on them ends at once.
const joggOpenDocumented: Readonly<Record<number, JobStatus>> = {
  1: "awaiting_selection",
  2: "awaiting_selection",
  3: "running",
  4: "succeeded",
  5: "failed",
  99: "cancelled",
}
const draftsDocumented: Readonly<Record<string, JobStatus>> = {
  not_started: "queued",
  started: "running",
  processing: "running",
  ready: "succeeded",
  published: "succeeded",
  failed: "failed",
  stopped: "cancelled",
  cancelled: "cancelled",
}
const ratios = [undefined, "9:16", "16:9", "1:1"]

const own = (table: object, key: PropertyKey) => Object.hasOwn(table, key)

/** Checks one mapped job: in the neutral enum, and `unknown` (non-terminal) when undocumented. */
const expectTotal = (job: VideoJob, expected: JobStatus | undefined) => {
  expect(JobStatuses).toContain(job.status)
  expect(typeof job.vendorStatus).toBe("string")
  if (expected === undefined) {
    expect(job.status).toBe("unknown")
    expect(isTerminal(job.status)).toBe(false)
  } else {
    expect(job.status).toBe(expected)
  }
}

const CREATIFY = "https://creatify.status.test"
const JOGG = "https://jogg.status.test"
const JOGG_OPEN = "https://jogg-open.status.test"
const DRAFTS = "https://drafts.status.test"

// What the status route answers next; the property sets it before each read.
let answer: unknown
const server = setupServer(
  http.get(`${CREATIFY}/api/link_to_videos/:id/`, () => HttpResponse.json(answer as never)),
  http.get(`${CREATIFY}/api/custom_template_jobs/:id/`, () => HttpResponse.json(answer as never)),
  http.get(`${CREATIFY}/api/lipsyncs_v2/:id/`, () => HttpResponse.json(answer as never)),
  http.get(`${CREATIFY}/api/aurora/:id/`, () => HttpResponse.json(answer as never)),
  http.get(`${JOGG}/v2/product_video/:id`, () => HttpResponse.json(answer as never)),
  http.get(`${JOGG}/v2/avatar_video/:id`, () => HttpResponse.json(answer as never)),
  http.get(`${JOGG}/v2/template_video/:id`, () => HttpResponse.json(answer as never)),
  http.get(`${JOGG}/v2/ai_scripts/results/:id`, () => HttpResponse.json(answer as never)),
  http.get(`${JOGG_OPEN}/open/prj_info`, () => HttpResponse.json(answer as never)),
  http.get(`${DRAFTS}/videos/:id`, () => HttpResponse.json(answer as never)),
  http.get(`${DRAFTS}/videos/:id/metadata`, () =>
    HttpResponse.json(fixture("drafts", "video-metadata") as never),
  ),
)
beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
afterAll(() => server.close())

const retry = { maxRetries: 0 }

describe("status mapping is total", () => {
  it("creatify: documented statuses map as documented; anything else is unknown", async () => {
    const client = createVideoClient({
      provider: creatify({
        apiId: "props-api-id-0001",
        apiKey: "props-api-key-0001",
        baseUrl: CREATIFY,
        retry,
      }),
    })
    await fc.assert(
      fc.asyncProperty(
        vendorName(Object.keys(creatifyDocumented)),
        fc.constantFrom("preview", "render"),
        fc.option(fc.oneof(fc.constantFrom("9x16", "16x9", "1x1"), anyString), { nil: undefined }),
        async (status, stage, aspect) => {
          const previews = aspect === undefined ? [] : [{ media_job: "m1", aspect_ratio: aspect }]
          answer = { id: "ltv-1", status, previews }
          const job = await client.getStatus(
            `creatify:link_to_video:ltv-1${stage === "render" ? "?stage=render" : ""}`,
          )
          // `pending` with previews and no render shown (no media_job, no outputs) means the
          // previews wait for a choice, whatever the ref says (issue 13).
          const expected = own(creatifyDocumented, status)
            ? status === "pending" && previews.length > 0
              ? "awaiting_selection"
              : creatifyDocumented[status]
            : undefined
          expectTotal(job, expected)
          expect(job.vendorStatus).toBe(status)
          expect(ratios).toContain(job.previews?.[0]?.aspectRatio)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it("creatify custom template, AI Avatar v2 and Aurora jobs: the same table; a template job done with its preview and no video waits for a choice", async () => {
    const client = createVideoClient({
      provider: creatify({
        apiId: "props-api-id-0001",
        apiKey: "props-api-key-0001",
        baseUrl: CREATIFY,
        retry,
      }),
    })
    await fc.assert(
      fc.asyncProperty(
        vendorName(Object.keys(creatifyDocumented)),
        fc.constantFrom("custom_template_job", "lipsync_v2", "aurora"),
        fc.boolean(),
        fc.boolean(),
        async (status, kind, preview, video) => {
          // AI Avatar v2 answers its video in `output`, the others in `video_output`.
          const field = kind === "lipsync_v2" ? "output" : "video_output"
          answer = {
            id: "j-1",
            status,
            preview: preview ? "https://app.creatify.test/preview" : null,
            [field]: video ? "https://cdn.creatify.test/v.mp4" : null,
            progress: kind === "lipsync_v2" ? "50" : 50,
          }
          const job = await client.getStatus(`creatify:${kind}:j-1`)
          // Creatify reports `done` twice on a previewed template job: preview ready, then video ready.
          const waits = kind === "custom_template_job" && status === "done" && preview && !video
          const expected = own(creatifyDocumented, status)
            ? waits
              ? "awaiting_selection"
              : creatifyDocumented[status]
            : undefined
          expectTotal(job, expected)
          expect(job.vendorStatus).toBe(status)
          expect(job.progress).toBe(0.5)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it("jogg v2: documented statuses (any case) of product, avatar and template videos map as documented; anything else is unknown", async () => {
    const client = createVideoClient({
      provider: jogg({ apiKey: "props-api-key-0001", baseUrl: JOGG, retry }),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(vendorName(Object.keys(joggV2Documented)), anyNumber, fc.constant(null)),
        fc.constantFrom("product_video", "avatar_video", "template_video"),
        async (status, kind) => {
          answer = { code: 0, msg: "Success", data: { id: "pv_1", video_id: "pv_1", status } }
          const job = await client.getStatus(`jogg:${kind}:pv_1`)
          const key = typeof status === "string" ? status.toLowerCase() : undefined
          expectTotal(
            job,
            key !== undefined && own(joggV2Documented, key) ? joggV2Documented[key] : undefined,
          )
        },
      ),
      { numRuns: RUNS },
    )
  })

  it("jogg v2 AI scripts: documented task statuses map as documented; anything else is pending (never outside the ScriptJob statuses)", async () => {
    const shape = await Effect.runPromise(jogg({ apiKey: "props-api-key-0001", baseUrl: JOGG, retry }).make)
    await fc.assert(
      fc.asyncProperty(vendorName(Object.keys(joggScriptDocumented)), async (status) => {
        answer = {
          code: 0,
          msg: "Success",
          data: { task_id: "t1", status, scripts: [{ script_paragraphs: "Hi" }] },
        }
        const scripts = await Effect.runPromise(shape.getScripts!(JobRef.make("jogg", "ai_script", "t1")))
        expect(["pending", "ready", "failed"]).toContain(scripts.status)
        const key = status.toLowerCase()
        expect(scripts.status).toBe(own(joggScriptDocumented, key) ? joggScriptDocumented[key] : "pending")
      }),
      { numRuns: RUNS },
    )
  })

  it("jogg open: the documented integer codes (or their digits) map; anything else is unknown", async () => {
    const client = createVideoClient({
      provider: jogg({ apiKey: "props-api-key-0001", apiVersion: "open", baseUrl: JOGG_OPEN, retry }),
    })
    const codes = Object.keys(joggOpenDocumented).map(Number)
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...codes),
          fc.constantFrom(...codes).map(String),
          fc.integer({ min: -5, max: 120 }),
          anyNumber,
          anyString,
          fc.constant(null),
        ),
        fc.oneof(fc.constantFrom(0, 1, 2), anyNumber),
        async (status, aspect) => {
          answer = { code: 0, msg: "success", data: { id: "p1", status, progress: 50, aspect_ratio: aspect } }
          const job = await client.getStatus("jogg:open_project:p1")
          const code = typeof status === "string" && /^\d+$/.test(status) ? Number(status) : status
          expectTotal(
            job,
            typeof code === "number" && own(joggOpenDocumented, code) ? joggOpenDocumented[code] : undefined,
          )
          expect(ratios).toContain(job.metadata?.aspectRatio)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it("drafts: every VideoStatusEnum value maps as documented; anything else is unknown", async () => {
    const client = createVideoClient({
      provider: drafts({ apiKey: "props-api-key-0001", baseUrl: DRAFTS, retry }),
    })
    await fc.assert(
      fc.asyncProperty(vendorName(Object.keys(draftsDocumented)), async (status) => {
        answer = { id: "vid-1", status, progress: 40 }
        const job = await client.getStatus("drafts:video:vid-1")
        expectTotal(job, own(draftsDocumented, status) ? draftsDocumented[status] : undefined)
        expect(job.vendorStatus).toBe(status)
      }),
      { numRuns: RUNS },
    )
  })
})
