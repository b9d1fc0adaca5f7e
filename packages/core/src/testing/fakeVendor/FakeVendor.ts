import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { parseProviderOptions } from "../../adapter/inputs.js"
import { type Capabilities, CatalogOperations } from "../../Capabilities.js"
import { makeHttpClient } from "../../http/HttpClient.js"
import { JobRef } from "../../JobRef.js"
import { avatarVideoInput } from "../../model/avatarVideo.js"
import { defineProvider } from "../../ProviderDefinition.js"
import { httpSettingsFields, secret } from "../../settings.js"
import { AuthenticationFailed, unsupported, VideoError } from "../../VideoError.js"
import type { SubmissionContext, SubmissionLookup, VideoProviderShape } from "../../VideoProvider.js"
import { headerOf, verifyHmacSha256Hex } from "../../webhooks/verify.js"
import { avatarVideoBody, FAKE_AVATAR_VIDEOS } from "./avatarVideo.js"
import { makeFakeCatalog } from "./catalog.js"
import { Job, toJob } from "./mapping.js"

export { FAKE_AVATAR_VIDEOS } from "./avatarVideo.js"
export { FAKE_VISUAL_STYLES } from "./catalog.js"
export { fakeStatusTable } from "./mapping.js"

// A made-up vendor and its adapter, for tests of core and of apps: every part a real adapter
// has, in a few small files (this one: settings, capabilities, requests, the provider; mapping.ts:
// wire job and status table; catalog.ts: catalogs and balance; avatarVideo.ts). Its simulator is
// FakeVendorSimulator.ts. Read a real adapter for the file set a published one uses.

/** Where the fake vendor's API lives (its simulator answers here, under msw or served). */
export const FAKE_VENDOR_BASE_URL = "https://api.fake.test"

/** The header the fake vendor signs callbacks with: hex HMAC-SHA256 of the raw body. */
export const FAKE_SIGNATURE_HEADER = "x-signature"

const Product = z.looseObject({ id: z.string(), title: z.optional(z.string()) })

/**
 * What the fake vendor can do: products from a URL, previews, render one, template renders, avatar
 * videos, batch reads of 100, cancel, its catalogs and balance, and finding a paid request by the
 * `reference` it echoes (exactly, so a request not found after the window was never made:
 * `resendIfNotFound` is allowed).
 */
export const fakeVendorCapabilities: Capabilities = {
  operations: [
    "createProduct",
    "generatePreviews",
    "renderPreview",
    "render",
    "getStatus",
    "parseWebhook",
    "findSubmission",
    "cancel",
    ...CatalogOperations,
    "getCreditBalance",
  ],
  aspectRatios: ["9:16", "16:9", "1:1"],
  productFromUrl: true,
  productFromParams: false,
  templates: true,
  avatarVideos: FAKE_AVATAR_VIDEOS,
  webhooks: "signature",
  batchStatusLimit: 100,
  credits: { reported: true, estimate: false },
  submissions: { lookup: "exact", resend: true },
}

/** `providerOptions.fake` of `render`. */
const RenderOptions = z.strictObject({ priority: z.optional(z.enum(["normal", "high"])) })

const FakeVendorSettings = z.strictObject({
  apiKey: secret(),
  webhookSecret: z.optional(secret()),
  ...httpSettingsFields,
})

const unsigned = new VideoError({
  provider: "fake",
  operation: "parseWebhook",
  reason: new AuthenticationFailed({ message: "the signature does not match" }),
})

const makeFakeVendorProvider = (settings: z.output<typeof FakeVendorSettings>): VideoProviderShape => {
  const http = makeHttpClient({
    ...settings,
    provider: "fake",
    baseUrl: settings.baseUrl ?? FAKE_VENDOR_BASE_URL,
    auth: { "x-api-key": settings.apiKey },
    secrets: settings.webhookSecret ? [settings.webhookSecret] : [],
  })
  // A paid POST: the submission key travels as `reference`; announced right before sending.
  const post = (
    operation: string,
    path: string,
    body: Record<string, unknown>,
    submission: SubmissionContext | undefined,
    hints: Record<string, string>,
  ) =>
    Effect.andThen(submission === undefined ? Effect.void : submission.announce(hints), () =>
      Effect.map(
        http.requestBody({
          operation,
          method: "POST",
          path,
          body: { ...body, reference: submission?.key },
          spendsCredits: true,
          schema: Job,
        }),
        toJob,
      ),
    )
  const read = <A>(operation: string, path: string, schema: z.ZodMiniType<A>, ref?: string, method = "GET") =>
    http.requestBody({ operation, method: method as "GET", path, spendsCredits: false, schema, ref })
  const lookup = (jobs: ReadonlyArray<Job>): SubmissionLookup =>
    jobs.length === 0
      ? { _tag: "NotFound" }
      : jobs.length === 1
        ? { _tag: "Found", result: toJob(jobs[0]!) }
        : { _tag: "Ambiguous", candidates: jobs.map(toJob) }
  return {
    id: "fake",
    capabilities: fakeVendorCapabilities,
    ...makeFakeCatalog(http),
    createProduct: (input) =>
      Effect.map(
        http.requestBody({
          operation: "createProduct",
          method: "POST",
          path: "/products",
          body: { url: input.url },
          spendsCredits: false,
          schema: Product,
        }),
        (product) => ({
          ref: JobRef.format(JobRef.make("fake", "product", product.id)),
          provider: "fake",
          id: product.id,
          title: product.title,
          imageUrls: [],
          videoUrls: [],
          raw: product,
        }),
      ),
    generatePreviews: (request, submission) => {
      if (request.product === undefined) {
        return Effect.fail(unsupported("fake", "generatePreviews", "it previews products, not templates"))
      }
      const product =
        typeof request.product === "string" ? JobRef.from(request.product).id : request.product.id
      return post(
        "generatePreviews",
        "/previews",
        { product, webhook_url: request.webhookUrl, name: request.name },
        submission,
        { product },
      )
    },
    renderPreview: (request, submission) => {
      const job = JobRef.parse(request.job).id
      return post("renderPreview", `/previews/${job}/render`, { preview_id: request.previewId }, submission, {
        job,
      })
    },
    render: (request, submission) =>
      Effect.flatMap(
        parseProviderOptions(RenderOptions, request.providerOptions, {
          provider: "fake",
          operation: "render",
        }),
        (options) => {
          const avatarVideo = avatarVideoInput(request)
          if (avatarVideo !== undefined)
            return Effect.flatMap(avatarVideoBody(request, avatarVideo), (body) =>
              post("render", "/avatar_videos", body, submission, {}),
            )
          const body = {
            template: request.template,
            name: request.name,
            webhook_url: request.webhookUrl,
            priority: options.priority,
          }
          return post("render", "/renders", body, submission, {})
        },
      ),
    getStatus: (ref) => Effect.map(read("getStatus", `/jobs/${ref.id}`, Job, JobRef.format(ref)), toJob),
    // One lookup: a rendered preview by reading its job; new jobs in the recent-jobs list (which lags).
    findSubmission: (ref) =>
      ref.operation === "renderPreview"
        ? Effect.map(read("findSubmission", `/jobs/${ref.hints.job}`, Job), (job) =>
            lookup(job.render_reference === ref.key ? [job] : []),
          )
        : Effect.map(read("findSubmission", "/jobs", z.array(Job)), (jobs) =>
            lookup(jobs.filter((job) => job.reference === ref.key)),
          ),
    cancel: (ref) =>
      Effect.map(read("cancel", `/jobs/${ref.id}/cancel`, Job, JobRef.format(ref), "POST"), toJob),
    getStatuses: (refs) =>
      Effect.map(
        http.requestBody({
          operation: "getStatus",
          method: "GET",
          path: "/jobs",
          query: { ids: refs.map((r) => r.id).join(",") },
          spendsCredits: false,
          schema: z.array(Job),
        }),
        (jobs) => jobs.map(toJob),
      ),
    parseWebhook: (request) =>
      Effect.gen(function* () {
        const signature = headerOf(request.headers, FAKE_SIGNATURE_HEADER)
        const ok =
          settings.webhookSecret !== undefined &&
          (yield* verifyHmacSha256Hex(settings.webhookSecret, request.rawBody ?? request.body, signature))
        if (!ok) return yield* Effect.fail(unsigned)
        const body = JSON.parse(request.body) as { event_id: string; job: Job }
        return { provider: "fake", eventId: body.event_id, type: "job.updated", job: toJob(body.job) }
      }),
  }
}

/**
 * The fake vendor's adapter: a complete provider for a made-up vendor, to drive core (and an
 * app's own code) end to end in tests, with {@link createFakeVendorSimulator} answering its
 * requests. A reference adapter too: settings with `secret()` and core's transport fields, one
 * HTTP client, a status table, `providerOptions` checked with `parseProviderOptions`, a signed
 * webhook verified over the raw bytes, catalogs on every paging style, avatar videos. Ids:
 * `fake:previews:<id>`, `fake:render:<id>`, `fake:avatar:<id>`.
 *
 * @example
 * ```ts
 * const simulator = createFakeVendorSimulator()
 * server.use(...simulator.handlers) // msw
 * const client = createVideoClient({ provider: fakeVendor(simulator.settings()) })
 * const job = await client.render({ template: "t" })
 * ```
 */
export const fakeVendor = defineProvider({
  id: "fake",
  displayName: "Fake vendor",
  capabilities: fakeVendorCapabilities,
  settings: FakeVendorSettings,
  env: {
    apiKey: { name: "FAKE_API_KEY", description: "API key" },
    webhookSecret: { name: "FAKE_WEBHOOK_SECRET", description: "webhook signing secret" },
    baseUrl: { name: "FAKE_BASE_URL", description: "API base URL" },
  },
  make: (settings) => Effect.sync(() => makeFakeVendorProvider(settings)),
})
