import * as Duration from "effect/Duration"

/**
 * Reads a `Retry-After` header: delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`), relative to `nowMillis`. A date in the past means
 * "now" (zero). Anything else (a negative number, `"1."`, an ISO date) is ignored.
 */
export const parseRetryAfter = (
  value: string | null | undefined,
  nowMillis: number,
): Duration.Duration | undefined => {
  if (value === null || value === undefined) return undefined
  const trimmed = value.trim()
  if (trimmed === "") return undefined
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Duration.seconds(Number(trimmed))
  // An HTTP date always names its month ("Wed, 21 Oct 2026 ..."); `Date.parse` alone would also
  // read "-5" or "1." as years.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Duration.millis(Math.max(0, at - nowMillis))
}
