import { Schedule } from "effect"
import { HttpResponse } from "msw"
import { describe, expect, it } from "vitest"
import { client, fixture, issuesOf, json, rejection, route, useMsw } from "./support.js"

// Avatar (talking-head) videos: `render({ avatar, voice, script | audioUrl })` with no product and
// no template -> `POST /v2/create_video_from_avatar`, read back by `GET /v2/avatar_video/{id}`.

const server = useMsw()
const script = "Welcome to JoggAI! Create amazing videos with AI avatars in minutes."

describe("JoggAI avatar videos", () => {
  it("sends the guide's body for avatar+script (public avatar, portrait, full screen) and reads the video back", async () => {
    const created = route(server, "post", "/v2/create_video_from_avatar", json(fixture("v2-video-created")))
    const read = route(server, "get", "/v2/avatar_video/video_123456", json(fixture("v2-avatar-video")))
    const jobs = client()
    const job = await jobs.render(
      { avatar: "81", voice: "en-US-ChristopherNeural", script, aspectRatio: "9:16", subtitles: true },
      { onSubmit: () => undefined },
    )
    // The guide's exact request, plus the name the submission key travels in (JoggAI lists no
    // avatar videos, so it is for people looking in the JoggAI app).
    const { video_name, ...body } = created[0]!.body as Record<string, unknown>
    expect(body).toEqual(fixture("v2-avatar-video-request"))
    expect(video_name).toMatch(/^\[vb[\w-]+\]$/)
    expect(job).toMatchObject({ ref: "jogg:avatar_video:video_123456", status: "queued", stage: "render" })
    const done = await jobs.waitForCompletion(job.ref, { schedule: Schedule.spaced(1), minInterval: 0 })
    expect(read).toHaveLength(1)
    expect(done).toMatchObject({
      status: "succeeded",
      videoUrl: "https://example.com/videos/video_123456.mp4",
      thumbnailUrl: "https://example.com/covers/video_123456.jpg",
      createdAt: "2022-01-01T00:00:00.000Z",
    })
  })

  it("avatar+audio with a custom avatar: voice.type audio, avatar_type 1, the layout and name from the request", async () => {
    const created = route(server, "post", "/v2/create_video_from_avatar", json(fixture("v2-video-created")))
    await client().render({
      avatar: "custom:6001",
      voice: "en-US-ChristopherNeural",
      audioUrl: "https://res.jogg.ai/audio.mp3",
      aspectRatio: "1:1",
      name: "Cadence",
      idempotencyKey: "ad-7",
      webhookUrl: "https://app.example/hooks/jogg",
      providerOptions: { jogg: { screen_style: 3 } },
    })
    expect(created[0]!.body).toEqual({
      avatar: { avatar_type: 1, avatar_id: 6001 },
      voice: {
        type: "audio",
        voice_id: "en-US-ChristopherNeural",
        audio_url: "https://res.jogg.ai/audio.mp3",
      },
      aspect_ratio: "square",
      screen_style: 3,
      webhook_url: "https://app.example/hooks/jogg",
      video_name: "Cadence [ad-7]",
    })
  })

  it("maps pending / processing / failed avatar videos, and an unknown status to unknown", async () => {
    const answers = [
      { video_id: "v1", status: "pending" },
      { video_id: "v1", status: "processing" },
      { video_id: "v1", status: "failed", error: { code: 50000, message: "Audio could not be read" } },
      { video_id: "v1", status: "rendering" },
    ]
    route(server, "get", "/v2/avatar_video/v1", (n) =>
      HttpResponse.json({ code: 0, msg: "Success", data: answers[n - 1] }),
    )
    const jobs = client()
    const seen = []
    for (let i = 0; i < answers.length; i++) seen.push(await jobs.getStatus("jogg:avatar_video:v1"))
    expect(seen.map((j) => j.status)).toEqual(["queued", "running", "failed", "unknown"])
    expect(seen[2]!.failure).toEqual({ code: "50000", message: "Audio could not be read" })
    expect(seen[3]!.vendorStatus).toBe("rendering")
  })

  it.each([
    ["no voice", { avatar: "81", script }, "voice", "JoggAI asks for one even with audioUrl"],
    ["a length", { avatar: "81", voice: "v", script, durationSeconds: 30 }, "durationSeconds", "speech"],
    ["a language", { avatar: "81", voice: "v", script, language: "de" }, "language", "listVoices"],
    ["a visual style", { avatar: "81", voice: "v", script, visualStyle: "S" }, "visualStyle", "screen_style"],
    [
      "music",
      { avatar: "81", voice: "v", script, providerOptions: { jogg: { music_id: 3 } } },
      "providerOptions.jogg.music_id",
      "no music",
    ],
    ["a bad avatar id", { avatar: "anna", voice: "v", script }, "avatar", '"custom:123"'],
  ] as const)("refuses %s before any request", async (_label, request, path, text) => {
    const error = await rejection(client().render(request as never))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(issuesOf(error).find((i) => i.path === path)?.message).toContain(text)
  })

  it("a photo as the presenter is UnsupportedOperation before any request (JoggAI animates catalog avatars)", async () => {
    const error = await rejection(
      client().render({ imageUrl: "https://cdn.example/me.png", voice: "v", script: "Hi" }),
    )
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect(error.message).toContain("avatar+script, avatar+audio")
  })

  it("estimates credits from the script's length (150 words a minute, 1 credit per started 2 minutes)", async () => {
    const jobs = client()
    const short = await jobs.estimateCredits({ avatar: "81", voice: "v", script })
    expect(short).toMatchObject({ credits: 1, estimate: true })
    const long = await jobs.estimateCredits({ avatar: "81", voice: "v", script: "word ".repeat(400) })
    expect(long.credits).toBe(2)
    expect(long.basis).toContain("160s")
  })

  it("a lost answer cannot be looked up (JoggAI lists no avatar videos): SubmissionUnknown saying so, never resent", async () => {
    const created = route(server, "post", "/v2/create_video_from_avatar", () =>
      HttpResponse.json({ code: 50000, msg: "System error" }, { status: 503 }),
    )
    const jobs = client()
    const error = await rejection(jobs.render({ avatar: "81", voice: "v", script }))
    expect(created).toHaveLength(1)
    expect(error.reason).toMatchObject({ _tag: "SubmissionUnknown", lookup: "unsupported" })
    expect(error.message).toContain("JoggAI lists no avatar videos")
    const found = await rejection(jobs.findSubmission(error.ref!))
    expect(found.reason._tag).toBe("UnsupportedOperation")
  })
})
