import type { WebhookRequest } from "../VideoProvider.js"

/** The largest webhook body read by default: 1 MiB. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 1_048_576

/**
 * Reads a body chunk by chunk and stops (cancelling the stream) as soon as it passes
 * `maxBytes`: a sender that omits `content-length`, or lies in it, costs at most `maxBytes`
 * plus one chunk of memory. `undefined` when the body is too large.
 */
const readLimited = async (
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | undefined> => {
  if (body === null) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Reads a fetch `Request` into the neutral {@link WebhookRequest}: the exact bytes as
 * `rawBody` (signatures are checked over them) and their UTF-8 decoding as `body` (for
 * parsing). Answers `undefined` when the body is larger than `maxBytes` (default 1 MiB),
 * whether or not the sender declared a `content-length`; reading stops at the limit.
 *
 * @example
 * ```ts
 * const incoming = await toWebhookRequest(request, 64 * 1024)
 * if (incoming === undefined) return new Response("too large", { status: 413 })
 * ```
 */
export const toWebhookRequest = async (
  request: Request,
  maxBytes: number = DEFAULT_MAX_WEBHOOK_BYTES,
): Promise<WebhookRequest | undefined> => {
  const declared = Number(request.headers.get("content-length") ?? "0")
  if (declared > maxBytes) {
    // Not read at all; a body nobody reads is released with the request.
    request.body?.cancel().catch(() => undefined)
    return undefined
  }
  const rawBody = await readLimited(request.body, maxBytes)
  if (rawBody === undefined) return undefined
  const headers: Record<string, string> = {}
  request.headers.forEach((value, key) => {
    headers[key] = value
  })
  // Not `fatal`: a body that is not UTF-8 still verifies over its bytes; its parse then fails.
  const body = new TextDecoder().decode(rawBody)
  return { method: request.method, url: request.url, headers, body, rawBody }
}
