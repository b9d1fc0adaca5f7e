import type { PaidOperation } from "../SubmissionRef.js"
import type { AspectRatio } from "./AspectRatio.js"
import type { JobStage, JobStatus } from "./JobStatus.js"

/** One preview a vendor generated; pass its `id` to `renderPreview`. */
export interface Preview {
  /** The vendor's id for this preview (Creatify `media_job`, JoggAI `preview_id`). */
  readonly id: string
  readonly visualStyle?: string | undefined
  readonly aspectRatio?: AspectRatio | undefined
  /** A URL where the preview can be watched, when the vendor gives one. */
  readonly url?: string | undefined
  /** Per-preview status where the vendor reports one. */
  readonly status?: JobStatus | undefined
  /** Why this preview failed, where the vendor reports a per-preview failure. */
  readonly failure?: string | undefined
}

/** Why a job failed, in the vendor's own words. */
export interface JobFailure {
  readonly code?: string | undefined
  readonly message: string
}

/**
 * The submission a paid call's result came from: its key and its submission ref (the string the
 * `onSubmit` hook received). `reconciled` is `true` when the answer was lost (a 5xx, a timeout, a
 * reset, an unreadable answer) and the job was found afterwards with the vendor's own reads.
 * Set only where the adapter sent the key to the vendor.
 */
export interface Submission {
  readonly key: string
  readonly ref: string
  readonly reconciled?: true | undefined
}

/**
 * The neutral view of a vendor job: a preview set or a render.
 *
 * `ref` is a string you can store and later pass to `getStatus` or `waitForCompletion`
 * with nothing else. `raw` is the vendor's last payload, with credentials removed.
 *
 * @example
 * ```ts
 * const job = await client.getStatus(storedRef)
 * if (job.status === "succeeded") console.log(job.videoUrl)
 * ```
 */
export interface VideoJob {
  /** Serialized {@link JobRef}: `provider:kind:id[?params]`. */
  readonly ref: string
  readonly provider: string
  readonly status: JobStatus
  /** The vendor's own status value, exactly as received. */
  readonly vendorStatus: string
  readonly stage: JobStage
  /** 0..1 where the vendor reports progress. */
  readonly progress?: number | undefined
  readonly videoUrl?: string | undefined
  readonly previewUrl?: string | undefined
  readonly thumbnailUrl?: string | undefined
  /** A link to edit the video in the vendor's editor; often short-lived. */
  readonly editorUrl?: string | undefined
  readonly durationSeconds?: number | undefined
  /** Credits the vendor reports as spent on this job. */
  readonly creditsUsed?: number | undefined
  /** Previews to choose from when `status` is `awaiting_selection`. */
  readonly previews?: ReadonlyArray<Preview> | undefined
  readonly failure?: JobFailure | undefined
  readonly createdAt?: string | undefined
  /** The name the caller gave the video, where the vendor keeps one. */
  readonly name?: string | undefined
  /** The paid request that made this job, on the answer of that call (see {@link Submission}). */
  readonly submission?: Submission | undefined
  /** Vendor-specific extras (e.g. per-scene timing) that have no neutral field yet. */
  readonly metadata?: Readonly<Record<string, unknown>> | undefined
  /** The vendor payload this job was read from, credentials redacted. */
  readonly raw: unknown
}

/** A vendor callback turned into a neutral event. */
export interface VideoJobEvent {
  readonly provider: string
  /** The vendor's delivery id where it sends one; used to drop duplicates. */
  readonly eventId?: string | undefined
  /** The vendor's event name (`video.ready`, `generated_video_success`, ...). */
  readonly type: string
  /** The job as the event describes it; fields the event lacks are absent. */
  readonly job: VideoJob
  /**
   * `true` when the delivery was not signed by the vendor (only a token in the callback URL
   * vouched for it) and the adapter therefore read the job back from the vendor's API: `job`
   * is that answer, not what was posted (Creatify). Absent when the vendor signed the delivery
   * and `job` comes from its body (JoggAI, Hour One).
   */
  readonly confirmed?: boolean | undefined
}

/** One page of jobs from `listJobs`. */
export interface JobPage {
  readonly jobs: ReadonlyArray<VideoJob>
  /** Pass as `cursor` to read the next page; absent on the last page. */
  readonly nextCursor?: string | undefined
}

/** A script a vendor wrote; `text` can be passed as `script` to previews or renders. */
export interface Script {
  readonly id?: string | undefined
  readonly title?: string | undefined
  readonly name?: string | undefined
  readonly style?: string | undefined
  readonly language?: string | undefined
  readonly text: string
}

/**
 * Scripts from `generateScripts`; vendors that work asynchronously answer `pending` first.
 * `failed`: the vendor could not write them; `rejected`: its moderation refused the product text
 * (`generateScripts` fails `ContentRejected` for it, `VendorRejected` for `failed`; both keep the
 * vendor's reason in `failure`).
 */
export interface ScriptJob {
  /** Serialized JobRef of the script job, where the vendor made one. */
  readonly ref?: string | undefined
  readonly provider: string
  readonly status: "pending" | "ready" | "failed" | "rejected"
  readonly scripts: ReadonlyArray<Script>
  readonly creditsUsed?: number | undefined
  readonly failure?: JobFailure | undefined
  /** The paid request that made this script job (see {@link Submission}). */
  readonly submission?: Submission | undefined
  readonly raw: unknown
}

/** A product the vendor knows (scraped from a URL or made from your data). */
export interface Product {
  /** Serialized JobRef of the product; pass it (or this object) as `product` to later calls. */
  readonly ref: string
  readonly provider: string
  /** The vendor's product id. */
  readonly id: string
  readonly url?: string | undefined
  readonly title?: string | undefined
  readonly description?: string | undefined
  readonly imageUrls: ReadonlyArray<string>
  readonly videoUrls: ReadonlyArray<string>
  readonly logoUrl?: string | undefined
  readonly targetAudience?: string | undefined
  readonly creditsUsed?: number | undefined
  /** The paid request that made this product, where the vendor charges for one (see {@link Submission}). */
  readonly submission?: Submission | undefined
  readonly raw: unknown
}

/** What a paid operation answers: a job, a product (`createProduct`) or scripts (`generateScripts`). */
export type SubmissionResult = VideoJob | Product | ScriptJob

/**
 * What `findSubmission` answers after one lookup: `found` (with the `job`, `product` or
 * `scripts`, by operation), `not_found` (`settled`: the reconcile window since the request was
 * sent has passed, so the vendor's lists would show it by now; with an exact lookup
 * (`capabilities.submissions.lookup`) that means it was never made), or `ambiguous` (several
 * vendor jobs match; pick from `candidates`, vidbridge never guesses). `submission` is the ref asked about.
 */
export type SubmissionStatus =
  | (SubmissionAnswer<"found"> &
      (
        | { readonly operation: "createProduct"; readonly product: Product }
        | { readonly operation: "generateScripts"; readonly scripts: ScriptJob }
        | { readonly operation: "generatePreviews" | "renderPreview" | "render"; readonly job: VideoJob }
      ))
  | (SubmissionAnswer<"not_found"> & { readonly operation: PaidOperation; readonly settled: boolean })
  | (SubmissionAnswer<"ambiguous"> & {
      readonly operation: PaidOperation
      readonly candidates: ReadonlyArray<SubmissionResult>
    })

/** The fields every {@link SubmissionStatus} has. */
export interface SubmissionAnswer<S extends string> {
  readonly status: S
  /** The submission ref that was looked up. */
  readonly submission: string
}

/** What `estimateCredits` answers: an estimate from the vendor's published rules, not a quote. */
export interface CreditEstimate {
  readonly provider: string
  readonly credits: number
  /** Always `true`: vendors bill what they bill; read `creditsUsed` on the job for the fact. */
  readonly estimate: true
  /** The rule the number came from, for display. */
  readonly basis: string
}
