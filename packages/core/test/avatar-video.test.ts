import { Schedule } from "effect"
import { describe, expect, it } from "vitest"
import { avatarVideoInput, createVideoClient, type RenderRequest, VideoError } from "../src/index.js"
import { fakeVendor, fakeVendorCapabilities } from "../src/testing/index.js"
import { useFakeVendor } from "./support/fake.js"
import { API_KEY } from "./support/keys.js"

const vendor = useFakeVendor()

const client = () =>
  createVideoClient({
    provider: fakeVendor({ apiKey: API_KEY }),
    polling: { schedule: Schedule.spaced(1) },
  })
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as VideoError,
  )
const image = "https://media.example/face.png"
const audio = "https://media.example/speech.mp3"

describe("avatar videos", () => {
  it.each([
    [{ avatar: "av-1", voice: "vo-1", script: "Hi" }, "avatar+script"],
    [{ avatar: "av-1", audioUrl: audio }, "avatar+audio"],
    [{ imageUrl: image, script: "Hi", voice: "vo-1" }, "image+script"],
    [{ imageUrl: image, audioUrl: audio }, "image+audio"],
    [{ avatar: "av-1" }, "avatar+script"],
    [{ avatar: "av-1", script: "Hi", product: "fake:product:p1" }, undefined],
    [{ avatar: "av-1", template: "tpl-1" }, undefined],
    [{ script: "Hi", voice: "vo-1" }, undefined],
  ] as const)("avatarVideoInput(%j) is %s", (request, expected) => {
    expect(avatarVideoInput(request as RenderRequest)).toBe(expected)
  })

  it("avatar + voice + script: rendered, read and finished like any render", async () => {
    const c = client()
    const job = await c.render({
      avatar: "av-1",
      voice: "vo-1",
      script: "Meet the bottle.",
      aspectRatio: "9:16",
    })
    expect(job).toMatchObject({ provider: "fake", status: "queued", stage: "render" })
    expect(job.ref).toMatch(/^fake:avatar:job-\d+$/)
    expect(vendor.sim.requests[0]).toMatchObject({
      method: "POST",
      path: "/avatar_videos",
      body: { avatar_id: "av-1", voice_id: "vo-1", text: "Meet the bottle.", format: "portrait" },
    })
    vendor.sim.clock.advance(3000)
    const done = await c.waitForCompletion(job.ref)
    expect(done).toMatchObject({ status: "succeeded", creditsUsed: 2, raw: { avatar_id: "av-1" } })
    expect(done.videoUrl).toMatch(/\/files\/job-\d+\.mp4$/)
    expect(vendor.sim.creditsSpent()).toBe(2)
  })

  it("a photo and a recording (imageUrl + audioUrl)", async () => {
    const job = await client().render({ imageUrl: image, audioUrl: audio, name: "Aurora-style" })
    expect(job.ref).toMatch(/^fake:avatar:/)
    expect(vendor.sim.requests[0]?.body).toMatchObject({ photo_url: image, audio_url: audio })
  })

  it.each([
    [
      { imageUrl: image, audioUrl: audio, product: "fake:product:p1" },
      "imageUrl: is for an avatar video: not with product or template",
    ],
    [
      { audioUrl: audio, avatar: "av-1", template: "tpl-1" },
      "audioUrl: is for an avatar video: not with product or template",
    ],
    [{ imageUrl: image, avatar: "av-1", audioUrl: audio }, "imageUrl: give avatar or imageUrl, not both"],
    [{ avatar: "av-1", script: "Hi", audioUrl: audio }, "audioUrl: give script or audioUrl, not both"],
    [
      { imageUrl: "ftp://media.example/face.png", audioUrl: audio },
      "imageUrl: must be a valid url (http or https)",
    ],
    [{ imageUrl: image, audioUrl: "javascript:alert(1)" }, "audioUrl: must be a valid url (http or https)"],
    [{ avatar: "..", voice: "vo-1", script: "Hi" }, 'avatar: must not be "." or ".."'],
    [{ avatar: "av-1", voice: "%2e", script: "Hi" }, 'voice: must not be "." or ".."'],
  ])("core refuses %j before any request", async (request, message) => {
    const error = await failure(client().render(request as RenderRequest))
    expect(error?.reason._tag).toBe("InvalidInput")
    expect(error?.message).toContain(message)
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("the vendor's own rules, before any request: kinds it lacks, a script without a voice", async () => {
    expect(fakeVendorCapabilities.avatarVideos).toEqual(["avatar+script", "image+audio"])
    const unsupported = await failure(client().render({ avatar: "av-1", audioUrl: audio }))
    expect(unsupported?.reason).toMatchObject({ _tag: "UnsupportedOperation", operation: "render" })
    expect(unsupported?.message).toContain("avatar+script, image+audio, not avatar+audio")
    const noVoice = await failure(client().render({ avatar: "av-1", script: "Hi", durationSeconds: 30 }))
    expect(noVoice?.reason._tag).toBe("InvalidInput")
    expect(noVoice?.message).toContain("voice: is required with script")
    expect(noVoice?.message).toContain("durationSeconds: an avatar video lasts as long as its speech")
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("an id the vendor does not know is the vendor's refusal, with its message", async () => {
    const error = await failure(client().render({ avatar: "av-99", voice: "vo-1", script: "Hi" }))
    expect(error).toBeInstanceOf(VideoError)
    expect(error?.reason).toMatchObject({
      _tag: "VendorRejected",
      vendorMessages: ["unknown avatar_id av-99"],
    })
    expect(vendor.sim.creditsSpent()).toBe(0)
  })
})
