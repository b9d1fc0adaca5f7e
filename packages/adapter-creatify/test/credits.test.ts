import { describe, expect, it } from "vitest"
import { makeProvider, run } from "./support.js"

describe("estimateCredits", () => {
  it.each([
    // Previews: 1 credit per 30 s per preview; the nine styles of Creatify's guide by default.
    [{ product: "l", durationSeconds: 30 }, "previews", 9],
    [{ product: "l", durationSeconds: 60 }, "previews", 18],
    [
      { product: "l", durationSeconds: 30, visualStyles: ["A", "B"], aspectRatios: ["9:16", "1:1"] },
      "previews",
      4,
    ],
    [{ product: "l", durationSeconds: 15, visualStyle: "A" }, "previews", 1],
    [{ template: "t" }, "previews", 1],
    [{ product: "l", durationSeconds: 30 }, "render", 4],
    [{ product: "l", durationSeconds: 60 }, "render", 8],
    [{ template: "t", durationSeconds: 45 }, "render", 10],
    [
      { template: "t", durationSeconds: 45, providerOptions: { creatify: { model_version: "aurora_v1" } } },
      "render",
      45,
    ],
    [
      {
        template: "t",
        durationSeconds: 45,
        providerOptions: { creatify: { model_version: "aurora_v1_fast" } },
      },
      "render",
      22.5,
    ],
    [{ product: "l" }, "render", 4],
    // AI Avatar v2: timed by its script (15 characters a second) unless durationSeconds says.
    [{ avatar: "p", voice: "v", script: "x".repeat(150) }, "render", 5],
    [{ avatar: "p", voice: "v", script: "x".repeat(150), durationSeconds: 31 }, "render", 10],
    [
      {
        avatar: "p",
        voice: "v",
        script: "x".repeat(150),
        providerOptions: { creatify: { model_version: "aurora_v1" } },
      },
      "render",
      10,
    ],
    // Aurora: per second of audio; aurora_v1 by default.
    [
      { imageUrl: "https://i.test/p.png", audioUrl: "https://i.test/a.mp3", durationSeconds: 20 },
      "render",
      20,
    ],
    [
      {
        imageUrl: "https://i.test/p.png",
        audioUrl: "https://i.test/a.mp3",
        durationSeconds: 20,
        providerOptions: { creatify: { model_version: "aurora_v1_fast" } },
      },
      "render",
      10,
    ],
    [
      {
        imageUrl: "https://i.test/p.png",
        audioUrl: "https://i.test/a.mp3",
        durationSeconds: 20,
        providerOptions: { creatify: { model_version: "aurora_v2" } },
      },
      "render",
      14,
    ],
  ] as const)("%j as %s -> %d credits", async (request, kind, credits) => {
    const provider = await makeProvider()
    const estimate = await run(provider.estimateCredits!(request as never, kind))
    expect(estimate).toMatchObject({ provider: "creatify", credits, estimate: true })
    expect(estimate.basis.length).toBeGreaterThan(0)
  })
})
