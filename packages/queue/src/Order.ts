import type { Product, VideoJob } from "@vidbridge/core"
import type { OrderInput, Step } from "./OrderInput.js"

/**
 * Where an order is: `waiting` for a worker, `active` (a worker runs a step), `parked` (a vendor
 * job is in progress; no worker slot is held), `succeeded` or `failed`.
 */
export type OrderState = "waiting" | "active" | "parked" | "succeeded" | "failed"

/** Every {@link OrderState}. */
export const OrderStates: ReadonlyArray<OrderState> = ["waiting", "active", "parked", "succeeded", "failed"]

/**
 * Why an order failed, at which step. `reason` is the `VideoError` reason's tag (`JobFailed`,
 * `ContentRejected`, `SubmissionUnknown`, `VendorUnavailable`, `InvalidInput`, ...) or
 * `NoUsablePreview`. `submission` is the submission ref of a paid call whose answer was lost:
 * pass it to `findSubmission` later. `job` is the vendor job's ref where one exists.
 */
export interface OrderFailure {
  readonly step: Step
  readonly reason: string
  readonly message: string
  readonly submission?: string | undefined
  readonly job?: string | undefined
}

/** The latest progress of an order's current vendor job. */
export interface OrderProgress {
  readonly step: Step
  readonly status: string
  readonly progress?: number | undefined
}

/** The product an order made (its ref is what later steps use). */
export type OrderProduct = Pick<Product, "ref" | "id" | "provider" | "title">

/**
 * An order as saved: its input, where it is, and each step's result (saved before the next step
 * starts, so a replaced worker resumes at the right step).
 */
export interface Order {
  /** The order's id: its idempotency key. */
  readonly id: string
  readonly provider: string
  readonly state: OrderState
  readonly input: OrderInput
  readonly product?: OrderProduct | undefined
  /** The preview set, once ready. */
  readonly previews?: VideoJob | undefined
  /** The finished video (`videoUrl`) once the order succeeded; the failed render when it failed. */
  readonly video?: VideoJob | undefined
  /** Vendor job refs submitted per step (readable with `getStatus`). */
  readonly jobs: Readonly<Partial<Record<Step, string>>>
  /** Submission refs per step: written before each paid request is sent. */
  readonly submissions: Readonly<Partial<Record<Step, string>>>
  readonly progress?: OrderProgress | undefined
  readonly failure?: OrderFailure | undefined
  /** When it was submitted and finished (ms since the epoch). */
  readonly createdAt: number
  readonly finishedAt?: number | undefined
}
