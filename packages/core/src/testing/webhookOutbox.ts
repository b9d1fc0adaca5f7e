import { deliverWebhook } from "./VendorSimulator.js"

/** A callback a simulator owes: one event for one receiver (`key` names the pair), sent to `url`. */
export interface DueWebhook {
  readonly key: string
  readonly url: string
}

/** What one delivery POSTs: the raw body and extra headers (the vendor's signature, say). */
export interface WebhookMessage {
  readonly body: string
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** One delivery attempt a simulator made. */
export interface WebhookAttempt<D extends DueWebhook> {
  readonly webhook: D
  readonly url: string
  /** The raw body sent (what a signature covers). */
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  /** The receiver's HTTP status; 0 when it could not be reached. */
  readonly status: number
  /** Simulator clock time (ms) of the attempt. */
  readonly at: number
}

/**
 * A simulator's webhook bookkeeping: which callbacks were delivered, which are on their way, and
 * every attempt. The simulator says what is due (from its jobs, at its clock's time); the outbox
 * sends what was not delivered yet, until a receiver answers 2xx, as vendors retry.
 */
export interface WebhookOutbox<D extends DueWebhook> {
  /** Of `due`, those neither delivered nor being delivered. */
  readonly pending: (due: ReadonlyArray<D>) => ReadonlyArray<D>
  /** Whether the callback `key` was delivered (or is being delivered). */
  readonly isSettled: (key: string) => boolean
  /**
   * POSTs every pending one of `due`, one after another in the order given, and answers the
   * receivers' statuses (0 when unreachable). A 2xx marks a callback delivered; anything else
   * leaves it pending for the next flush.
   */
  readonly flush: (due: ReadonlyArray<D>) => Promise<ReadonlyArray<number>>
  readonly attempts: () => ReadonlyArray<WebhookAttempt<D>>
}

/** Options of {@link makeWebhookOutbox}. */
export interface WebhookOutboxOptions<D extends DueWebhook> {
  /** The body and headers of a delivery of `webhook` (sign it here); made for every attempt. */
  readonly message: (webhook: D) => WebhookMessage | Promise<WebhookMessage>
  /** The simulator clock's time, recorded with each attempt. */
  readonly now: () => number
  /** `fetch` to deliver with (default: the global one). */
  readonly fetch?: typeof fetch | undefined
}

/**
 * Makes an empty {@link WebhookOutbox}.
 *
 * @example
 * ```ts
 * const outbox = makeWebhookOutbox<DueWebhook & { readonly job: SimJob }>({
 *   message: async ({ job }) => {
 *     const body = JSON.stringify({ id: job.id, status: job.status })
 *     return { body, headers: { "x-signature": await sign(body) } }
 *   },
 *   now: clock.now,
 * })
 * await outbox.flush(dueWebhooks()) // [200]
 * ```
 */
export const makeWebhookOutbox = <D extends DueWebhook>(
  options: WebhookOutboxOptions<D>,
): WebhookOutbox<D> => {
  const delivered = new Set<string>()
  const inFlight = new Set<string>()
  const log: Array<WebhookAttempt<D>> = []
  const pending = (due: ReadonlyArray<D>) =>
    due.filter((webhook) => !delivered.has(webhook.key) && !inFlight.has(webhook.key))
  return {
    pending,
    isSettled: (key) => delivered.has(key) || inFlight.has(key),
    attempts: () => log,
    flush: async (due) => {
      const sending = pending(due)
      for (const webhook of sending) inFlight.add(webhook.key)
      const statuses: number[] = []
      try {
        for (const webhook of sending) {
          const at = options.now()
          const { body, headers = {} } = await options.message(webhook)
          const status = await deliverWebhook(webhook.url, body, headers, options.fetch)
          log.push({ webhook, url: webhook.url, body, headers, status, at })
          inFlight.delete(webhook.key)
          if (status >= 200 && status < 300) delivered.add(webhook.key)
          statuses.push(status)
        }
      } finally {
        for (const webhook of sending) inFlight.delete(webhook.key)
      }
      return statuses
    },
  }
}
