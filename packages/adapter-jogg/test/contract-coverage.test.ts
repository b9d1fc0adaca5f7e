import {
  coverageCount,
  coverageTable,
  documentCoverage,
  documents,
  recordCalls,
  syncBlock,
} from "@vidbridge/contracts"
import { serveProductPage } from "@vidbridge/core/testing"
import { Effect, Schedule } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { joggWebhookEndpoints } from "../src/index.js"
import { wireOf } from "./contractWire.js"
import { clientFor, fast, previewRequest, useSimulatorServer } from "./simulatorSupport.js"

// Which of JoggAI's published v2 operations the adapter implements, and through which of its
// operations: every operation of the adapter is run once against the simulator with an
// observer, and the requests it makes are matched to JoggAI's OpenAPI document. The tables in
// this package's README and the root README are generated from it (`pnpm contracts:coverage`
// rewrites them; this test fails when they are stale).

const { mount } = useSimulatorServer()
let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())

const v2Tour = async () => {
  const recorder = recordCalls()
  // AI scripts are written at once here (the tour waits on no clock).
  const sim = mount({ timelines: { script: [{ status: "completed", at: 0 }] } })
  const client = clientFor(sim, { observer: recorder.observer })
  const product = await client.createProduct({ url: page.url })
  await client.createProduct({ title: "Bottle", imageUrls: ["https://cdn.example/a.jpg"] })
  await client.updateProduct(product.ref, { title: "Aurora" })
  const previews = await client.generatePreviews(previewRequest(product.ref))
  sim.clock.advance(150_000)
  const ready = await client.getStatus(previews.ref)
  const render = await client.renderPreview({ job: previews.ref, previewId: ready.previews![0]!.id })
  await client.getStatus(render.ref)
  await client.render({
    product: product.ref,
    visualStyle: "Split Screen",
    avatar: "81",
    aspectRatio: "9:16",
  })
  await client.listJobs()
  await client.generateScripts({ product: product.ref }, { schedule: Schedule.spaced(1), minInterval: 0 })
  const avatar = await client.render({ avatar: "81", voice: "en-US-ChristopherNeural", script: "Hello." })
  await client.getStatus(avatar.ref)
  const template = await client.render({
    template: "149",
    variables: { title: "Spring" },
    idempotencyKey: "tour",
  })
  await client.getStatus(template.ref)
  await client.findSubmission(template.submission!.ref)
  for (const kind of ["public", "custom", "photo", "product"]) {
    await client.listAvatars({ providerOptions: { jogg: { kind } } })
  }
  for (const kind of ["public", "custom"]) {
    await client.listVoices({ providerOptions: { jogg: { kind } } })
    await client.listTemplates({ providerOptions: { jogg: { kind } } })
  }
  await client.listMusic()
  await client.listVisualStyles()
  await client.getCreditBalance()
  const hooks = await Effect.runPromise(
    joggWebhookEndpoints({ ...sim.settings(), ...fast, observer: recorder.observer }),
  )
  const endpoint = await Effect.runPromise(
    hooks.register({ url: "https://app.example/hooks/jogg", events: ["generated_product_video_success"] }),
  )
  await Effect.runPromise(hooks.list())
  await Effect.runPromise(hooks.remove(endpoint.id))
  return recorder.calls
}

const openTour = async () => {
  const recorder = recordCalls()
  const sim = mount({ apiVersion: "open" })
  const client = clientFor(sim, { observer: recorder.observer })
  const product = await client.createProduct({ url: page.url })
  await client.updateProduct(product.ref, { title: "Aurora" })
  const job = await client.render({
    product: product.ref,
    avatar: "37",
    aspectRatio: "9:16",
    template: "Card Stacking",
  })
  await client.getStatus(job.ref)
  return recorder.calls
}

const readme = new URL("../README.md", import.meta.url)
const rootReadme = new URL("../../../README.md", import.meta.url)

describe("JoggAI API coverage (generated from JoggAI's OpenAPI v2 document)", () => {
  it("README tables are current", async () => {
    const coverage = await documentCoverage("jogg", await v2Tour())
    expect(coverage.outside).toEqual([])
    const implemented = coverage.rows.filter((r) => r.via.length > 0).map((r) => r.operation)
    expect(implemented.sort()).toEqual(Object.keys(wireOf).sort())

    const open = await openTour()
    const openRoutes = [...new Set(open.map((c) => `${c.method} ${c.path.replace(/\?.*$/, "")}`))]
    const openLines = [
      "",
      'Not in the document: the older `open` API (`apiVersion: "open"`, base `https://api-services.jogg.ai`) that the',
      `adapter also speaks: ${openRoutes.map((r) => `\`${r}\``).join(", ")}.`,
    ]
    const count = coverageCount(coverage)
    const table = [
      `**${count}** operations of ${documents().jogg.title} (\`contracts/specs/${documents().jogg.file}\`) are implemented.`,
      "",
      coverageTable(coverage),
      ...openLines,
    ].join("\n")
    const summary = `- JoggAI: **${count}** documented operations (JoggAI's OpenAPI v2 document; the older \`open\` API is not in it)`
    expect(syncBlock(readme, "coverage:jogg", table).stale, "run `pnpm contracts:coverage`").toBe(false)
    expect(syncBlock(rootReadme, "summary:jogg", summary).stale, "run `pnpm contracts:coverage`").toBe(false)
    // Two tours of real loopback requests: slow on a busy machine (and under `pnpm mutate`).
  }, 60_000)
})
