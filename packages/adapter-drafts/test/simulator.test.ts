import { readFileSync } from "node:fs"
import { JobRef } from "@vidbridge/core"
import { makeSimClock } from "@vidbridge/core/testing"
import { Effect, Redacted, Schedule } from "effect"
import { describe, expect, it } from "vitest"
import { makeDraftsClient } from "../src/index.js"
import { createSimulator, DRAFTS_ROUTES } from "../src/testing/index.js"
import { clientFor, productInput, providerFor, useSimulatorServer } from "./simulatorSupport.js"

const { mount } = useSimulatorServer()

describe("the Hour One simulator, in-process (msw)", () => {
  it("runs the whole flow: product from params -> render -> not_started/started/processing/ready + metadata", async () => {
    const sim = mount()
    const provider = await providerFor(sim, { videoMetadata: true })

    const product = await Effect.runPromise(provider.createProduct!(productInput))
    expect(sim.log.count()).toBe(0)

    const job = await Effect.runPromise(
      provider.render!({
        product: product.ref,
        template: "sim-template",
        script: "Grip every single trail you run.",
      }),
    )
    expect(job).toMatchObject({
      provider: "drafts",
      status: "queued",
      vendorStatus: "not_started",
      progress: 0,
    })
    const ref = JobRef.parse(job.ref)
    const [video] = sim.videos()
    expect(video).toMatchObject({ id: ref.id, status: "not_started", sourceDraftId: "sim-template" })
    // The port called directly gets no submission: no key is sent (the client sends one).
    expect(video?.correlationId).toBeUndefined()
    expect(video?.body).toMatchObject({
      type: "override",
      scenes: [{ name: "Scene 1", texts: ["Aurora Trail Shoe"], media: productInput.imageUrls }],
    })

    const seen: string[] = []
    for (const millis of [20_000, 40_000, 100_000]) {
      sim.clock.advance(millis)
      const read = await Effect.runPromise(provider.getStatus(ref))
      seen.push(`${read.vendorStatus}->${read.status}`)
      expect(read.durationSeconds).toBeUndefined()
      expect(read.videoUrl).toBeUndefined()
      expect(read.progress).toBeGreaterThan(0)
      expect(read.progress).toBeLessThan(1)
    }
    expect(seen).toEqual(["started->running", "processing->running", "processing->running"])
    expect(sim.log.count(DRAFTS_ROUTES.metadata)).toBe(0)

    sim.clock.advance(140_000)
    const done = await Effect.runPromise(provider.getStatus(ref))
    expect(done).toMatchObject({
      status: "succeeded",
      vendorStatus: "ready",
      progress: 1,
      videoUrl: `https://api.makereals.com/sim/files/${ref.id}.mp4`,
      previewUrl: `https://api.makereals.com/sim/player/${ref.id}`,
      durationSeconds: 2.4,
      metadata: {
        sourceDraftId: "sim-template",
        scenes: [{ index: 0, startSeconds: 0, durationSeconds: 2.4 }],
      },
    })
    expect(sim.log.count(DRAFTS_ROUTES.metadata)).toBe(1)

    const file = await fetch(done.videoUrl!)
    expect(file.headers.get("content-type")).toBe("video/mp4")
    // The real video that ships in the package's media/, whole.
    const shipped = readFileSync(new URL("../media/video.mp4", import.meta.url))
    expect(Buffer.from(await file.arrayBuffer()).equals(shipped)).toBe(true)
    expect(file.headers.get("content-length")).toBe(String(shipped.byteLength))
    expect(sim.creditsSpent()).toBe(1)
  })

  it("lists jobs with the echoed correlation id, and a recipe works as the source", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const job = await client.render({
      script: "Hi",
      providerOptions: { drafts: { recipeId: "sim-recipe", correlationId: "order-42" } },
    })
    await client.render({ template: "sim-template", script: "Hi" })
    const page = await client.listJobs()
    expect(page.jobs).toHaveLength(2)
    expect(page.jobs[0]).toMatchObject({
      ref: job.ref,
      metadata: { correlationId: "order-42", recipeId: "sim-recipe" },
    })
    expect(sim.videos().map((v) => v.recipeId)).toEqual(["sim-recipe", undefined])
  })

  it("answers 404 for an unknown video, and metadata only once ready", async () => {
    const sim = mount()
    const provider = await providerFor(sim)
    const error = await Effect.runPromise(Effect.flip(provider.getStatus(JobRef.parse("drafts:video:nope"))))
    expect(error.reason._tag).toBe("NotFound")

    const http = makeDraftsClient({ apiKey: Redacted.make(sim.settings().apiKey) })
    const created = await Effect.runPromise(
      http.createVideo({ type: "override", source_draft_id: "d", scenes: [{ name: "Intro" }] }),
    )
    const early = await Effect.runPromise(Effect.flip(http.getVideoMetadata(created.id)))
    expect(early.reason._tag).toBe("NotFound")
  })

  it("counts one credit per created video and none for reads; an empty balance answers 402", async () => {
    const sim = mount({ balance: 2 })
    const client = clientFor(sim)
    const a = await client.render({ template: "sim-template", script: "Hi" })
    await client.getStatus(a.ref)
    await client.listJobs()
    expect(sim.creditsSpent()).toBe(1)
    await client.render({ template: "sim-template", script: "Hi" })
    expect(sim.creditsSpent()).toBe(2)
    await expect(client.render({ template: "sim-template", script: "Hi" })).rejects.toMatchObject({
      reason: { _tag: "InsufficientCredits" },
    })
    expect(sim.creditsSpent()).toBe(2)
    expect(sim.videos()).toHaveLength(2)
  })

  it.each([
    ["failNext", "failed", "failed"],
    ["stopNext", "stopped", "cancelled"],
    ["cancelNext", "cancelled", "cancelled"],
  ] as const)(
    "%s: the video ends %s -> neutral %s, and waiting settles",
    async (control, vendor, neutral) => {
      const sim = mount()
      const client = clientFor(sim)
      sim[control]("render farm on fire")
      const job = await client.render({ template: "sim-template", script: "Hi" })
      sim.clock.advance(299_999)
      expect((await client.getStatus(job.ref)).status).toBe("running")
      sim.clock.advance(1)
      const read = await client.getStatus(job.ref)
      expect(read).toMatchObject({ status: neutral, vendorStatus: vendor, failure: { code: vendor } })
      expect(read.videoUrl).toBeUndefined()
      await expect(client.waitForCompletion(job.ref)).rejects.toMatchObject({
        reason: { _tag: "JobFailed", job: { status: neutral, vendorStatus: vendor } },
      })
      expect(sim.videos()[0]).toMatchObject({ status: vendor, endReason: "render farm on fire" })
      expect(sim.log.count(DRAFTS_ROUTES.metadata)).toBe(0)
    },
  )

  it("fail / stop / cancel end a running video now; a finished one cannot be ended", async () => {
    const sim = mount()
    const client = clientFor(sim)
    const jobs = await Promise.all(
      [1, 2, 3, 4].map(() => client.render({ template: "sim-template", script: "Hi" })),
    )
    const ids = sim.videos().map((v) => v.id)
    sim.clock.advance(90_000)
    expect(sim.fail(ids[0]!)).toBe(true)
    expect(sim.stop(ids[1]!)).toBe(true)
    expect(sim.cancel(ids[2]!)).toBe(true)
    expect(sim.fail(ids[0]!)).toBe(false)
    expect(sim.stop("unknown")).toBe(false)
    const statuses = await Promise.all(jobs.map(async (j) => (await client.getStatus(j.ref)).status))
    expect(statuses).toEqual(["failed", "cancelled", "cancelled", "running"])
    sim.clock.advance(300_000)
    expect((await client.getStatus(jobs[3]!.ref)).status).toBe("succeeded")
    expect(sim.cancel(ids[3]!)).toBe(false)
  })

  it("runs on a real, sped-up clock too (the CLI's mode): waitForCompletion reaches ready", async () => {
    const sim = mount({ clock: makeSimClock({ speed: 100_000 }) })
    const client = clientFor(sim, { videoMetadata: true })
    const job = await client.render({
      template: "sim-template",
      providerOptions: { drafts: { scenes: [{ name: "Intro" }] } },
    })
    const done = await client.waitForCompletion(job.ref, {
      schedule: Schedule.spaced("5 millis"),
      timeout: "5 seconds",
    })
    expect(done).toMatchObject({ status: "succeeded", vendorStatus: "ready" })
    expect(done.durationSeconds).toBe(6)
  })

  it("follows a custom timeline on a shared clock, and checks the timeline", () => {
    const clock = makeSimClock()
    const sim = createSimulator({
      clock,
      timeline: [
        { status: "not_started", at: 0 },
        { status: "ready", at: 1000 },
      ],
    })
    expect(sim.clock).toBe(clock)
    expect(() => createSimulator({ timeline: [{ status: "started", at: 0 }] })).toThrow(/ready/)
    expect(() => createSimulator({ timeline: [] })).toThrow(/at least one/)
    expect(sim.settings()).toEqual({
      apiKey: "sim-hourone-api-key",
      webhookSecret: "sim-hourone-signing-secret",
    })
    expect(sim.settings("http://127.0.0.1:4000")).toMatchObject({ baseUrl: "http://127.0.0.1:4000/api/v1" })
  })
})
