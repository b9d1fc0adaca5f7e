/** What went wrong with the queue itself (not with a vendor: those are `VideoError`s on the order). */
export type QueueFailure =
  /** Redis did not answer at start; `url` names it without credentials. */
  | "redis_unavailable"
  /** The idempotency key already names a different order. */
  | "key_reused"
  /** No order has this id. */
  | "not_found"
  /** The queue or worker was closed. */
  | "closed"
  /** `waitFor` gave up after its `timeout`. */
  | "timeout"

/**
 * An error of the queue: Redis unreachable at start, an idempotency key reused for a different
 * order, an unknown order. Credentials never appear: a Redis URL is shown without user and
 * password.
 *
 * @example
 * ```ts
 * try { await createVideoQueue({ connection: process.env.REDIS_URL! }) }
 * catch (error) { if (error instanceof QueueError && error.kind === "redis_unavailable") console.error(error.message) }
 * ```
 */
export class QueueError extends Error {
  override readonly name = "QueueError"
  readonly _tag = "QueueError"
  readonly kind: QueueFailure
  /** The Redis URL (credentials removed) for `redis_unavailable`. */
  readonly url: string | undefined
  /** The order concerned, where there is one. */
  readonly orderId: string | undefined

  constructor(
    kind: QueueFailure,
    message: string,
    details: { readonly url?: string; readonly orderId?: string; readonly cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.kind = kind
    this.url = details.url
    this.orderId = details.orderId
  }

  /** A plain object for logs and `--json` output (no credentials, no cause). */
  toJSON(): Record<string, unknown> {
    return { _tag: this._tag, kind: this.kind, message: this.message, url: this.url, orderId: this.orderId }
  }
}
