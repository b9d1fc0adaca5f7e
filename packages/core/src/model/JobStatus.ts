/**
 * The neutral job status every vendor status maps onto.
 *
 * - `queued`: accepted by the vendor, not started.
 * - `running`: being generated or rendered.
 * - `awaiting_selection`: the job waits for the caller: previews are ready (`previews` set; pick
 *   one and call `renderPreview`), or nothing was asked to render yet (call `render`). Settled:
 *   waits end at once.
 * - `succeeded`: finished; the video URL is set.
 * - `failed`: the vendor could not make the video (see `failure`).
 * - `rejected`: the vendor's moderation refused the content.
 * - `cancelled`: stopped or cancelled before it finished (also after `cancel`).
 * - `unknown`: the vendor reported a status this version does not know; the vendor's
 *   own value is in `vendorStatus` and `raw`. Treated as not finished.
 *
 * @example
 * ```ts
 * if (isTerminal(job.status)) console.log("done:", job.status)
 * ```
 */
export const JobStatuses = [
  "queued",
  "running",
  "awaiting_selection",
  "succeeded",
  "failed",
  "rejected",
  "cancelled",
  "unknown",
] as const

/** One of {@link JobStatuses}. */
export type JobStatus = (typeof JobStatuses)[number]

/** The stage of a job: generating previews to choose from, or rendering the final video. */
export type JobStage = "preview" | "render"

const terminal: ReadonlySet<JobStatus> = new Set(["succeeded", "failed", "rejected", "cancelled"])

/**
 * True when the job will not change any more (`succeeded`, `failed`, `rejected`, `cancelled`).
 * `awaiting_selection` is not terminal: the job waits for you, see {@link isSettled}.
 */
export const isTerminal = (status: JobStatus): boolean => terminal.has(status)

/**
 * True when the job needs nothing more from the vendor: terminal, or waiting for the caller
 * (`awaiting_selection`). Polling stops at a settled status.
 */
export const isSettled = (status: JobStatus): boolean =>
  terminal.has(status) || status === "awaiting_selection"

/** True when the status means the job ended without a video. */
export const isFailure = (status: JobStatus): boolean =>
  status === "failed" || status === "rejected" || status === "cancelled"

const rank: Record<JobStatus, number> = {
  unknown: 0,
  queued: 1,
  running: 2,
  awaiting_selection: 3,
  succeeded: 4,
  failed: 4,
  rejected: 4,
  cancelled: 4,
}

/**
 * How far along `status` is within a stage: unknown 0, queued 1, running 2, awaiting_selection
 * 3, any terminal status 4 (the order {@link compareProgress} uses after the stage).
 */
export const statusRank = (status: JobStatus): number => rank[status] ?? 0

/**
 * Orders two observations of the same job: negative when `a` is older than `b`, zero when
 * neither is ahead, positive when `a` is ahead. A render stage is ahead of a preview stage;
 * within a stage, terminal beats running beats queued, then higher progress wins.
 * Used to keep webhooks and polls from moving a job backwards.
 */
export const compareProgress = (
  a: { readonly status: JobStatus; readonly stage: JobStage; readonly progress?: number | undefined },
  b: { readonly status: JobStatus; readonly stage: JobStage; readonly progress?: number | undefined },
): number => {
  const stage = (a.stage === "render" ? 1 : 0) - (b.stage === "render" ? 1 : 0)
  if (stage !== 0) return stage
  const byStatus = statusRank(a.status) - statusRank(b.status)
  if (byStatus !== 0) return byStatus
  return (a.progress ?? 0) - (b.progress ?? 0)
}

/**
 * {@link compareProgress} as one number, for stores that compare observations without calling
 * back into JavaScript (a Redis script, an SQL `WHERE`): the render stage adds 10, then
 * {@link statusRank}, then progress clamped to 0..1 and scaled below one status step. For
 * progress within 0..1, `progressRank(a) - progressRank(b)` has the sign of `compareProgress(a, b)`.
 *
 * @example
 * ```ts
 * progressRank({ stage: "render", status: "running", progress: 0.5 }) // 12.45
 * ```
 */
export const progressRank = (job: {
  readonly status: JobStatus
  readonly stage: JobStage
  readonly progress?: number | undefined
}): number =>
  (job.stage === "render" ? 10 : 0) +
  statusRank(job.status) +
  Math.min(1, Math.max(0, job.progress ?? 0)) * 0.9
