import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { run } from "./support/run.js"

let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())

const fresh = () => mkdtempSync(join(tmpdir(), "vidbridge-report-"))

describe("compare --report and --download", () => {
  it("writes a report that points at the saved video, and says where", async () => {
    const dir = fresh()
    const report = join(dir, "report.html")
    const result = await run([
      ...["compare", "--url", page.url, "--providers", "fake"],
      ...["--report", report, "--download", join(dir, "media")],
    ])
    expect(result.code).toBe(0)
    expect(result.out).toContain(`report: ${report}`)
    expect(result.out).toMatch(/fake\s+simulator\s+succeeded\s+.*media\/fake\.mp4/)
    expect(statSync(join(dir, "media", "fake.mp4")).size).toBe(2048)
    const html = readFileSync(report, "utf8")
    expect(html).toContain('src="media/fake.mp4"')
    expect(html).toContain('data-provider="fake"')
    expect(html).toMatch(/<dt>requests made<\/dt><dd>\d+<\/dd>/)
    expect(html.match(/<g class="row"/g)).toHaveLength(1)
  }, 30_000)

  it("without --download the report points at the vendor's URLs; --json names the report", async () => {
    const dir = fresh()
    const report = join(dir, "r.html")
    const result = await run([
      "compare",
      "--url",
      page.url,
      "--providers",
      "fake",
      "--report",
      report,
      "--json",
    ])
    expect(result.code).toBe(0)
    const body = JSON.parse(result.out)
    expect(body.report).toBe(report)
    expect(body.rows[0]).toMatchObject({ provider: "fake", status: "succeeded", credits: 5 })
    expect(body.rows[0].previewsSeconds).toBeGreaterThanOrEqual(0)
    expect(body.rows[0].videoSeconds).toBeGreaterThanOrEqual(body.rows[0].previewsSeconds)
    expect(readFileSync(report, "utf8")).toMatch(/src="http:\/\/127\.0\.0\.1:\d+\/files\/job-\d+\.mp4"/)
    expect(result.err).toBe("")
  }, 30_000)

  it("leaves an existing report alone without --force, before asking any vendor", async () => {
    const report = join(fresh(), "report.html")
    writeFileSync(report, "mine")
    const refused = await run(["compare", "--url", page.url, "--providers", "fake", "--report", report])
    expect(refused.code).toBe(2)
    expect(refused.err).toContain("already exists; pass --force")
    expect(refused.err).not.toContain("fake product")
    expect(readFileSync(report, "utf8")).toBe("mine")
    const forced = await run([
      "compare",
      "--url",
      page.url,
      "--providers",
      "fake",
      "--report",
      report,
      "--force",
    ])
    expect(forced.code).toBe(0)
    expect(readFileSync(report, "utf8")).toMatch(/^<!doctype html>/)
  }, 30_000)

  it("a failure has a typed reason in the table, the JSON and the report, and the simulator names the sample page", async () => {
    const report = join(fresh(), "report.html")
    const result = await run([
      "compare",
      "--url",
      `${page.origin}/blocked`,
      "--providers",
      "fake",
      "--report",
      report,
    ])
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/fake\s+simulator\s+error\s+.*VendorRejected: /)
    expect(result.err).toContain("hint: the simulators run offline and could not read that page")
    expect(result.err).toContain('"vidbridge simulators" serves it and prints its URL')
    expect(readFileSync(report, "utf8")).toContain('<p class="failure"><strong>VendorRejected</strong>: ')
    const json = await run(["compare", "--url", `${page.origin}/blocked`, "--providers", "fake", "--json"])
    expect(JSON.parse(json.out).rows[0]).toMatchObject({ reason: "VendorRejected", status: "error" })
  }, 30_000)

  it("create on a simulator that cannot read the page names the sample product page", async () => {
    const result = await run(["create", "--provider", "fake", "--url", `${page.origin}/blocked`])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/error: .*\nhint: .*sample product page.*vidbridge simulators/s)
  })

  it("on a terminal, compare draws its bars in place", async () => {
    const result = await run(["compare", "--url", page.url, "--providers", "fake"], { interactive: true })
    expect(result.code).toBe(0)
    expect(result.err).toContain("\x1b[1A")
    expect(result.err).toMatch(/fake\s+\[#{24}\] 100%\s+done/)
  }, 30_000)
})
