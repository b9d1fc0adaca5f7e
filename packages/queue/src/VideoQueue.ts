import type { ConfiguredProvider } from "@vidbridge/core"
import { type Job, QueueEvents } from "bullmq"
import * as Effect from "effect/Effect"
import { bullStates, type OrderJobData, stateOf, toOrder } from "./internal/orders.js"
import { makeAccountQueues, namesOf } from "./internal/queues.js"
import { makeStore } from "./internal/store.js"
import type { Order, OrderState } from "./Order.js"
import { OrderStates } from "./Order.js"
import { checkOrder, fingerprint, type OrderInput } from "./OrderInput.js"
import { QueueError } from "./QueueError.js"
import { bullConnection, openRedis, type RedisConnection } from "./redis.js"

/** Options of {@link createVideoQueue} (the worker and receivers take the same `connection`, `prefix`, `name`). */
export interface VideoQueueOptions {
  /** Redis: a URL (`redis://127.0.0.1:6379`) or ioredis options. */
  readonly connection: RedisConnection
  /** Prefix of every Redis key (BullMQ's `prefix`). Default `vidbridge`. */
  readonly prefix?: string | undefined
  /** The queue's name; several apps can share one Redis under different names. Default `videos`. */
  readonly name?: string | undefined
  /** When given, `submit` also checks each order against its provider's capabilities. */
  readonly providers?: ReadonlyArray<ConfiguredProvider> | undefined
  /** How long the start may wait for Redis to answer (ms). Default 5000. */
  readonly connectTimeout?: number | undefined
}

/** Something that happened to an order, from BullMQ's events. */
export interface OrderEvent {
  readonly type: "waiting" | "active" | "parked" | "progress" | "succeeded" | "failed"
  readonly orderId: string
  readonly provider: string
  /** For `progress`: the step and its vendor job's status and progress. */
  readonly progress?:
    | { readonly step: string; readonly status: string; readonly progress?: number }
    | undefined
  /** For `failed`: BullMQ's failed reason (the order's `failure` has the details). */
  readonly message?: string | undefined
}

/** Orders on Redis; see {@link createVideoQueue}. */
export interface VideoQueue {
  /**
   * Queues an order, or answers the order its `idempotencyKey` already names (never a second
   * video). A bad order is `InvalidInput` naming the field; the key reused for a different order
   * is `QueueError` `key_reused`. Nothing is sent to a vendor here: workers do that.
   */
  readonly submit: (order: OrderInput) => Promise<Order>
  /** The order, or `undefined` when no order has this id. */
  readonly get: (orderId: string) => Promise<Order | undefined>
  /** Resolves with the order once it succeeded or failed (`order.failure` says why); rejects on `timeout` (ms) or `signal`. */
  readonly waitFor: (
    orderId: string,
    options?: { readonly timeout?: number | undefined; readonly signal?: AbortSignal | undefined },
  ) => Promise<Order>
  /** Orders in a state (all states when absent), oldest first, at most `limit` (default 100) from `offset`. */
  readonly list: (query?: {
    readonly state?: OrderState | undefined
    readonly provider?: string | undefined
    readonly offset?: number | undefined
    readonly limit?: number | undefined
  }) => Promise<ReadonlyArray<Order>>
  /** How many orders are in each state (over every provider, or one). */
  readonly counts: (provider?: string) => Promise<Record<OrderState, number>>
  /** Calls `listener` for every order event of every provider; answers a function that stops it. */
  readonly onEvent: (listener: (event: OrderEvent) => void) => Promise<() => void>
  /** The providers that have orders. */
  readonly providers: () => Promise<ReadonlyArray<string>>
  /** Closes every connection. */
  readonly close: () => Promise<void>
}

/**
 * Orders ("make this video") on BullMQ and Redis, for many workers. Each provider account has
 * its own BullMQ queue (`<name>-<provider>`), where the order is one job whose id is its
 * idempotency key. Fails with `QueueError` `redis_unavailable` (naming the URL without
 * credentials) when Redis does not answer at start.
 *
 * @example
 * ```ts
 * const queue = await createVideoQueue({ connection: process.env.REDIS_URL! })
 * const order = await queue.submit({ idempotencyKey: "sku-42", provider: "creatify",
 *   product: { url: "https://shop.example/p/42" }, render: { aspectRatio: "9:16" } })
 * const done = await queue.waitFor(order.id)
 * console.log(done.state, done.video?.videoUrl ?? done.failure?.message)
 * ```
 */
export const createVideoQueue = async (options: VideoQueueOptions): Promise<VideoQueue> => {
  const keys = namesOf("createVideoQueue", options)
  const prefix = keys.prefix
  const redis = await openRedis(options.connection, {
    timeout: options.connectTimeout,
    name: "vidbridge-queue",
  })
  const store = makeStore(redis, keys)
  const capabilities = new Map((options.providers ?? []).map((p) => [p.id, p.capabilities]))
  const accountQueues = makeAccountQueues(options.connection, keys)
  const events = new Map<string, Promise<QueueEvents>>()
  let closed = false

  const queueOf = accountQueues.of
  // One listener per account for every `waitFor` (not one per waiting order).
  const finishedWaiters = new Map<string, Set<() => void>>()
  const eventsOf = (account: string): Promise<QueueEvents> => {
    let found = events.get(account)
    if (found === undefined) {
      const queueEvents = new QueueEvents(keys.queueName(account), {
        connection: bullConnection(options.connection),
        prefix,
      })
      queueEvents.setMaxListeners(0)
      queueEvents.on("error", () => {})
      const finished = ({ jobId }: { jobId: string }) => {
        for (const wake of finishedWaiters.get(jobId) ?? []) wake()
      }
      queueEvents.on("completed", finished)
      queueEvents.on("failed", finished)
      found = queueEvents.waitUntilReady().then(() => queueEvents)
      events.set(account, found)
    }
    return found
  }
  const accountOf = async (orderId: string) => (await redis.hget(keys.index, orderId)) ?? undefined
  const view = async (job: Job<OrderJobData>, state?: OrderState): Promise<Order> => {
    const current = state ?? stateOf(await job.getState()) ?? "waiting"
    return toOrder(job, current, await store.read(job.id!))
  }
  const get = async (orderId: string): Promise<Order | undefined> => {
    const account = await accountOf(orderId)
    if (account === undefined) return undefined
    const job = await queueOf(account).getJob(orderId)
    return job === undefined ? undefined : view(job)
  }
  const guard = () => {
    if (closed) throw new QueueError("closed", "the queue is closed")
  }

  const submit = async (input: OrderInput): Promise<Order> => {
    guard()
    const provider = typeof input?.provider === "string" ? input.provider : undefined
    const order = await Effect.runPromise(
      checkOrder(input, provider === undefined ? undefined : capabilities.get(provider)),
    )
    const id = order.idempotencyKey
    const print = fingerprint(order)
    // The key names one order whatever its provider: claimed here, before BullMQ sees it.
    await redis.hsetnx(keys.index, id, order.provider)
    const account = await accountOf(id)
    const reused = () =>
      new QueueError("key_reused", `the idempotency key ${id} already names a different order`, {
        orderId: id,
      })
    if (account !== order.provider) throw reused()
    await redis.sadd(keys.accounts, account)
    const queue = queueOf(account)
    await queue.add(
      "order",
      { order, fingerprint: print },
      { jobId: id, attempts: 10, backoff: { type: "exponential", delay: 1000 } },
    )
    const job = await queue.getJob(id)
    if (job === undefined)
      throw new QueueError("not_found", `order ${id} vanished while it was queued`, { orderId: id })
    if (job.data.fingerprint !== print) throw reused()
    return view(job)
  }

  const waitFor: VideoQueue["waitFor"] = async (orderId, waitOptions = {}) => {
    guard()
    const account = await accountOf(orderId)
    if (account === undefined) throw new QueueError("not_found", `no order ${orderId}`, { orderId })
    await eventsOf(account)
    return new Promise<Order>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      let poll: NodeJS.Timeout | undefined
      const waiters = finishedWaiters.get(orderId) ?? new Set()
      finishedWaiters.set(orderId, waiters)
      const done = () => {
        clearTimeout(timer)
        clearInterval(poll)
        waiters.delete(onFinished)
        if (waiters.size === 0) finishedWaiters.delete(orderId)
        waitOptions.signal?.removeEventListener("abort", onAbort)
      }
      const check = async () => {
        const order = await get(orderId)
        if (order !== undefined && (order.state === "succeeded" || order.state === "failed")) {
          done()
          resolve(order)
        }
      }
      const onFinished = () => void check().catch(() => undefined)
      const onAbort = () => {
        done()
        reject(waitOptions.signal?.reason)
      }
      waiters.add(onFinished)
      waitOptions.signal?.addEventListener("abort", onAbort, { once: true })
      if (waitOptions.timeout !== undefined)
        timer = setTimeout(() => {
          done()
          reject(
            new QueueError("timeout", `order ${orderId} did not finish within ${waitOptions.timeout} ms`, {
              orderId,
            }),
          )
        }, waitOptions.timeout)
      // Events are the fast path; a slow look every 5 s covers a dropped event connection.
      poll = setInterval(() => void check().catch(() => undefined), 5000)
      void check().catch((error) => {
        done()
        reject(error)
      })
    })
  }

  const providers = async () =>
    [...new Set([...(await redis.smembers(keys.accounts)), ...accountQueues.known()])].sort()

  const list: VideoQueue["list"] = async (query = {}) => {
    guard()
    const offset = query.offset ?? 0
    const limit = query.limit ?? 100
    const states = query.state === undefined ? OrderStates : [query.state]
    const accounts = query.provider === undefined ? await providers() : [query.provider]
    const found: Order[] = []
    for (const account of accounts) {
      for (const state of states) {
        const jobs = await queueOf(account).getJobs([...bullStates[state]], 0, offset + limit - 1, true)
        for (const job of jobs) if (job) found.push(await view(job, state))
      }
    }
    return found.sort((a, b) => a.createdAt - b.createdAt).slice(offset, offset + limit)
  }

  const counts: VideoQueue["counts"] = async (provider) => {
    guard()
    const total = Object.fromEntries(OrderStates.map((s) => [s, 0])) as Record<OrderState, number>
    for (const account of provider === undefined ? await providers() : [provider]) {
      const raw = await queueOf(account).getJobCounts(...OrderStates.flatMap((s) => bullStates[s]))
      for (const state of OrderStates) for (const bull of bullStates[state]) total[state] += raw[bull] ?? 0
    }
    return total
  }

  const onEvent: VideoQueue["onEvent"] = async (listener) => {
    guard()
    const stops: Array<() => void> = []
    for (const account of await providers()) {
      const queueEvents = await eventsOf(account)
      const emit =
        (type: OrderEvent["type"], extra: Partial<OrderEvent> = {}) =>
        (args: { jobId: string }) =>
          listener({ type, orderId: args.jobId, provider: account, ...extra })
      const handlers: Array<[string, (args: any) => void]> = [
        ["waiting", emit("waiting")],
        ["active", emit("active")],
        ["delayed", emit("parked")],
        ["completed", emit("succeeded")],
        ["failed", (args) => emit("failed", { message: args.failedReason })(args)],
        ["progress", (args) => emit("progress", { progress: args.data })(args)],
      ]
      for (const [event, handler] of handlers) queueEvents.on(event as "completed", handler)
      stops.push(() => {
        for (const [event, handler] of handlers) queueEvents.off(event as "completed", handler)
      })
    }
    return () => {
      for (const stop of stops) stop()
    }
  }

  return {
    submit,
    get,
    waitFor,
    list,
    counts,
    onEvent,
    providers,
    close: async () => {
      if (closed) return
      closed = true
      await Promise.all([accountQueues.close(), ...[...events.values()].map(async (e) => (await e).close())])
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
