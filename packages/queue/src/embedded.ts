import {
  type BatchPoller,
  type ConfiguredProvider,
  createVideoClient,
  makeBatchPoller,
  type ReconcileOptions,
  type VideoClient,
  VideoError,
  type VideoJob,
} from "@vidbridge/core"
import { invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import {
  choosePreview,
  doneFor,
  previewsRequest,
  productRequest,
  renderPreviewRequest,
  renderRequest,
} from "./internal/flow.js"
import type { Progress } from "./internal/store.js"
import type { OrderFailure, OrderProduct } from "./Order.js"
import { checkOrder, type OrderInput, type Step, stepsOf } from "./OrderInput.js"

/** Options of {@link runOrders}. */
export interface EmbeddedOptions {
  /** The configured providers the orders name. */
  readonly providers: ReadonlyArray<ConfiguredProvider>
  /** Orders sending requests at once (waiting orders hold no slot). Default 8. */
  readonly concurrency?: number | undefined
  /** Time between status rounds of each provider's batch poller (ms). Default 10 s; never below the vendor's polling floor. */
  readonly interval?: number | undefined
  /** The least time between status rounds (ms). Default: each vendor's polling floor (JoggAI 5 s); set it to go below on purpose (simulators). */
  readonly minInterval?: number | undefined
  /** Longest wait for one vendor job (ms). Default 30 minutes. */
  readonly timeout?: number | undefined
  /** Told each step's status, and each order's end (`final`). */
  readonly onProgress?:
    | ((event: {
        readonly orderId: string
        readonly step: Step
        readonly status: string
        readonly progress?: number | undefined
        readonly final?: boolean | undefined
      }) => void)
    | undefined
  /** How core reconciles a lost paid answer (its `reconcile` option). */
  readonly reconcile?: ReconcileOptions | undefined
  readonly signal?: AbortSignal | undefined
}

/** How one order of {@link runOrders} ended. */
export interface EmbeddedResult {
  readonly orderId: string
  readonly provider: string
  readonly ok: boolean
  readonly product?: OrderProduct | undefined
  readonly previews?: VideoJob | undefined
  /** The finished video (`ok`), or the failed render. */
  readonly video?: VideoJob | undefined
  readonly failure?: OrderFailure | undefined
}

const failureOf = (step: Step, error: unknown): OrderFailure => {
  if (!(error instanceof VideoError))
    return { step, reason: "Error", message: String((error as Error)?.message ?? error) }
  const reason = error.reason
  return {
    step,
    reason: reason._tag,
    message: error.message,
    submission: reason._tag === "SubmissionUnknown" ? reason.submission : undefined,
    job: error.ref,
  }
}

/**
 * The embedded default: makes every order in this process, no Redis. The same flows and
 * submission keys as the queue's workers; waits share one batch poller per provider (Creatify
 * reads 100 jobs per request), so a thousand waiting orders cost a few reads per round. Bad
 * orders fail with `InvalidInput` naming `orders[i].field` before anything is sent. Answers one
 * result per order, in order; an order that failed is a result with `ok: false`, not a throw.
 *
 * @example
 * ```ts
 * const results = await runOrders(orders, { providers: [creatify({ apiId, apiKey })] })
 * for (const r of results) console.log(r.orderId, r.ok ? r.video?.videoUrl : r.failure?.message)
 * ```
 */
export const runOrders = async (
  orders: ReadonlyArray<OrderInput>,
  options: EmbeddedOptions,
): Promise<ReadonlyArray<EmbeddedResult>> => {
  const byId = new Map(options.providers.map((p) => [p.id, p]))
  const issues = []
  const checked: OrderInput[] = []
  for (const [i, order] of orders.entries()) {
    const provider = byId.get(order?.provider)
    const exit = await Effect.runPromiseExit(checkOrder(order, provider?.capabilities))
    if (Exit.isFailure(exit)) {
      const error = exit.cause.reasons.flatMap((r) => (r._tag === "Fail" ? [r.error] : []))[0]
      const found = error?.reason._tag === "InvalidInput" ? error.reason.issues : []
      issues.push(
        ...found.map((issue) => ({
          path: `orders[${i}]${issue.path ? `.${issue.path}` : ""}`,
          message: issue.message,
        })),
      )
    } else if (provider === undefined)
      issues.push({
        path: `orders[${i}].provider`,
        message: `"${order.provider}" is not configured; configured: ${[...byId.keys()].join(", ")}`,
      })
    else checked.push(exit.value)
  }
  const keys = new Set<string>()
  checked.forEach((order, i) => {
    if (keys.has(order.idempotencyKey))
      issues.push({ path: `orders[${i}].idempotencyKey`, message: "is used by an earlier order" })
    keys.add(order.idempotencyKey)
  })
  if (issues.length > 0) throw invalidInput("vidbridge", "runOrders", issues)

  const scope = await Effect.runPromise(Scope.make())
  const clients = new Map<string, VideoClient>()
  const pollers = new Map<string, BatchPoller>()
  try {
    for (const provider of options.providers) {
      clients.set(provider.id, createVideoClient({ provider, reconcile: options.reconcile }))
      const shape = await Effect.runPromise(provider.make)
      pollers.set(
        provider.id,
        await Effect.runPromise(
          Scope.provide(scope)(
            makeBatchPoller(shape, {
              interval: options.interval ?? 10_000,
              minInterval: options.minInterval,
            }),
          ),
        ),
      )
    }
    let free = Math.max(1, options.concurrency ?? 8)
    const waiting: Array<() => void> = []
    const slot = async <A>(work: () => Promise<A>): Promise<A> => {
      if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve))
      else free--
      try {
        return await work()
      } finally {
        const next = waiting.shift()
        if (next) next()
        else free++
      }
    }
    const timeout = options.timeout ?? 30 * 60_000
    const run = async (order: OrderInput): Promise<EmbeddedResult> => {
      const client = clients.get(order.provider)!
      const poller = pollers.get(order.provider)!
      const tell = (step: Step, status: string, progress?: number, final?: boolean) =>
        options.onProgress?.({ orderId: order.idempotencyKey, step, status, progress, final })
      // The poller settles at `awaiting_selection` too; a render waits on until it ends.
      const wait = async (step: Step, job: VideoJob): Promise<VideoJob> => {
        let seen = job
        while (!doneFor(step, seen)) {
          tell(step, seen.status, seen.progress)
          seen = await Effect.runPromise(poller.track(seen.ref, { timeout }), { signal: options.signal })
        }
        return seen
      }
      const progress: { -readonly [K in keyof Progress]: Progress[K] } = {
        sending: {},
        submissions: {},
        jobs: {},
        seen: {},
      }
      let step: Step = "product"
      try {
        for (step of stepsOf(order, client.capabilities())) {
          tell(step, "queued")
          if (step === "product") {
            const product = await slot(() =>
              client.createProduct(productRequest(order), { signal: options.signal }),
            )
            progress.product = {
              ref: product.ref,
              id: product.id,
              provider: product.provider,
              title: product.title,
            }
          } else if (step === "previews") {
            const job = await slot(() =>
              client.generatePreviews(previewsRequest(order, progress), { signal: options.signal }),
            )
            progress.previews = await wait(step, job)
          } else {
            const previewId = progress.previews && choosePreview(order, progress.previews)
            if (progress.previews && previewId === undefined) {
              const failure = {
                step,
                reason: "NoUsablePreview",
                message: "the vendor made no usable preview",
                job: progress.previews.ref,
              }
              tell(step, "failed", undefined, true)
              return {
                orderId: order.idempotencyKey,
                provider: order.provider,
                ok: false,
                ...progress,
                failure,
              }
            }
            const job = await slot(() =>
              progress.previews
                ? client.renderPreview(renderPreviewRequest(order, progress.previews, previewId!), {
                    signal: options.signal,
                  })
                : client.render(renderRequest(order, progress), { signal: options.signal }),
            )
            progress.render = await wait(step, job)
          }
          tell(step, "succeeded")
        }
        tell(step, "succeeded", 1, true)
        return {
          orderId: order.idempotencyKey,
          provider: order.provider,
          ok: true,
          product: progress.product,
          previews: progress.previews,
          video: progress.render,
        }
      } catch (error) {
        tell(step, "failed", undefined, true)
        const job =
          error instanceof VideoError && "job" in error.reason
            ? (error.reason.job as VideoJob | undefined)
            : undefined
        return {
          orderId: order.idempotencyKey,
          provider: order.provider,
          ok: false,
          product: progress.product,
          previews: progress.previews,
          video: step === "render" ? job : undefined,
          failure: failureOf(step, error),
        }
      }
    }
    return await Promise.all(checked.map(run))
  } finally {
    await Effect.runPromise(Scope.close(scope, Exit.void))
  }
}
