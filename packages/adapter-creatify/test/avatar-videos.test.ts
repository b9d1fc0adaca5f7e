import { avatarVideoInput, JobRef } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { creatifyCapabilities } from "../src/index.js"
import {
  API_ID,
  API_KEY,
  authOf,
  BASE,
  failure,
  fixture,
  makeProvider,
  run,
  type Seen,
  snapshot,
  useServer,
} from "./support.js"

// Avatar videos through `render`, request shapes against msw: AI Avatar v2 for an avatar saying a
// script in a voice (`POST /api/lipsyncs_v2/`), Aurora for an image speaking an audio file
// (`POST /api/aurora/`, 201), their reads and their checks (before any request).

const { server, seen } = useServer()

const lipsync = (patch: Record<string, unknown> = {}) => ({ ...fixture("lipsync-v2"), id: "lv-1", ...patch })
const aurora = (patch: Record<string, unknown> = {}) => ({ ...fixture("aurora-job"), id: "au-1", ...patch })

const capture = (path: string, answer: unknown, status = 200) => {
  const calls: Seen[] = []
  server.use(
    http.post(`${BASE}${path}`, async ({ request }) => {
      calls.push(await snapshot(request))
      return HttpResponse.json(answer as never, { status })
    }),
  )
  return calls
}

describe("avatar + script: AI Avatar v2", () => {
  it("POSTs /api/lipsyncs_v2/ with one scene (persona, script, voice accent) and answers a lipsync_v2 ref", async () => {
    const calls = capture("/api/lipsyncs_v2/", lipsync({ status: "pending", output: null, progress: "0" }))
    const provider = await makeProvider()
    const request = {
      avatar: "persona-1",
      voice: "accent-1",
      script: "Meet the new bottle.",
      aspectRatio: "9:16",
      subtitles: false,
      name: "Bottle",
      providerOptions: {
        creatify: {
          model_version: "aurora_v1_fast",
          background_music: { url: "https://m/1.mp3", volume: 0.2 },
        },
      },
    } as const
    expect(avatarVideoInput(request)).toBe("avatar+script")
    const job = await run(provider.render!(request))
    expect(calls[0]!.path).toBe("/api/lipsyncs_v2/")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(calls[0]!.body).toEqual({
      video_inputs: [
        {
          character: { type: "avatar", avatar_id: "persona-1" },
          voice: { type: "text", input_text: "Meet the new bottle.", voice_id: "accent-1" },
          caption_setting: { hidden: true },
        },
      ],
      aspect_ratio: "9x16",
      background_music: { url: "https://m/1.mp3", volume: 0.2 },
      name: "Bottle",
      model_version: "aurora_v1_fast",
    })
    expect(job).toMatchObject({
      ref: "creatify:lipsync_v2:lv-1",
      status: "queued",
      stage: "render",
      progress: 0,
    })
  })

  it("reads `output` (not video_output) and a string progress; batch reads by ids", async () => {
    server.use(
      http.get(`${BASE}/api/lipsyncs_v2/lv-1/`, () =>
        HttpResponse.json(lipsync({ status: "done", output: "https://cdn.test/lv.mp4", progress: "100" })),
      ),
      http.get(`${BASE}/api/lipsyncs_v2/`, ({ request }) =>
        HttpResponse.json(
          (new URL(request.url).searchParams.get("ids") ?? "")
            .split(",")
            .map((id) => lipsync({ id, status: "running", progress: "40.5" })),
        ),
      ),
    )
    const provider = await makeProvider()
    const job = await run(provider.getStatus(JobRef.parse("creatify:lipsync_v2:lv-1")))
    expect(job).toMatchObject({ status: "succeeded", videoUrl: "https://cdn.test/lv.mp4", progress: 1 })
    const refs = Array.from({ length: 150 }, (_, i) => JobRef.parse(`creatify:lipsync_v2:l${i}`))
    const jobs = await run(provider.getStatuses!(refs))
    expect(jobs).toHaveLength(150)
    expect(jobs[0]).toMatchObject({ status: "running", progress: 0.405 })
    expect(
      seen.filter((s) => s.path === "/api/lipsyncs_v2/").map((s) => s.search.get("ids")?.split(",").length),
    ).toEqual([100, 50])
  })

  it("needs a script and a voice, and refuses what it cannot carry, before any request", async () => {
    const provider = await makeProvider()
    const noVoice = await failure(provider.render!({ avatar: "p", script: "Hi" }))
    expect(noVoice.message).toMatch(/voice: is required with script/)
    const noScript = await failure(provider.render!({ avatar: "p", voice: "v" }))
    expect(noScript.message).toMatch(/script: is required/)
    const extra = await failure(
      provider.render!({ avatar: "p", voice: "v", script: "Hi", durationSeconds: 30, language: "en" }),
    )
    expect(extra.reason._tag).toBe("InvalidInput")
    expect(extra.message).toMatch(/language/)
    expect(extra.message).toMatch(/durationSeconds/)
    const model = await failure(
      provider.render!({
        avatar: "p",
        voice: "v",
        script: "Hi",
        providerOptions: { creatify: { model_version: "x" } },
      }),
    )
    expect(model.message).toMatch(/model_version/)
    expect(seen).toHaveLength(0)
  })
})

describe("image + audio: Aurora", () => {
  it("POSTs /api/aurora/ (201) with image, audio and the Aurora options; reads it with GET /api/aurora/{id}/", async () => {
    const calls = capture("/api/aurora/", aurora({ status: "pending", video_output: null }), 201)
    server.use(
      http.get(`${BASE}/api/aurora/au-1/`, () =>
        HttpResponse.json(aurora({ status: "done", video_output: "https://cdn.test/au.mp4" })),
      ),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.render!({
        imageUrl: "https://cdn.test/face.png",
        audioUrl: "https://cdn.test/voice.mp3",
        name: "Face",
        providerOptions: { creatify: { model_version: "aurora_v2", text_prompt: "soft light" } },
      }),
    )
    expect(calls[0]!.body).toEqual({
      image: "https://cdn.test/face.png",
      audio: "https://cdn.test/voice.mp3",
      name: "Face",
      model_version: "aurora_v2",
      text_prompt: "soft light",
    })
    expect(job).toMatchObject({ ref: "creatify:aurora:au-1", status: "queued" })
    expect(await run(provider.getStatus(JobRef.parse(job.ref)))).toMatchObject({
      status: "succeeded",
      videoUrl: "https://cdn.test/au.mp4",
    })
  })

  it("refuses a voice, an aspect ratio or a model it does not have, before any request", async () => {
    const provider = await makeProvider()
    const image = { imageUrl: "https://cdn.test/face.png", audioUrl: "https://cdn.test/a.mp3" }
    for (const [extra, field] of [
      [{ voice: "v" }, "voice"],
      [{ aspectRatio: "9:16" }, "aspectRatio"],
      [{ providerOptions: { creatify: { model_version: "standard" } } }, "model_version"],
      [{ providerOptions: { creatify: { prompt_guidance_scale: 11 } } }, "prompt_guidance_scale"],
    ] as const) {
      const error = await failure(provider.render!({ ...image, ...extra }))
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain(field)
    }
    expect(seen).toHaveLength(0)
  })
})

describe("the avatar videos Creatify does not make through render", () => {
  it("are UnsupportedOperation before any request; capabilities say which it makes", async () => {
    expect(creatifyCapabilities.avatarVideos).toEqual(["avatar+script", "image+audio"])
    const provider = await makeProvider()
    for (const request of [
      { avatar: "p", audioUrl: "https://cdn.test/a.mp3" },
      { imageUrl: "https://cdn.test/p.png", voice: "v", script: "Hi" },
    ]) {
      const error = await failure(provider.render!(request))
      expect(error.reason._tag).toBe("UnsupportedOperation")
      expect(error.message).toContain("avatar+script (AI Avatar v2) and image+audio (Aurora)")
    }
    const nothing = await failure(provider.render!({ voice: "v", script: "Hi" }))
    expect(nothing.reason._tag).toBe("InvalidInput")
    expect(seen).toHaveLength(0)
  })
})
