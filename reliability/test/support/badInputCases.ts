// The bad-input table: one invalid field per row, set into a valid input, and the field path the
// InvalidInput must name. Rows without `only` run on every vendor.
import type { Op, TargetId } from "./badInputTargets.js"

export interface BadCase {
  readonly op: Op
  /** The dotted path set in the valid input (`patch.title`, `options.timeout`, ...). */
  readonly set: string
  readonly value: unknown
  /** The field the error must name; default `set` without its wrapper (`patch.`, `request.`, `options.`). */
  readonly path?: string
  /** Text the message must contain besides the path (the name of an unknown field). */
  readonly mention?: string
  readonly why: string
  /** Vendors the row is about (their own rules); default every vendor. */
  readonly only?: ReadonlyArray<TargetId>
  /** Settings changed for this row (a client without a webhook secret). */
  readonly settings?: Readonly<Record<string, unknown>>
}

/** The field path a case expects. */
export const expectedPath = (c: BadCase): string => c.path ?? c.set.replace(/^(patch|request|options)\./, "")

const long = (n: number) => "x".repeat(n)
/** A Creatify Aurora video's own fields. */
const aurora = { imageUrl: "https://cdn.shop.test/face.png", audioUrl: "https://cdn.shop.test/voice.mp3" }
const url = (length: number) => `https://cdn.shop.test/${"a".repeat(length - 22)}`
const many = (n: number, make: (i: number) => unknown = (i) => `https://cdn.shop.test/${i}.jpg`) =>
  Array.from({ length: n }, (_, i) => make(i))

const row = (op: Op, set: string, value: unknown, why: string, extra: Partial<BadCase> = {}): BadCase => ({
  op,
  set,
  value,
  why,
  ...extra,
})

/** Neutral fields: the core schemas reject these for every vendor. */
export const neutralCases: ReadonlyArray<BadCase> = [
  row("createProduct", "title", 42, "wrong type"),
  row("createProduct", "title", "", "empty"),
  row("createProduct", "title", long(1001), "too long"),
  row("createProduct", "description", long(10_001), "too long"),
  row("createProduct", "imageUrls", "https://cdn.shop.test/a.jpg", "a string, not a list"),
  row("createProduct", "imageUrls", ["not a url"], "not a URL", { path: "imageUrls[0]" }),
  row("createProduct", "imageUrls", ["ftp://cdn.shop.test/a.jpg"], "not http(s)", { path: "imageUrls[0]" }),
  row("createProduct", "imageUrls", many(51), "too many images"),
  row("createProduct", "videoUrls", many(21), "too many videos"),
  row("createProduct", "logoUrl", "javascript:alert(1)", "not a URL"),
  row("createProduct", "targetAudience", "", "empty"),
  row("createProduct", "colour", "red", "unknown field", { path: "", mention: '"colour"' }),
  row("createProduct", "providerOptions", "fast", "not an object"),
  row("createProduct", "providerOptions.creatify", 5, "not an object"),
  row("createProduct", "", { imageUrls: ["https://cdn.shop.test/1.jpg"] }, "neither url nor title", {
    path: "url",
  }),
  row("createProductFromUrl", "url", "shop.test/p/aurora", "no scheme"),
  row("createProductFromUrl", "url", "mailto:shop@shop.test", "not http(s)"),
  row("createProductFromUrl", "url", 42, "wrong type"),

  row("updateProduct", "product", "", "empty"),
  row("updateProduct", "product", 42, "wrong type"),
  row("updateProduct", "product", {}, "not a Product"),
  row("updateProduct", "product", null, "null"),
  row("updateProduct", "patch.title", 42, "wrong type"),
  row("updateProduct", "patch.imageUrls", ["nope"], "not a URL", { path: "imageUrls[0]" }),
  row("updateProduct", "patch.url", "https://shop.test/p/2", "not updatable", { path: "", mention: '"url"' }),
  row("updateProduct", "patch", null, "no patch", { path: "" }),

  row("generateScripts", "request.product", undefined, "missing"),
  row("generateScripts", "request.language", "english", "not a language tag"),
  row("generateScripts", "request.durationSeconds", 0, "not positive"),
  row("generateScripts", "request.durationSeconds", 601, "too long"),
  row("generateScripts", "request.durationSeconds", 2.5, "not whole"),
  row("generateScripts", "request.durationSeconds", "30", "wrong type"),
  row("generateScripts", "request.scriptStyles", [], "empty list"),
  row(
    "generateScripts",
    "request.scriptStyles",
    many(11, (i) => `style ${i}`),
    "too many",
  ),
  row("generateScripts", "request.extra", true, "unknown field", { path: "", mention: '"extra"' }),
  row("generateScripts", "options.timeout", "banana", "not a duration"),
  row("generateScripts", "options.schedule", 5, "not a Schedule"),

  row("generatePreviews", "aspectRatio", "4:3", "unknown aspect ratio"),
  row("generatePreviews", "aspectRatios", [], "empty list"),
  row("generatePreviews", "aspectRatios", ["4:3"], "unknown aspect ratio", { path: "aspectRatios[0]" }),
  row("generatePreviews", "aspectRatios", ["9:16", "16:9", "1:1", "9:16"], "too many"),
  row("generatePreviews", "language", "EN", "not a language tag"),
  row("generatePreviews", "durationSeconds", -1, "negative"),
  row("generatePreviews", "visualStyles", [], "empty list"),
  row("generatePreviews", "webhookUrl", "not-a-url", "not a URL"),
  row("generatePreviews", "name", "", "empty"),
  row("generatePreviews", "subtitles", "yes", "wrong type"),
  row("generatePreviews", "product", undefined, "missing"),
  row("generatePreviews", "bogus", 1, "unknown field", { path: "", mention: '"bogus"' }),

  row("renderPreview", "job", "", "empty"),
  row("renderPreview", "job", "not-a-ref", "not a job ref"),
  row("renderPreview", "previewId", "", "empty"),
  row("renderPreview", "previewId", undefined, "missing"),
  row("renderPreview", "webhookUrl", "hooks", "not a URL"),
  row("renderPreview", "extra", 1, "unknown field", { path: "", mention: '"extra"' }),

  row("render", "aspectRatio", "4:3", "unknown aspect ratio"),
  row("render", "language", "english", "not a language tag"),
  row("render", "durationSeconds", 0, "not positive"),
  row("render", "durationSeconds", 601, "too long"),
  row("render", "durationSeconds", "30", "wrong type"),
  row("render", "avatar", "", "empty"),
  row("render", "voice", "", "empty"),
  row("render", "subtitles", "yes", "wrong type"),
  row("render", "script", long(20_001), "too long"),
  row("render", "webhookUrl", "ftp://hooks.shop.test/video", "not http(s)"),
  row("render", "name", long(256), "too long"),
  row("render", "template", "", "empty"),
  row("render", "variables", "x", "not an object"),
  row("render", "product", 42, "wrong type"),
  row("render", "providerOptions", [], "a list"),
  row("render", "colour", "red", "unknown field", { path: "", mention: '"colour"' }),
  row("render", "imageUrl", "ftp://cdn.shop.test/face.png", "not http(s)"),
  row("render", "audioUrl", "not a url", "not a URL"),
  row(
    "render",
    "imageUrl",
    "https://cdn.shop.test/face.png",
    "an avatar video's photo with a product or template",
    {
      mention: "is for an avatar video",
    },
  ),
  row(
    "render",
    "audioUrl",
    "https://cdn.shop.test/speech.mp3",
    "an avatar video's audio with a product or template",
    {
      mention: "is for an avatar video",
    },
  ),

  row("getStatus", "ref", "", "empty"),
  row("getStatus", "ref", "not-a-ref", "not a job ref"),
  row("getStatus", "ref", 42, "wrong type"),
  row("getStatus", "ref", null, "null"),
  row(
    "getStatus",
    "ref",
    { provider: "creatify", kind: "link_to_video", id: "" },
    "an object with an empty id",
  ),
  row("getStatus", "ref", "acme:job:1", "an unconfigured provider"),

  row("listJobs", "limit", 0, "not positive"),
  row("listJobs", "limit", 101, "too many"),
  row("listJobs", "limit", 1.5, "not whole"),
  row("listJobs", "limit", "10", "wrong type"),
  row("listJobs", "cursor", "", "empty"),
  row("listJobs", "ids", "a,b", "a string, not a list"),
  row("listJobs", "ids", [""], "an empty id", { path: "ids[0]" }),
  row(
    "listJobs",
    "ids",
    many(101, (i) => `id-${i}`),
    "too many",
  ),
  row("listJobs", "page", 2, "unknown field", { path: "", mention: '"page"' }),

  row("waitForCompletion", "ref", "nope", "not a job ref"),
  row("waitForCompletion", "options.timeout", "banana", "not a duration"),
  row("waitForCompletion", "options.timeout", -1, "negative"),
  row("waitForCompletion", "options.schedule", 5, "not a Schedule"),
  row("waitForCompletion", "options.onProgress", "print", "not a function"),
  row("waitForCompletion", "options.maxConsecutiveErrors", 1.5, "not whole"),
  row("watch", "ref", "nope", "not a job ref"),
  row("watch", "options.timeout", "banana", "not a duration"),
  row("waitForAll", "refs", "a,b", "a string, not a list"),
  row("waitForAll", "refs", ["nope"], "not a job ref", { path: "ref" }),
  row("waitForAll", "options.interval", "often", "not a duration"),
  row("waitForAll", "options.timeout", -5, "negative"),
]

const C = ["creatify"] as const
const J = ["jogg"] as const
const O = ["jogg-open"] as const
const D = ["drafts"] as const

/** Each vendor's own rules (its README and its vendor's documentation). */
export const vendorCases: ReadonlyArray<BadCase> = [
  // Creatify
  row("createProduct", "imageUrls", many(2), "fewer than 3 images without a video", { only: C }),
  row("createProduct", "logoUrl", url(201), "logo URL over 200 characters", { only: C }),
  row("createProductFromUrl", "title", "Aurora", "both url and product data", { only: C }),
  row("createProductFromUrl", "url", url(1001), "URL over 1000 characters", { only: C }),
  row("updateProduct", "patch.logoUrl", url(201), "logo URL over 200 characters", {
    only: C,
    path: "logoUrl",
  }),
  row("updateProduct", "product", "jogg:product:P1", "another vendor's product", { only: C }),
  row("generateScripts", "request.product", "creatify:product:L9", "a ref without the title", { only: C }),
  row("generateScripts", "request.language", "xx", "a language Creatify does not list", { only: C }),
  row("generateScripts", "request.durationSeconds", 45, "not 15/30/60", { only: C }),
  row("generatePreviews", "durationSeconds", 45, "not 15/30/60", { only: C }),
  row("generatePreviews", "language", "xx", "a language Creatify does not list", { only: C }),
  row("generatePreviews", "product", "drafts:product:p1", "another vendor's product", { only: C }),
  row("generatePreviews", "providerOptions.creatify.bogus", true, "unknown option", {
    only: C,
    path: "providerOptions.creatify",
    mention: '"bogus"',
  }),
  row("generatePreviews", "providerOptions.creatify.model_version", "v99", "unknown model", { only: C }),
  row("generatePreviews", "providerOptions.creatify.background_music_volume", 2, "volume over 1", {
    only: C,
  }),
  row(
    "generatePreviews",
    "webhookUrl",
    `https://hooks.shop.test/${"h".repeat(140)}`,
    "over 200 with the token",
    {
      only: C,
    },
  ),
  row("generatePreviews", "webhookUrl", "https://hooks.shop.test/video", "no webhookSecret to sign it", {
    only: C,
    path: "webhookSecret",
    settings: { webhookSecret: undefined },
  }),
  row("renderPreview", "job", "creatify:aurora:A1", "not a preview job", { only: C }),
  row("renderPreview", "webhookUrl", "https://hooks.shop.test/video", "set on generatePreviews", { only: C }),
  row("renderPreview", "name", "Aurora", "set on generatePreviews", { only: C }),
  row("render", "durationSeconds", 45, "not 15/30/60", { only: C }),
  row("render", "product", undefined, "neither product nor template", { only: C }),
  row("render", "variables", { a: 1 }, "variables without a template", { only: C }),
  row("render", "template", "tpl-1", "a template with fields it fixes", { only: C, path: "aspectRatio" }),
  row(
    "render",
    "",
    { template: "tpl-1", providerOptions: { creatify: { job_id: "J1" } } },
    "the old job_id option",
    {
      only: C,
      path: "providerOptions.creatify",
      mention: '"job_id"',
    },
  ),
  row("render", "", { avatar: "p1", script: "Hi" }, "an AI Avatar video without a voice", {
    only: C,
    path: "voice",
  }),
  row("render", "", { avatar: "p1", voice: "v1" }, "an AI Avatar video without a script", {
    only: C,
    path: "script",
  }),
  row(
    "render",
    "",
    { avatar: "p1", voice: "v1", script: "Hi", language: "en" },
    "an AI Avatar video with a language",
    {
      only: C,
      path: "language",
    },
  ),
  row("render", "", { ...aurora, voice: "v1" }, "an Aurora video with a voice", { only: C, path: "voice" }),
  row("render", "", { ...aurora, durationSeconds: 30 }, "an Aurora video with a duration", {
    only: C,
    path: "durationSeconds",
  }),
  row(
    "render",
    "",
    { ...aurora, providerOptions: { creatify: { model_version: "standard" } } },
    "not an Aurora model",
    {
      only: C,
      path: "providerOptions.creatify.model_version",
    },
  ),
  row("generatePreviews", "", { template: "tpl 1" }, "a template id Creatify could not have made", {
    only: C,
    path: "template",
  }),
  row("generatePreviews", "", { template: "tpl-1", visualStyles: ["A"] }, "styles for a template preview", {
    only: C,
    path: "visualStyles",
  }),
  row("generatePreviews", "variables", { a: 1 }, "variables without a template", { only: C }),
  row("getStatus", "ref", "creatify:product:L1", "not a job", { only: C }),
  row("listJobs", "cursor", "2", "lists are not paginated", { only: C }),
  row("listJobs", "providerOptions.creatify.kind", "video", "unknown kind", { only: C }),

  // JoggAI v2
  row("createProduct", "reviews", "Great shoe", "no reviews field", { only: J }),
  row("createProduct", "providerOptions.jogg", { a: 1 }, "no product options", { only: J }),
  row("updateProduct", "product", "jogg:open_product:1?prj=a", "the other API generation's product", {
    only: J,
  }),
  row("updateProduct", "product", "creatify:product:1", "another vendor's product", { only: J }),
  row("generatePreviews", "avatar", undefined, "avatar missing", { only: J }),
  row("generatePreviews", "avatar", "eighty-one", "avatar not an id listAvatars makes", { only: J }),
  row("generatePreviews", "avatar", "custom:x1", "custom avatar id not numeric", { only: J }),
  row("generatePreviews", "visualStyles", undefined, "visual styles missing", { only: J }),
  row("generatePreviews", "aspectRatios", ["9:16", "1:1"], "two aspect ratios", { only: J }),
  row("generatePreviews", "targetPlatform", "tiktok", "no target platform", { only: J }),
  row("generatePreviews", "scriptStyle", "Bogus", "unknown script style", { only: J }),
  row("generatePreviews", "language", "xx", "a language JoggAI does not support", { only: J }),
  row("generatePreviews", "durationSeconds", 45, "not 15/30/60", { only: J }),
  row("generatePreviews", "providerOptions.jogg.music_id", -1, "negative music id", { only: J }),
  row("generatePreviews", "providerOptions.jogg.template_name", "T", "an open-API option", { only: J }),
  row("generatePreviews", "providerOptions.jogg.avatar_type", 7, "unknown avatar type", { only: J }),
  row("renderPreview", "previewId", "zz", "not in the preview set", { only: J }),
  row("renderPreview", "job", "jogg:product_video:V1", "not a preview set", { only: J }),
  row("renderPreview", "webhookUrl", "https://hooks.shop.test/video", "no webhook on this call", { only: J }),
  row("render", "template", "tpl", "a template name, not a listTemplates id", { only: J }),
  // Without its product the render is an avatar video (it names an avatar): voice and script missing.
  row("render", "product", undefined, "no product: an avatar video without a voice", {
    only: J,
    path: "voice",
  }),
  row("render", "variables", { a: 1 }, "variables without a template", { only: J }),
  row("render", "providerOptions.jogg.screen_style", 2, "an avatar-video option on a product video", {
    only: J,
  }),
  row("generateScripts", "request.scriptStyles", ["Storytime", "Data"], "two styles in one call", {
    only: J,
  }),
  row("generateScripts", "request.scriptStyles", ["Epic"], "unknown script style", { only: J }),
  row("generateScripts", "request.durationSeconds", 45, "not 15/30/60", { only: J }),
  row("generateScripts", "request.language", "xx", "a language JoggAI does not support", { only: J }),
  row(
    "generateScripts",
    "request.product",
    "jogg:open_product:1?prj=a",
    "the other API generation's product",
    {
      only: J,
    },
  ),
  row("generateScripts", "request.providerOptions.jogg", { music_id: 1 }, "no script options", { only: J }),
  row("render", "avatar", undefined, "avatar missing", { only: J }),
  row("render", "durationSeconds", 45, "not 15/30/60", { only: J }),
  row("getStatus", "ref", "jogg:product:P1", "not a job", { only: J }),
  row("listJobs", "ids", ["a"], "no id filter", { only: J }),
  row("listJobs", "cursor", "abc", "not a page number", { only: J }),

  // JoggAI open
  row("createProduct", "title", "Aurora", "product data with a URL", { only: O }),
  row(
    "createProduct",
    "",
    { title: "Aurora", imageUrls: ["https://cdn.shop.test/1.jpg"] },
    "data without a URL",
    {
      only: O,
      path: "url",
    },
  ),
  row("updateProduct", "product", "jogg:product:P1", "the v2 generation's product", { only: O }),
  row("render", "durationSeconds", 30, "no length setting", { only: O }),
  row("render", "voice", "v1", "no voice", { only: O }),
  row("render", "script", "Hello", "no script override", { only: O }),
  row("render", "webhookUrl", "https://hooks.shop.test/video", "no per-request webhook", { only: O }),
  row("render", "name", "Aurora", "no video name", { only: O }),
  row("render", "providerOptions.jogg.music_id", 1, "a v2 option", { only: O }),
  row("render", "product", "jogg:open_product:3924", "a product without its project", { only: O }),
  row("render", "avatar", undefined, "avatar missing", { only: O }),
  row("render", "scriptStyle", "Bogus", "unknown script style", { only: O }),
  row("getStatus", "ref", "jogg:product_video:V1", "a v2 job", { only: O }),

  // Hour One (drafts)
  row("createProductFromUrl", "title", undefined, "a URL without product data", { only: D, path: "url" }),
  row("render", "template", undefined, "no draft or recipe", { only: D }),
  row("render", "variables", { a: 1 }, "no template variables", { only: D }),
  row("render", "providerOptions.drafts", { recipeId: "r1", sourceDraftId: "d1" }, "two sources", {
    only: D,
    path: "providerOptions.drafts.recipeId",
  }),
  row("render", "providerOptions.drafts.sourceDraftId", "draft-2", "a template naming another draft", {
    only: D,
    path: "template",
  }),
  row("render", "providerOptions.drafts.correlationId", long(101), "correlation id over 100", { only: D }),
  row("render", "providerOptions.drafts.scenes", [], "no scenes", { only: D }),
  row("render", "providerOptions.drafts.scenes", [{}], "a scene without a name", {
    only: D,
    path: "providerOptions.drafts.scenes[0].name",
  }),
  row(
    "render",
    "providerOptions.drafts.scenes",
    [{ name: "Intro", transcript: long(1001) }],
    "transcript over 1000",
    {
      only: D,
      path: "providerOptions.drafts.scenes[0].transcript",
    },
  ),
  row("render", "providerOptions.drafts.scenes", [{ name: "Intro", media: [url(2084)] }], "URL over 2083", {
    only: D,
    path: "providerOptions.drafts.scenes[0].media[0]",
  }),
  row("render", "providerOptions.drafts.metadata", { campaign: { id: 1 } }, "a nested metadata value", {
    only: D,
    path: "providerOptions.drafts.metadata.campaign",
  }),
  row("render", "providerOptions.drafts.logoUrl", "logo.png", "not a URL", { only: D }),
  row("render", "providerOptions.drafts.bogus", 1, "unknown option", {
    only: D,
    path: "providerOptions.drafts",
    mention: '"bogus"',
  }),
  row("render", "product", "creatify:product:1", "another vendor's product ref", { only: D }),
  row("render", "product", "drafts:product:p404", "a product this client did not make", { only: D }),
  row("render", "product.imageUrls", [url(2084)], "a product image URL over 2083", {
    only: D,
    path: "product.imageUrls[0]",
  }),
  row("getStatus", "ref", "drafts:product:p1", "not a video", { only: D }),
  row("listJobs", "cursor", "-1", "not an offset", { only: D }),
]

/** Adapter settings: each wrong one is `InvalidInput` naming the setting when the adapter is configured. */
export const settingsCases: ReadonlyArray<{
  readonly only?: ReadonlyArray<TargetId>
  readonly set: string
  readonly value: unknown
  readonly path?: string
  readonly mention?: string
}> = [
  { set: "apiKey", value: "" },
  { set: "apiKey", value: 42 },
  { set: "webhookSecret", value: "" },
  { set: "baseUrl", value: "ftp://api.vendor.test" },
  { set: "baseUrl", value: "not a url" },
  { set: "baseUrl", value: "http://api.vendor.test", mention: "loopback" },
  { set: "timeout", value: "banana" },
  { set: "timeout", value: -1 },
  { set: "retry.maxRetries", value: 11 },
  { set: "retry.baseDelay", value: "soon" },
  { set: "headers.x-trace", value: 1 },
  { set: "fetch", value: "fetch" },
  { set: "observer", value: 1 },
  { set: "colour", value: "red", path: "", mention: '"colour"' },
  { only: C, set: "apiId", value: "" },
  { only: ["jogg", "jogg-open"], set: "apiVersion", value: "v3" },
  { only: ["jogg", "jogg-open"], set: "postsPerMinute", value: 0 },
  { only: ["jogg", "jogg-open"], set: "webhookToleranceSeconds", value: -1 },
  { only: D, set: "workspaceId", value: "" },
  { only: D, set: "teamId", value: long(201) },
]
