import { isTerminal, type JobTracker, type Observation, progressRank, type VideoJob } from "@vidbridge/core"
import type { Redis } from "ioredis"
import type { Keys } from "./keys.js"

// Core's JobTracker over Redis: deciding and remembering in one Lua script, so any number of
// webhook receivers share one dedupe store and a duplicate racing its original reaches `onEvent`
// once. Entries expire after `ttl` (a vendor's redeliveries stop long before).

/** What makes two observations the same (core's `sameJob`). */
const signatureOf = (job: VideoJob): string =>
  JSON.stringify([
    job.status,
    job.vendorStatus,
    job.stage,
    job.progress ?? null,
    job.videoUrl ?? null,
    job.previewUrl ?? null,
    job.previews?.length ?? 0,
    job.failure?.message ?? null,
  ])

/**
 * What an observation shows (core's tracker: a video URL, a preview URL, how many previews), as
 * `<0|1> <0|1> <count>`: an observation as far along that shows less is a late delivery.
 */
const knownOf = (job: VideoJob): string =>
  `${job.videoUrl === undefined ? 0 : 1} ${job.previewUrl === undefined ? 0 : 1} ${job.previews?.length ?? 0}`

// KEYS: job state, event id (or ""). ARGV: signature, rank, terminal (1/0), ttl ms, known.
const CLAIM = `
if KEYS[2] ~= "" and redis.call("EXISTS", KEYS[2]) == 1 then return "duplicate" end
local prev = redis.call("HMGET", KEYS[1], "sig", "rank", "terminal", "known")
if prev[1] then
  if prev[1] == ARGV[1] then return "duplicate" end
  if prev[3] == "1" or tonumber(ARGV[2]) < tonumber(prev[2]) then return "stale" end
  if tonumber(ARGV[2]) == tonumber(prev[2]) and prev[4] then
    local pv, pp, pn = string.match(prev[4], "(%d) (%d) (%d+)")
    local v, p, n = string.match(ARGV[5], "(%d) (%d) (%d+)")
    if (pv == "1" and v == "0") or (pp == "1" and p == "0") or tonumber(n) < tonumber(pn) then
      return "stale"
    end
  end
  redis.call("HSET", KEYS[1], "psig", prev[1], "prank", prev[2], "pterminal", prev[3], "pknown", prev[4] or "0 0 0")
else
  redis.call("HDEL", KEYS[1], "psig", "prank", "pterminal", "pknown")
end
redis.call("HSET", KEYS[1], "sig", ARGV[1], "rank", ARGV[2], "terminal", ARGV[3], "known", ARGV[5])
redis.call("PEXPIRE", KEYS[1], ARGV[4])
if KEYS[2] ~= "" then redis.call("SET", KEYS[2], "1", "PX", ARGV[4]) end
return "advanced"`

// KEYS: job state, event id (or ""). ARGV: signature of the claim given back.
const RELEASE = `
if KEYS[2] ~= "" then redis.call("DEL", KEYS[2]) end
local cur = redis.call("HMGET", KEYS[1], "sig", "psig", "prank", "pterminal", "pknown")
if cur[1] ~= ARGV[1] then return 0 end
if cur[2] then
  redis.call("HSET", KEYS[1], "sig", cur[2], "rank", cur[3], "terminal", cur[4], "known", cur[5] or "0 0 0")
  redis.call("HDEL", KEYS[1], "psig", "prank", "pterminal", "pknown")
else
  redis.call("DEL", KEYS[1])
end
return 1`

/**
 * A `JobTracker` on Redis for webhook receivers (core's `handleWebhook({ tracker })`): `claim`
 * checks and records in one atomic step, so two receivers given the same delivery at the same
 * moment answer `advanced` once. Remembered for `ttlMs` (default 7 days). @internal
 */
export const makeRedisJobTracker = (redis: Redis, keys: Keys, ttlMs = 7 * 24 * 3600_000): JobTracker => {
  const eventKey = (job: VideoJob, eventId?: string) =>
    eventId === undefined ? "" : keys.hookEvent(job.provider, eventId)
  return {
    claim: async (job, eventId) =>
      (await redis.eval(
        CLAIM,
        2,
        keys.hookJob(job.ref),
        eventKey(job, eventId),
        signatureOf(job),
        String(progressRank(job)),
        isTerminal(job.status) ? "1" : "0",
        String(ttlMs),
        knownOf(job),
      )) as Observation,
    release: async (job, eventId) => {
      await redis.eval(RELEASE, 2, keys.hookJob(job.ref), eventKey(job, eventId), signatureOf(job))
    },
  }
}
