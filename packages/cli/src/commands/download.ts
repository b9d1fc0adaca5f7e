import { lstatSync } from "node:fs"
import { type Command, durationFlag, parseFlags, reportError, sizeFlag } from "../context.js"
import { DownloadError } from "../download/DownloadError.js"
import { downloadDefaults, downloadVideo } from "../download/downloadVideo.js"
import { UsageError } from "../io.js"
import { about } from "./about.js"
import { refArgument, withProvider } from "./jobs.js"

const GiB = 1024 ** 3

/** `vidbridge download <ref> <file>`: the hardened download (see `downloadVideo`). */
export const download: Command = {
  ...about.download,
  run: async (args, context) => {
    const { values, positionals } = parseFlags(args, {
      force: { type: "boolean" },
      "max-size": { type: "string" },
      timeout: { type: "string" },
    })
    const ref = refArgument(positionals, 0, "download")
    const file = positionals[1]
    if (file === undefined) throw new UsageError("download needs a file to write, e.g. video.mp4")
    const maxBytes = sizeFlag("max-size", values["max-size"]) ?? downloadDefaults.maxBytes
    const timeout = durationFlag(values.timeout) ?? downloadDefaults.timeout
    if (timeout > 2_147_483_647)
      throw new UsageError(`--timeout must be at most 596h (got "${values.timeout}")`)
    // Before anything is asked of the vendor: an existing file stays as it is without --force.
    if (!values.force && lstatSync(file, { throwIfNoEntry: false }) !== undefined)
      throw new UsageError(`${file} already exists; pass --force to replace it`)
    const json = Boolean(values.json)
    let lastShown = -1
    const onBytes = (received: number, total: number | undefined) => {
      if (json) return
      const shown = total ? Math.floor((received / total) * 10) : Math.floor(received / (16 * 1024 * 1024))
      if (shown === lastShown && !context.io.interactive) return
      lastShown = shown
      const text = `downloaded ${received} bytes${total ? ` of ${total}` : ""}`
      context.io.err(context.io.interactive ? `\r${text}` : `${text}\n`)
    }
    try {
      const saved = await withProvider(ref, context, async (provider) => {
        const job = await provider.client.getStatus(ref, { signal: context.signal })
        if (job.status !== "succeeded" || job.videoUrl === undefined)
          throw new Error(`the job is ${job.status}, not finished; run "vidbridge wait ${ref}" first`)
        return downloadVideo(job.videoUrl, file, {
          simulatorOrigins: provider.simulatorOrigin === undefined ? [] : [provider.simulatorOrigin],
          maxBytes,
          timeout,
          force: values.force,
          signal: context.signal,
          onBytes,
        })
      })
      if (context.io.interactive && !json) context.io.err("\n")
      context.io.out(
        json
          ? `${JSON.stringify({ ok: true, file, bytes: saved.bytes })}\n`
          : `saved ${file} (${saved.bytes} bytes)\n`,
      )
      return 0
    } catch (error) {
      if (context.io.interactive && !json) context.io.err("\n")
      if (!json && error instanceof DownloadError && error.kind === "too_large")
        context.io.err(`hint: --max-size raises the cap (now ${(maxBytes / GiB).toFixed(2)} GiB)\n`)
      if (!json && error instanceof DownloadError && error.kind === "timeout")
        context.io.err("hint: --timeout raises the time limit\n")
      return reportError(context.io, json, error)
    }
  },
}
