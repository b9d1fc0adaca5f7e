import type { ConnectionOptions } from "bullmq"
import { Redis, type RedisOptions } from "ioredis"
import { QueueError } from "./QueueError.js"

/**
 * Where Redis is: a URL (`redis://127.0.0.1:6379`, `rediss://user:pass@host:6380/2`) or ioredis
 * options (`{ host, port, password, tls, ... }`).
 */
export type RedisConnection = string | RedisOptions

/** The connection as shown in messages: a URL without user name or password. */
export const shownUrl = (connection: RedisConnection): string => {
  if (typeof connection === "string") {
    try {
      const url = new URL(connection)
      url.username = ""
      url.password = ""
      return url.toString().replace(/\/$/, "")
    } catch {
      return "redis://(a malformed URL)"
    }
  }
  const scheme = connection.tls ? "rediss" : "redis"
  return `${scheme}://${connection.host ?? "127.0.0.1"}:${connection.port ?? 6379}${connection.db ? `/${connection.db}` : ""}`
}

/** Reconnects after 50 ms, doubling to at most 5 s, for as long as the process runs. */
export const reconnectBackoff = (times: number): number => Math.min(50 * 2 ** Math.min(times, 10), 5000)

/**
 * The ioredis options every connection of the queue uses: commands wait for a reconnect instead
 * of failing (`maxRetriesPerRequest: null`, as BullMQ's workers need), and reconnects back off.
 */
export const connectionOptions = (connection: RedisConnection): RedisOptions => {
  const base: RedisOptions = { maxRetriesPerRequest: null, retryStrategy: reconnectBackoff }
  if (typeof connection !== "string") return { ...base, ...connection }
  const url = new URL(connection)
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw new QueueError(
      "redis_unavailable",
      `the Redis URL must start with redis:// or rediss:// (got ${url.protocol})`,
      {
        url: shownUrl(connection),
      },
    )
  const db = url.pathname.replace(/^\//, "")
  return {
    ...base,
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? 6379 : Number(url.port),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== "" ? { db: Number(db) } : {}),
    ...(url.protocol === "rediss:" ? { tls: {} } : {}),
  }
}

/**
 * Opens a Redis client and checks that Redis answers within `timeout` ms (default 5 s); if it
 * does not, closes it and throws `QueueError` `redis_unavailable` naming the URL without
 * credentials. Later connection errors are retried with {@link reconnectBackoff}.
 */
export const openRedis = async (
  connection: RedisConnection,
  options: { readonly timeout?: number | undefined; readonly name?: string | undefined } = {},
): Promise<Redis> => {
  const shown = shownUrl(connection)
  let settings: RedisOptions
  try {
    settings = connectionOptions(connection)
  } catch (error) {
    if (error instanceof QueueError) throw error
    throw new QueueError("redis_unavailable", `the Redis URL is malformed: ${shown}`, { url: shown })
  }
  const timeout = options.timeout ?? 5000
  // At start, a few quick attempts only: an unreachable Redis is a clear error, not a silent wait.
  let started = false
  const startOptions: RedisOptions = {
    ...settings,
    lazyConnect: true,
    connectTimeout: timeout,
    ...(options.name ? { connectionName: options.name } : {}),
    retryStrategy: (times: number) => (started ? reconnectBackoff(times) : null),
  }
  const client = new Redis(startOptions as RedisOptions & { replyMapping?: never })
  client.on("error", () => {
    // Reported through the failed commands and the start check; ioredis reconnects by itself.
  })
  const failed = (cause: unknown) =>
    new QueueError(
      "redis_unavailable",
      `Redis at ${shown} did not answer (${cause instanceof Error ? cause.message : String(cause)}). Start one (Debian/Ubuntu: apt install redis-server) or pass the URL of yours.`,
      { url: shown, cause },
    )
  try {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout)
      }),
    ]).finally(() => clearTimeout(timer))
    started = true
    return client
  } catch (cause) {
    client.disconnect()
    throw failed(cause)
  }
}

/** The same options in BullMQ's type (its `RedisOptions` mirrors ioredis'). @internal */
export const bullConnection = (connection: RedisConnection): ConnectionOptions =>
  connectionOptions(connection) as ConnectionOptions
