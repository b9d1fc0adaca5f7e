import { type AspectRatio, AspectRatios, ProductPageError, VideoError } from "@vidbridge/core"
import { DownloadError } from "./download/DownloadError.js"
import type { CliProviders } from "./environment.js"
import { FlowError } from "./flow.js"
import { type Io, UsageError } from "./io.js"

/** What every command gets. */
export interface Context {
  readonly io: Io
  readonly providers: CliProviders
  readonly signal?: AbortSignal | undefined
}

/** One `vidbridge` subcommand. */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  /** More for `--help`, after the usage line: what the flags mean, examples. */
  readonly help?: string | undefined
  readonly run: (args: ReadonlyArray<string>, context: Context) => Promise<number>
}

export { parseFlags } from "./flags.js"

/** Checks `--aspect`. */
export const aspectFlag = (value: string | undefined): AspectRatio | undefined => {
  if (value === undefined) return undefined
  if ((AspectRatios as ReadonlyArray<string>).includes(value)) return value as AspectRatio
  throw new UsageError(`--aspect must be one of ${AspectRatios.join(", ")} (got "${value}")`)
}

/** Checks a positive whole number flag. */
export const numberFlag = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive whole number (got "${value}")`)
  return n
}

/** Reads a size flag (`--max-size 500m`): bytes, or with k, m, g (KiB, MiB, GiB). Answers bytes. */
export const sizeFlag = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const match = /^(\d+)([kmg])?i?b?$/i.exec(value.trim())
  const bytes = match
    ? Number(match[1]) * 1024 ** " kmg".indexOf((match[2] ?? " ").toLowerCase())
    : Number.NaN
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new UsageError(`--${name} must look like 500m, 2g or a number of bytes (got "${value}")`)
  return bytes
}

/** Reads `--timeout` as minutes (`15`) or with a unit (`90s`, `10m`). Answers milliseconds. */
export const durationFlag = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const match = /^(\d+)(s|m|h)?$/.exec(value)
  if (!match) throw new UsageError(`--timeout must look like 90s, 15m or 1h (got "${value}")`)
  const unit = match[2] ?? "m"
  return Number(match[1]) * (unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000)
}

/** A URL flag that must be http(s). */
export const urlFlag = (name: string, value: string | undefined): string => {
  if (value === undefined) throw new UsageError(`--${name} is required`)
  try {
    const url = new URL(value)
    if (url.protocol === "http:" || url.protocol === "https:") return value
  } catch {
    // reported below
  }
  throw new UsageError(`--${name} must be an http(s) URL (got "${value}")`)
}

/** An error as JSON: the typed ones' own `toJSON()` (credential-free), otherwise its message. */
export const errorJson = (error: unknown): Record<string, unknown> =>
  error instanceof VideoError ||
  error instanceof ProductPageError ||
  error instanceof DownloadError ||
  error instanceof FlowError
    ? error.toJSON()
    : { message: String((error as Error)?.message ?? error) }

/**
 * Prints an error the way every command does, and answers the exit code: 2 for `InvalidInput`
 * (bad flags or settings, nothing was sent; as `main` treats a thrown one), 1 otherwise.
 */
export const reportError = (io: Io, json: boolean, error: unknown): number => {
  if (json) {
    io.out(`${JSON.stringify({ ok: false, error: errorJson(error) })}\n`)
  } else {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  return error instanceof VideoError && error.reason._tag === "InvalidInput" ? 2 : 1
}
