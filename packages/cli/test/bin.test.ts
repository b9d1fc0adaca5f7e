// The built `vidbridge` binary as a child process against simulators on loopback
// (the root `test` script builds the packages first).
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))

// Child processes are awaited by their events (a line on stdout, `close`), never by time; this
// only bounds a test that hangs, sized for a busy 2-core machine (vitest's 5 s default is not).
const CHILD_PROCESS_TEST_TIMEOUT = 120_000

const vidbridge = (args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      // No vendor keys: simulators. 6000x simulated time and a 20 ms poll keep it fast.
      env: { PATH: process.env.PATH ?? "", VIDBRIDGE_SIM_SPEED: "6000", VIDBRIDGE_SIM_POLL_MS: "20", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => {
      out += d
    })
    child.stderr.on("data", (d) => {
      err += d
    })
    child.once("error", reject)
    child.once("close", (code) => resolve({ code, out, err }))
  })

let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  expect(existsSync(bin), "build the packages first (the root test script does)").toBe(true)
  page = await serveProductPage()
})
afterAll(() => page.close())

describe("vidbridge binary", { timeout: CHILD_PROCESS_TEST_TIMEOUT }, () => {
  it("--help exits 0; no command or a bad flag exits 2 with a message", async () => {
    expect((await vidbridge(["--help"])).code).toBe(0)
    expect((await vidbridge([])).code).toBe(2)
    const bad = await vidbridge(["create", "--provider", "drafts", "--url", page.url, "--aspect", "square"])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain("--aspect must be one of 9:16, 16:9, 1:1")
  })

  it("create --wait --json on a simulator: JSON on stdout only, exit 0", async () => {
    const result = await vidbridge(["create", "--provider", "drafts", "--url", page.url, "--wait", "--json"])
    expect(result.code).toBe(0)
    const body = JSON.parse(result.out)
    expect(body).toMatchObject({ ok: true, mode: "simulator", job: { status: "succeeded" } })
  })

  it("compare prints the table; progress on stderr has no carriage returns when not a TTY", async () => {
    const result = await vidbridge(["compare", "--url", page.url, "--providers", "drafts"])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/drafts\s+simulator\s+succeeded\s+[\d.]+ s\s+\d+\s+1\s+http:\/\/127\.0\.0\.1/)
    expect(result.err).not.toContain("\r")
  })

  it("a page the simulators cannot fetch: a typed reason per vendor, and the sample product page named", async () => {
    // Port 1 on loopback: nothing listens, so every read of the page is refused at once.
    const url = "http://127.0.0.1:1/products/42"
    const result = await vidbridge(["compare", "--url", url, "--providers", "creatify,jogg,drafts", "--json"])
    expect(result.code).toBe(1)
    const rows = JSON.parse(result.out).rows as Array<{ provider: string; reason: string; failure: string }>
    expect(Object.fromEntries(rows.map((r) => [r.provider, r.reason]))).toEqual({
      creatify: "VendorRejected",
      jogg: "VendorRejected",
      drafts: "ProductPageError (network)",
    })
    for (const row of rows) expect(row.failure).not.toMatch(/^fetch failed|: fetch failed$/)
    const table = await vidbridge(["compare", "--url", url, "--providers", "drafts"])
    expect(table.out).toMatch(
      /drafts\s+simulator\s+error\s+.*ProductPageError \(network\): could not read the product page/,
    )
    expect(table.err).toContain("sample product page")
    const created = await vidbridge(["create", "--provider", "creatify", "--url", url])
    expect(created.code).toBe(1)
    expect(created.err).toMatch(/hint: .*"vidbridge simulators" serves it and prints its URL/)
  })

  it("a provider without a simulator and without keys is a clear failure", async () => {
    const result = await vidbridge(["compare", "--url", page.url, "--providers", "drafts,nope"])
    expect(result.code).toBe(2)
    expect(result.err).toContain("unknown provider(s) nope")
  })

  it("a job made in one process is not visible to a fresh in-process simulator, and the CLI says so", async () => {
    const created = await vidbridge(["create", "--provider", "drafts", "--url", page.url, "--wait", "--json"])
    const ref = JSON.parse(created.out).job.ref as string
    const file = join(mkdtempSync(join(tmpdir(), "vidbridge-")), "video.mp4")
    const lost = await vidbridge(["download", ref, file])
    expect(lost.code).toBe(1)
    expect(lost.err).toContain("vidbridge simulators")
    expect(existsSync(file)).toBe(false)
  })

  it("across processes through `vidbridge simulators`: create, status, wait, download", async () => {
    const running = spawn(process.execPath, [bin, "simulators", "--speed", "6000"], {
      env: { PATH: process.env.PATH ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    try {
      // Ready when it has printed the last variable; a child that dies first fails the test at once.
      let printed = ""
      let stderr = ""
      running.stderr.on("data", (d) => {
        stderr += d
      })
      await new Promise<void>((resolve, reject) => {
        running.stdout.on("data", (d) => {
          printed += d
          if (printed.includes("HOURONE_BASE_URL")) resolve()
        })
        running.once("error", reject)
        running.once("exit", (code) =>
          reject(new Error(`vidbridge simulators exited (${code}) early: ${stderr}`)),
        )
      })
      const env = Object.fromEntries(
        [...printed.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const),
      )
      const created = await vidbridge(
        ["create", "--provider", "drafts", "--url", page.url, "--template", "d-1", "--json"],
        env,
      )
      expect(created.code).toBe(0)
      const { job } = JSON.parse(created.out)
      expect(JSON.parse(created.out).mode).toBe("live")
      const status = await vidbridge(["status", job.ref, "--json"], env)
      expect(JSON.parse(status.out).job.ref).toBe(job.ref)
      const waited = await vidbridge(["wait", job.ref, "--json"], env)
      expect(JSON.parse(waited.out).job.status).toBe("succeeded")
      const file = join(mkdtempSync(join(tmpdir(), "vidbridge-")), "video.mp4")
      const saved = await vidbridge(["download", job.ref, file, "--json"], env)
      expect(saved.code).toBe(0)
      expect(JSON.parse(saved.out).bytes).toBeGreaterThan(0)
      expect(statSync(file).size).toBe(JSON.parse(saved.out).bytes)
    } finally {
      // Stop it and make sure it is gone: a test must never leave a process behind. It stops on
      // SIGINT; SIGKILL is only the last resort should it not (the test waits for `exit` either way).
      if (running.exitCode === null && running.signalCode === null) {
        const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()))
        running.kill("SIGINT")
        const timer = setTimeout(() => running.kill("SIGKILL"), 30_000)
        await exited
        clearTimeout(timer)
      }
    }
  })
})
