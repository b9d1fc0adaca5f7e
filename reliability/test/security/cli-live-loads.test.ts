// A live run must not load the testing kit: before, `vidbridge create` imported the simulators
// (and msw with its dependencies) on every run, live or not. The child process records every
// module it loads (support/record-loads.mjs); the vendor is a simulator served on 127.0.0.1 that
// the CLI reaches as a live vendor (its *_BASE_URL and key set), so nothing leaves loopback.
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { drafts } from "@vidbridge/adapter-drafts"
import { createSimulator } from "@vidbridge/adapter-drafts/testing"
import { type ServedSimulator, serveSimulator } from "@vidbridge/cli"
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { CHILD_PROCESS_TEST_TIMEOUT, recordLoads, vidbridge } from "./support/bin.js"

let page: Awaited<ReturnType<typeof serveProductPage>>
let vendor: ServedSimulator
beforeAll(async () => {
  page = await serveProductPage()
  vendor = await serveSimulator(drafts, (options) => createSimulator(options))
})
afterAll(async () => {
  await vendor.close()
  await page.close()
})

/** Runs the binary and answers what it printed and every module URL it loaded. */
const runRecording = async (args: ReadonlyArray<string>, env: Readonly<Record<string, string>>) => {
  const file = join(mkdtempSync(join(tmpdir(), "vidbridge-loads-")), "loads.txt")
  const ran = await vidbridge(args, { ...env, VIDBRIDGE_LOADS_FILE: file }, ["--import", recordLoads])
  return { ...ran, loaded: readFileSync(file, "utf8").trim().split("\n") }
}

const testingKit = (url: string) => /\/msw\/|\/@mswjs\/|\/dist\/testing\//.test(url)

describe("which modules a command loads", { timeout: CHILD_PROCESS_TEST_TIMEOUT }, () => {
  it("a live create loads neither msw nor any simulator (the testing kit stays out of live runs)", async () => {
    const args = ["create", "--provider", "drafts", "--url", page.url, "--template", "d-1", "--json"]
    const live = await runRecording(args, vendor.exports)
    expect(live.code, live.err).toBe(0)
    expect(JSON.parse(live.out)).toMatchObject({ ok: true, mode: "live" })
    // The recorder works: it saw the CLI and core load.
    expect(live.loaded.some((url) => url.includes("/packages/core/dist/index.js"))).toBe(true)
    expect(live.loaded.filter(testingKit)).toEqual([])
  })

  it("the same command on the simulator does load them (so the check above can fail)", async () => {
    const args = ["create", "--provider", "drafts", "--url", page.url, "--json", "--simulate"]
    const simulated = await runRecording(args, { VIDBRIDGE_SIM_SPEED: "6000" })
    expect(simulated.code, simulated.err).toBe(0)
    expect(JSON.parse(simulated.out)).toMatchObject({ ok: true, mode: "simulator" })
    expect(simulated.loaded.some((url) => url.includes("/msw/"))).toBe(true)
  })
})
