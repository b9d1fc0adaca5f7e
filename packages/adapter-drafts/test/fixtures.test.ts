import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { toVideoJob, withVideoMetadata } from "../src/internal/mapping.js"
import {
  HTTPValidationError,
  OverrideVideoRequest,
  VideoList,
  VideoMetadataResponse,
  VideoResponse,
  WebhookEvent,
} from "../src/internal/wire.js"

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

describe("documented payloads parse with the wire schemas", () => {
  it.each([
    ["video-response", VideoResponse],
    ["video-list", VideoList],
    ["video-metadata", VideoMetadataResponse],
    ["create-video-request", OverrideVideoRequest],
    ["validation-error", HTTPValidationError],
    ["webhook-video-ready", WebhookEvent],
    ["webhook-video-failed", WebhookEvent],
  ] as const)("%s", (name, schema) => {
    const result = schema.safeParse(fixture(name))
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
  })

  it("a ready video maps to a succeeded job with the download URL as videoUrl", () => {
    const video = VideoResponse.parse(fixture("video-response"))
    const job = withVideoMetadata(toVideoJob(video), VideoMetadataResponse.parse(fixture("video-metadata")))
    expect(job).toMatchObject({
      ref: "drafts:video:65f1a0c2e4b0a1b2c3d4e5f6",
      provider: "drafts",
      status: "succeeded",
      vendorStatus: "ready",
      stage: "render",
      progress: 1,
      videoUrl: "https://cdn.hourone.test/videos/65f1a0c2e4b0a1b2c3d4e5f6.mp4",
      previewUrl: "https://reals.hourone.ai/player/65f1a0c2e4b0a1b2c3d4e5f6",
      durationSeconds: 31.5,
      metadata: {
        correlationId: "vidbridge-3f2c9a51-8d0e-4c1f-9b7a-2e6d5c4b3a21",
        draftId: "65f1a0c2e4b0a1b2c3d4e5aa",
        requestId: "req-7d1c2b9a",
        scenes: [
          { index: 0, startSeconds: 0, durationSeconds: 12.25 },
          { index: 1, startSeconds: 12.25, durationSeconds: 19.25 },
        ],
      },
    })
    expect(job.raw).toEqual(video)
  })

  it("a list item without a download URL has no videoUrl yet", () => {
    const [first] = VideoList.parse(fixture("video-list"))
    const job = toVideoJob(first!)
    expect(job.status).toBe("running")
    expect(job.progress).toBe(0.4)
    expect(job.videoUrl).toBeUndefined()
  })
})
