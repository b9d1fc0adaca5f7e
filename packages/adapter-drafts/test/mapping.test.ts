import { isTerminal, JobStatuses } from "@vidbridge/core"
import { describe, expect, it } from "vitest"
import { draftsStatusTable } from "../src/index.js"
import { mapProgress, mapStatus, toVideoJob } from "../src/internal/mapping.js"
import { scenesFor, TRANSCRIPT_LIMIT, truncate } from "../src/internal/requests/render.js"

describe("status mapping", () => {
  it.each([
    ["not_started", "queued", false],
    ["started", "running", false],
    ["processing", "running", false],
    ["ready", "succeeded", true],
    ["published", "succeeded", true],
    ["failed", "failed", true],
    ["stopped", "cancelled", true],
    ["cancelled", "cancelled", true],
  ] as const)("%s -> %s (terminal: %s)", (vendor, neutral, terminal) => {
    expect(mapStatus(vendor)).toBe(neutral)
    expect(isTerminal(mapStatus(vendor))).toBe(terminal)
    expect(JobStatuses).toContain(neutral)
  })

  it("the exported table covers the whole documented enum", () => {
    expect(Object.keys(draftsStatusTable).sort()).toEqual(
      ["cancelled", "failed", "not_started", "processing", "published", "ready", "started", "stopped"].sort(),
    )
  })

  it("an unknown status is 'unknown', kept as vendorStatus, not terminal, no crash", () => {
    const job = toVideoJob({ id: "v1", status: "rendering_v2", progress: 55 })
    expect(job).toMatchObject({ status: "unknown", vendorStatus: "rendering_v2", progress: 0.55 })
    expect(isTerminal(job.status)).toBe(false)
    expect(mapStatus("toString")).toBe("unknown")
  })

  it("failed and cancelled jobs carry a failure naming the vendor status", () => {
    expect(toVideoJob({ id: "v1", status: "stopped" }).failure).toEqual({
      code: "stopped",
      message: 'Hour One reported the video as "stopped"',
    })
  })
})

describe("progress -1..100 -> 0..1", () => {
  it.each([
    [-1, "running", 0],
    [0, "queued", 0],
    [37, "running", 0.37],
    [100, "running", 1],
    [150, "running", 1],
    [null, "running", undefined],
    [undefined, "queued", undefined],
    [20, "succeeded", 1],
  ] as const)("%s (%s) -> %s", (progress, status, expected) => {
    expect(mapProgress(progress, status)).toBe(expected)
  })
})

describe("product -> scenes", () => {
  const product = {
    title: "Trail Shoe",
    description: "Light and grippy.",
    imageUrls: ["https://shop.test/a.jpg", "https://shop.test/b.jpg"],
  }

  it("scene 1: texts=[title], media=images, transcript=script or description", () => {
    expect(scenesFor(undefined, product, undefined)).toEqual([
      {
        name: "Scene 1",
        type: "override_scene",
        texts: ["Trail Shoe"],
        media: ["https://shop.test/a.jpg", "https://shop.test/b.jpg"],
        transcript: "Light and grippy.",
      },
    ])
    expect(scenesFor(undefined, product, "Run further.")[0]?.transcript).toBe("Run further.")
  })

  it("the caller's scene 1 fields win; later scenes are kept", () => {
    const scenes = scenesFor(
      [
        { name: "Intro", texts: ["Custom"] },
        { name: "Outro", transcript: "Bye" },
      ],
      product,
      undefined,
    )
    expect(scenes[0]).toMatchObject({ name: "Intro", texts: ["Custom"], transcript: "Light and grippy." })
    expect(scenes[1]).toEqual({ name: "Outro", type: "override_scene", transcript: "Bye" })
  })

  it("no product and no script: scenes as given (or none)", () => {
    expect(scenesFor(undefined, undefined, undefined)).toEqual([])
  })

  it("long text is cut to the transcript limit at a word boundary", () => {
    const long = "word ".repeat(300)
    const cut = truncate(long)
    expect(cut.length).toBeLessThanOrEqual(TRANSCRIPT_LIMIT)
    expect(cut.endsWith("word")).toBe(true)
    expect(truncate("x".repeat(600)).length).toBe(TRANSCRIPT_LIMIT)
  })
})
