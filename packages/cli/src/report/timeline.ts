import type { ProgressEvent } from "../progress/events.js"
import { escapeHtml } from "./escape.js"

/** A stretch of time one group spent in one stage and status (milliseconds on the run's clock). */
export interface Band {
  readonly stage: string
  readonly status: string
  readonly from: number
  readonly to: number
}

/** One row of the timeline: a group's bands and, when it finished, when and how. */
export interface TimelineRow {
  readonly label: string
  readonly bands: ReadonlyArray<Band>
  readonly end?: { readonly at: number; readonly status: string } | undefined
}

/**
 * Turns a group's events into bands: each event starts a band that lasts until the next one;
 * repeats of the same stage and status extend it. The final event is the row's `end`.
 */
export const toTimelineRow = (label: string, events: ReadonlyArray<ProgressEvent>): TimelineRow => {
  const bands: Band[] = []
  const sorted = [...events].sort((a, b) => a.at - b.at)
  const final = sorted.find((e) => e.final)
  const steps = sorted.filter((e) => !e.final)
  steps.forEach((event, i) => {
    const to = steps[i + 1]?.at ?? final?.at ?? event.at
    const last = bands[bands.length - 1]
    if (last && last.stage === event.stage && last.status === event.status) {
      bands[bands.length - 1] = { ...last, to }
    } else {
      bands.push({ stage: event.stage, status: event.status, from: event.at, to })
    }
  })
  return { label, bands, end: final ? { at: final.at, status: final.status } : undefined }
}

/** The statuses the timeline colours; anything else is drawn as `other`. */
export const timelineStatuses = [
  "queued",
  "running",
  "awaiting_selection",
  "succeeded",
  "failed",
  "rejected",
  "cancelled",
] as const

const statusClass = (status: string) =>
  (timelineStatuses as ReadonlyArray<string>).includes(status) ? `s-${status}` : "s-other"

const STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600]
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`

/**
 * The timeline as inline SVG: one row per group (`<g class="row" data-group="...">`), time on
 * the x axis, a band per stage and status (its `<title>` says which and when), a dot where the
 * group finished. Colours come from the page's CSS (`.s-running`, ...), so it follows light and
 * dark mode. Every label is escaped.
 */
export const renderTimeline = (rows: ReadonlyArray<TimelineRow>): string => {
  const width = 800
  const left = 110
  const right = width - 16
  const rowHeight = 28
  const top = 8
  const axisY = top + rows.length * rowHeight + 6
  const height = axisY + 24
  const total = Math.max(1, ...rows.flatMap((r) => [...r.bands.map((b) => b.to), r.end?.at ?? 0]))
  const x = (ms: number) => left + (Math.max(0, ms) / total) * (right - left)
  const step = STEPS.find((s) => total / 1000 / s <= 8) ?? 3600
  const ticks = Array.from({ length: Math.floor(total / 1000 / step) + 1 }, (_, i) => i * step * 1000)
  const body = rows
    .map((row, i) => {
      const y = top + i * rowHeight
      const bands = row.bands
        .map((b) => {
          const width = Math.max(1.5, x(b.to) - x(b.from))
          // The stage's name inside its band when it fits (about 7 units per character).
          const label =
            width > b.stage.length * 7 + 8
              ? `<text class="band-label" x="${(x(b.from) + 4).toFixed(1)}" y="${y + rowHeight / 2 + 3}">${escapeHtml(b.stage)}</text>`
              : ""
          return `<rect class="band ${statusClass(b.status)}" x="${x(b.from).toFixed(1)}" y="${y + 4}" width="${width.toFixed(1)}" height="${rowHeight - 10}" rx="3"><title>${escapeHtml(`${b.stage}: ${b.status}, ${seconds(b.from)} to ${seconds(b.to)}`)}</title></rect>${label}`
        })
        .join("")
      const end = row.end
        ? `<circle class="end ${statusClass(row.end.status)}" cx="${x(row.end.at).toFixed(1)}" cy="${y + rowHeight / 2 - 1}" r="5"><title>${escapeHtml(`${row.end.status} at ${seconds(row.end.at)}`)}</title></circle>`
        : ""
      return `<g class="row" data-group="${escapeHtml(row.label)}"><text class="label" x="${left - 8}" y="${y + rowHeight / 2 + 3}" text-anchor="end">${escapeHtml(row.label)}</text>${bands}${end}</g>`
    })
    .join("")
  const axis = ticks
    .map(
      (t) =>
        `<line class="tick" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${axisY}"/><text class="axis" x="${x(t).toFixed(1)}" y="${axisY + 14}" text-anchor="middle">${seconds(t)}</text>`,
    )
    .join("")
  return `<svg class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="status timeline per provider (time in seconds)" xmlns="http://www.w3.org/2000/svg">${axis}${body}</svg>`
}
