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
  it("refuses lone surrogates, which its string form cannot carry, with InvalidJobRef", () => {
    expect(() => JobRef.make("drafts", "video", "a\ud800")).toThrow(InvalidJobRef)
    expect(() => JobRef.make("drafts", "video", "a", { k: "\udc00" })).toThrow(InvalidJobRef)
    expect(() => JobRef.make("drafts", "video", "a", { "\ud800": "v" })).toThrow(InvalidJobRef)
    // Before: parse accepted this, and formatting the result threw a URIError.
    expect(() => JobRef.parse("creatify:link_to_video:\ud800")).toThrow(InvalidJobRef)
    expect(JobRef.isValid("creatify:link_to_video:\ud800")).toBe(false)
    const emoji = JobRef.make("drafts", "video", "a👍🏽", { k: "日本" })
    expect(JobRef.parse(JobRef.format(emoji))).toEqual(emoji)
  })
  it('refuses "." and ".." as an id or a param value: as path segments they change the endpoint', () => {
    for (const id of [".", "..", "%2e", "%2E%2e", ".%2e"]) {
      expect(() => JobRef.make("creatify", "link_to_video", id)).toThrow(InvalidJobRef)
    }
    expect(() => JobRef.make("jogg", "open_project", "p1", { product: ".." })).toThrow(InvalidJobRef)
    expect(JobRef.isValid("creatify:link_to_video:..")).toBe(false)
    expect(JobRef.isValid("creatify:link_to_video:%2E")).toBe(false)
    expect(() => JobRef.from({ provider: "drafts", kind: "video", id: "." })).toThrow(InvalidJobRef)
    // Dots inside an id are ordinary characters.
    expect(JobRef.parse("drafts:video:a..b").id).toBe("a..b")
    expect(JobRef.parse("drafts:video:...").id).toBe("...")
  })
  it("rejects strings that are not refs", () => {
    expect(() => JobRef.parse("nope")).toThrow(InvalidJobRef)
    expect(JobRef.isValid("creatify:link_to_video:")).toBe(false)
  })
})
