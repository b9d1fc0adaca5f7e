import { writeFile } from "node:fs/promises"
import type { EmbeddedResult, Order, OrderInput } from "@vidbridge/queue"
import { simulatorSamples } from "../environment.js"
import { renderTable } from "../table.js"

/** One line of a batch's results file (JSON Lines). */
export interface BatchResultLine {
  readonly key: string
  readonly provider: string
  readonly ok: boolean
  readonly videoUrl?: string | undefined
  /** The vendor job of the video (`vidbridge status <ref>` reads it). */
  readonly job?: string | undefined
  readonly failure?:
    | {
        readonly step: string
        readonly reason: string
        readonly message: string
        readonly submission?: string | undefined
      }
    | undefined
}

/** A result of `runOrders` as a results line. */
export const fromEmbedded = (r: EmbeddedResult): BatchResultLine => ({
  key: r.orderId,
  provider: r.provider,
  ok: r.ok,
  videoUrl: r.video?.videoUrl,
  job: r.video?.ref,
  failure: r.failure,
})

/** A finished queue order as a results line. */
export const fromOrder = (o: Order): BatchResultLine => ({
  key: o.id,
  provider: o.provider,
  ok: o.state === "succeeded",
  videoUrl: o.video?.videoUrl,
  job: o.video?.ref ?? o.jobs.render,
  failure: o.failure,
})

/** Writes the results file, one JSON object per line. */
export const writeResults = (path: string, lines: ReadonlyArray<BatchResultLine>) =>
  writeFile(path, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`)

/** Orders, succeeded and failed per provider, and the failure reasons. */
export const summary = (lines: ReadonlyArray<BatchResultLine>): string => {
  const providers = [...new Set(lines.map((l) => l.provider))]
  const rows = providers.map((p) => {
    const mine = lines.filter((l) => l.provider === p)
    const reasons = new Map<string, number>()
    for (const l of mine)
      if (l.failure) reasons.set(l.failure.reason, (reasons.get(l.failure.reason) ?? 0) + 1)
    return [
      p,
      String(mine.length),
      String(mine.filter((l) => l.ok).length),
      String(mine.filter((l) => !l.ok).length),
      [...reasons].map(([r, n]) => `${r} ${n}`).join(", "),
    ]
  })
  return renderTable(["provider", "orders", "succeeded", "failed", "failures"], rows)
}

/**
 * On a simulator, what a live vendor needs from your account (an avatar, a visual style) comes
 * from the simulator's samples when the order leaves it out.
 */
export const withSimulatorSamples = (order: OrderInput): OrderInput =>
  order.template !== undefined
    ? order
    : {
        ...order,
        previews: { visualStyles: [simulatorSamples.visualStyle], ...order.previews },
        render: { avatar: simulatorSamples.avatar, ...order.render },
      }
