import type { VideoJob } from "@vidbridge/core"
import type { Redis } from "ioredis"
import type { OrderFailure, OrderProduct, OrderProgress } from "../Order.js"
import type { Step } from "../OrderInput.js"
import type { Keys } from "./keys.js"

// An order's saved progress: one Redis hash per order, next to BullMQ's job. Fields:
//   <step>.sending     write-ahead marker: the step's request is about to be sent
//   <step>.submission  the submission ref core announced (before the paid request was sent)
//   <step>.job         the vendor job the step made; <step>.seen: its settled state, read by a tracker or webhook
//   product / previews / render   the step's result
//   failure, progress

/** An order's progress as saved. @internal */
export interface Progress {
  readonly product?: OrderProduct | undefined
  readonly previews?: VideoJob | undefined
  readonly render?: VideoJob | undefined
  readonly sending: Partial<Record<Step, number>>
  readonly submissions: Partial<Record<Step, string>>
  readonly jobs: Partial<Record<Step, string>>
  readonly seen: Partial<Record<Step, VideoJob>>
  readonly failure?: OrderFailure | undefined
  readonly progress?: OrderProgress | undefined
}

/** The lock an activation holds (BullMQ's job lock): writes made under it fail once it is lost. @internal */
export interface Lock {
  readonly key: string
  readonly token: string
}

/** Thrown when a write under a lock finds the lock gone: another worker owns the order now. @internal */
export class LockLost extends Error {
  override readonly name = "LockLost"
}

const DELETE = "\u0000delete"

// Writes fields (a value DELETE removes the field) only while KEYS[1] holds ARGV[1].
const WRITE_LOCKED = `
if ARGV[1] ~= "" and redis.call("GET", KEYS[1]) ~= ARGV[1] then return 0 end
for i = 2, #ARGV, 2 do
  if ARGV[i + 1] == "${DELETE}" then redis.call("HDEL", KEYS[2], ARGV[i])
  else redis.call("HSET", KEYS[2], ARGV[i], ARGV[i + 1]) end
end
return 1`

// Tracks a job (KEYS[1] inflight hash, ARGV[1] ref, ARGV[2] owner) and takes the settled state a
// webhook left for it before it was tracked (KEYS[2]). One script with OWNER_OR_EARLY below, so a
// delivery either finds the owner or leaves its state where the tracking order finds it.
const TRACK = `
redis.call("HSET", KEYS[1], ARGV[1], ARGV[2])
local early = redis.call("GET", KEYS[2])
if early then redis.call("DEL", KEYS[2]) end
return early`

// The owner of a job (KEYS[1] inflight hash, ARGV[1] ref); none yet: keep the delivery's settled
// state (ARGV[2]) at KEYS[2] for ARGV[3] seconds, for the order that tracks the job next.
const OWNER_OR_EARLY = `
local owner = redis.call("HGET", KEYS[1], ARGV[1])
if owner then return owner end
if ARGV[2] ~= "" then redis.call("SET", KEYS[2], ARGV[2], "EX", ARGV[3]) end
return false`

/** How long a webhook's state waits for an order that has not tracked its job yet (seconds). */
const EARLY_TTL_SECONDS = 86_400

const STEPS: ReadonlyArray<Step> = ["product", "previews", "render"]

/** A VideoJob without the vendor's raw payload (kept small: thousands of orders). */
export const lean = (job: VideoJob): VideoJob => ({ ...job, raw: undefined })

const parse = <A>(text: string | undefined): A | undefined =>
  text === undefined ? undefined : (JSON.parse(text) as A)

/** An order's progress from its saved hash. @internal */
export const parseProgress = (hash: Readonly<Record<string, string>>): Progress => {
  const per = <A>(suffix: string, map: (text: string) => A) =>
    Object.fromEntries(
      STEPS.flatMap((step) => {
        const text = hash[`${step}.${suffix}`]
        return text === undefined ? [] : [[step, map(text)]]
      }),
    ) as Partial<Record<Step, A>>
  return {
    product: parse(hash.product),
    previews: parse(hash.previews),
    render: parse(hash.render),
    sending: per("sending", Number),
    submissions: per("submission", (t) => t),
    jobs: per("job", (t) => t),
    seen: per("seen", (t) => JSON.parse(t) as VideoJob),
    failure: parse(hash.failure),
    progress: parse(hash.progress),
  }
}

/** The hash as it is after writing `fields` (as the store's `write` does). @internal */
export const applyFields = (
  hash: Record<string, string>,
  fields: Readonly<Record<string, unknown>>,
): void => {
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) delete hash[field]
    else hash[field] = typeof value === "string" ? value : JSON.stringify(value)
  }
}

/** Reads and writes orders' progress hashes. @internal */
export const makeStore = (redis: Redis, keys: Keys) => {
  // Sent once, then called by its SHA (EVALSHA).
  if (!("vbWriteLocked" in redis)) {
    redis.defineCommand("vbWriteLocked", { numberOfKeys: 2, lua: WRITE_LOCKED })
    redis.defineCommand("vbTrack", { numberOfKeys: 2, lua: TRACK })
    redis.defineCommand("vbOwnerOrEarly", { numberOfKeys: 2, lua: OWNER_OR_EARLY })
  }
  const scripts = redis as unknown as Record<string, (...args: string[]) => Promise<unknown>>
  const writeLocked = scripts.vbWriteLocked!.bind(redis) as (...args: string[]) => Promise<number>
  const ownerOf = (value: string) => {
    const [orderId, step] = value.split(" ") as [string, Step]
    return { orderId, step }
  }
  const write = async (
    orderId: string,
    fields: Readonly<Record<string, unknown>>,
    lock?: Lock,
  ): Promise<void> => {
    const args: string[] = [lock?.token ?? ""]
    for (const [field, value] of Object.entries(fields))
      args.push(
        field,
        value === undefined ? DELETE : typeof value === "string" ? value : JSON.stringify(value),
      )
    const ok = await writeLocked(lock?.key ?? "", keys.progress(orderId), ...args)
    if (ok !== 1) throw new LockLost(`order ${orderId} is held by another worker now`)
  }

  const read = async (orderId: string): Promise<Progress> =>
    parseProgress(await redis.hgetall(keys.progress(orderId)))

  return {
    read,
    write,
    /** The saved hash itself (kept in step with one's own writes by {@link applyFields}). */
    readHash: (orderId: string) => redis.hgetall(keys.progress(orderId)),
    /**
     * Registers a vendor job for its account's tracker, and answers the settled state a webhook
     * left for it before it was registered (see {@link ownerOrEarly}), if any.
     */
    track: async (account: string, ref: string, orderId: string, step: Step) => {
      const early = (await scripts.vbTrack!.call(
        redis,
        keys.inflight(account),
        keys.early(account, ref),
        ref,
        `${orderId} ${step}`,
      )) as string | null
      return early === null ? undefined : (JSON.parse(early) as VideoJob)
    },
    /** Stops tracking a job; answers whether it was tracked. */
    untrack: async (account: string, ref: string) => (await redis.hdel(keys.inflight(account), ref)) === 1,
    /** The order and step a tracked job belongs to. */
    owner: async (account: string, ref: string) => {
      const value = await redis.hget(keys.inflight(account), ref)
      return value === null ? undefined : ownerOf(value)
    },
    /**
     * The order and step a job belongs to, for a webhook; when no order tracks it yet (the
     * delivery beat the order's bookkeeping), a settled `job` is kept for the order that tracks
     * the job next (its {@link track} answers it), so no wake-up is lost. One atomic step.
     */
    ownerOrEarly: async (account: string, ref: string, job: VideoJob | undefined) => {
      const value = (await scripts.vbOwnerOrEarly!.call(
        redis,
        keys.inflight(account),
        keys.early(account, ref),
        ref,
        job === undefined ? "" : JSON.stringify(lean(job)),
        String(EARLY_TTL_SECONDS),
      )) as string | null
      return value === null ? undefined : ownerOf(value)
    },
    /** Every job an account's tracker should read. */
    tracked: async (account: string) =>
      Object.entries(await redis.hgetall(keys.inflight(account))).map(([ref, value]) => ({
        ref,
        ...ownerOf(value),
      })),
  }
}

/** The store of one queue. @internal */
export type Store = ReturnType<typeof makeStore>
