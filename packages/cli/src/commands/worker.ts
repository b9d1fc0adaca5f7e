import { type ConfiguredProvider, configureFromEnv } from "@vidbridge/core"
import { type Command, numberFlag, parseFlags } from "../context.js"
import { modeOf, type OpenedProvider, openProvider } from "../environment.js"
import { UsageError } from "../io.js"
import { about } from "./about.js"

/**
 * `vidbridge worker`: makes the orders queued on Redis (by `vidbridge batch --redis` or your app's
 * `createVideoQueue`) until Ctrl-C or SIGTERM, which let the steps in flight finish first.
 */
export const worker: Command = {
  ...about.worker,
  run: async (args, context) => {
    const { values } = parseFlags(args, {
      redis: { type: "string" },
      providers: { type: "string" },
      concurrency: { type: "string" },
      "webhook-url": { type: "string" },
      prefix: { type: "string" },
      name: { type: "string" },
    })
    const redis = values.redis ?? context.io.env.REDIS_URL
    if (!redis)
      throw new UsageError("--redis <url> (or REDIS_URL) is required: the worker takes its orders from Redis")
    const known = context.providers.definitions
    const ids = (values.providers ?? known.map((d) => d.id).join(","))
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
    const opened: OpenedProvider[] = []
    const providers: ConfiguredProvider[] = []
    for (const id of ids) {
      const definition = known.find((d) => d.id === id)
      if (definition === undefined)
        throw new UsageError(`unknown provider "${id}"; known: ${known.map((d) => d.id).join(", ")}`)
      // Live: a 429 reaches the worker at once, so it pauses the account for every worker.
      if (modeOf(definition, context.io.env) === "live")
        providers.push(configureFromEnv(definition, context.io.env, { retry: { maxRetryAfter: 0 } }))
      else {
        const simulated = await openProvider(id, context.providers, context.io.env)
        opened.push(simulated)
        providers.push(simulated.configured)
      }
    }
    try {
      // The queue (BullMQ and a Redis client under it) loads only when a worker starts.
      const { createVideoWorker } = await import("@vidbridge/queue")
      const running = await createVideoWorker({
        connection: redis,
        prefix: values.prefix,
        name: values.name,
        providers,
        concurrency: numberFlag("concurrency", values.concurrency),
        webhookUrl: values["webhook-url"],
        // On simulators (jobs take seconds), look at the vendors often.
        ...(opened.length === providers.length ? { tracker: { interval: 300, minInterval: 0 } } : {}),
      })
      const modes = providers.map((p) => `${p.id}${opened.some((o) => o.id === p.id) ? " (simulator)" : ""}`)
      context.io.err(
        `worker ${running.id} ready on ${redis.replace(/\/\/[^@/]*@/, "//")}: ${modes.join(", ")}\n`,
      )
      let onSignal = () => {}
      await new Promise<void>((resolve) => {
        onSignal = () => resolve()
        if (context.signal?.aborted) return resolve()
        context.signal?.addEventListener("abort", onSignal, { once: true })
        process.once("SIGTERM", onSignal)
      })
      process.off("SIGTERM", onSignal)
      context.io.err("stopping: letting the steps in flight finish...\n")
      await running.close()
      return 0
    } finally {
      await Promise.all(opened.map((p) => p.close()))
    }
  },
}
