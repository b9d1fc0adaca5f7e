import { describe, expect, it } from "vitest"
import { client, issuesOf, rejection, useMsw } from "./support.js"

// No handlers: any request would fail the test (onUnhandledFrame: "error").
useMsw()

const product = "jogg:product:NTIzMzc0NjI5"
const base = { product, visualStyles: ["Simple Product Switch"], avatar: "81" }

describe("JoggAI input rules, checked before any request", () => {
  it.each([
    ["no avatar", { product, visualStyles: ["S"] }, "avatar", "is required"],
    ["a non-numeric avatar", { ...base, avatar: "anna" }, "avatar", '"81" (public) or "custom:123"'],
    [
      "a custom avatar the type option calls public",
      { ...base, avatar: "custom:5001", providerOptions: { jogg: { avatar_type: "public" } } },
      "providerOptions.jogg.avatar_type",
      "is a custom avatar",
    ],
    [
      "an avatar-video option",
      { ...base, providerOptions: { jogg: { screen_style: 2 } } },
      "providerOptions.jogg.screen_style",
      "avatar and template videos",
    ],
    ["no visual style", { product, avatar: "81" }, "visualStyles", "GET /v2/visual_styles"],
    ["an unsupported duration", { ...base, durationSeconds: 45 }, "durationSeconds", "15, 30, 60"],
    ["an unsupported language", { ...base, language: "xx" }, "language", '"en"'],
    ["a script style not in the enum", { ...base, scriptStyle: "Epic" }, "scriptStyle", '"Storytime"'],
    ["two aspect ratios", { ...base, aspectRatios: ["9:16", "1:1"] }, "aspectRatios", "one aspect ratio"],
    [
      "an unknown vendor option",
      { ...base, providerOptions: { jogg: { avatarType: 1 } } },
      "providerOptions.jogg",
      "unknown",
    ],
    [
      "an open-only option",
      { ...base, providerOptions: { jogg: { template_name: "X" } } },
      "providerOptions.jogg.template_name",
      "open",
    ],
    ["a target platform", { ...base, targetPlatform: "tiktok" }, "targetPlatform", "no target platform"],
  ] as const)("generatePreviews rejects %s", async (_label, request, path, text) => {
    const error = await rejection(client().generatePreviews(request as never))
    expect(error.reason._tag).toBe("InvalidInput")
    const issue = issuesOf(error).find((i) => i.path === path)
    expect(issue?.message).toContain(text)
  })

  it("rejects an unknown aspect ratio (core's neutral schema names the allowed values)", async () => {
    const error = await rejection(client().generatePreviews({ ...base, aspectRatio: "4:3" as never }))
    expect(error.message).toContain("aspectRatio")
    expect(error.message).toContain('"9:16", "16:9", "1:1"')
  })

  it("rejects a bad product URL", async () => {
    const error = await rejection(client().createProduct({ url: "ftp://shop.example/p" }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("url")
  })

  it("rejects a product ref of the other API generation", async () => {
    const error = await rejection(
      client().generatePreviews({ ...base, product: "jogg:open_product:3924?prj=2508cd37" }),
    )
    expect(error.message).toContain('apiVersion "v2"')
  })

  it("rejects a preview id that is not in the preview set", async () => {
    const error = await rejection(
      client().renderPreview({ job: "jogg:preview_set:P?ids=a%2Cb", previewId: "c" }),
    )
    expect(error.message).toContain("previewId: must be one of this preview set's ids: a, b")
  })

  it("rejects a render that is no product, template or avatar video, and an open template name", async () => {
    const none = await rejection(client().render({ visualStyle: "Split Screen" }))
    expect(issuesOf(none).map((i) => i.path)).toEqual(["product"])
    expect(none.message).toContain("an avatar video (avatar, voice, script)")
    // In v2 a template is a template id from listTemplates, not an open template name.
    const named = await rejection(client().render({ template: "Card Stacking" }))
    expect(issuesOf(named).find((i) => i.path === "template")?.message).toContain("listTemplates")
  })

  it("rejects a listJobs id filter and a bad cursor", async () => {
    const error = await rejection(client().listJobs({ ids: ["a"], cursor: "abc" }))
    expect(error.message).toContain("ids")
    expect(error.message).toContain("cursor")
  })

  it("rejects a ref kind getStatus cannot read", async () => {
    const error = await rejection(client().getStatus("jogg:product:P"))
    expect(error.message).toContain("product_video")
  })

  it("rejects bad settings naming the field", () => {
    expect(() => client({ apiVersion: "v3" as never })).toThrow(/apiVersion/)
  })
})
