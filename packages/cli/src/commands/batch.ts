import { basename, extname } from "node:path"
import type { Capabilities } from "@vidbridge/core"
import type { OrderInput } from "@vidbridge/queue"
import { fromEmbedded, fromOrder, summary, withSimulatorSamples, writeResults } from "../batch/results.js"
import { type Command, durationFlag, numberFlag, parseFlags } from "../context.js"
import { type OpenedProvider, openProvider } from "../environment.js"
import { UsageError } from "../io.js"
import { makeBars } from "../progress/bars.js"
import { about } from "./about.js"

const providerIds = (value: string | undefined, known: ReadonlyArray<{ readonly id: string }>): string[] => {
  const ids = (value ?? known.map((d) => d.id).join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = ids.filter((id) => !known.some((d) => d.id === id))
  if (unknown.length > 0)
    throw new UsageError(
      `unknown provider(s) ${unknown.join(", ")}; known: ${known.map((d) => d.id).join(", ")}`,
    )
  return ids
}

/**
 * `vidbridge batch`: every order of a CSV or JSON Lines file. In this process by default (no
 * Redis; waits shared by one batch poller per vendor), or, with `--redis` (or `REDIS_URL`), queued
 * on Redis for `vidbridge worker`s and watched. A bad row fails before anything is sent.
 */
export const batch: Command = {
  ...about.batch,
  run: async (args, context) => {
    const { values, positionals } = parseFlags(args, {
      providers: { type: "string" },
      out: { type: "string" },
      concurrency: { type: "string" },
      timeout: { type: "string" },
      redis: { type: "string" },
      prefix: { type: "string" },
      name: { type: "string" },
      simulate: { type: "boolean" },
    })
    const file = positionals[0]
    if (file === undefined) throw new UsageError("give the orders file: vidbridge batch orders.csv")
    const known = context.providers.definitions
    const ids = providerIds(values.providers, known)
    const capabilities = new Map<string, Capabilities>(
      ids.map((id) => [id, known.find((d) => d.id === id)!.capabilities]),
    )
    const concurrency = numberFlag("concurrency", values.concurrency)
    const timeout = durationFlag(values.timeout) ?? 60 * 60_000
    // The queue (BullMQ and a Redis client under it) loads only for a batch: `--help` stays quick.
    const { createVideoQueue, runOrders } = await import("@vidbridge/queue")
    const { readOrdersFile } = await import("../batch/ordersFile.js")
    // Every row checked before anything is sent (a UsageError names the line and field).
    const orders = await readOrdersFile(file, capabilities)
    const out = values.out ?? `${file.slice(0, file.length - extname(file).length)}.results.jsonl`
    const json = Boolean(values.json)
    const started = performance.now()
    const clock = () => performance.now() - started
    const bars = makeBars(context.io, { quiet: json, now: clock })
    const redis = values.redis ?? context.io.env.REDIS_URL

    let lines: ReturnType<typeof fromOrder>[]
    if (redis !== undefined && redis !== "") {
      const queue = await createVideoQueue({ connection: redis, prefix: values.prefix, name: values.name })
      try {
        const stop = await queue.onEvent((event) => {
          if (event.type === "progress" && event.progress)
            bars.sink({
              group: event.orderId,
              at: clock(),
              stage: event.progress.step,
              status: event.progress.status,
              progress: event.progress.progress,
            })
          else if (event.type === "succeeded" || event.type === "failed")
            bars.sink({ group: event.orderId, at: clock(), stage: "order", status: event.type, final: true })
          else bars.sink({ group: event.orderId, at: clock(), stage: "order", status: event.type })
        })
        for (const order of orders) await queue.submit(order)
        if (!json)
          context.io.err(
            `queued ${orders.length} orders on ${redis.replace(/\/\/[^@/]*@/, "//")}; waiting for workers\n`,
          )
        const done = await Promise.all(
          orders.map((o) => queue.waitFor(o.idempotencyKey, { timeout, signal: context.signal })),
        )
        stop()
        lines = done.map(fromOrder)
      } finally {
        bars.close()
        await queue.close()
      }
    } else {
      const opened: OpenedProvider[] = []
      try {
        for (const id of ids)
          opened.push(
            await openProvider(id, context.providers, context.io.env, { simulate: values.simulate }),
          )
        const simulated = new Set(opened.filter((p) => p.mode === "simulator").map((p) => p.id))
        const prepared: OrderInput[] = orders.map((o) =>
          simulated.has(o.provider) ? withSimulatorSamples(o) : o,
        )
        if (!json && simulated.size > 0)
          context.io.err(`simulated (no keys set): ${[...simulated].join(", ")}\n`)
        const results = await runOrders(prepared, {
          providers: opened.map((p) => p.configured),
          concurrency,
          timeout,
          interval: simulated.size === opened.length ? 300 : 10_000,
          // Only simulators (faster than real time) are polled below the vendors' floors.
          ...(simulated.size === opened.length ? { minInterval: 0 } : {}),
          signal: context.signal,
          onProgress: (e) =>
            bars.sink({
              group: e.orderId,
              at: clock(),
              stage: e.step,
              status: e.status,
              progress: e.progress,
              final: e.final,
            }),
        })
        lines = results.map(fromEmbedded)
      } finally {
        bars.close()
        await Promise.all(opened.map((p) => p.close()))
      }
    }
    await writeResults(out, lines)
    if (json)
      context.io.out(`${JSON.stringify({ ok: lines.every((l) => l.ok), results: out, orders: lines })}\n`)
    else context.io.out(`\n${summary(lines)}\nresults: ${out} (${basename(file)}: ${lines.length} orders)\n`)
    return lines.every((l) => l.ok) ? 0 : 1
  },
}
