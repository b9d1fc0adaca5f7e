import {
  createFakeVendorSimulator,
  type FakeVendorSimulator,
  fakeVendor,
  makeCleanup,
  makeSimClock,
  serveProductPage,
  serveSimulator,
} from "@vidbridge/core/testing"
import { afterEach } from "vitest"
import {
  createVideoQueue,
  createVideoWorker,
  type VideoQueue,
  type VideoWorker,
  type VideoWorkerOptions,
} from "../../src/index.js"
import { redisUrl, testPrefix } from "./redis.js"

/** Time a test that drives Redis, workers and served simulators may take on a busy 2-core machine. */
export const QUEUE_TEST_TIMEOUT = 120_000

/** Everything one test opened, closed after it (workers first, then queues, then servers). */
export const useHarness = () => {
  const cleanup = makeCleanup()
  afterEach(cleanup.closeAll)

  /**
   * The fake vendor served on 127.0.0.1, its clock `speed` times real time (default 1000x), or
   * `manual`: its jobs move only when the test advances the clock.
   */
  const fake = async (options: { speed?: number; manual?: boolean; listLag?: number } = {}) => {
    const simulator = createFakeVendorSimulator({
      clock: options.manual ? makeSimClock() : makeSimClock({ speed: options.speed ?? 1000 }),
      listLag: options.listLag ?? 0,
    })
    return cleanup.add(
      await serveSimulator(simulator, fakeVendor, {
        settings: { retry: { baseDelay: 1, maxDelay: 5, maxRetryAfter: 0 } },
      }),
    )
  }

  /** The sample product page on 127.0.0.1 (the fake vendor scrapes it). */
  const page = async () => cleanup.add(await serveProductPage()).url

  /** A queue under a key prefix of its own. */
  const queue = async (prefix: string, providers?: VideoWorkerOptions["providers"]) => {
    const made = await createVideoQueue({ connection: redisUrl(), prefix, providers })
    cleanup.add({ close: made.close })
    return made
  }

  /** A worker with quick timings for tests. */
  const worker = async (prefix: string, options: Omit<VideoWorkerOptions, "connection" | "prefix">) => {
    const made = await createVideoWorker({
      connection: redisUrl(),
      prefix,
      tracker: { interval: 30, lease: 2000 },
      parkFor: 60_000,
      lockDuration: 5000,
      stalledInterval: 1000,
      ...options,
    })
    cleanup.add({ close: () => made.close({ timeout: 5000 }) })
    return made
  }

  return { cleanup, fake, page, queue, worker, prefix: testPrefix }
}

export type { FakeVendorSimulator, VideoQueue, VideoWorker }
