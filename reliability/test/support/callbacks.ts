// Vendor callbacks for the webhook properties: how each vendor's deliveries pass its adapter's
// verification, and arbitraries of a job's callbacks (its "story") and of their delivery with
// duplicates and in any order.
import { createHmac } from "node:crypto"
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import { type ConfiguredProvider, createVideoClient } from "@vidbridge/core"
import fc from "fast-check"
import { HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll } from "vitest"

/** The vendors (JoggAI in both API generations) whose webhooks the properties cover. */
export type HookName = "creatify" | "jogg" | "joggOpen" | "drafts"

/** The webhook secret every client here verifies with. */
export const SECRET = "whsec_props_0123456789"
/** Unix seconds now: JoggAI refuses a delivery whose `timestamp` is too far from it. */
export const nowSeconds = () => Math.floor(Date.now() / 1000)

/** A vendor's callbacks: how to configure a client that verifies them, and how to deliver one. */
export interface Hooks {
  readonly provider: "creatify" | "jogg" | "drafts"
  readonly configure: () => ConfiguredProvider
  /** Headers (and URL) that pass the vendor's verification for this exact body. */
  readonly sign: (body: string) => Promise<{ readonly url: string; readonly headers: Record<string, string> }>
  /** Whether deliveries carry a vendor event id (JoggAI's `event_id`). */
  readonly eventIds: boolean
}

const hmacHeader = (header: string) => async (body: string) => ({
  url: "https://app.test/hooks/video",
  // Signed with node:crypto, not the verifier's own helper (issue 20).
  headers: { [header]: createHmac("sha256", SECRET).update(body).digest("hex") },
})

export const hooks: Record<HookName, Hooks> = {
  creatify: {
    provider: "creatify",
    configure: () => creatify({ apiId: "props-id", apiKey: "props-key", webhookSecret: SECRET }),
    sign: async (body) => {
      creatifyReads.deliver(body)
      return { url: await creatifyCallbackUrl(), headers: {} }
    },
    eventIds: false,
  },
  jogg: {
    provider: "jogg",
    configure: () => jogg({ apiKey: "props-key", webhookSecret: SECRET }),
    sign: hmacHeader("X-Webhook-Signature"),
    eventIds: true,
  },
  joggOpen: {
    provider: "jogg",
    configure: () => jogg({ apiKey: "props-key", apiVersion: "open", webhookSecret: SECRET }),
    sign: hmacHeader("X-Webhook-Signature"),
    eventIds: true,
  },
  drafts: {
    provider: "drafts",
    configure: () => drafts({ apiKey: "props-key", webhookSecret: SECRET }),
    sign: hmacHeader("x-hourone-signature"),
    eventIds: false,
  },
}

const CREATIFY_API = "https://api.creatify.ai"
const CREATIFY_HOOK = "https://app.test/hooks/video"

/**
 * Creatify's API as the properties need it. Creatify signs nothing, so its adapter reads every
 * delivered job back before reporting it: here a job read answers what the callback being
 * delivered says (as when Creatify calls back the moment a job changes and is read at once);
 * a job never delivered is a 404. A preview request hands back the adapter's callback URL (one
 * naming no kind of job: the body decides, as for link-to-video and template callbacks).
 */
const creatifyReads = (() => {
  const jobs = new Map<string, Record<string, unknown>>()
  let callbackUrl: string | undefined
  const read = ({ params }: { readonly params: Record<string, unknown> }) => {
    const job = jobs.get(String(params.id))
    return job ? HttpResponse.json(job) : HttpResponse.json({ detail: "Not found." }, { status: 404 })
  }
  const server = setupServer(
    http.get(`${CREATIFY_API}/api/link_to_videos/:id/`, read),
    http.get(`${CREATIFY_API}/api/custom_template_jobs/:id/`, read),
    http.post(`${CREATIFY_API}/api/link_to_videos/preview_list_async/`, async ({ request }) => {
      callbackUrl = ((await request.json()) as { webhook_url: string }).webhook_url
      return HttpResponse.json({ id: "props-previews", status: "pending", webhook_url: callbackUrl })
    }),
  )
  return {
    server,
    callbackUrl: () => callbackUrl,
    /** The job reads answer what `body` says from now on (the `output` of a template job is its `video_output`). */
    deliver: (body: string) => {
      let json: unknown
      try {
        json = JSON.parse(body)
      } catch {
        return
      }
      if (json === null || typeof json !== "object" || Array.isArray(json)) return
      const job = json as Record<string, unknown>
      if (typeof job.id !== "string") return
      jobs.set(job.id, "output" in job ? { ...job, video_output: job.video_output ?? job.output } : job)
    },
  }
})()

/** The callback URL Creatify's adapter makes (token included), made once through a preview request. */
const creatifyCallbackUrl = async (): Promise<string> => {
  if (creatifyReads.callbackUrl() === undefined) {
    const client = createVideoClient({ provider: hooks.creatify.configure() })
    await client.generatePreviews({ product: "creatify:product:props-link", webhookUrl: CREATIFY_HOOK })
  }
  return creatifyReads.callbackUrl()!
}

/** Serves Creatify's job reads (see `creatifyReads`) for the tests of the calling file. */
export const useCreatifyApi = () => {
  beforeAll(() => creatifyReads.server.listen({ onUnhandledFrame: "error" }))
  afterAll(() => creatifyReads.server.close())
}

/** The fetch `Request` of one delivery, verified the way `vendor` verifies. */
export const post = async (vendor: Hooks, body: string): Promise<Request> => {
  const { url, headers } = await vendor.sign(body)
  return new Request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  })
}

/** One job's callbacks in the order the vendor sends them, each strictly ahead of the one before. */
export type Story = ReadonlyArray<Record<string, unknown>>

/** Some of `steps`, in order, then maybe one of `ends`; never empty. */
const storyOf = (
  steps: ReadonlyArray<Record<string, unknown>> | fc.Arbitrary<ReadonlyArray<Record<string, unknown>>>,
  ends: ReadonlyArray<Record<string, unknown>>,
): fc.Arbitrary<Story> =>
  fc
    .tuple(
      (Array.isArray(steps) ? fc.constant(steps) : (steps as fc.Arbitrary<Story>)).chain((all) =>
        fc.subarray([...all]),
      ),
      fc.option(fc.constantFrom(...ends), { nil: undefined }),
    )
    .map(([some, end]) => (end === undefined ? some : [...some, end]))
    .filter((story) => story.length > 0)

/**
 * Work in progress: up to three rising percentages, each a callback made by `at`, and maybe then
 * the same status and percentage again with a URL added by `withUrl` (news without progress).
 * From 2: Creatify's progress is 0..1 or 0..100, so a 1 reads as done.
 */
const progressing = (
  at: (percent: number) => Record<string, unknown>,
  withUrl?: (step: Record<string, unknown>) => Record<string, unknown>,
): fc.Arbitrary<Story> =>
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 2, max: 99 }), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([percents, url]) => {
      const steps = [...percents].sort((a, b) => a - b).map(at)
      return url && withUrl ? [...steps, withUrl(steps.at(-1)!)] : steps
    })

const creatifyStories = (id: string): fc.Arbitrary<ReadonlyArray<Story>> => {
  const url = `https://cdn.test/${id}.mp4`
  const previews = [
    {
      media_job: `${id}-m1`,
      visual_style: "FullScreenTemplate",
      aspect_ratio: "9x16",
      url: "https://p.test/1",
    },
    { media_job: `${id}-m2`, visual_style: "VlogTemplate", aspect_ratio: "9x16", url: "https://p.test/2" },
  ]
  // The preview list and the render of one link-to-video job are two refs (`?stage=render`).
  const previewsStory = storyOf(
    [{ id, status: "pending", failed_reason: null, previews: [] }],
    [
      { id, status: "pending", failed_reason: null, previews },
      { id, status: "failed", failed_reason: "Failed to scrape url", previews: [] },
    ],
  )
  // (A link-to-video callback that carries `preview` reads as the preview stage: no URL step here.)
  const renderStory = storyOf(
    progressing((progress) => ({
      id,
      status: "running",
      progress,
      failed_reason: null,
      video_output: null,
    })).map((running) => [{ id, status: "in_queue", failed_reason: null, video_output: null }, ...running]),
    [
      { id, status: "done", failed_reason: null, video_output: url },
      { id, status: "failed", failed_reason: "render failed", video_output: null },
      { id, status: "rejected", failed_reason: "moderation", video_output: null },
    ],
  )
  const template = `${id}-t`
  const templateStory = storyOf(
    progressing(
      (progress) => ({ id: template, status: "running", progress, failed_reason: null, output: null }),
      (step) => ({ ...step, preview: `https://p.test/${template}` }),
    ).map((running) => [{ id: template, status: "pending", failed_reason: null, output: null }, ...running]),
    [
      { id: template, status: "done", failed_reason: null, output: url },
      { id: template, status: "failed", failed_reason: "bad variables", output: null },
    ],
  )
  return fc.tuple(previewsStory, renderStory, templateStory)
}

// JoggAI documents only the success / failed events; the earlier steps carry `data.status`,
// which the parser reads first, as a newer API might send them.
const joggStories = (id: string): fc.Arbitrary<ReadonlyArray<Story>> =>
  storyOf(
    [
      { event: "generated_product_video_pending", data: { video_id: id, status: "pending" } },
      { event: "generated_product_video_processing", data: { video_id: id, status: "processing" } },
    ],
    [
      {
        event: "generated_product_video_success",
        data: { video_id: id, status: "completed", video_url: `https://res.test/${id}.mp4`, duration: 30 },
      },
      {
        event: "generated_product_video_failed",
        data: { video_id: id, status: "failed", error: { code: 50000, message: "Video generation failed" } },
      },
    ],
  ).map((story) => [story])

// `open` projects end with generated_video_success / _failed; the earlier steps use the parser's
// `data.status` the same way as the v2 stories, as a newer API might send them.
const joggOpenStories = (id: string): fc.Arbitrary<ReadonlyArray<Story>> =>
  storyOf(
    [
      { event: "generated_video_pending", data: { project_id: id, status: "pending" } },
      { event: "generated_video_processing", data: { project_id: id, status: "processing" } },
    ],
    [
      { event: "generated_video_success", data: { project_id: id, video_url: `https://res.test/${id}.mp4` } },
      {
        event: "generated_video_failed",
        data: { project_id: id, error: { message: "Video generation failed" } },
      },
    ],
  ).map((story) => [story])

// Hour One documents only video.ready / video.failed; the earlier steps use the parser's
// `data.status` the same way, as a newer API might send them.
const draftsStories = (id: string): fc.Arbitrary<ReadonlyArray<Story>> => {
  const data = { id, req_id: `req-${id}`, draft_id: `draft-${id}` }
  return storyOf(
    progressing(
      (progress) => ({ event_name: "video.processing", data: { ...data, status: "processing", progress } }),
      (step) => ({
        ...step,
        data: { ...(step.data as object), video_player_url: `https://player.test/${id}` },
      }),
    ).map((processing) => [
      { event_name: "video.not_started", data: { ...data, status: "not_started" } },
      ...processing,
    ]),
    [
      { event_name: "video.ready", data: { ...data, status: "ready" } },
      { event_name: "video_ready", data: { ...data, status: "published" } },
      { event_name: "video.failed", data: { ...data, status: "failed" } },
    ],
  ).map((story) => [story])
}

export const storiesOf: Record<HookName, (id: string) => fc.Arbitrary<ReadonlyArray<Story>>> = {
  creatify: creatifyStories,
  jogg: joggStories,
  joggOpen: joggOpenStories,
  drafts: draftsStories,
}

/** One callback of a story, serialized; JoggAI's get an event id and a current timestamp. */
export interface Callback {
  readonly story: number
  readonly index: number
  readonly body: string
}

export const serialize = (vendor: HookName, stories: ReadonlyArray<Story>): Callback[] => {
  let next = 0
  return stories.flatMap((story, s) =>
    story.map((payload, index) => ({
      story: s,
      index,
      body: JSON.stringify(
        vendor === "jogg" || vendor === "joggOpen"
          ? { event_id: `evt_${String(++next).padStart(6, "0")}`, timestamp: nowSeconds(), ...payload }
          : payload,
      ),
    })),
  )
}

/** A redelivery: the same bytes, or (JoggAI) the same event sent again under a new event id. */
const redelivered = (callback: Callback, n: number): Callback => {
  const json = JSON.parse(callback.body) as Record<string, unknown>
  return { ...callback, body: JSON.stringify({ ...json, event_id: `${String(json.event_id)}-again-${n}` }) }
}

export interface Delivery {
  readonly callback: Callback
  /** True for a repeat of a callback delivered earlier in the schedule. */
  readonly repeat: boolean
  /** True when the repeat is the exact same bytes (not re-sent under a new event id). */
  readonly exact: boolean
}

/** Every callback at least once, some again, in any order. */
export const schedule = (
  callbacks: ReadonlyArray<Callback>,
  freshIds: boolean,
): fc.Arbitrary<ReadonlyArray<Delivery>> =>
  fc
    .array(fc.tuple(fc.nat(callbacks.length - 1), freshIds ? fc.boolean() : fc.constant(false)), {
      maxLength: callbacks.length * 2,
    })
    .chain((extras) => {
      const all = [
        ...callbacks.map((callback) => ({ callback, fresh: false })),
        ...extras.map(([i, fresh], n) => ({
          callback: fresh ? redelivered(callbacks[i]!, n) : callbacks[i]!,
          fresh,
        })),
      ]
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })
    })
    .map((order) => {
      const seen = new Set<string>()
      return order.map(({ callback, fresh }) => {
        const key = `${callback.story}:${callback.index}`
        const repeat = seen.has(key)
        seen.add(key)
        return { callback, repeat, exact: repeat && !fresh }
      })
    })
