import { describe, expect, it } from "vitest"
import { makeProvider, run } from "./support.js"

describe("estimateCredits", () => {
  it.each([
    [{ product: "l", durationSeconds: 30 }, "previews", 1],
    [{ product: "l", durationSeconds: 60 }, "previews", 2],
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
  ] as const)("%j as %s -> %d credits", async (request, kind, credits) => {
    const provider = await makeProvider()
    const estimate = await run(provider.estimateCredits!(request as never, kind))
    expect(estimate).toMatchObject({ provider: "creatify", credits, estimate: true })
    expect(estimate.basis.length).toBeGreaterThan(0)
  })
})
