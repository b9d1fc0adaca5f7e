import { createWriteStream } from "node:fs"
import { JobRef, type VideoJob } from "@vidbridge/core"
import { type Command, durationFlag, parseFlags, reportError } from "../context.js"
import { type OpenedProvider, openProvider } from "../environment.js"
import { UsageError } from "../io.js"
import { makeProgress } from "../progress.js"

const refArgument = (positionals: ReadonlyArray<string>, index: number, command: string): string => {
  const ref = positionals[index]
  if (ref === undefined) throw new UsageError(`${command} needs a job ref (as printed by vidbridge create)`)
  if (!JobRef.isValid(ref))
    throw new UsageError(`"${ref}" is not a job ref; refs look like creatify:link_to_video:<id>`)
  return ref
}

/** One line describing a job. */
export const describeJob = (job: VideoJob): string =>
  `${[
    `${job.ref}  ${job.status} (${job.vendorStatus})`,
    job.progress === undefined ? undefined : `progress ${Math.round(job.progress * 100)}%`,
    job.videoUrl ? `video ${job.videoUrl}` : undefined,
    job.creditsUsed === undefined ? undefined : `credits ${job.creditsUsed}`,
    job.failure ? `failure: ${job.failure.message}` : undefined,
  ]
    .filter(Boolean)
    .join("\n  ")}\n`

const withProvider = async <A>(
  ref: string,
  context: Parameters<Command["run"]>[1],
  run: (p: OpenedProvider) => Promise<A>,
) => {
  const provider = await openProvider(JobRef.parse(ref).provider, context.providers, context.io.env)
  if (provider.mode === "simulator") {
    context.io.err(
      `note: ${provider.id} has no API keys set, so this reads a fresh in-process simulator, which only knows jobs made in this run; run "vidbridge simulators" to keep one running\n`,
    )
  }
  try {
    return await run(provider)
  } finally {
    await provider.close()
  }
}

/** `vidbridge status <ref>` */
export const status: Command = {
  name: "status",
  summary: "read a job once",
  usage: "vidbridge status <ref> [--json]",
  run: async (args, context) => {
    const { values, positionals } = parseFlags(args, {})
    const ref = refArgument(positionals, 0, "status")
    try {
      const job = await withProvider(ref, context, (p) => p.client.getStatus(ref, { signal: context.signal }))
      context.io.out(values.json ? `${JSON.stringify({ ok: true, job })}\n` : describeJob(job))
      return 0
    } catch (error) {
      return reportError(context.io, Boolean(values.json), error)
    }
  },
}

/** `vidbridge wait <ref>` */
export const wait: Command = {
  name: "wait",
  summary: "wait for a job to finish, with live progress",
  usage: "vidbridge wait <ref> [--timeout 20m] [--json]",
  run: async (args, context) => {
    const { values, positionals } = parseFlags(args, { timeout: { type: "string" } })
    const ref = refArgument(positionals, 0, "wait")
    const progress = makeProgress(context.io, Boolean(values.json))
    try {
      const job = await withProvider(ref, context, (p) =>
        p.client.waitForCompletion(ref, {
          signal: context.signal,
          onProgress: (j) => progress.update("render", j),
          ...(values.timeout ? { timeout: durationFlag(values.timeout) } : {}),
        }),
      )
      progress.done()
      context.io.out(values.json ? `${JSON.stringify({ ok: true, job })}\n` : describeJob(job))
      return 0
    } catch (error) {
      progress.done()
      return reportError(context.io, Boolean(values.json), error)
    }
  },
}

/** Streams a finished video to a file, reporting bytes as they arrive. */
export const downloadTo = async (
  url: string,
  file: string,
  onBytes: (received: number, total: number | undefined) => void,
  signal?: AbortSignal,
): Promise<number> => {
  const response = await fetch(url, signal ? { signal } : {})
  if (!response.ok || response.body === null)
    throw new Error(`the video URL answered HTTP ${response.status}`)
  const total = Number(response.headers.get("content-length") ?? "") || undefined
  const out = createWriteStream(file)
  let received = 0
  try {
    for await (const chunk of response.body) {
      received += chunk.byteLength
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()))
      onBytes(received, total)
    }
  } finally {
    await new Promise<void>((resolve, reject) => {
      out.once("error", reject)
      out.end(() => resolve())
    })
  }
  return received
}

/** `vidbridge download <ref> <file>` */
export const download: Command = {
  name: "download",
  summary: "save a finished video to a file, with progress",
  usage: "vidbridge download <ref> <file> [--json]",
  run: async (args, context) => {
    const { values, positionals } = parseFlags(args, {})
    const ref = refArgument(positionals, 0, "download")
    const file = positionals[1]
    if (file === undefined) throw new UsageError("download needs a file to write, e.g. video.mp4")
    try {
      const job = await withProvider(ref, context, (p) => p.client.getStatus(ref, { signal: context.signal }))
      if (job.status !== "succeeded" || job.videoUrl === undefined) {
        throw new Error(`the job is ${job.status}, not finished; run "vidbridge wait ${ref}" first`)
      }
      let lastShown = -1
      const bytes = await downloadTo(
        job.videoUrl,
        file,
        (received, total) => {
          if (values.json) return
          const shown = total ? Math.floor((received / total) * 10) : -1
          if (shown !== lastShown || context.io.interactive) {
            context.io.err(
              `${context.io.interactive ? "\r" : ""}downloaded ${received} bytes${total ? ` of ${total}` : ""}${context.io.interactive ? "" : "\n"}`,
            )
            lastShown = shown
          }
        },
        context.signal,
      )
      if (context.io.interactive && !values.json) context.io.err("\n")
      context.io.out(
        values.json ? `${JSON.stringify({ ok: true, file, bytes })}\n` : `saved ${file} (${bytes} bytes)\n`,
      )
      return 0
    } catch (error) {
      return reportError(context.io, Boolean(values.json), error)
    }
  },
}
