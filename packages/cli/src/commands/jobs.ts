import { JobRef, type VideoJob } from "@vidbridge/core"
import { type Command, durationFlag, parseFlags, reportError } from "../context.js"
import { type OpenedProvider, openProvider } from "../environment.js"
import { UsageError } from "../io.js"
import { makeProgress } from "../progress/jobProgress.js"
import { about } from "./about.js"

/** The job ref at `positionals[index]`, checked. */
export const refArgument = (positionals: ReadonlyArray<string>, index: number, command: string): string => {
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

/** Opens the provider that made `ref`, runs `run` with it, and closes it. */
export const withProvider = async <A>(
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
  ...about.status,
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
  ...about.wait,
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
