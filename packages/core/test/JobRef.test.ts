import { describe, expect, it } from "vitest"
import { InvalidJobRef, JobRef } from "../src/index.js"

describe("JobRef", () => {
  it("round-trips the string form, including extra ids", () => {
    const ref = JobRef.make("jogg", "open_project", "a1b2c3", { product: "3924", prj: undefined })
    const text = JobRef.format(ref)
    expect(text).toBe("jogg:open_project:a1b2c3?product=3924")
    expect(JobRef.parse(text)).toEqual(ref)
  })
  it("encodes ids with reserved characters", () => {
    const ref = JobRef.make("drafts", "video", "id:with?odd/chars")
    expect(JobRef.parse(JobRef.format(ref))).toEqual(ref)
  })
  it("rejects strings that are not refs", () => {
    expect(() => JobRef.parse("nope")).toThrow(InvalidJobRef)
    expect(JobRef.isValid("creatify:link_to_video:")).toBe(false)
  })
})
