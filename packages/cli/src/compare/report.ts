import { mkdir, rename, writeFile } from "node:fs/promises"
import { dirname, relative, resolve } from "node:path"
import type { ProgressEvent } from "../progress/events.js"
import { relativeFileUrl } from "../report/escape.js"
import { type ReportColumn, type ReportInput, renderReport } from "../report/renderReport.js"
import { toTimelineRow } from "../report/timeline.js"
import { describeChoices, describeCost } from "./plan.js"
import type { CompareRow } from "./runProvider.js"

/** Where a saved file is, seen from the report's folder; else the vendor's URL. */
const source = (reportDir: string, file: string | undefined, url: string | undefined) =>
  file === undefined ? url : relativeFileUrl(relative(reportDir, resolve(file)))

/** The report's view of the comparison's rows: local files where saved, timelines from the events. */
export const reportInput = (
  rows: ReadonlyArray<CompareRow>,
  options: {
    readonly url: string
    readonly startedAt: string
    readonly reportFile: string
    readonly names: Readonly<Record<string, string>>
    readonly events: (provider: string) => ReadonlyArray<ProgressEvent>
  },
): ReportInput => {
  const dir = dirname(resolve(options.reportFile))
  const columns = rows.map((row): ReportColumn => {
    const posterFrom = row.thumbnailUrl ? "vendor" : row.product?.imageUrl ? "product" : undefined
    return {
      provider: row.provider,
      name: options.names[row.provider] ?? row.provider,
      mode: row.mode,
      status: row.status,
      failure:
        row.failure === undefined
          ? undefined
          : row.reason === undefined
            ? { reason: "UnexpectedError", message: row.failure }
            : { reason: row.reason, message: row.failure.slice(row.reason.length + 2) },
      product: row.product
        ? { title: row.product.title, imageSrc: source(dir, row.saved?.productImage, row.product.imageUrl) }
        : undefined,
      videoSrc: source(dir, row.saved?.video, row.videoUrl),
      posterSrc: source(dir, row.saved?.poster, row.thumbnailUrl ?? row.product?.imageUrl),
      posterFrom,
      credits: row.credits,
      seconds: row.seconds,
      previewsSeconds: row.previewsSeconds,
      videoSeconds: row.videoSeconds,
      requests: row.requests,
      notes: [
        ...(row.choices ? [`used: ${describeChoices(row.choices)}`, ...row.choices.notes] : []),
        ...(row.choices ? [`cost before the run: ${describeCost(row)}`] : []),
        ...(row.notes ?? []),
        ...(row.hint ? [`hint: ${row.hint}`] : []),
      ],
      timeline: toTimelineRow(options.names[row.provider] ?? row.provider, options.events(row.provider)),
    }
  })
  return { url: options.url, startedAt: options.startedAt, columns }
}

/** Writes the report: to a temporary file next to it, then moved into place (never half-written). */
export const writeReport = async (file: string, input: ReportInput): Promise<string> => {
  const target = resolve(file)
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${process.pid}.tmp`
  await writeFile(temp, renderReport(input))
  await rename(temp, target)
  return target
}
