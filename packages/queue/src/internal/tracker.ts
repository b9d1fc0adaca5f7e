import { makeBatchPoller, type VideoError, type VideoJob, type VideoProviderShape } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import type { Redis } from "ioredis"
import type { Step } from "../OrderInput.js"
import type { Keys } from "./keys.js"
import type { Store } from "./store.js"

// One tracker per provider account in the whole cluster: the worker holding the account's lease
// (a Redis key with an expiry, renewed while it lives) reads every in-flight vendor job of the
// account with core's batch poller and wakes each order whose job settled. When the holder dies
// its lease expires and another worker takes over, reading the in-flight list from Redis.

/** A tracked vendor job and the order step waiting for it. @internal */
export interface TrackedJob {
  readonly ref: string
  readonly orderId: string
  readonly step: Step
}

/** What the tracker did in one round of the batch poller. */
export interface TrackerRound {
  readonly account: string
  /** Jobs read this round. */
  readonly tracked: number
  /** Vendor status requests the round made (a batch read counts once). */
  readonly requests: number
}

/** Options of {@link startTracker}. @internal */
export interface TrackerOptions {
  readonly account: string
  readonly workerId: string
  readonly redis: Redis
  readonly keys: Keys
  readonly store: Store
  readonly provider: () => Promise<VideoProviderShape>
  /** Time between rounds and between looks at the in-flight list (ms). */
  readonly interval: number
  /** The least time between rounds (ms); default the vendor's polling floor. */
  readonly minInterval?: number | undefined
  /** How long the lease lasts without renewal (ms). */
  readonly lease: number
  /** Called when a tracked job settled, or failed for good (then `job` is absent). */
  readonly settled: (tracked: TrackedJob, exit: Exit.Exit<VideoJob, VideoError>) => Promise<void>
  readonly onRound?: ((round: TrackerRound) => void) | undefined
}

const RENEW = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`

/** Competes for the account's lease and, while holding it, tracks the account's in-flight jobs. @internal */
export const startTracker = (options: TrackerOptions) => {
  const { redis, account, workerId } = options
  const leaseKey = options.keys.lease(account)
  let holding = false
  let stopped = false
  let scope: Scope.Closeable | undefined
  let poller: Effect.Success<ReturnType<typeof makeBatchPoller>> | undefined
  const watching = new Map<string, AbortController>()

  const startPolling = async () => {
    const shape = await options.provider()
    scope = await Effect.runPromise(Scope.make())
    poller = await Effect.runPromise(
      Scope.provide(scope)(
        makeBatchPoller(shape, {
          interval: options.interval,
          minInterval: options.minInterval,
          onRound: (round) => options.onRound?.({ account, ...round }),
        }),
      ),
    )
  }
  const stopPolling = async () => {
    for (const controller of watching.values()) controller.abort()
    watching.clear()
    if (scope !== undefined) await Effect.runPromise(Scope.close(scope, Exit.void))
    scope = undefined
    poller = undefined
  }

  const watch = (tracked: TrackedJob) => {
    const controller = new AbortController()
    watching.set(tracked.ref, controller)
    void Effect.runPromiseExit(poller!.track(tracked.ref, { timeout: "7 days" }), {
      signal: controller.signal,
    }).then(async (exit) => {
      if (controller.signal.aborted || watching.get(tracked.ref) !== controller) return
      watching.delete(tracked.ref)
      await options.settled(tracked, exit).catch(() => undefined)
    })
  }

  // Reads the in-flight list: starts reading new jobs, stops reading jobs advanced elsewhere.
  const sync = async () => {
    const jobs = await options.store.tracked(account)
    const current = new Set(jobs.map((j) => j.ref))
    for (const [ref, controller] of watching) {
      if (!current.has(ref)) {
        controller.abort()
        watching.delete(ref)
      }
    }
    for (const tracked of jobs) if (!watching.has(tracked.ref)) watch(tracked)
  }

  const tick = async () => {
    if (stopped) return
    if (holding) {
      holding = (await redis.eval(RENEW, 1, leaseKey, workerId, String(options.lease))) === 1
      if (!holding) await stopPolling()
    } else {
      holding = (await redis.set(leaseKey, workerId, "PX", options.lease, "NX")) === "OK"
      if (holding) await startPolling()
    }
    if (holding && !stopped) await sync()
  }

  let running: Promise<void> = Promise.resolve()
  const timer = setInterval(
    () => {
      running = running.then(tick).catch(() => undefined)
    },
    Math.max(10, Math.min(options.interval, Math.floor(options.lease / 3))),
  )
  running = running.then(tick).catch(() => undefined)

  return {
    /** Whether this worker holds the account's lease now. */
    holding: () => holding,
    /** How many jobs this worker is reading now. */
    size: () => watching.size,
    /** Stops tracking and gives the lease back, so another worker takes over at once. */
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
      await stopPolling()
      if (holding) await redis.eval(RELEASE, 1, leaseKey, workerId).catch(() => undefined)
      holding = false
    },
  }
}

/** A running tracker. @internal */
export type Tracker = ReturnType<typeof startTracker>
