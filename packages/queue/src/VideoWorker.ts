import {
  type ConfiguredProvider,
  createVideoClient,
  type ReconcileOptions,
  VideoError,
  type VideoJob,
} from "@vidbridge/core"
import { type Job, Queue, UnrecoverableError, Worker } from "bullmq"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { type ActivationContext, activate } from "./internal/activation.js"
import type { OrderJobData } from "./internal/orders.js"
import { namesOf } from "./internal/queues.js"
import { LockLost, makeStore } from "./internal/store.js"
import { startTracker, type Tracker, type TrackerRound } from "./internal/tracker.js"
import { wakeOrder } from "./internal/wake.js"
import { type SubmissionLimit, submissionSpacing, vendorLimits } from "./limits.js"
import { bullConnection, openRedis, type RedisConnection } from "./redis.js"

export type { TrackerRound } from "./internal/tracker.js"

/** Turns per second of an account without a limit: never reached. */
const UNLIMITED = 1_000_000_000

/** The job a tracker's wait ended with: the settled job, or the failed one a `JobFailed` carries. */
const settledJob = (exit: Exit.Exit<VideoJob, VideoError>): VideoJob | undefined => {
  if (Exit.isSuccess(exit)) return exit.value
  const error = exit.cause.reasons.flatMap((r) => (r._tag === "Fail" ? [r.error] : []))[0]
  const reason = error?.reason
  return reason !== undefined && "job" in reason ? (reason.job as VideoJob | undefined) : undefined
}

/** Options of {@link createVideoWorker}. */
export interface VideoWorkerOptions {
  /** Redis, as given to `createVideoQueue`; `prefix` and `name` must match it too. */
  readonly connection: RedisConnection
  readonly prefix?: string | undefined
  readonly name?: string | undefined
  /** The configured providers this worker makes orders for (one BullMQ worker each). */
  readonly providers: ReadonlyArray<ConfiguredProvider>
  /** Orders one provider account runs at once in this process. Parked orders do not count. Default 10. */
  readonly concurrency?: number | undefined
  /**
   * Vendor request limits per provider id, held across all workers by the account queue's rate
   * limiter; `false` for none. Default {@link vendorLimits} (JoggAI: 20 POSTs per minute).
   */
  readonly limits?: Readonly<Record<string, SubmissionLimit | false>> | undefined
  /** The public URL of your webhook receivers (`createWebhookReceiver`); `?provider=<id>` is added. */
  readonly webhookUrl?: string | undefined
  /**
   * The tracker of each account: time between status rounds, its lease, and the least time
   * between rounds (ms; default the vendor's polling floor, JoggAI 5 s); `false`: none here.
   */
  readonly tracker?:
    | { readonly interval?: number; readonly lease?: number; readonly minInterval?: number }
    | false
    | undefined
  /** Called after each of this worker's tracker rounds (the batch poller's reads). */
  readonly onRound?: ((round: TrackerRound) => void) | undefined
  /** How long a parked order sleeps when no tracker or webhook wakes it (ms). Default 5 minutes. */
  readonly parkFor?: number | undefined
  /** Time between looks for a paid request whose answer was lost (ms). Default 30 s. */
  readonly lookupEvery?: number | undefined
  /** How long a vendor 429 without `Retry-After` pauses the account (ms). Default 60 s. */
  readonly rateLimitPause?: number | undefined
  /** How core reconciles a lost paid answer (its `reconcile` option). */
  readonly reconcile?: ReconcileOptions | undefined
  /** BullMQ's job lock (ms, default 30 s) and stalled-job check interval (ms, default 30 s). */
  readonly lockDuration?: number | undefined
  readonly stalledInterval?: number | undefined
  /** Stop on SIGTERM and SIGINT (`close`). Default false. */
  readonly handleSignals?: boolean | undefined
  /** A name for this worker in Redis (BullMQ's worker name, the tracker lease's holder). */
  readonly id?: string | undefined
}

/** A running worker; see {@link createVideoWorker}. */
export interface VideoWorker {
  readonly id: string
  /**
   * Stops taking orders and lets the steps in flight finish (their requests complete) for up to
   * `timeout` ms (default 30 s); what is still running then is handed back to BullMQ (its lock
   * lapses and another worker resumes it at its saved step). Gives the tracker leases back.
   */
  readonly close: (options?: { readonly timeout?: number | undefined }) => Promise<void>
  /** Per account: whether this worker holds the tracker lease and how many jobs it reads. */
  readonly trackers: () => ReadonlyArray<{
    readonly account: string
    readonly holding: boolean
    readonly size: number
  }>
}

/**
 * Runs orders of `createVideoQueue` step by step: one BullMQ worker per provider account. Each
 * step's result is saved on the order before the next starts; a paid step saves its submission
 * ref before the request is sent; an order whose vendor job is in progress is parked (a delayed
 * job) and woken by the account's tracker or a webhook. Run as many as you like, anywhere.
 *
 * @example
 * ```ts
 * const worker = await createVideoWorker({
 *   connection: process.env.REDIS_URL!,
 *   providers: [creatify({ apiId, apiKey, retry: { maxRetryAfter: 0 } }), jogg({ apiKey })],
 *   handleSignals: true,
 * })
 * ```
 */
export const createVideoWorker = async (options: VideoWorkerOptions): Promise<VideoWorker> => {
  const keys = namesOf(
    "createVideoWorker",
    options,
    options.providers.length === 0 ? [{ path: "providers", message: "give at least one provider" }] : [],
  )
  const prefix = keys.prefix
  const id = options.id ?? `worker-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  const redis = await openRedis(options.connection, { name: `vidbridge-${id}` })
  const store = makeStore(redis, keys)
  const workers: Worker<OrderJobData>[] = []
  const queues: Queue[] = []
  const trackers: Array<{ account: string; tracker: Tracker }> = []
  const trackerOptions = options.tracker === false ? undefined : (options.tracker ?? {})

  for (const configured of options.providers) {
    const account = configured.id
    const queue = new Queue(keys.queueName(account), {
      connection: bullConnection(options.connection),
      prefix,
    })
    queue.on("error", () => {})
    queues.push(queue)
    const limit = options.limits?.[account] ?? vendorLimits[account] ?? false
    // Queue-level, so it holds for every worker of the account wherever it runs: one turn per
    // spacing. Without a documented limit the limiter never holds anything back, but it must be
    // there for a vendor 429 to pause the account (BullMQ's rate limit works through it).
    if (limit === false) await queue.setGlobalRateLimit(UNLIMITED, 1000)
    else await queue.setGlobalRateLimit(1, submissionSpacing(limit))
    const client = createVideoClient({ provider: configured, reconcile: options.reconcile })
    const context: ActivationContext = {
      account,
      store,
      client,
      capabilities: configured.capabilities,
      queue,
      lockKey: (jobId) => `${queue.toKey(jobId)}:lock`,
      limited: limit !== false,
      webhookUrl: options.webhookUrl,
      parkFor: options.parkFor ?? 300_000,
      lookupEvery: options.lookupEvery ?? 30_000,
      rateLimitPause: options.rateLimitPause ?? 60_000,
    }
    const processor = async (job: Job<OrderJobData>, token?: string) => {
      try {
        return await activate(context, job, token!)
      } catch (error) {
        // Out of attempts on a passing failure (Redis, a vendor read): the order keeps why.
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
        const bullmq = /^bullmq:/.test((error as Error)?.message ?? "")
        if (last && !bullmq && !(error instanceof LockLost) && !(error instanceof UnrecoverableError)) {
          const reason = error instanceof VideoError ? error.reason._tag : "WorkerFailed"
          const message = error instanceof Error ? error.message : String(error)
          const step = (await store.read(job.id!)).progress?.step ?? "product"
          await store
            .write(
              job.id!,
              { failure: { step, reason, message } },
              { key: context.lockKey(job.id!), token: token! },
            )
            .catch(() => undefined)
        }
        throw error
      }
    }
    const worker = new Worker<OrderJobData>(keys.queueName(account), processor, {
      connection: bullConnection(options.connection),
      prefix,
      name: id,
      concurrency: options.concurrency ?? 10,
      lockDuration: options.lockDuration ?? 30_000,
      stalledInterval: options.stalledInterval ?? 30_000,
      // Steps are resumable, so a job may stall (its worker died) many times without harm.
      maxStalledCount: 1000,
    })
    worker.on("error", () => {})
    workers.push(worker)
    if (trackerOptions !== undefined) {
      const made = Effect.runPromise(configured.make)
      const tracker = startTracker({
        account,
        workerId: id,
        redis,
        keys,
        store,
        provider: () => made,
        interval: trackerOptions.interval ?? 10_000,
        minInterval: trackerOptions.minInterval,
        lease: trackerOptions.lease ?? 30_000,
        onRound: options.onRound,
        settled: async (tracked, exit) => {
          await wakeOrder(store, queue, account, tracked, settledJob(exit))
        },
      })
      trackers.push({ account, tracker })
    }
  }

  let closing: Promise<void> | undefined
  const close: VideoWorker["close"] = (closeOptions = {}) => {
    closing ??= (async () => {
      await Promise.all(trackers.map(({ tracker }) => tracker.stop()))
      const timeout = closeOptions.timeout ?? 30_000
      let timer: NodeJS.Timeout | undefined
      // Pausing takes no new orders and waits for the steps in flight; closing with force after
      // that (or after the timeout) stops renewing the locks of whatever still runs, so BullMQ's
      // stalled-job check hands those orders to another worker.
      const finished = Promise.all(workers.map((w) => w.pause()))
      await Promise.race([
        finished,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeout)
        }),
      ])
      clearTimeout(timer)
      await Promise.all(workers.map((w) => w.close(true)))
      await Promise.all(queues.map((q) => q.close()))
      await redis.quit().catch(() => redis.disconnect())
    })()
    return closing
  }
  if (options.handleSignals) {
    const stop = () => void close()
    process.once("SIGTERM", stop)
    process.once("SIGINT", stop)
  }
  return {
    id,
    close,
    trackers: () =>
      trackers.map(({ account, tracker }) => ({ account, holding: tracker.holding(), size: tracker.size() })),
  }
}
