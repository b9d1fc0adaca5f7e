import { mkdtempSync, readFileSync, rmSync } from "node:fs"
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

describe("vidbridge CLI", () => {
  it("prints help, and exits 2 for no command, an unknown command or bad flags", async () => {
    expect((await run(["--help"])).code).toBe(0)
    expect((await run([])).code).toBe(2)
    const unknown = await run(["launch"])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('unknown command "launch"')
    const badFlag = await run(["create", "--provider", "fake", "--url", page.url, "--aspect", "4:3"])
    expect(badFlag.code).toBe(2)
    expect(badFlag.err).toContain("--aspect must be one of 9:16, 16:9, 1:1")
    const notUrl = await run(["create", "--provider", "fake", "--url", "shop"])
    expect(notUrl.err).toContain("--url must be an http(s) URL")
    const extra = await run(["status", "--bogus"])
    expect(extra.code).toBe(2)
    expect((await run(["status", "--help"])).out).toContain("usage: vidbridge status <ref>")
  })

  it("exits 2 when the settings in the environment are malformed: nothing was sent", async () => {
    for (const json of [false, true]) {
      const result = await run(["status", "fake:video:v1", ...(json ? ["--json"] : [])], {
        env: { FAKE_API_KEY: "k", FAKE_BASE_URL: "not a url" },
      })
      expect(result.code).toBe(2)
      expect(json ? JSON.parse(result.out).error.reason._tag : result.err).toMatch(
        /InvalidInput|invalid input/,
      )
    }
  })

  it("providers shows the capability matrix and the mode", async () => {
    const table = await run(["providers"])
    expect(table.code).toBe(0)
    expect(table.out).toMatch(/fake\s+simulator\s+yes/)
    const live = await run(["providers", "--json"], { env: { FAKE_API_KEY: "k" } })
    expect(JSON.parse(live.out)[0]).toMatchObject({ id: "fake", mode: "live" })
  })

  it("create --wait runs URL -> previews -> render on the simulator and says so", async () => {
    const result = await run(["create", "--provider", "fake", "--url", page.url, "--wait", "--json"])
    expect(result.code).toBe(0)
    const body = JSON.parse(result.out)
    expect(body).toMatchObject({ ok: true, mode: "simulator", job: { status: "succeeded" } })
    expect(body.job.videoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//)
    expect(result.err).toBe("")
  }, 20_000)

  it("non-TTY progress prints one line per change, never carriage returns", async () => {
    const result = await run(["create", "--provider", "fake", "--url", page.url, "--wait"])
    expect(result.code).toBe(0)
    expect(result.err).toContain("using the simulator")
    expect(result.err).not.toContain("\r")
    const lines = result.err.trim().split("\n")
    expect(new Set(lines).size).toBe(lines.length)
    expect(result.out).toContain("succeeded")
  }, 20_000)

  it("on a terminal, progress is one live bar redrawn with carriage returns", async () => {
    const result = await run(["create", "--provider", "fake", "--url", page.url, "--wait"], {
      interactive: true,
    })
    expect(result.code).toBe(0)
    expect(result.err).toMatch(/\r\[\.+\] previews: /)
    expect(result.err).toContain("\r[########################] render: succeeded")
  }, 20_000)

  it("a scrape failure is a vendor error with exit code 1", async () => {
    const result = await run(["create", "--provider", "fake", "--url", `${page.origin}/blocked`, "--json"])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.out).error.reason).toMatchObject({ _tag: "VendorRejected" })
  })

  it("compare prints a table with status, time, requests, credits and output", async () => {
    const result = await run(["compare", "--url", page.url, "--providers", "fake"])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/provider\s+mode\s+status\s+wall time\s+requests\s+credits\s+output/)
    expect(result.out).toMatch(/fake\s+simulator\s+succeeded\s+[\d.]+ s\s+\d+\s+5\s+http:\/\/127\.0\.0\.1/)
    const json = await run(["compare", "--url", page.url, "--providers", "fake", "--json"])
    expect(JSON.parse(json.out).rows[0]).toMatchObject({ provider: "fake", status: "succeeded", credits: 5 })
    const bad = await run(["compare", "--url", page.url, "--providers", "fake,nope"])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain("unknown provider(s) nope; known: fake")
  }, 20_000)

  it("demo runs compare on every simulated vendor against the sample page, and writes a report", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "vidbridge-demo-")), "demo")
    const result = await run(["demo", "--json", "--out", out])
    expect(result.code).toBe(0)
    const body = JSON.parse(result.out)
    expect(body.rows).toMatchObject([{ provider: "fake", mode: "simulator", status: "succeeded" }])
    expect(body.report).toBe(join(out, "report.html"))
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain('src="media/fake.mp4"')
  }, 20_000)

  it("status of a bad ref is a usage error", async () => {
    const result = await run(["status", "not-a-ref"])
    expect(result.code).toBe(2)
    expect(result.err).toContain("is not a job ref")
  })

  it("download refuses unfinished jobs and names the wait command", async () => {
    const file = join(tmpdir(), `vidbridge-${process.pid}.mp4`)
    const result = await run(["download", "fake:render:j404", file, "--json"])
    expect(result.code).toBe(1)
    rmSync(file, { force: true })
    expect(() => readFileSync(file)).toThrow()
  })
})
