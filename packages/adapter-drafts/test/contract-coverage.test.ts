import {
  coverageCount,
  coverageTable,
  documentCoverage,
  documents,
  recordCalls,
  syncBlock,
} from "@vidbridge/contracts"
import { describe, expect, it } from "vitest"
import { wireOf } from "./contractWire.js"
import { clientFor, productInput, useSimulatorServer } from "./simulatorSupport.js"

// Which of Hour One's published operations the adapter implements, and through which of its
// operations: every operation of the adapter is run once against the simulator with an
// observer, and the requests it makes are matched to Hour One's OpenAPI document. The tables in
// this package's README and the root README are generated from it (`pnpm contracts:coverage`
// rewrites them; this test fails when they are stale).

const { mount } = useSimulatorServer()

const tour = async () => {
  const recorder = recordCalls()
  const sim = mount()
  const client = clientFor(sim, { observer: recorder.observer, videoMetadata: true })
  const product = await client.createProduct(productInput)
  const job = await client.render({ product: product.ref, template: "sim-template" })
  sim.clock.advance(300_000)
  await client.getStatus(job.ref)
  await client.listJobs()
  await client.findSubmission(job.submission!.ref)
  return recorder.calls
}

const readme = new URL("../README.md", import.meta.url)
const rootReadme = new URL("../../../README.md", import.meta.url)

describe("Hour One API coverage (generated from Hour One's OpenAPI document)", () => {
  it("README tables are current", async () => {
    const coverage = await documentCoverage("hourone", await tour())
    expect(coverage.outside).toEqual([])
    const implemented = coverage.rows.filter((r) => r.via.length > 0).map((r) => r.operation)
    expect(implemented.sort()).toEqual(Object.keys(wireOf).sort())
    const { title, file, serverPath } = documents().hourone
    const count = coverageCount(coverage)
    const table = [
      `**${count}** operations of Hour One's OpenAPI document "${title}" (\`contracts/specs/${file}\`; its`,
      `server is \`${serverPath}\`, so paths below are relative to the adapter's base URL \`https://api.makereals.com${serverPath}\`) are implemented.`,
      "",
      coverageTable(coverage),
    ].join("\n")
    const summary = `- Hour One: **${count}** documented operations (the "sizzle-server" OpenAPI 3.1 document)`
    expect(syncBlock(readme, "coverage:drafts", table).stale, "run `pnpm contracts:coverage`").toBe(false)
    expect(syncBlock(rootReadme, "summary:drafts", summary).stale, "run `pnpm contracts:coverage`").toBe(
      false,
    )
  })
})
