import type { Io } from "../io.js"
import type { ProgressEvent, ProgressSink } from "./events.js"

/** Options of {@link makeBars}. */
export interface BarsOptions {
  /** Show nothing (`--json`). */
  readonly quiet?: boolean | undefined
  /** Milliseconds on the events' clock (for the elapsed time of groups still running). */
  readonly now?: (() => number) | undefined
  /** At most this many bars; more groups are summed up in one last line. Default 12. */
  readonly maxRows?: number | undefined
  /** On a terminal, redraw this often (ms) so elapsed times move while nothing happens. Default 1000; 0 never. */
  readonly tick?: number | undefined
}

/** Live progress for several groups at once. */
export interface Bars {
  /** Feed it the groups' events. */
  readonly sink: ProgressSink
  /** Draws the final state and stops redrawing. Call before printing anything else. */
  readonly close: () => void
}

interface Group {
  readonly name: string
  readonly started: number
  latest: ProgressEvent
}

const WIDTH = 24

const percentOf = (event: ProgressEvent): number | undefined =>
  event.final && event.status === "succeeded" ? 1 : event.progress

/** One bar's line: name, bar, percent, step and status, elapsed time. */
const barLine = (group: Group, nameWidth: number, now: number): string => {
  const { latest } = group
  const fraction = percentOf(latest)
  const filled = Math.round(Math.max(0, Math.min(1, fraction ?? 0)) * WIDTH)
  const percent = fraction === undefined ? "-" : `${Math.round(fraction * 100)}%`
  const what = latest.final
    ? latest.status === "succeeded"
      ? "done"
      : `${latest.status} (${latest.stage})`
    : `${latest.stage}: ${latest.status}`
  const seconds = ((latest.final ? latest.at : now) - group.started) / 1000
  return `${group.name.padEnd(nameWidth)}  [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${percent.padStart(4)}  ${what}  ${seconds.toFixed(1)} s`
}

/** The lines of one frame: a bar per group, or the busiest ones and a summary of the rest. */
const frameLines = (groups: ReadonlyArray<Group>, maxRows: number, now: number): string[] => {
  const shown =
    groups.length <= maxRows
      ? groups
      : [...groups]
          .sort((a, b) => Number(Boolean(a.latest.final)) - Number(Boolean(b.latest.final)))
          .slice(0, Math.max(1, maxRows - 1))
  const nameWidth = Math.max(...shown.map((g) => g.name.length))
  const lines = shown.map((g) => barLine(g, nameWidth, now))
  const rest = groups.filter((g) => !shown.includes(g))
  if (rest.length > 0) {
    const counts = new Map<string, number>()
    for (const g of rest) {
      const key = g.latest.final ? g.latest.status : "running"
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    lines.push(`... ${rest.length} more: ${[...counts].map(([status, n]) => `${n} ${status}`).join(", ")}`)
  }
  return lines
}

/**
 * Progress for several groups (the providers of `compare`, the orders of a batch). On a terminal
 * (`io.interactive`): one bar per group, redrawn in place, with status, percent and elapsed time;
 * past `maxRows` groups, the busiest bars and a summary line. Otherwise: one plain line per
 * change (`creatify render: running 40%`), never a carriage return or escape code.
 *
 * @example
 * ```ts
 * const bars = makeBars(io, { now: clock })
 * bars.sink({ group: "creatify", at: clock(), stage: "render", status: "running", progress: 0.4 })
 * bars.close()
 * ```
 */
export const makeBars = (io: Io, options: BarsOptions = {}): Bars => {
  const started = performance.now()
  const now = options.now ?? (() => performance.now() - started)
  const maxRows = Math.max(1, options.maxRows ?? 12)
  const groups = new Map<string, Group>()
  const printed = new Map<string, string>()
  let drawn = 0
  let closed = false

  const clip = (line: string) => line.slice(0, Math.max(20, (io.columns ?? 100) - 1))
  const draw = () => {
    const lines = frameLines([...groups.values()], maxRows, now()).map(clip)
    // Up to the first bar, then every line cleared and rewritten, then anything below cleared.
    const up = drawn > 0 ? `\x1b[${drawn}A\r` : ""
    io.err(`${up}${lines.map((l) => `\x1b[2K${l}\n`).join("")}\x1b[J`)
    drawn = lines.length
  }
  const timer =
    io.interactive && !options.quiet && (options.tick ?? 1000) > 0
      ? setInterval(() => groups.size > 0 && draw(), options.tick ?? 1000)
      : undefined
  timer?.unref?.()

  const plain = (event: ProgressEvent) => {
    const fraction = percentOf(event)
    const text = `${event.status}${fraction === undefined ? "" : ` ${Math.round(fraction * 100)}%`}`
    const key = `${event.group} ${event.stage}`
    if (printed.get(key) === text) return
    printed.set(key, text)
    io.err(`${key}: ${text}\n`)
  }

  return {
    sink: (event) => {
      if (options.quiet || closed) return
      const group = groups.get(event.group)
      if (group === undefined)
        groups.set(event.group, { name: event.group, started: event.at, latest: event })
      else group.latest = event
      if (io.interactive) draw()
      else plain(event)
    },
    close: () => {
      if (closed) return
      closed = true
      if (timer !== undefined) clearInterval(timer)
      if (io.interactive && groups.size > 0 && !options.quiet) draw()
    },
  }
}
