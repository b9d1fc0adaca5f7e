import { randomBytes } from "node:crypto"
import { constants, copyFile, link, open, rename, unlink } from "node:fs/promises"
import { basename, dirname, join, resolve } from "node:path"
import { Transform } from "node:stream"
import { pipeline } from "node:stream/promises"
import { DownloadError } from "./DownloadError.js"
import { openChecked, type Resolver, shown, systemLookup } from "./requests.js"

/** Options of {@link downloadVideo}. */
export interface DownloadOptions {
  /**
   * Origins (`http://127.0.0.1:4010`) of a vendor running on this machine, a simulator: only
   * these may be fetched over plain http, and they must resolve to loopback. Everything else
   * must be https to a public address.
   */
  readonly simulatorOrigins?: ReadonlyArray<string> | undefined
  /** The most bytes written; a bigger video fails with `too_large`. Default 1 GiB. */
  readonly maxBytes?: number | undefined
  /** Milliseconds for the whole download, redirects included. Default 30 minutes. */
  readonly timeout?: number | undefined
  /** Milliseconds the server may stay silent (no bytes) before the download fails. Default 60 s. */
  readonly idleTimeout?: number | undefined
  /** Redirects followed at most, each checked like the first URL. Default 5. */
  readonly maxRedirects?: number | undefined
  /** Replace `file` if it exists. Default: fail with `exists` and leave it untouched. */
  readonly force?: boolean | undefined
  /** Cancels the download (Ctrl-C); it then fails with `aborted`. */
  readonly signal?: AbortSignal | undefined
  /** Called as bytes arrive; `total` when the server declared a length. */
  readonly onBytes?: ((received: number, total: number | undefined) => void) | undefined
  /** Resolves a host name (default: the system resolver). Every address is checked before connecting. */
  readonly lookup?: Resolver | undefined
}

/** Defaults of {@link downloadVideo}. */
export const downloadDefaults = {
  maxBytes: 1024 ** 3,
  timeout: 30 * 60_000,
  idleTimeout: 60_000,
  maxRedirects: 5,
} as const

/** Counts bytes through the pipe and stops it past `maxBytes`. */
const counter = (
  url: URL,
  maxBytes: number,
  total: number | undefined,
  onBytes: DownloadOptions["onBytes"],
) => {
  let received = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.byteLength
      if (received > maxBytes)
        return done(new DownloadError("too_large", shown(url), `the video is over the ${maxBytes} byte cap`))
      onBytes?.(received, total)
      done(null, chunk)
    },
  })
  return { stream, received: () => received }
}

/** Moves the finished temporary file to `file`: replacing it only with `force`, never clobbering otherwise. */
const place = async (temp: string, file: string, force: boolean, url: URL): Promise<void> => {
  if (force) return rename(temp, file)
  try {
    // A hard link fails if `file` exists (atomically, unlike a check before a rename).
    await link(temp, file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === "EEXIST")
      throw new DownloadError("exists", shown(url), `${file} already exists (pass force to replace it)`)
    // A file system without hard links: an exclusive copy fails as well if `file` exists.
    await copyFile(temp, file, constants.COPYFILE_EXCL).catch((e: NodeJS.ErrnoException) => {
      throw e.code === "EEXIST"
        ? new DownloadError("exists", shown(url), `${file} already exists (pass force to replace it)`)
        : e
    })
  }
  await unlink(temp)
}

const checkOptions = (options: DownloadOptions): void => {
  const bad = (name: string, value: unknown, ok: boolean, what: string) => {
    if (value !== undefined && !ok)
      throw new RangeError(`downloadVideo: ${name} must be ${what} (got ${String(value)})`)
  }
  const { maxBytes, timeout, idleTimeout, maxRedirects } = options
  bad(
    "maxBytes",
    maxBytes,
    Number.isSafeInteger(maxBytes) && maxBytes! > 0,
    "a positive whole number of bytes",
  )
  for (const [name, value] of [
    ["timeout", timeout],
    ["idleTimeout", idleTimeout],
  ] as const)
    bad(
      name,
      value,
      Number.isInteger(value) && value! > 0 && value! <= 2_147_483_647,
      "milliseconds (1 to 2147483647)",
    )
  bad(
    "maxRedirects",
    maxRedirects,
    Number.isInteger(maxRedirects) && maxRedirects! >= 0,
    "a whole number >= 0",
  )
}

/**
 * Downloads a video a vendor named to `file`, treating the URL as untrusted: https only (plain
 * http only from a simulator's own origin on this machine), every host's addresses checked after
 * DNS resolution and before connecting (no private, link-local, cloud-metadata or loopback
 * address, except loopback for a simulator), every redirect checked the same way, a size cap
 * and a time limit. It writes to a temporary file next to `file` and moves it into place only
 * when complete; an existing `file` is replaced only with `force`. On any failure nothing is
 * left behind. Fails with a {@link DownloadError} naming the URL and why (`kind`).
 *
 * @example
 * ```ts
 * const { bytes } = await downloadVideo(job.videoUrl!, "ad.mp4", { maxBytes: 2 * 1024 ** 3, signal })
 * ```
 */
export const downloadVideo = async (
  url: string,
  file: string,
  options: DownloadOptions = {},
): Promise<{ readonly bytes: number; readonly file: string }> => {
  checkOptions(options)
  let current: URL
  try {
    current = new URL(url)
  } catch {
    throw new DownloadError("refused", "(not a URL)", "the vendor's video URL is not a URL")
  }
  const maxBytes = options.maxBytes ?? downloadDefaults.maxBytes
  const timeout = options.timeout ?? downloadDefaults.timeout
  const timer = AbortSignal.timeout(timeout)
  const signal = options.signal === undefined ? timer : AbortSignal.any([options.signal, timer])
  const failure = (error: unknown): unknown => {
    if (options.signal?.aborted)
      return new DownloadError("aborted", shown(current), "cancelled", { cause: options.signal.reason })
    if (timer.aborted)
      return new DownloadError("timeout", shown(current), `not finished within ${timeout} ms`)
    // Our own verdicts, and file system errors (they name their path), pass as they are.
    if (error instanceof DownloadError || (error as { path?: unknown })?.path !== undefined) return error
    const e = error as NodeJS.ErrnoException
    return new DownloadError("network", shown(current), e?.code ?? String(e?.message ?? error), {
      cause: error,
    })
  }
  const target = resolve(file)
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.part`)
  // Create the temporary file first: a directory we cannot write to fails before any request.
  const handle = await open(temp, "wx")
  let placed = false
  try {
    const opened = await openChecked(current, options.simulatorOrigins ?? [], {
      signal,
      lookup: options.lookup ?? systemLookup,
      idleTimeout: options.idleTimeout ?? downloadDefaults.idleTimeout,
      maxRedirects: options.maxRedirects ?? downloadDefaults.maxRedirects,
    })
    current = opened.url
    const declared = Number(opened.response.headers["content-length"]) || undefined
    if (declared !== undefined && declared > maxBytes) {
      opened.response.destroy()
      throw new DownloadError(
        "too_large",
        shown(current),
        `the video is ${declared} bytes, over the ${maxBytes} byte cap`,
      )
    }
    const count = counter(current, maxBytes, declared, options.onBytes)
    const out = handle.createWriteStream()
    await pipeline(opened.response, count.stream, out, { signal })
    if (!out.closed) await new Promise<void>((done) => out.once("close", () => done()))
    await place(temp, target, options.force ?? false, current)
    placed = true
    return { bytes: count.received(), file: target }
  } catch (error) {
    throw failure(error)
  } finally {
    await handle.close().catch(() => undefined)
    if (!placed) await unlink(temp).catch(() => undefined)
  }
}
