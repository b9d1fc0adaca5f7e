import * as Effect from "effect/Effect"
import type { Capabilities } from "./Capabilities.js"
import type { CatalogCallOptions, CatalogClient } from "./catalogs/client.js"
import { eachCatalog } from "./catalogs/operations.js"
import { abortable } from "./internal/abortable.js"
import { type LazyProvider, lazyProvider } from "./internal/lazyProvider.js"
import { reportsOf } from "./internal/reports.js"
import { JobRef, type JobRefInput } from "./JobRef.js"
import type { CatalogOperation, CatalogQuery } from "./model/Catalog.js"
import type {
  ListJobsQuery,
  PreviewRequest,
  ProductInput,
  ProductUpdate,
  RenderPreviewRequest,
  RenderRequest,
  ScriptRequest,
} from "./model/inputs.js"
import type {
  CreditEstimate,
  JobPage,
  Product,
  ScriptJob,
  SubmissionStatus,
  VideoJob,
  VideoJobEvent,
} from "./model/VideoJob.js"
import type { ConfiguredProvider } from "./ProviderDefinition.js"
import { type BatchResult, type WaitForAllOptions, waitForAllWith } from "./polling/waitForAll.js"
import { type WaitOptions, waitWith } from "./polling/waitForCompletion.js"
import { unknownProvider } from "./registry.js"
import { runPromise } from "./runPromise.js"
import type { SubmissionRef } from "./SubmissionRef.js"
import {
  checkReconcile,
  Reconcile,
  type ReconcileOptions,
  type SubmitOptions,
} from "./submissions/reconcile.js"
import { invalidInput, type VideoError } from "./VideoError.js"
import type { WebhookRequest } from "./VideoProvider.js"
import { parseDelivery, type WebhookHandlerOptions, webhookEndpoint } from "./webhooks/handler.js"
import { toWebhookRequest } from "./webhooks/request.js"

/** Per-call options of the Promise API. */
export interface CallOptions {
  /** Aborting cancels the in-flight request and rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
}

/** Options of {@link VideoClient.waitForCompletion}. */
export interface ClientWaitOptions extends WaitOptions, CallOptions {}

/** Options of a paid call: `signal`, and the write-ahead hook `onSubmit` and `resendIfNotFound`. */
export interface SubmitCallOptions extends CallOptions, SubmitOptions {}

/** Configuration of {@link createVideoClient}. */
export interface VideoClientConfig {
  /** The provider for new work: a configured provider (`creatify({...})`), or the id of one in `providers`. */
  readonly provider: ConfiguredProvider | string
  /** Other configured providers; refs of any of them can be read, and `provider` may name one. */
  readonly providers?: ReadonlyArray<ConfiguredProvider> | undefined
  /** Defaults for every wait (timeout, schedule). */
  readonly polling?: Omit<WaitOptions, "onProgress"> | undefined
  /** How a paid call whose answer was lost is looked up: `window` (default 2 minutes) and `schedule`. */
  readonly reconcile?: ReconcileOptions | undefined
}

/**
 * The Promise face of vidbridge: every neutral operation, `AbortSignal` support, and
 * errors that are `instanceof VideoError`. Operations on an existing job route by the
 * provider named in its ref, so one client reads jobs of every configured provider.
 */
export interface VideoClient extends CatalogClient {
  /** The id of the provider new work goes to. */
  readonly provider: string
  /** Ids of every configured provider. */
  readonly providers: ReadonlyArray<string>
  /** What a provider can do (default: the active one). */
  capabilities(provider?: string): Capabilities
  createProduct(input: ProductInput, options?: SubmitCallOptions): Promise<Product>
  updateProduct(product: string | Product, patch: ProductUpdate, options?: CallOptions): Promise<Product>
  generateScripts(request: ScriptRequest, options?: ClientWaitOptions & SubmitOptions): Promise<ScriptJob>
  generatePreviews(request: PreviewRequest, options?: SubmitCallOptions): Promise<VideoJob>
  renderPreview(request: RenderPreviewRequest, options?: SubmitCallOptions): Promise<VideoJob>
  render(request: RenderRequest, options?: SubmitCallOptions): Promise<VideoJob>
  getStatus(ref: JobRefInput, options?: CallOptions): Promise<VideoJob>
  /** One lookup of a paid request by its submission ref (routed by the provider it names). */
  findSubmission(ref: string | SubmissionRef, options?: CallOptions): Promise<SubmissionStatus>
  /** Cancels a job where the vendor can; every local wait on it (this client's) ends at once. */
  cancel(ref: JobRefInput, options?: CallOptions): Promise<VideoJob>
  listJobs(query?: ListJobsQuery, options?: CallOptions & { readonly provider?: string }): Promise<JobPage>
  estimateCredits(
    request: RenderRequest | PreviewRequest,
    kind?: "render" | "previews",
    options?: CallOptions,
  ): Promise<CreditEstimate>
  /** Polls until the job is settled; see `waitForCompletion` in the Effect API. */
  waitForCompletion(ref: JobRefInput, options?: ClientWaitOptions): Promise<VideoJob>
  /**
   * Each change of a job until it settles. `for await (const job of client.watch(ref))`.
   * Aborting `signal` cancels the read in flight and the loop throws the signal's reason.
   */
  watch(ref: JobRefInput, options?: Omit<ClientWaitOptions, "onProgress">): AsyncIterable<VideoJob>
  /** Waits for many jobs with one shared loop, batching status reads where the vendor can. */
  waitForAll(
    refs: ReadonlyArray<JobRefInput>,
    options?: CallOptions & WaitForAllOptions,
  ): Promise<ReadonlyArray<BatchResult>>
  /** Verifies and parses one delivery. */
  parseWebhook(request: Request | WebhookRequest, options?: CallOptions): Promise<VideoJobEvent>
  /** A fetch-style endpoint for every configured provider. */
  handleWebhook(options: WebhookHandlerOptions): (request: Request) => Promise<Response>
}

/**
 * Creates the Promise client.
 *
 * @example
 * ```ts
 * import { createVideoClient } from "@vidbridge/core"
 * import { creatify } from "@vidbridge/adapter-creatify"
 * import { jogg } from "@vidbridge/adapter-jogg"
 *
 * const client = createVideoClient({
 *   provider: process.env.VIDEO_VENDOR ?? "creatify",
 *   providers: [creatify({ apiId, apiKey }), jogg({ apiKey: joggKey })],
 * })
 * const product = await client.createProduct({ url: "https://shop.example/p/42" })
 * ```
 */
export const createVideoClient = (config: VideoClientConfig): VideoClient => {
  const configured = [
    ...(typeof config.provider === "string" ? [] : [config.provider]),
    ...(config.providers ?? []),
  ]
  // Built on first use, not here: a provider's make may be asynchronous (see LazyProvider).
  const providers = new Map<string, LazyProvider>()
  for (const provider of configured) {
    if (!providers.has(provider.id)) providers.set(provider.id, lazyProvider(provider))
  }
  const activeId = typeof config.provider === "string" ? config.provider : config.provider.id
  const active = providers.get(activeId)
  if (active === undefined) throw unknownProvider(activeId, [...providers.keys()])
  const reconcile = config.reconcile && checkReconcile(config.reconcile)

  // `field` is what the caller gave: a provider id, or a ref / product naming one.
  const providerOf = (id: string | undefined, operation: string, field = "provider"): LazyProvider => {
    if (id === undefined) return active
    const found = providers.get(id)
    if (found === undefined) {
      throw invalidInput("vidbridge", operation, [
        {
          path: field,
          message: `${field === "provider" ? "" : `belongs to provider "${id}", but `}"${id}" is not configured; configured: ${[...providers.keys()].join(", ")}`,
        },
      ])
    }
    return found
  }
  const forRef = (ref: JobRefInput, operation: string, field = "ref"): LazyProvider => {
    let parsed: JobRef
    try {
      parsed = JobRef.from(ref)
    } catch (error) {
      throw invalidInput("vidbridge", operation, [{ path: field, message: (error as Error).message }])
    }
    return providerOf(parsed.provider, operation, field)
  }
  const attempt = async <A>(make: () => Effect.Effect<A, VideoError>, signal?: AbortSignal): Promise<A> => {
    let effect: Effect.Effect<A, VideoError>
    try {
      effect = make()
    } catch (error) {
      return Promise.reject(error)
    }
    return runPromise(reconcile ? Effect.provideService(effect, Reconcile, reconcile) : effect, signal)
  }
  const ops = (provider: LazyProvider) => provider.operations()
  const waitDefaults = config.polling ?? {}

  return {
    provider: activeId,
    providers: [...providers.keys()],
    capabilities: (id): Capabilities => providerOf(id, "capabilities").capabilities,
    createProduct: (input, o) => attempt(() => ops(active).createProduct(input, o), o?.signal),
    updateProduct: (product, patch, o) =>
      attempt(
        () =>
          ops(
            typeof product === "object" && product !== null
              ? providerOf(product.provider, "updateProduct", "product")
              : typeof product === "string" && JobRef.isValid(product)
                ? forRef(product, "updateProduct", "product")
                : active, // a bare vendor id belongs to the active provider (which checks the rest)
          ).updateProduct(product, patch),
        o?.signal,
      ),
    generateScripts: (request, o) =>
      attempt(() => ops(active).generateScripts(request, { ...waitDefaults, ...o }), o?.signal),
    generatePreviews: (request, o) => attempt(() => ops(active).generatePreviews(request, o), o?.signal),
    renderPreview: (request, o) =>
      attempt(
        () =>
          // Without a job string, the active provider's schema check names what is wrong.
          ops(
            typeof request?.job === "string" ? forRef(request.job, "renderPreview", "job") : active,
          ).renderPreview(request, o),
        o?.signal,
      ),
    render: (request, o) => attempt(() => ops(active).render(request, o), o?.signal),
    getStatus: (ref, o) => attempt(() => ops(forRef(ref, "getStatus")).getStatus(ref), o?.signal),
    findSubmission: (ref, o) =>
      attempt(
        () =>
          ops(
            typeof ref === "object" && ref !== null
              ? providerOf(ref.provider, "findSubmission", "ref")
              : forRef(ref, "findSubmission"),
          ).findSubmission(ref),
        o?.signal,
      ),
    cancel: (ref, o) => attempt(() => ops(forRef(ref, "cancel")).cancel(ref), o?.signal),
    listJobs: (query, o) =>
      attempt(() => ops(providerOf(o?.provider, "listJobs")).listJobs(query ?? {}), o?.signal),
    ...(eachCatalog(
      (name) => (query?: CatalogQuery, o?: CatalogCallOptions) =>
        attempt(() => ops(providerOf(o?.provider, name))[name](query), o?.signal),
    ) as Pick<CatalogClient, CatalogOperation>),
    getCreditBalance: (o) =>
      attempt(() => ops(providerOf(o?.provider, "getCreditBalance")).getCreditBalance(), o?.signal),
    estimateCredits: (request, kind, o) =>
      attempt(() => ops(active).estimateCredits(request, kind ?? "render"), o?.signal),
    waitForCompletion: (ref, o) =>
      attempt(
        () =>
          forRef(ref, "waitForCompletion").use((shape) => waitWith(shape, ref, { ...waitDefaults, ...o })),
        o?.signal,
      ),
    watch: (ref, o) =>
      abortable(
        reportsOf<VideoJob>((report) =>
          forRef(ref, "watch").use((shape) =>
            waitWith(shape, ref, { ...waitDefaults, ...o, onProgress: report }),
          ),
        ),
        o?.signal,
      ),
    waitForAll: (refs, o) =>
      attempt(() => waitForAllWith(refs, o, (ref) => forRef(ref, "waitForAll")), o?.signal),
    parseWebhook: async (request, o) => {
      const incoming = request instanceof Request ? await toWebhookRequest(request) : request
      if (incoming === undefined) {
        throw invalidInput("vidbridge", "parseWebhook", [{ path: "body", message: "is larger than 1 MiB" }])
      }
      const named = new URL(incoming.url).searchParams.get("provider")
      return attempt(
        () => ops(providerOf(named ?? undefined, "parseWebhook")).parseWebhook(incoming),
        o?.signal,
      )
    },
    handleWebhook: (options) =>
      webhookEndpoint(
        [...providers.values()].map((provider) => ({
          id: provider.id,
          parse: (request: WebhookRequest) => provider.use((shape) => parseDelivery(shape, request)),
        })),
        options,
      ),
  }
}
