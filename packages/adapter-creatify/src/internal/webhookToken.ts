// A synchronous HMAC-SHA256, so the callback token can be derived while the provider is built.
// Core builds providers synchronously (`createVideoClient` runs `make` with `runSyncExit`), and
// WebCrypto (`crypto.subtle`, used by core's `deriveWebhookToken`) is asynchronous only.

const firstPrimes = (count: number): number[] => {
  const found: number[] = []
  for (let candidate = 2; found.length < count; candidate++) {
    if (found.every((p) => candidate % p !== 0)) found.push(candidate)
  }
  return found
}

/** The first 32 bits of the fractional part of `x` (how SHA-256 defines its constants). */
const fraction32 = (x: number): number => Math.floor((x - Math.floor(x)) * 2 ** 32) >>> 0

const PRIMES = firstPrimes(64)
/** Round constants: cube roots of the first 64 primes. */
const K = Uint32Array.from(PRIMES, (p) => fraction32(Math.cbrt(p)))
/** Initial hash: square roots of the first 8 primes. */
const H0 = Uint32Array.from(PRIMES.slice(0, 8), (p) => fraction32(Math.sqrt(p)))

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n))

/** SHA-256 of `data` (FIPS 180-4). */
export const sha256 = (data: Uint8Array): Uint8Array => {
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6)
  padded.set(data)
  padded[data.length] = 0x80
  const view = new DataView(padded.buffer)
  const bits = data.length * 8
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32))
  view.setUint32(padded.length - 4, bits >>> 0)
  const h = H0.slice()
  const w = new Uint32Array(64)
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4)
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!
      const b = w[i - 2]!
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!]
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0
      hh = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    const next = [a, b, c, d, e, f, g, hh]
    for (let i = 0; i < 8; i++) h[i] = (h[i]! + next[i]!) >>> 0
  }
  const out = new Uint8Array(32)
  const outView = new DataView(out.buffer)
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!)
  return out
}

const encoder = new TextEncoder()

/** Hex HMAC-SHA256 of `message` keyed with `secret` (RFC 2104), computed synchronously. */
export const hmacSha256HexSync = (secret: string, message: string): string => {
  const raw = encoder.encode(secret)
  const key = new Uint8Array(64)
  key.set(raw.length > 64 ? sha256(raw) : raw)
  const inner = new Uint8Array(64 + encoder.encode(message).length)
  const outer = new Uint8Array(64 + 32)
  for (let i = 0; i < 64; i++) {
    inner[i] = key[i]! ^ 0x36
    outer[i] = key[i]! ^ 0x5c
  }
  inner.set(encoder.encode(message), 64)
  outer.set(sha256(inner), 64)
  return Array.from(sha256(outer), (byte) => byte.toString(16).padStart(2, "0")).join("")
}

/**
 * The callback token for `label`, equal to core's `deriveWebhookToken(secret, label)` (the first
 * 32 hex characters of HMAC-SHA256 of `vidbridge-webhook:<label>`), but computed synchronously.
 */
export const deriveWebhookTokenSync = (secret: string, label: string): string =>
  hmacSha256HexSync(secret, `vidbridge-webhook:${label}`).slice(0, 32)
