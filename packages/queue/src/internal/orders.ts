import type { Job, JobState } from "bullmq"
import type { Order, OrderState } from "../Order.js"
import type { OrderInput } from "../OrderInput.js"
import type { Progress } from "./store.js"

// How an order reads: BullMQ's job (input, state, times) and the saved progress, as one Order.

/** What a BullMQ order job carries. @internal */
export interface OrderJobData {
  readonly order: OrderInput
  /** The order's canonical text: a second submit with the same key must match it. */
  readonly fingerprint: string
}

/** The neutral state of a BullMQ job state. @internal */
export const stateOf = (state: JobState | "unknown"): OrderState | undefined => {
  switch (state) {
    case "completed":
      return "succeeded"
    case "failed":
      return "failed"
    case "delayed":
      return "parked"
    case "active":
      return "active"
    case "waiting":
    case "waiting-children":
    case "prioritized":
      return "waiting"
    default:
      return undefined
  }
}

/** The BullMQ states that make up an order state (for `getJobs` and counts). @internal */
export const bullStates: Record<OrderState, ReadonlyArray<JobState>> = {
  waiting: ["waiting", "prioritized", "waiting-children"],
  active: ["active"],
  parked: ["delayed"],
  succeeded: ["completed"],
  failed: ["failed"],
}

/** Builds the {@link Order} view. @internal */
export const toOrder = (job: Job<OrderJobData>, state: OrderState, progress: Progress): Order => {
  const { order } = job.data
  return {
    id: job.id ?? order.idempotencyKey,
    provider: order.provider,
    state,
    input: order,
    product: progress.product,
    previews: progress.previews,
    video: progress.render ?? (state === "failed" ? progress.seen.render : undefined),
    jobs: progress.jobs,
    submissions: progress.submissions,
    progress: progress.progress,
    failure:
      progress.failure ??
      (state === "failed"
        ? { step: "render", reason: "WorkerFailed", message: job.failedReason ?? "the order failed" }
        : undefined),
    createdAt: job.timestamp,
    finishedAt: job.finishedOn,
  }
}
