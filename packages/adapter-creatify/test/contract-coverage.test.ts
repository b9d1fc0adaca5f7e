import {
  coverageCount,
  coverageTable,
  creatifyEndpoints,
  listCoverage,
  recordCalls,
  syncBlock,
} from "@vidbridge/contracts"
import { JobRef, SubmissionRef } from "@vidbridge/core"
import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { makeCreatifyClient } from "../src/index.js"
import { SIM_CUSTOM_TEMPLATES, SIM_PERSONAS, SIM_VOICES } from "../src/testing/index.js"
import {
  clientFor,
  productInput,
  providerFor,
  useProductPage,
  useSimulatorServer,
} from "./simulatorSupport.js"

// Which of Creatify's endpoints (the vendor notes' list: Creatify publishes no OpenAPI
// document) the adapter implements, and through which of its operations: every operation of
// the adapter is run once against the simulator with an observer. The tables in this package's
// README and the root README are generated from it (`pnpm contracts:coverage` rewrites them;
// this test fails when they are stale).

const { mount } = useSimulatorServer()
const page = useProductPage()

const tour = async () => {
  const recorder = recordCalls()
  const sim = mount({ pendingScripts: true })
  const client = clientFor(sim, { observer: recorder.observer })
  const provider = await providerFor(sim, { observer: recorder.observer })
  const fromPage = await client.createProduct({ url: page().url })
  const product = await client.createProduct(productInput)
  await client.updateProduct(product.ref, { title: "Aurora" })
  const scripts = await Effect.runPromise(provider.generateScripts!({ product: fromPage }))
  await Effect.runPromise(provider.getScripts!(JobRef.parse(scripts.ref!)))
  const previews = await client.generatePreviews({
    product,
    aspectRatio: "9:16",
    visualStyles: ["DynamicProduct"],
  })
  sim.clock.advance(120_000)
  const ready = await client.getStatus(previews.ref)
  await client.renderPreview({ job: ready.ref, previewId: ready.previews![0]!.id })
  await client.render({ product, aspectRatio: "9:16" })
  await client.listJobs({ ids: [JobRef.parse(previews.ref).id] })
  const tpl = String(SIM_CUSTOM_TEMPLATES[0]!.template_id)
  const template = await client.render({ template: tpl, variables: { headline: "Trail ready" } })
  await client.getStatus(template.ref)
  const templatePreview = await client.generatePreviews({ template: tpl, variables: { headline: "Hi" } })
  sim.clock.advance(120_000)
  await client.renderPreview({ job: templatePreview.ref, previewId: JobRef.parse(templatePreview.ref).id })
  const avatar = String(SIM_PERSONAS[0]!.id)
  const voice = (SIM_VOICES[0]!.accents as ReadonlyArray<{ id: string }>)[0]!.id
  const talking = await client.render({ avatar, voice, script: "Meet the new bottle." })
  await client.getStatus(talking.ref)
  await Effect.runPromise(provider.getStatuses!([JobRef.parse(talking.ref)]))
  await client.listJobs({ providerOptions: { creatify: { kind: "lipsync_v2" } } })
  await client.render({ imageUrl: "https://cdn.test/face.png", audioUrl: "https://cdn.test/voice.mp3" })
  await client.listAvatars({ limit: 5 })
  await client.listVoices()
  await client.listMusic({ search: "sunny" })
  await client.listTemplates()
  await client.listVisualStyles()
  await client.getCreditBalance()
  const raw = makeCreatifyClient({
    apiId: Redacted.make(sim.settings().apiId),
    apiKey: Redacted.make(sim.settings().apiKey),
    observer: recorder.observer,
  })
  await Effect.runPromise(raw.listMusicCategories())
  await client.listJobs({ providerOptions: { creatify: { kind: "aurora" } } })
  await client.getStatus("creatify:aurora:00000000-0000-4000-8000-000000000000").catch(() => undefined)
  // Lookups of paid requests: links and script jobs are listed (template ones read by id, above).
  await client.findSubmission(product.submission!.ref)
  await client.findSubmission(
    SubmissionRef.format({
      provider: "creatify",
      operation: "generateScripts",
      key: "k1",
      at: 0,
      hints: { fp: "0" },
    }),
  )
  return recorder.calls
}

const readme = new URL("../README.md", import.meta.url)
const rootReadme = new URL("../../../README.md", import.meta.url)

describe("Creatify API coverage (the vendor notes' endpoint list)", () => {
  it("README tables are current", async () => {
    const coverage = listCoverage(creatifyEndpoints(), await tour())
    expect(coverage.outside).toEqual([])
    const count = coverageCount(coverage)
    const table = [
      `**${count}** endpoints of the vendor notes' list (\`contracts/lists/creatify-endpoints.yaml\`) are implemented.`,
      "",
      coverageTable(coverage),
    ].join("\n")
    const summary = `- Creatify: **${count}** listed endpoints (no public OpenAPI document; the vendor notes' endpoint list)`
    expect(syncBlock(readme, "coverage:creatify", table).stale, "run `pnpm contracts:coverage`").toBe(false)
    expect(syncBlock(rootReadme, "summary:creatify", summary).stale, "run `pnpm contracts:coverage`").toBe(
      false,
    )
  })
})
