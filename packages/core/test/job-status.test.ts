import { describe, expect, it } from "vitest"
import { compareProgress, type JobStage, JobStatuses, progressRank } from "../src/index.js"

const stages: ReadonlyArray<JobStage> = ["preview", "render"]
const progresses = [undefined, 0, 0.01, 0.5, 0.99, 1]
const observations = stages.flatMap((stage) =>
  JobStatuses.flatMap((status) => progresses.map((progress) => ({ stage, status, progress }))),
)

describe("progressRank", () => {
  it("orders every pair of observations as compareProgress does", () => {
    for (const a of observations) {
      for (const b of observations) {
        expect([a, b, Math.sign(progressRank(a) - progressRank(b))]).toEqual([
          a,
          b,
          Math.sign(compareProgress(a, b)),
        ])
      }
    }
  })

  it("puts every render observation after every preview observation", () => {
    expect(progressRank({ stage: "render", status: "unknown" })).toBe(10)
    expect(progressRank({ stage: "preview", status: "succeeded", progress: 1 })).toBeCloseTo(4.9)
  })

  it("clamps progress outside 0..1 so a bad vendor number cannot jump a status", () => {
    expect(progressRank({ stage: "render", status: "running", progress: 7 })).toBeCloseTo(12.9)
    expect(progressRank({ stage: "render", status: "running", progress: -3 })).toBe(12)
    expect(progressRank({ stage: "render", status: "running", progress: 0.5 })).toBeCloseTo(12.45)
  })
})
