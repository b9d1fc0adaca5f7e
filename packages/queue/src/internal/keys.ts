// Every Redis name the queue uses besides BullMQ's own: one place, so tests and docs agree.

/** The Redis names of one queue (`prefix` and `name` as given to `createVideoQueue`). @internal */
export interface Keys {
  readonly prefix: string
  readonly name: string
  /** The BullMQ queue of one provider account: its orders (and its submissions' rate limit). */
  readonly queueName: (account: string) => string
  /** Set of the accounts that have orders. */
  readonly accounts: string
  /** Hash: order id -> account. Makes an idempotency key name one order across accounts. */
  readonly index: string
  /** Hash of one order's saved progress (step results, write-ahead markers, failure). */
  readonly progress: (orderId: string) => string
  /** Hash: vendor job ref -> `<order id> <step>`, the jobs an account's tracker reads. */
  readonly inflight: (account: string) => string
  /** The tracker lease of an account (value: the holding worker's id). */
  readonly lease: (account: string) => string
  /** A vendor job's settled state from a webhook that arrived before its order tracked the job. */
  readonly early: (account: string, ref: string) => string
  /** The webhook dedupe state of one vendor job, and of one delivery id. */
  readonly hookJob: (ref: string) => string
  readonly hookEvent: (provider: string, eventId: string) => string
}

/** The names for a queue `name` under `prefix`. @internal */
export const makeKeys = (prefix: string, name: string): Keys => {
  const own = `${prefix}:${name}:vb`
  return {
    prefix,
    name,
    queueName: (account) => `${name}-${account}`,
    accounts: `${own}:accounts`,
    index: `${own}:index`,
    progress: (orderId) => `${own}:order:${orderId}`,
    inflight: (account) => `${own}:inflight:${account}`,
    lease: (account) => `${own}:tracker:${account}`,
    early: (account, ref) => `${own}:early:${account}:${ref}`,
    hookJob: (ref) => `${own}:hook:job:${ref}`,
    hookEvent: (provider, eventId) => `${own}:hook:event:${provider}:${eventId}`,
  }
}

/** Names allowed for `prefix` and `name` (they become parts of Redis keys). */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
