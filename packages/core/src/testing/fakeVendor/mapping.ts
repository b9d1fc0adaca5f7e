import * as z from "zod/mini"
import { JobRef } from "../../JobRef.js"
import type { JobStatus } from "../../model/JobStatus.js"
import type { VideoJob } from "../../model/VideoJob.js"

// The fake vendor's job as it answers it, and its neutral view.

/** A job as the fake vendor answers it (`kind` absent: a render). @internal */
export const Job = z.looseObject({
  id: z.string(),
  kind: z.optional(z.enum(["previews", "render", "avatar"])),
  status: z.string(),
  progress: z.optional(z.number()),
  previews: z.optional(z.array(z.looseObject({ id: z.string() }))),
  url: z.optional(z.string()),
  credits: z.optional(z.number()),
  error: z.optional(z.string()),
  /** The client's reference given when the job was made (the submission key), echoed in reads and lists. */
  reference: z.optional(z.string()),
  /** The reference given when its preview was rendered. */
  render_reference: z.optional(z.string()),
  name: z.optional(z.string()),
})
/** @internal */
export type Job = z.infer<typeof Job>

/** The fake vendor's statuses, in neutral terms. */
export const fakeStatusTable: Readonly<Record<string, JobStatus>> = {
  waiting: "queued",
  working: "running",
  previews_ready: "awaiting_selection",
  ok: "succeeded",
  broken: "failed",
  moderated: "rejected",
  stopped: "cancelled",
}

/** A fake vendor job in neutral terms (refs `fake:previews:<id>`, `fake:render:<id>`, `fake:avatar:<id>`). @internal */
export const toJob = (job: Job): VideoJob => {
  const kind = job.kind ?? "render"
  return {
    ref: JobRef.format(JobRef.make("fake", kind, job.id)),
    provider: "fake",
    status: fakeStatusTable[job.status] ?? "unknown",
    vendorStatus: job.status,
    stage: kind === "previews" ? "preview" : "render",
    progress: job.progress,
    videoUrl: job.url,
    previews: job.previews?.map((p) => ({ id: p.id })),
    creditsUsed: job.credits,
    name: job.name,
    ...(job.error === undefined ? {} : { failure: { message: job.error } }),
    raw: job,
  }
}
