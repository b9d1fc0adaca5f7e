import { createVideoClient } from "@vidbridge/core"
import { serveProductPage } from "@vidbridge/core/testing"
import { Effect, Schedule } from "effect"
import type { UnhandledFrameHandle } from "msw"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"
import { creatify } from "../src/index.js"
import {
  type CreatifySimulator,
  type CreatifySimulatorOptions,
  createSimulator,
} from "../src/testing/index.js"

/**
 * Unhandled requests fail the test, except loopback ones (the product page the simulator
 * scrapes, webhook receivers): those go to the real network.
 */
export const loopbackPassesThrough: UnhandledFrameHandle = ({ frame, defaults }) => {
  const request = (frame as { readonly data?: { readonly request?: Request } }).data?.request
  if (request !== undefined && new URL(request.url).hostname === "127.0.0.1") return
  defaults.error()
  throw new Error(`unhandled request: ${request?.method ?? "?"} ${request?.url ?? "(not HTTP)"}`)
}

/** One msw server per file; each test mounts its own simulator's handlers. */
export const useSimulatorServer = () => {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: loopbackPassesThrough }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  /** A fresh simulator whose handlers answer in-process for this test. */
  const mount = (options: CreatifySimulatorOptions = {}): CreatifySimulator => {
    const sim = createSimulator(options)
    server.use(...sim.handlers)
    return sim
  }
  return { server, mount }
}

/** The sample product page (and its `/empty` and `/blocked` pages) on 127.0.0.1 for this file. */
export const useProductPage = () => {
  const holder: { page?: Awaited<ReturnType<typeof serveProductPage>> } = {}
  beforeAll(async () => {
    holder.page = await serveProductPage()
  })
  afterAll(() => holder.page?.close())
  return () => holder.page!
}

const fast = { retry: { baseDelay: 1, maxDelay: 1 } }

/** The provider on the simulator, built through the public definition with fast retries. */
export const providerFor = (
  sim: CreatifySimulator,
  overrides: Record<string, unknown> = {},
  origin?: string,
) => Effect.runPromise(creatify({ ...sim.settings(origin), ...fast, ...overrides }).make)

/** The neutral client on the simulator. */
export const clientFor = (sim: CreatifySimulator, overrides: Record<string, unknown> = {}, origin?: string) =>
  createVideoClient({
    provider: creatify({ ...sim.settings(origin), ...fast, ...overrides }),
    polling: { schedule: Schedule.spaced("1 millis") },
  })

/** A product from data, as an app would pass it (3 images: Creatify's minimum without video). */
export const productInput = {
  title: "Aurora Trail Shoe",
  description: "Featherlight trail runner with a grippy outsole.",
  imageUrls: [
    "https://shop.test/aurora-1.jpg",
    "https://shop.test/aurora-2.jpg",
    "https://shop.test/aurora-3.jpg",
  ],
}
