import { escapeHtml, safeUrl } from "./escape.js"
import { reportCss } from "./styles.js"
import { renderTimeline, type TimelineRow, timelineStatuses } from "./timeline.js"

/** One provider's column in the report. Everything in it may come from a vendor: all is escaped. */
export interface ReportColumn {
  /** The provider id (`creatify`). */
  readonly provider: string
  /** Its display name (`Creatify`). */
  readonly name: string
  readonly mode: "live" | "simulator"
  /** The final job status, or `error` when the run stopped before a job said. */
  readonly status: string
  /** The typed reason of a failure (`VendorRejected`, `ProductPageError (dns)`) and its message. */
  readonly failure?: { readonly reason: string; readonly message: string } | undefined
  readonly product?:
    | { readonly title?: string | undefined; readonly imageSrc?: string | undefined }
    | undefined
  /** The video: a relative path to a downloaded file, or the vendor's URL. */
  readonly videoSrc?: string | undefined
  readonly posterSrc?: string | undefined
  /** Where the poster comes from: the vendor's thumbnail, or the product's image when it gave none. */
  readonly posterFrom?: "vendor" | "product" | undefined
  readonly credits?: number | undefined
  /** Seconds from the start to the end of this provider's run. */
  readonly seconds: number
  /** Seconds from the start until the previews were ready; `undefined` without previews. */
  readonly previewsSeconds?: number | undefined
  /** Seconds from the start until the final video was ready. */
  readonly videoSeconds?: number | undefined
  readonly requests: number
  /** Things the reader should know (a download that failed, so the vendor URL is used). */
  readonly notes?: ReadonlyArray<string> | undefined
  readonly timeline: TimelineRow
}

/** What {@link renderReport} shows. */
export interface ReportInput {
  /** The product page every provider was given. */
  readonly url: string
  /** When the run started (ISO 8601). */
  readonly startedAt: string
  readonly columns: ReadonlyArray<ReportColumn>
}

const secondsText = (s: number | undefined) => (s === undefined ? "-" : `${s.toFixed(1)} s`)

const attr = (name: string, url: string | undefined) => {
  const safe = safeUrl(url)
  return safe === undefined ? "" : ` ${name}="${escapeHtml(safe)}"`
}

const column = (c: ReportColumn): string => {
  const video = safeUrl(c.videoSrc)
  const player = video
    ? `<figure class="player"><video controls preload="metadata" playsinline${attr("poster", c.posterSrc)} src="${escapeHtml(video)}"></video><figcaption>${
        c.posterFrom === "product"
          ? "poster: the product's image (the vendor gives no thumbnail)"
          : c.posterSrc
            ? "poster: the vendor's thumbnail"
            : "no poster"
      } · <a${attr("href", video)}>open the video</a></figcaption></figure>`
    : `<p class="note">no video${c.videoSrc ? " (its URL is not http(s) and is not shown)" : ""}</p>`
  const product = c.product
    ? `<div class="product">${c.product.imageSrc && safeUrl(c.product.imageSrc) ? `<img${attr("src", c.product.imageSrc)} alt="">` : ""}<span>${escapeHtml(c.product.title ?? "untitled product")}</span></div>`
    : ""
  const facts: Array<[string, string]> = [
    ["credits used", c.credits === undefined ? "-" : String(c.credits)],
    ["wall time", secondsText(c.seconds)],
    ["time to previews", c.previewsSeconds === undefined ? "no previews" : secondsText(c.previewsSeconds)],
    ["time to final video", secondsText(c.videoSeconds)],
    ["requests made", String(c.requests)],
  ]
  const failure = c.failure
    ? `<p class="failure"><strong>${escapeHtml(c.failure.reason)}</strong>: ${escapeHtml(c.failure.message)}</p>`
    : ""
  const notes = (c.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("")
  return `<section class="column" data-provider="${escapeHtml(c.provider)}">
<header><h2>${escapeHtml(c.name)}</h2><span class="mode">${escapeHtml(c.mode)}</span></header>
<span class="status s-${escapeHtml(c.status.replace(/[^a-z_]/g, ""))}">${escapeHtml(c.status)}</span>
${player}${product}<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>${failure}${notes}
</section>`
}

/**
 * The comparison as one self-contained HTML page: a column per provider (product, status, poster
 * and `<video>` player, credits, wall time, time to previews and to the final video, requests, the
 * typed failure reason) side by side, stacking on a narrow screen, and a status timeline in inline
 * SVG. No script, no network: CSS is inline, light and dark follow `prefers-color-scheme`, and a
 * Content-Security-Policy forbids scripts outright. Vendor text is escaped; only http(s) and
 * relative URLs reach `src` / `href`.
 *
 * @example
 * ```ts
 * writeFileSync("report.html", renderReport({ url, startedAt: new Date().toISOString(), columns }))
 * ```
 */
export const renderReport = (input: ReportInput): string => {
  const page = safeUrl(input.url)
  const legend = timelineStatuses
    .filter((s) => s !== "rejected" && s !== "cancelled")
    .map((s) => `<li><i class="s-${s}"></i>${s.replace("_", " ")}</li>`)
    .join("")
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' http: https: file:; media-src 'self' http: https: file:">
<title>vidbridge comparison: ${escapeHtml(input.url)}</title>
<style>${reportCss}</style>
</head>
<body>
<header><h1>Which vendor made the better ad?</h1>
<p>Product page: ${page ? `<a href="${escapeHtml(page)}">${escapeHtml(input.url)}</a>` : escapeHtml(input.url)} · started ${escapeHtml(input.startedAt)} · ${input.columns.length} provider${input.columns.length === 1 ? "" : "s"}</p></header>
<main class="columns">
${input.columns.map(column).join("\n")}
</main>
<section class="timeline-box"><h2>Status timeline</h2>
${renderTimeline(input.columns.map((c) => c.timeline))}
<ul class="legend">${legend}<li><i class="s-other"></i>other</li></ul>
</section>
<footer>Made by <code>vidbridge compare</code>. This file needs no network: styles and the timeline are inline; videos and posters are files next to it when the run downloaded them, otherwise the vendors' URLs (which may expire).</footer>
</body>
</html>
`
}
