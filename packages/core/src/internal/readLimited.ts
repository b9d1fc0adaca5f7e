/**
 * Reads a body chunk by chunk and stops (cancelling the stream) as soon as it passes
 * `maxBytes`: a sender that omits `content-length`, or lies in it, costs at most `maxBytes`
 * plus one chunk of memory. `undefined` when the body is too large. Webhook deliveries and
 * product pages are both read through it.
 */
export const readLimited = async (
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
