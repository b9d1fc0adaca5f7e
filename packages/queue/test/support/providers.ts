import type { ConfiguredProvider, VideoProviderShape } from "@vidbridge/core"
import { fakeVendor, type ServedSimulator, type VendorSimulator } from "@vidbridge/core/testing"
import * as Effect from "effect/Effect"

/** Quick retries; a 429 reaches the worker at once (so it pauses the account for every worker). */
export const FAST = { retry: { baseDelay: 1, maxDelay: 5, maxRetryAfter: 0 } }

/** The fake vendor configured for a served simulator, with settings over the defaults. */
export const fakeFor = (served: ServedSimulator<VendorSimulator>, settings: Record<string, unknown> = {}) =>
  fakeVendor({ ...served.simulator.settings(served.url), ...FAST, ...settings } as never)

/**
 * The same vendor as an adapter before issue 13 phase B: it sends no submission key, announces
 * nothing and cannot look a lost request up (`findSubmission` absent).
 */
export const withoutLookup = (provider: ConfiguredProvider): ConfiguredProvider => {
  const capabilities = {
    ...provider.capabilities,
    operations: provider.capabilities.operations.filter((op) => op !== "findSubmission"),
    submissions: undefined,
  }
  return {
    ...provider,
    capabilities,
    make: Effect.map(
      provider.make,
      ({ findSubmission: _lookup, ...shape }): VideoProviderShape => ({
        ...shape,
        capabilities,
        generatePreviews: (request) => shape.generatePreviews!(request),
        renderPreview: (request) => shape.renderPreview!(request),
        render: (request) => shape.render!(request),
      }),
    ),
  }
}

/**
 * A fetch whose POSTs to `path` reach the vendor (the job is made) and whose answer never comes
 * back until `release()`: a worker that dies mid-request. `sent()` resolves once one was sent.
 */
export const hangingFetch = (path: string) => {
  let onSent: () => void = () => {}
  const sent = new Promise<void>((resolve) => {
    onSent = resolve
  })
  const held: Array<(error: Error) => void> = []
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const response = await fetch(request)
    if (request.method !== "POST" || !new URL(request.url).pathname.endsWith(path)) return response
    await response.arrayBuffer()
    onSent()
    return new Promise<Response>((_, reject) => held.push(reject))
  }
  return {
    fetch: fetchImpl,
    sent: () => sent,
    release: () => {
      for (const reject of held.splice(0)) reject(new TypeError("fetch failed (the connection was reset)"))
    },
  }
}

/** A fetch that notes when each POST to `path` was answered, and with what status. */
export const recordingFetch =
  (path: string, log: Array<{ at: number; status: number }>): typeof fetch =>
  async (input, init) => {
    const request = new Request(input, init)
    const response = await fetch(request)
    if (request.method === "POST" && new URL(request.url).pathname.endsWith(path))
      log.push({ at: performance.now(), status: response.status })
    return response
  }
