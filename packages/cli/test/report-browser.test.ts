// The demo's report in a real browser: Debian's Chromium, headless, driven by playwright-core
// (which uses the system browser and downloads nothing). `.ci/run` installs `chromium` when it
// is missing; CHROMIUM_PATH points elsewhere. VIDBRIDGE_REPORT_SCREENSHOT=<file.png> keeps the
// screenshot (`pnpm report:screenshot` writes docs/report.png that way).
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
// Bounds a hang only (the steps wait on events), sized for a busy 2-core machine.
const TIMEOUT = 180_000

/** Runs `vidbridge demo` to the end and answers what it printed. */
const demo = (out: string) =>
  new Promise<{ code: number | null; out: string; err: string }>((done, fail) => {
    const child = spawn(process.execPath, [bin, "demo", "--out", out], {
      env: {
        PATH: process.env.PATH ?? "",
        VIDBRIDGE_SIM_SPEED: process.env.VIDBRIDGE_SIM_SPEED ?? "6000",
        VIDBRIDGE_SIM_POLL_MS: process.env.VIDBRIDGE_SIM_POLL_MS ?? "20",
      },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => {
      stdout += d
    })
    child.stderr.on("data", (d) => {
      stderr += d
    })
    child.once("error", fail)
    child.once("close", (code) => done({ code, out: stdout, err: stderr }))
  })

let browser: Browser
let page: Page
let report: string
const consoleErrors: string[] = []

beforeAll(async () => {
  expect(existsSync(bin), "build the packages first (the root test script does)").toBe(true)
  expect(
    existsSync(chromiumPath),
    `no Chromium at ${chromiumPath}: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH`,
  ).toBe(true)
  const out = join(mkdtempSync(join(tmpdir(), "vidbridge-browser-")), "demo")
  const ran = await demo(out)
  expect(ran.code, ran.err).toBe(0)
  report = /^report: (.+)$/m.exec(ran.out)?.[1] ?? ""
  expect(report).toBe(join(out, "report.html"))
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  // A fresh browser context: its own, empty profile.
  // 1280 px wide and tall enough for the whole page: the screenshot needs no resize (a resize
  // redraws the players, which then show a loading spinner for a while).
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1300 } })).newPage()
  // Waits are on the page's own events; this only bounds a hang on a busy machine.
  page.setDefaultTimeout(120_000)
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text())
  })
  page.on("pageerror", (error) => consoleErrors.push(error.message))
  await page.goto(pathToFileURL(report).href, { waitUntil: "load" })
}, TIMEOUT)

afterAll(async () => {
  await browser?.close()
})

describe("the demo's report in headless Chromium", { timeout: TIMEOUT }, () => {
  it("every provider's video loads its metadata and its poster", async () => {
    const providers = await page.$$eval(".column", (columns) =>
      columns.map((c) => c.getAttribute("data-provider")),
    )
    expect(providers).toEqual(["creatify", "jogg", "drafts"])
    // Waits on the browser's own events (loadedmetadata), not on time.
    await page.waitForFunction(() =>
      [...document.querySelectorAll("video")].every((v) => v.readyState >= 1 && v.duration > 0),
    )
    const videos = await page.$$eval("video", (list) =>
      list.map((v) => ({
        readyState: v.readyState,
        duration: v.duration,
        src: v.currentSrc,
        poster: v.poster,
      })),
    )
    expect(videos).toHaveLength(3)
    for (const video of videos) {
      expect(video.readyState).toBeGreaterThanOrEqual(1)
      expect(video.duration).toBeGreaterThan(0)
      expect(video.src).toMatch(/^file:\/\/.*\/media\/(creatify|jogg|drafts)\.mp4$/)
      expect(video.poster).toMatch(/^file:\/\/.*\/media\/.*\.jpg$/)
    }
    const posters = await page.$$eval("video", (list) =>
      Promise.all(
        list.map(
          (v) =>
            new Promise<number>((done) => {
              const image = new Image()
              image.onload = () => done(image.naturalWidth)
              image.onerror = () => done(0)
              image.src = v.poster
            }),
        ),
      ),
    )
    expect(posters.every((width) => width > 0)).toBe(true)
    // Each vendor's own video (different files), decodable: the first frame is there.
    expect(new Set(videos.map((v) => v.src)).size).toBe(3)
    await page.waitForFunction(() => [...document.querySelectorAll("video")].every((v) => v.readyState >= 2))
  })

  it("the timeline has one row per provider", async () => {
    expect(await page.locator("svg.timeline g.row").count()).toBe(3)
    expect(await page.locator("svg.timeline g.row rect.band").count()).toBeGreaterThanOrEqual(6)
  })

  it("columns stand side by side at 1280 px and stack at 400 px", async () => {
    const boxes = () =>
      page.$$eval(".column", (columns) =>
        columns.map((c) => {
          const r = c.getBoundingClientRect()
          return { x: r.x, y: r.y, width: r.width }
        }),
      )
    expect(page.viewportSize()?.width).toBe(1280)
    await page.waitForFunction(() => [...document.querySelectorAll("video")].every((v) => v.readyState >= 2))
    const wide = await boxes()
    expect(new Set(wide.map((b) => Math.round(b.y))).size).toBe(1)
    expect(wide[0]!.x).toBeLessThan(wide[1]!.x)
    expect(wide[1]!.x).toBeLessThan(wide[2]!.x)
    const screenshot = process.env.VIDBRIDGE_REPORT_SCREENSHOT
      ? resolve(process.env.VIDBRIDGE_REPORT_SCREENSHOT)
      : join(dirname(report), "report.png")
    mkdirSync(dirname(screenshot), { recursive: true })
    if (process.env.VIDBRIDGE_REPORT_SCREENSHOT) {
      // Only when regenerating the README's picture, and cosmetic (no assertion depends on it):
      // Chromium's players fade their loading spinner out on a timer after the media loaded,
      // and a frozen spinner would be in the picture.
      await page.waitForTimeout(3000)
    }
    await page.screenshot({ path: screenshot })
    expect(existsSync(screenshot)).toBe(true)

    await page.setViewportSize({ width: 400, height: 900 })
    const narrow = await boxes()
    expect(new Set(narrow.map((b) => Math.round(b.x))).size).toBe(1)
    expect(narrow[0]!.y).toBeLessThan(narrow[1]!.y)
    expect(narrow[1]!.y).toBeLessThan(narrow[2]!.y)
    for (const box of narrow) expect(box.width).toBeLessThanOrEqual(400)
  })

  it("is readable in light and in dark mode (the system's choice)", async () => {
    const colours = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.body)
        return { background: style.backgroundColor, text: style.color }
      })
    await page.emulateMedia({ colorScheme: "light" })
    const light = await colours()
    await page.emulateMedia({ colorScheme: "dark" })
    const dark = await colours()
    expect(light).toEqual({ background: "rgb(248, 250, 252)", text: "rgb(15, 23, 42)" })
    expect(dark).toEqual({ background: "rgb(11, 17, 32)", text: "rgb(229, 231, 235)" })
  })

  it("logs no console errors", () => {
    expect(consoleErrors).toEqual([])
  })
})
