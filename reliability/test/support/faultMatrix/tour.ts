// A tour of one vendor's simulator for the fault matrix's completeness test (issue 20): every
// credit-spending call of the matrix, then every other operation the neutral client (and, for
// JoggAI, its webhook endpoints) offers, each request's route and the credits it cost recorded.
import { type JoggSettingsInput, joggWebhookEndpoints } from "@vidbridge/adapter-jogg"
import { createVideoClient, type VideoClient } from "@vidbridge/core"
import { serveHandlers, type VendorSimulator } from "@vidbridge/core/testing"
import { Effect, Schedule } from "effect"
import type { CreditCall } from "./call.js"

/** Simulated time that finishes every job of every simulator. */
const FINISH_EVERYTHING = 60 * 60_000

/** What a tour saw: the routes requested and the credits each cost. */
export interface Tour {
  /** Every route requested at least once. */
  readonly reached: ReadonlySet<string>
  /** The routes an operation of the adapter requested (the rest were requested directly). */
  readonly toured: ReadonlySet<string>
  /** Route -> credits spent while a request on it was answered. */
  readonly charged: ReadonlyMap<string, number>
  /** Steps that failed (the tour goes on; a route they should have reached shows as unreached). */
  readonly failures: ReadonlyArray<string>
}

const attempt = async (failures: string[], step: string, run: () => Promise<unknown>) => {
  try {
    return await run()
  } catch (error) {
    failures.push(`${step}: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}

/** A simulator served on 127.0.0.1 with a client whose every request is counted into `seen`. */
const session = async (
  row: CreditCall,
  seen: { reached: Set<string>; charged: Map<string, number>; headers?: Headers },
  retry: false | { readonly baseDelay: number; readonly maxDelay: number } = false,
) => {
  const sim: VendorSimulator = row.simulate()
  const server = await serveHandlers(sim.handlers, { canonicalBase: sim.canonicalBase })
  // The routes the simulator logged while a request was answered, and the credits it spent meanwhile.
  const counting: typeof fetch = async (input, init) => {
    const logged = sim.log.all().length
    const spent = sim.creditsSpent()
    // The client's own headers (credentials included), for the routes no operation reaches.
    if (seen.headers === undefined) {
      const headers = new Headers(input instanceof Request ? input.headers : undefined)
      for (const [name, value] of new Headers(init?.headers)) headers.set(name, value)
      headers.set("content-type", "application/json")
      seen.headers = headers
    }
    const response = await fetch(input, init)
    const cost = sim.creditsSpent() - spent
    for (const entry of sim.log.all().slice(logged)) {
      seen.reached.add(entry.route)
      seen.charged.set(entry.route, (seen.charged.get(entry.route) ?? 0) + cost)
    }
    return response
  }
  const settings: Record<string, unknown> = { ...sim.settings(server.url), retry, fetch: counting }
  const client: VideoClient = createVideoClient({
    provider: row.definition(settings),
    polling: { schedule: Schedule.spaced(1), timeout: 20_000 },
  })
  return { sim, client, settings, counting, close: () => server.close() }
}

/**
 * Tours the simulators of `rows` (one vendor, one API generation): each row's call as the matrix
 * makes it, on a fresh simulator, and its job read back; then, on one more, a product made and
 * updated, listings, catalogs, the balance and (JoggAI v2) webhook endpoints. Requests are made
 * one at a time, so the credits spent while one was answered are its cost.
 */
export const tour = async (
  rows: ReadonlyArray<CreditCall>,
  routes: ReadonlyArray<string>,
  pageUrl: string,
): Promise<Tour> => {
  const seen: { reached: Set<string>; charged: Map<string, number>; headers?: Headers } = {
    reached: new Set<string>(),
    charged: new Map<string, number>(),
  }
  const failures: string[] = []
  for (const row of rows) {
    const { sim, client, close } = await session(row, seen)
    try {
      await attempt(failures, row.name, async () => {
        const prepared = await row.prepare({ sim, client, pageUrl })
        const answer: { ref: string; submission?: { ref: string } } = await prepared.call(client)
        sim.clock.advance(FINISH_EVERYTHING)
        if (row.lifecycle === "job") await client.getStatus(answer.ref)
        // The lookup core makes after a lost answer (a list, or a read of the job).
        if (answer.submission !== undefined && row.findsSubmissions && !row.lookupUnsupported) {
          await client.findSubmission(answer.submission.ref)
        }
      })
    } finally {
      await close()
    }
  }
  const first = rows[0]!
  const { client, settings, counting, close } = await session(first, seen)
  try {
    const operations = new Set<string>(client.capabilities().operations)
    if (operations.has("updateProduct")) {
      await attempt(failures, "createProduct + updateProduct", async () => {
        const product = await client.createProduct({ url: pageUrl })
        await client.updateProduct(product, { title: "Aurora Trail Shoe 2" })
      })
    }
    if (operations.has("listJobs")) await attempt(failures, "listJobs", () => client.listJobs())
    for (const list of [
      "listAvatars",
      "listVoices",
      "listMusic",
      "listTemplates",
      "listVisualStyles",
    ] as const) {
      if (operations.has(list)) await attempt(failures, list, () => client[list]())
    }
    if (operations.has("getCreditBalance"))
      await attempt(failures, "getCreditBalance", () => client.getCreditBalance())
    if (first.vendor === "JoggAI v2") {
      await attempt(failures, "webhook endpoints", () =>
        Effect.runPromise(
          Effect.gen(function* () {
            const endpoints = yield* joggWebhookEndpoints(settings as JoggSettingsInput)
            const endpoint = yield* endpoints.register({
              url: "https://app.test/hooks/video",
              events: ["generated_product_video_success"],
            })
            yield* endpoints.list()
            yield* endpoints.remove(endpoint.id)
          }),
        ),
      )
    }
    // The routes no operation reached, requested once as they are (an unknown id, an empty body),
    // with the client's headers: a route that answers and charges is found all the same.
    const toured = new Set(seen.reached)
    for (const route of routes.filter((r) => !toured.has(r))) {
      const [method, path] = route.split(" ") as [string, string]
      const url = `${String(settings.baseUrl).replace(/\/$/, "")}${path.replaceAll(/\{\w+\}/g, "tour-1")}`
      const body = method === "GET" || method === "DELETE" ? undefined : "{}"
      await attempt(failures, `direct ${route}`, async () => {
        const init: RequestInit = {
          method,
          ...(seen.headers ? { headers: seen.headers } : {}),
          ...(body ? { body } : {}),
        }
        await (await counting(url, init)).arrayBuffer()
      })
    }
    return { reached: seen.reached, charged: seen.charged, toured, failures }
  } finally {
    await close()
  }
}

/**
 * How many times `row`'s call is sent when the vendor acts on it and then answers 500, with
 * retries on: 1 for a call its adapter marks `spendsCredits: true` (an ambiguous failure of a paid
 * call is never resent); more for a call that forgot the flag.
 */
export const sentAfterAmbiguous = async (row: CreditCall, pageUrl: string): Promise<number> => {
  const seen = { reached: new Set<string>(), charged: new Map<string, number>() }
  const { sim, client, close } = await session(row, seen, { baseDelay: 1, maxDelay: 1 })
  try {
    const prepared = await row.prepare({ sim, client, pageUrl })
    const before = sim.log.count(row.route)
    sim.faults.inject(row.route, { kind: "status", status: 500, when: "after" }, 3)
    await prepared.call(client).catch(() => undefined)
    return sim.log.count(row.route) - before
  } finally {
    await close()
  }
}
