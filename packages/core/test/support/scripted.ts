import { Effect } from "effect"
import {
  type Capabilities,
  JobRef,
  type JobStatus,
  type PollingPolicy,
  type VideoError,
  type VideoJob,
  type VideoProviderShape,
} from "../../src/index.js"

/** An in-memory provider whose jobs walk through scripted statuses, one step per read. */
export const scriptedProvider = (
  scripts: Record<string, ReadonlyArray<JobStatus | VideoError>>,
  options: {
    batchLimit?: number
    /** A list scan (`scanStatuses`) that finds only these ids, counting `pagesPerScan` requests. */
    scan?: { readonly listed: ReadonlyArray<string>; readonly pagesPerScan: number }
    polling?: PollingPolicy
  } = {},
) => {
  const reads = { single: 0, batch: 0, batchSizes: [] as number[], scans: 0, scanSizes: [] as number[] }
  const cursor = new Map<string, number>()
  const step = (id: string): Effect.Effect<VideoJob, VideoError> => {
    const script = scripts[id] ?? ["running"]
    const i = Math.min(cursor.get(id) ?? 0, script.length - 1)
    cursor.set(id, i + 1)
    const entry = script[i]!
    if (typeof entry !== "string") return Effect.fail(entry)
    return Effect.succeed({
      ref: JobRef.format(JobRef.make("scripted", "job", id)),
      provider: "scripted",
      status: entry,
      vendorStatus: entry.toUpperCase(),
      stage: "render",
      ...(entry === "running" ? { progress: 0.5 } : {}),
      ...(entry === "succeeded" ? { videoUrl: `https://cdn.test/${id}.mp4` } : {}),
      ...(entry === "failed" ? { failure: { message: "render crashed" } } : {}),
      raw: { id, entry },
    })
  }
  const capabilities: Capabilities = {
    operations: ["getStatus"],
    aspectRatios: [],
    productFromUrl: false,
    productFromParams: false,
    templates: false,
    webhooks: "none",
    batchStatusLimit: options.batchLimit ?? 1,
    credits: { reported: false, estimate: false },
  }
  const shape: VideoProviderShape = {
    id: "scripted",
    capabilities,
    getStatus: (ref) =>
      Effect.suspend(() => {
        reads.single++
        return step(ref.id)
      }),
    ...(options.batchLimit
      ? {
          getStatuses: (refs: ReadonlyArray<JobRef>) =>
            Effect.suspend(() => {
              reads.batch++
              reads.batchSizes.push(refs.length)
              return Effect.forEach(refs, (ref) => step(ref.id))
            }),
        }
      : {}),
    ...(options.scan
      ? {
          scanStatuses: (refs: ReadonlyArray<JobRef>) =>
            Effect.suspend(() => {
              reads.scans++
              reads.scanSizes.push(refs.length)
              const listed = refs.filter((ref) => options.scan!.listed.includes(ref.id))
              return Effect.map(
                Effect.forEach(listed, (ref) => step(ref.id)),
                (jobs) => ({
                  jobs,
                  requests: options.scan!.pagesPerScan,
                }),
              )
            }),
        }
      : {}),
    ...(options.polling ? { polling: options.polling } : {}),
  }
  return { shape, reads }
}
