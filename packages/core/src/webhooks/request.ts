import { readLimited } from "../internal/readLimited.js"
import type { WebhookRequest } from "../VideoProvider.js"

/** The largest webhook body read by default: 1 MiB. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 1_048_576

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
