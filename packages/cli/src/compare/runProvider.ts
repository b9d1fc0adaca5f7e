import { type AspectRatio, isFailure, isSettled, VideoError, type VideoJob } from "@vidbridge/core"
import type { Choices } from "../defaults/choose.js"
import { isLoopbackHost } from "../download/addresses.js"
import { type CliProviders, type OpenedProvider, openProvider, withSamples } from "../environment.js"
import { type FlowResult, startFlow } from "../flow.js"
import type { ProgressSink } from "../progress/events.js"
import { failureOf, productPageHint } from "./failure.js"
import type { PlanFailed, ReadyPlan, RunEstimate } from "./plan.js"
import { type SavedMedia, saveMedia } from "./saveMedia.js"

/** One provider's line in the comparison (`--json` rows, the table, the report). */
export interface CompareRow {
  readonly provider: string
  readonly mode: "live" | "simulator"
  readonly status: string
  /** Seconds from the start of the run to the end of this provider's. */
  readonly seconds: number
  readonly requests: number
  readonly credits: number | undefined
  readonly videoUrl: string | undefined
  readonly ref: string | undefined
  /** `<reason>: <message>` when it failed. */
  readonly failure: string | undefined
  /** The typed reason of the failure (`VendorRejected`, `ProductPageError (dns)`, ...). */
  readonly reason?: string | undefined
  /** What to try instead, when a simulator could not read the product page. */
  readonly hint?: string | undefined
  readonly thumbnailUrl?: string | undefined
  /** The product as this vendor understood it. */
  readonly product?:
    | { readonly title?: string | undefined; readonly imageUrl?: string | undefined }
    | undefined
  /** Seconds from the start until the previews were ready (vendors with previews). */
  readonly previewsSeconds?: number | undefined
  /** Seconds from the start until the final video was ready. */
  readonly videoSeconds?: number | undefined
  /** Files written with `--download`. */
  readonly saved?: SavedMedia | undefined
  readonly notes?: ReadonlyArray<string> | undefined
  /** What the run used: each input, its name, and whether it was given or a catalog default. */
  readonly choices?: Choices | undefined
  /** The vendor's estimate for the run, and the balance before it, where the vendor has them. */
  readonly estimate?: RunEstimate | undefined
  readonly balance?: ReadyPlan["balance"] | undefined
}

/** What {@link runProvider} needs besides the provider id. */
export interface RunSettings {
  readonly url: string
  readonly aspectRatio: AspectRatio | undefined
  readonly template: string | undefined
  readonly timeout: number | undefined
  readonly simulate: boolean | undefined
  /** The spoken language (`--language`), sent to the vendor when given. */
  readonly language?: string | undefined
  /** Save the outputs here (`--download`). */
  readonly download?: { readonly dir: string; readonly force: boolean } | undefined
  readonly providers: CliProviders
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal?: AbortSignal | undefined
  /** Milliseconds since the comparison started (one clock for every provider). */
  readonly clock: () => number
  readonly sink: ProgressSink
  /**
   * The provider's plan (`planProvider`): it is run with its choices and its open provider,
   * which is closed at the end. Without one the provider is opened here and, on a simulator,
   * given the simulator's sample ids.
   */
  readonly plan?: ReadyPlan | undefined
}

const loopbackOrigin = (url: string): string | undefined => {
  const parsed = new URL(url)
  return isLoopbackHost(parsed.hostname) ? parsed.origin : undefined
}

/**
 * Runs the URL-to-video flow on one provider and answers its row; never throws for a vendor
 * failure (the row carries the typed reason). Emits a {@link ProgressEvent} per step and status.
 */
export const runProvider = async (id: string, settings: RunSettings): Promise<CompareRow> => {
  const { clock, sink } = settings
  const startedAt = clock()
  let stage = "product"
  const emit = (status: string, progress?: number, final?: boolean) =>
    sink({ group: id, at: clock(), stage, status, progress, final })
  const onJob = (name: string, job: VideoJob) => {
    stage = name
    emit(job.status, job.progress)
    if (name === "previews" && isSettled(job.status)) previewsAt ??= clock()
  }
  let previewsAt: number | undefined
  let opened: OpenedProvider | undefined
  let flow: FlowResult | undefined
  let job: VideoJob | undefined
  emit("running")
  try {
    const plan = settings.plan
    opened =
      plan?.opened ??
      (await openProvider(id, settings.providers, settings.env, { simulate: settings.simulate }))
    const input = { url: settings.url, aspectRatio: settings.aspectRatio, template: settings.template }
    flow = await startFlow(
      opened.client,
      plan !== undefined
        ? {
            ...input,
            ...inputOf(plan.choices),
            ...(settings.language ? { language: settings.language } : {}),
          }
        : opened.mode === "simulator"
          ? withSamples(input)
          : input,
      onJob,
      settings.signal,
    )
    if (flow.previews !== undefined) previewsAt ??= clock()
    job = flow.render
    onJob("render", job)
    job = await opened.client.waitForCompletion(flow.render.ref, {
      signal: settings.signal,
      onProgress: (j) => onJob("render", j),
      ...(settings.timeout ? { timeout: settings.timeout } : {}),
    })
    const videoAt = clock()
    const product = productOf(flow)
    const posterUrl = job.thumbnailUrl ?? product?.imageUrl
    let media: Awaited<ReturnType<typeof saveMedia>> | undefined
    if (settings.download !== undefined) {
      stage = "download"
      emit("running")
      media = await saveMedia(
        { provider: id, videoUrl: job.videoUrl, posterUrl, productImageUrl: product?.imageUrl },
        {
          ...settings.download,
          vendorOrigin: opened.simulatorOrigin,
          pageOrigin: loopbackOrigin(settings.url),
          signal: settings.signal,
        },
      )
    }
    stage = "render"
    emit(job.status, job.progress, true)
    return {
      ...base(id, opened, startedAt, clock(), job),
      ...planned(settings.plan),
      failure: undefined,
      thumbnailUrl: job.thumbnailUrl,
      product,
      previewsSeconds: seconds(previewsAt, startedAt),
      videoSeconds: seconds(videoAt, startedAt),
      saved: media?.saved,
      notes: media?.notes,
    }
  } catch (error) {
    const failed = error instanceof VideoError ? ((error.reason as { job?: VideoJob }).job ?? job) : job
    emit(failed !== undefined && isFailure(failed.status) ? failed.status : "failed", undefined, true)
    const failure = failureOf(error)
    return {
      ...base(id, opened, startedAt, clock(), failed, "error"),
      ...planned(settings.plan),
      failure: `${failure.reason}: ${failure.message}`,
      reason: failure.reason,
      hint: opened ? productPageHint(error, opened.mode) : undefined,
      product: flow ? productOf(flow) : undefined,
      previewsSeconds: seconds(previewsAt, startedAt),
    }
  } finally {
    await opened?.close()
  }
}

/** The flow's inputs from a plan's choices. */
const inputOf = (choices: Choices) => ({
  template: choices.template?.id,
  avatar: choices.avatar?.id,
  voice: choices.voice?.id,
  visualStyle: choices.visualStyle?.id,
  providerOptions: choices.providerOptions,
})

const planned = (plan: ReadyPlan | undefined) =>
  plan === undefined ? {} : { choices: plan.choices, estimate: plan.estimate, balance: plan.balance }

/** The row of a provider whose plan failed (nothing was sent). */
export const failedPlanRow = (plan: PlanFailed): CompareRow => {
  const failure = failureOf(plan.error)
  return {
    provider: plan.provider,
    mode: plan.mode,
    status: "error",
    seconds: 0,
    requests: 0,
    credits: undefined,
    videoUrl: undefined,
    ref: undefined,
    failure: `${failure.reason}: ${failure.message}`,
    reason: failure.reason,
  }
}

const seconds = (at: number | undefined, startedAt: number) =>
  at === undefined ? undefined : (at - startedAt) / 1000

const productOf = (flow: FlowResult) => {
  const title = flow.product?.title ?? flow.page?.title
  const imageUrl = flow.product?.imageUrls[0] ?? flow.page?.imageUrls[0]
  return title === undefined && imageUrl === undefined ? undefined : { title, imageUrl }
}

const base = (
  id: string,
  opened: OpenedProvider | undefined,
  startedAt: number,
  endedAt: number,
  job: VideoJob | undefined,
  fallback = "unknown",
) => ({
  provider: id,
  mode: opened?.mode ?? ("simulator" as const),
  status: job?.status ?? fallback,
  seconds: (endedAt - startedAt) / 1000,
  requests: opened?.requests() ?? 0,
  credits: opened?.credits() ?? job?.creditsUsed,
  videoUrl: job?.videoUrl,
  ref: job?.ref,
})
