import { describe, expect, it } from "vitest"
import {
  CustomTemplateList,
  MusicCategories,
  MusicPage,
  PersonaPage,
  RemainingCredits,
  VoiceList,
} from "../src/internal/catalogs/wire.js"
import {
  AiScript,
  AuroraJob,
  AuroraList,
  CustomTemplateJob,
  Link,
  LinkAnyShape,
  LinkToVideo,
  LipsyncV2,
  WebhookPayload,
} from "../src/internal/wire.js"
import { fixture } from "./support.js"

// Every documented example payload parses with the wire schemas.
describe("documented examples parse", () => {
  it.each([
    ["link", Link],
    ["link", LinkAnyShape],
    ["link-with-params-flat", LinkAnyShape],
    ["ai-script", AiScript],
    ["link-to-video", LinkToVideo],
    ["custom-template-job", CustomTemplateJob],
    ["aurora-list", AuroraList],
    ["aurora-job", AuroraJob],
    ["lipsync-v2", LipsyncV2],
    ["webhook-lipsync-v2", WebhookPayload],
    ["personas-paginated", PersonaPage],
    ["voices", VoiceList],
    ["musics", MusicPage],
    ["music-categories", MusicCategories],
    ["custom-templates", CustomTemplateList],
    ["remaining-credits", RemainingCredits],
    ["webhook-link-to-video", WebhookPayload],
    ["webhook-custom-template", WebhookPayload],
    ["webhook-previews", WebhookPayload],
  ] as const)("%s", (name, schema) => {
    const result = schema.safeParse(fixture(name))
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
  })

  it("the documented error bodies are bare arrays of strings", () => {
    expect(fixture("error-no-image-or-video")).toEqual(["Link must have at least one image or one video."])
    expect(fixture("error-failed-to-scrape")[0]).toMatch(/^Failed to scrape url/)
  })

  it("an extra field passes, a missing id does not", () => {
    expect(LinkToVideo.safeParse({ ...fixture("link-to-video"), brand_new: 1 }).success).toBe(true)
    const { id: _, ...noId } = fixture("link-to-video")
    expect(LinkToVideo.safeParse(noId).success).toBe(false)
  })
})
