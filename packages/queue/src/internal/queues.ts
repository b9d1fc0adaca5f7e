import type { InputIssue } from "@vidbridge/core"
import { invalidInput } from "@vidbridge/core/adapter"
import { Queue } from "bullmq"
import { bullConnection, type RedisConnection } from "../redis.js"
import { type Keys, makeKeys, NAME } from "./keys.js"

/** Checks `prefix` and `name` (and any other issues), then answers their Redis names. @internal */
export const namesOf = (
  operation: string,
  options: { readonly prefix?: string | undefined; readonly name?: string | undefined },
  issues: ReadonlyArray<InputIssue> = [],
): Keys => {
  const prefix = options.prefix ?? "vidbridge"
  const name = options.name ?? "videos"
  const all = [
    ...(NAME.test(prefix)
      ? []
      : [{ path: "prefix", message: "must be 1-64 of A-Z a-z 0-9 _ . -, starting with a letter or digit" }]),
    ...(NAME.test(name)
      ? []
      : [{ path: "name", message: "must be 1-64 of A-Z a-z 0-9 _ . -, starting with a letter or digit" }]),
    ...issues,
  ]
  if (all.length > 0) throw invalidInput("vidbridge", operation, all)
  return makeKeys(prefix, name)
}

/** The BullMQ queue of each provider account, made on first use. @internal */
export const makeAccountQueues = (connection: RedisConnection, keys: Keys) => {
  const queues = new Map<string, Queue>()
  return {
    of: (account: string): Queue => {
      let queue = queues.get(account)
      if (queue === undefined) {
        queue = new Queue(keys.queueName(account), {
          connection: bullConnection(connection),
          prefix: keys.prefix,
        })
        // Connection errors are retried with backoff; commands report their own failures.
        queue.on("error", () => {})
        queues.set(account, queue)
      }
      return queue
    },
    known: () => [...queues.keys()],
    close: () => Promise.all([...queues.values()].map((q) => q.close())),
  }
}
