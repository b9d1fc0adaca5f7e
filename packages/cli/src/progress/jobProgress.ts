import type { VideoJob } from "@vidbridge/core"
import type { Io } from "../io.js"

/** Shows a job's progress: a live bar on a terminal, one line per change otherwise. */
export interface Progress {
  readonly update: (label: string, job: VideoJob) => void
  readonly done: () => void
}

const bar = (fraction: number, width = 24): string => {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`
}

/** Makes the progress display for `io`; `quiet` (for `--json`) shows nothing. */
export const makeProgress = (io: Io, quiet: boolean): Progress => {
  const last = new Map<string, string>()
  let drawn = false
  return {
    update: (label, job) => {
      if (quiet) return
      const percent = job.progress === undefined ? "" : ` ${Math.round(job.progress * 100)}%`
      const text = `${label}: ${job.status}${percent}`
      if (io.interactive) {
        io.err(`\r${bar(job.status === "succeeded" ? 1 : (job.progress ?? 0))} ${text}`.padEnd(78))
        drawn = true
      } else if (last.get(label) !== text) {
        io.err(`${text}\n`)
      }
      last.set(label, text)
    },
    done: () => {
      if (drawn) io.err("\n")
      drawn = false
    },
  }
}
