/**
 * Why a download stopped:
 *
 * - `refused`: the URL (or a redirect) breaks the rules: not https, credentials in it, a
 *   private, link-local, metadata or loopback address (loopback is only for a simulator);
 * - `http_status`: the server answered an error (`status`);
 * - `too_many_redirects`: more redirects than allowed;
 * - `too_large`: the video is bigger than the size cap (declared, or counted while reading);
 * - `timeout`: the download took longer than allowed, or the server went silent;
 * - `aborted`: the caller's signal fired (Ctrl-C);
 * - `exists`: the file appeared while downloading and `force` was not set;
 * - `network`: the connection failed (DNS, refused, reset, TLS).
 */
export type DownloadFailure =
  | "refused"
  | "http_status"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "aborted"
  | "exists"
  | "network"

/**
 * A download that did not complete. Nothing is left behind: the target file is untouched
 * (or absent) and the partial file is removed.
 */
export class DownloadError extends Error {
  override readonly name = "DownloadError"
  readonly kind: DownloadFailure
  /** The URL being fetched when it stopped (a redirect's target, where there was one). */
  readonly url: string
  readonly status: number | undefined

  constructor(
    kind: DownloadFailure,
    url: string,
    detail: string,
    options: { readonly status?: number; readonly cause?: unknown } = {},
  ) {
    super(`download of ${url} stopped: ${detail}`, { cause: options.cause })
    this.kind = kind
    this.url = url
    this.status = options.status
  }

  /** A plain object for `--json` output. */
  toJSON(): Record<string, unknown> {
    return {
      _tag: "DownloadError",
      kind: this.kind,
      url: this.url,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
    }
  }
}
