/** Text made safe for HTML content and quoted attribute values (vendor titles, messages, ids). */
export const escapeHtml = (value: unknown): string =>
  String(value ?? "").replace(
    /[&<>"'`]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" })[c]!,
  )

/**
 * A URL fit for `src` / `href`, or `undefined`: only absolute `http:` / `https:` URLs and
 * relative paths (a downloaded file next to the report). `javascript:`, `data:`, `file:`, other
 * schemes, protocol-relative `//host` URLs and anything with control characters are refused.
 * The answer still needs {@link escapeHtml} inside an attribute.
 */
export const safeUrl = (value: string | undefined): string | undefined => {
  if (value === undefined || value === "") return undefined
  // Browsers strip tabs, newlines and outer spaces from URLs (` java\tscript:`): refuse any
  // whitespace or control character, and backslashes (read as slashes).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return undefined
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    try {
      const url = new URL(value)
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined
    } catch {
      return undefined
    }
  }
  // Relative: a path, not `//host` (which would be another origin).
  return value.startsWith("//") ? undefined : value
}

/** A local file path (from the report's folder) as a relative URL, each segment encoded. */
export const relativeFileUrl = (path: string): string =>
  path
    .split(/[\\/]/)
    .map((segment) => (segment === ".." || segment === "." ? segment : encodeURIComponent(segment)))
    .join("/")
