/**
 * A vendor's documented request limit for one account: at most `max` requests per `duration`
 * milliseconds (JoggAI: 20 POSTs per minute per API key).
 */
export interface SubmissionLimit {
  readonly max: number
  readonly duration: number
  /**
   * Headroom for the time between a worker taking a turn and its request reaching the vendor,
   * as a fraction of the spacing. Default 0.1.
   */
  readonly margin?: number | undefined
}

/**
 * The limits vendors document, by provider id: JoggAI allows 20 POST requests per minute per API
 * key (GETs are not limited). Creatify and Hour One publish no numbers; their 429s still pause
 * the account for every worker.
 */
export const vendorLimits: Readonly<Record<string, SubmissionLimit>> = {
  jogg: { max: 20, duration: 60_000 },
}

/**
 * The time between two turns of an account that holds `limit` in any window of its length.
 * BullMQ's rate limiter counts in fixed windows, so `max` per `duration` would let 2 x `max`
 * through around a window's edge; one turn per `duration / max` (plus the margin) cannot.
 */
export const submissionSpacing = (limit: SubmissionLimit): number =>
  Math.ceil(Number(((limit.duration / limit.max) * (1 + (limit.margin ?? 0.1))).toFixed(6)))
