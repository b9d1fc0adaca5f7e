import {
  type ConfiguredProvider,
  createVideoClient,
  isSettled,
  type JobTracker,
  type Observation,
  type VideoJobEvent,
} from "@vidbridge/core"
import { makeAccountQueues, namesOf } from "./internal/queues.js"
import { makeRedisJobTracker } from "./internal/redisTracker.js"
import { makeStore } from "./internal/store.js"
import { wakeOrder } from "./internal/wake.js"
import { openRedis, type RedisConnection } from "./redis.js"

/** Options of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** Redis, `prefix` and `name` as given to `createVideoQueue`. */
  readonly connection: RedisConnection
  readonly prefix?: string | undefined
  readonly name?: string | undefined
  /** The providers whose callbacks arrive here (they verify them: signatures, tokens). */
  readonly providers: ReadonlyArray<ConfiguredProvider>
  /**
   * Called once per delivery that moves a job forward, across every receiver sharing this Redis
   * (duplicates and stale deliveries are dropped first). `order` names the order it woke, if any.
   * A throw answers 500 and gives the claim back, so the vendor's redelivery is processed.
   */
  readonly onEvent?:
    | ((
        event: VideoJobEvent,
        order: { readonly orderId: string; readonly step: string } | undefined,
      ) => void | Promise<void>)
    | undefined
  /** Also called for duplicates and stale deliveries. */
  readonly onIgnored?: ((event: VideoJobEvent, observation: Observation) => void) | undefined
  /** How long deliveries are remembered for dedupe (ms). Default 7 days. */
  readonly dedupeTtl?: number | undefined
  /** Largest body read (bytes); default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
}

/** A webhook endpoint for any number of instances; see {@link createWebhookReceiver}. */
export interface WebhookReceiver {
  /** The fetch-style endpoint: `(Request) => Promise<Response>` (Next.js, Hono, node:http through an adapter). */
  readonly handler: (request: Request) => Promise<Response>
  /** The shared dedupe store (core's `JobTracker`, atomic on Redis), for your own handlers. */
  readonly tracker: JobTracker
  readonly close: () => Promise<void>
}

/**
 * A webhook receiver for the queue's vendor jobs. Run as many instances as you like: they share
 * one dedupe store on Redis (an atomic check-and-record per delivery, with a TTL), so a delivery
 * sent to several instances, or retried, reaches `onEvent` once; a verified event that settles a
 * parked order's job wakes that order at once. Point the workers' `webhookUrl` at it.
 *
 * @example
 * ```ts
 * const receiver = await createWebhookReceiver({ connection: process.env.REDIS_URL!, providers })
 * // Next.js: export const POST = receiver.handler
 * ```
 */
export const createWebhookReceiver = async (options: WebhookReceiverOptions): Promise<WebhookReceiver> => {
  const keys = namesOf(
    "createWebhookReceiver",
    options,
    options.providers.length === 0 ? [{ path: "providers", message: "give at least one provider" }] : [],
  )
  const redis = await openRedis(options.connection, { name: "vidbridge-webhooks" })
  const store = makeStore(redis, keys)
  const tracker = makeRedisJobTracker(redis, keys, options.dedupeTtl)
  const queues = makeAccountQueues(options.connection, keys)
  const queueOf = queues.of
  const [first, ...rest] = options.providers
  const client = createVideoClient({ provider: first!, providers: rest })
  const handler = client.handleWebhook({
    tracker,
    maxBodyBytes: options.maxBodyBytes,
    onIgnored: options.onIgnored,
    onEvent: async (event) => {
      const account = event.provider
      // Only a settled state is kept for an order that has not tracked its job yet: it is what
      // the order waits for, and a later progress event must not replace it.
      const owner = await store.ownerOrEarly(
        account,
        event.job.ref,
        isSettled(event.job.status) ? event.job : undefined,
      )
      if (owner !== undefined)
        await wakeOrder(store, queueOf(account), account, { ref: event.job.ref, ...owner }, event.job)
      await options.onEvent?.(event, owner)
    },
  })
  return {
    handler,
    tracker,
    close: async () => {
      await queues.close()
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
