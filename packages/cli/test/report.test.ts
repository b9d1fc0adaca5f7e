import { describe, expect, it } from "vitest"
import {
  escapeHtml,
  type ProgressEvent,
  type ReportColumn,
  relativeFileUrl,
  renderReport,
  renderTimeline,
  safeUrl,
  toTimelineRow,
} from "../src/index.js"

const event = (
  at: number,
  stage: string,
  status: string,
  extra: Partial<ProgressEvent> = {},
): ProgressEvent => ({
  group: "creatify",
  at,
  stage,
  status,
  ...extra,
})

const column = (overrides: Partial<ReportColumn> = {}): ReportColumn => ({
  provider: "creatify",
  name: "Creatify",
  mode: "simulator",
  status: "succeeded",
  product: { title: "Aurora Trail Running Shoe", imageSrc: "media/creatify-product.jpg" },
  videoSrc: "media/creatify.mp4",
  posterSrc: "media/creatify-poster.jpg",
  posterFrom: "vendor",
  credits: 6,
  seconds: 6.5,
  previewsSeconds: 2.1,
  videoSeconds: 6.4,
  requests: 26,
  timeline: toTimelineRow("Creatify", [
    event(0, "product", "running"),
    event(900, "previews", "running", { progress: 0.5 }),
    event(2100, "previews", "awaiting_selection"),
    event(2300, "render", "running"),
    event(6400, "render", "succeeded", { final: true }),
  ]),
  ...overrides,
})

/** Every value of a `src` / `href` / `poster` attribute in `html`. */
const urlAttributes = (html: string) =>
  [...html.matchAll(/\s(?:src|href|poster)="([^"]*)"/g)].map((m) => m[1]!)

describe("safeUrl", () => {
  it.each([
    ["https://cdn.vendor.example/v/1.mp4", "https://cdn.vendor.example/v/1.mp4"],
    ["http://127.0.0.1:4010/sim/files/a.mp4", "http://127.0.0.1:4010/sim/files/a.mp4"],
    ["media/creatify.mp4", "media/creatify.mp4"],
    ["../videos/a%20b.mp4", "../videos/a%20b.mp4"],
  ])("keeps %s", (input, output) => {
    expect(safeUrl(input)).toBe(output)
  })

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz4=",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "blob:https://x.example/1",
    "//evil.example/x.mp4",
    "\\\\evil.example\\x.mp4",
    "https://x.example/\u0000.mp4",
    "",
    undefined,
  ])("refuses %j", (input) => {
    expect(safeUrl(input)).toBeUndefined()
  })

  it("escapes everything HTML could read as markup", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;",
    )
    expect(relativeFileUrl("media/my video?#.mp4")).toBe("media/my%20video%3F%23.mp4")
  })
})

describe("renderReport", () => {
  it("is one self-contained page: inline CSS, no script, light and dark, a column and a timeline row per provider", () => {
    const html = renderReport({
      url: "http://127.0.0.1:4000/products/aurora-trail",
      startedAt: "2026-11-28T10:00:00.000Z",
      columns: [
        column(),
        column({ provider: "jogg", name: "JoggAI", credits: 1.5 }),
        column({
          provider: "drafts",
          name: "Hour One",
          posterFrom: "product",
          posterSrc: "media/drafts-product.jpg",
          previewsSeconds: undefined,
        }),
      ],
    })
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script|<link|@import|url\(/i)
    expect(html).toContain("default-src 'none'")
    expect(html).toContain("@media (prefers-color-scheme: dark)")
    expect(html.match(/<section class="column"/g)).toHaveLength(3)
    expect(html.match(/<video /g)).toHaveLength(3)
    expect(html.match(/<g class="row"/g)).toHaveLength(3)
    expect(html).toContain('poster="media/creatify-poster.jpg" src="media/creatify.mp4"')
    expect(html).toContain("poster: the product's image (the vendor gives no thumbnail)")
    expect(html).toMatch(/<dt>time to previews<\/dt><dd>no previews<\/dd>/)
    expect(html).toMatch(/<dt>credits used<\/dt><dd>1\.5<\/dd>/)
    for (const url of urlAttributes(html)) expect(url).toMatch(/^(https?:\/\/|media\/)/)
  })

  it("escapes whatever a vendor sends: titles, messages, ids, statuses and URLs cannot inject markup", () => {
    const evil = `"><img src=x onerror=alert(1)><script>alert(2)</script>`
    const html = renderReport({
      url: `https://shop.example/p?q=${evil}`,
      startedAt: evil,
      columns: [
        column({
          provider: evil,
          name: evil,
          status: evil,
          product: { title: evil, imageSrc: "javascript:alert(3)" },
          videoSrc: `https://cdn.example/v.mp4" onloadstart="alert(4)`,
          posterSrc: "data:image/svg+xml,<svg onload=alert(5)>",
          failure: { reason: evil, message: evil },
          notes: [evil],
          timeline: toTimelineRow(evil, [event(0, evil, evil), event(10, evil, evil, { final: true })]),
        }),
      ],
    })
    expect(html).not.toMatch(/<img src=x|<script/i)
    // Every tag is the report's own, with the report's own attributes: no event handler got in.
    const openTags = [...html.matchAll(/<([a-z0-9]+)((?:\s[^>]*)?)>/gi)]
    for (const [, , attributes = ""] of openTags) {
      const names = [...attributes.matchAll(/\s([^\s=]+)(?:="[^"]*")?/g)].map((m) => m[1]!.toLowerCase())
      for (const name of names) expect(name).not.toMatch(/^on/)
      expect(attributes).not.toMatch(/javascript:|data:/i)
    }
    const tags = new Set(openTags.map((m) => m[1]!.toLowerCase()))
    for (const tag of tags) {
      expect([
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "p",
        "a",
        "main",
        "section",
        "span",
        "figure",
        "video",
        "figcaption",
        "div",
        "img",
        "dl",
        "dt",
        "dd",
        "strong",
        "svg",
        "line",
        "text",
        "g",
        "rect",
        "circle",
        "ul",
        "li",
        "i",
        "footer",
        "code",
      ]).toContain(tag)
    }
    for (const url of urlAttributes(html)) expect(url).toMatch(/^https?:\/\//)
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;")
  })

  it("names a failure by its typed reason, and shows no player without a video", () => {
    const html = renderReport({
      url: "https://shop.example/p/42",
      startedAt: "2026-11-28T10:00:00.000Z",
      columns: [
        column({
          status: "error",
          videoSrc: undefined,
          posterSrc: undefined,
          failure: { reason: "ProductPageError (dns)", message: "could not read the product page" },
        }),
      ],
    })
    expect(html).toContain(
      '<p class="failure"><strong>ProductPageError (dns)</strong>: could not read the product page</p>',
    )
    expect(html).not.toContain("<video")
    expect(html).toContain("no video")
  })
})

describe("timeline", () => {
  it("turns events into bands: repeats extend a band, the final event ends the row", () => {
    const row = toTimelineRow("Creatify", [
      event(0, "product", "running"),
      event(1000, "previews", "running", { progress: 0.2 }),
      event(1500, "previews", "running", { progress: 0.6 }),
      event(2000, "previews", "awaiting_selection"),
      event(2500, "render", "failed", { final: true }),
    ])
    expect(row.bands).toEqual([
      { stage: "product", status: "running", from: 0, to: 1000 },
      { stage: "previews", status: "running", from: 1000, to: 2000 },
      { stage: "previews", status: "awaiting_selection", from: 2000, to: 2500 },
    ])
    expect(row.end).toEqual({ at: 2500, status: "failed" })
  })

  it("draws one row per provider, with a tick axis in seconds", () => {
    const svg = renderTimeline([
      toTimelineRow("A", [
        event(0, "render", "running"),
        event(4000, "render", "succeeded", { final: true }),
      ]),
      toTimelineRow("B", [event(0, "render", "queued"), event(9000, "render", "succeeded", { final: true })]),
    ])
    expect(svg.match(/<g class="row"/g)).toHaveLength(2)
    expect(svg).toContain('data-group="B"')
    expect(svg).toContain(">0.0 s<")
    expect(svg).toMatch(/class="band s-queued"/)
    expect(svg).toMatch(/class="end s-succeeded"/)
  })
})
