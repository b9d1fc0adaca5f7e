import * as z from "zod/mini"
import { DOT_SEGMENT_MESSAGE, isDotSegment } from "../internal/pathSegments.js"
import { isRefShaped, JobRef } from "../JobRef.js"
import { IDEMPOTENCY_KEY } from "../SubmissionRef.js"
import { AspectRatios } from "./AspectRatio.js"

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))
/** A vendor id: adapters put ids in request paths, where "." or ".." would change the endpoint. */
const vendorId = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !isDotSegment(s), DOT_SEGMENT_MESSAGE),
  )
const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname })
const languageTag = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'an ISO 639-1 code such as "en" or "pt-BR"'))

/**
 * The submission key of a paid call: 1-64 characters of `A-Z a-z 0-9 _ -`, starting with a
 * letter or digit. Absent, vidbridge makes one. It goes to the vendor in a field the vendor echoes
 * in its reads (so the job can be found after a lost answer) and comes back on the result's
 * `submission`. Reusing a key for a different request makes both ambiguous; never do.
 */
const idempotencyKey = z.optional(
  z
    .string()
    .check(
      z.regex(IDEMPOTENCY_KEY, "must be 1-64 characters of A-Z a-z 0-9 _ -, starting with a letter or digit"),
    ),
)

/** Vendor-only fields, keyed by provider id: `{ creatify: { no_cta: true } }`. */
export const ProviderOptionsSchema = z.record(z.string(), z.record(z.string(), z.unknown()))

/** A product the vendor should make a video about: a page URL, or your own data. */
export const ProductInputSchema = z
  .strictObject({
    url: z.optional(httpUrl),
    title: z.optional(text(1000)),
    description: z.optional(z.string().check(z.maxLength(10_000))),
    imageUrls: z.optional(z.array(httpUrl).check(z.maxLength(50))),
    videoUrls: z.optional(z.array(httpUrl).check(z.maxLength(20))),
    logoUrl: z.optional(httpUrl),
    targetAudience: z.optional(text(500)),
    reviews: z.optional(z.string().check(z.maxLength(10_000))),
    providerOptions: z.optional(ProviderOptionsSchema),
    idempotencyKey,
  })
  .check(
    z.refine((p) => p.url !== undefined || p.title !== undefined, {
      message: "give either url (a product page) or title (with your own product data)",
      path: ["url"],
    }),
  )

/** Input to `createProduct`: `{ url }` to scrape a page, or `{ title, imageUrls, ... }`. */
export type ProductInput = z.infer<typeof ProductInputSchema>

/** Fields to change on a product; absent fields are kept. */
export const ProductUpdateSchema = z.strictObject({
  title: z.optional(text(1000)),
  description: z.optional(z.string().check(z.maxLength(10_000))),
  imageUrls: z.optional(z.array(httpUrl).check(z.maxLength(50))),
  videoUrls: z.optional(z.array(httpUrl).check(z.maxLength(20))),
  logoUrl: z.optional(httpUrl),
  targetAudience: z.optional(text(500)),
  providerOptions: z.optional(ProviderOptionsSchema),
})

/** Input to `updateProduct`. */
export type ProductUpdate = z.infer<typeof ProductUpdateSchema>

/** A product: the `ref` string from `createProduct`, or the `Product` object itself. */
export const ProductRefSchema = z.union([
  vendorId(2000).check(
    z.refine(
      (s) => !isRefShaped(s) || JobRef.isValid(s),
      'is shaped like a ref ("provider:kind:id") but is not a valid one',
    ),
  ),
  z.custom<{ readonly ref: string; readonly id: string; readonly provider: string }>(
    (v) =>
      typeof v === "object" &&
      v !== null &&
      typeof (v as { ref?: unknown }).ref === "string" &&
      typeof (v as { id?: unknown }).id === "string" &&
      (v as { id: string }).id !== "" &&
      !isDotSegment((v as { id: string }).id) &&
      typeof (v as { provider?: unknown }).provider === "string",
    "must be a product ref string or the Product from createProduct",
  ),
])

const renderFields = {
  aspectRatio: z.optional(z.enum(AspectRatios)),
  language: z.optional(languageTag),
  durationSeconds: z.optional(z.number().check(z.int(), z.positive(), z.lte(600))),
  avatar: z.optional(vendorId(200)),
  voice: z.optional(vendorId(200)),
  subtitles: z.optional(z.boolean()),
  visualStyle: z.optional(text(200)),
  scriptStyle: z.optional(text(200)),
  script: z.optional(text(20_000)),
  webhookUrl: z.optional(httpUrl),
  name: z.optional(text(255)),
  providerOptions: z.optional(ProviderOptionsSchema),
  idempotencyKey,
}

/**
 * Options for generating previews: of a product (the URL flow), or of a vendor template with
 * its `variables` (Creatify custom templates), where the vendor previews templates.
 */
export const PreviewRequestSchema = z
  .strictObject({
    ...renderFields,
    product: z.optional(ProductRefSchema),
    /** A vendor template to preview instead of a product (Creatify custom template). */
    template: z.optional(vendorId(200)),
    /** Values for the template's variables. */
    variables: z.optional(z.record(z.string(), z.unknown())),
    visualStyles: z.optional(z.array(text(200)).check(z.minLength(1), z.maxLength(20))),
    aspectRatios: z.optional(z.array(z.enum(AspectRatios)).check(z.minLength(1), z.maxLength(3))),
    targetPlatform: z.optional(text(200)),
    targetAudience: z.optional(text(500)),
  })
  .check(
    z.refine((r) => r.product !== undefined || r.template !== undefined, {
      path: ["product"],
      message: "give product (previews of a product) or template (a preview of a vendor template)",
    }),
  )

/** Input to `generatePreviews`. */
export type PreviewRequest = z.infer<typeof PreviewRequestSchema>

// An avatar video's own fields: never with a product or template (which would ignore them),
// nor with the field each replaces.
const notWith = (
  field: "imageUrl" | "audioUrl",
  others: ReadonlyArray<keyof RenderFields>,
  message: string,
) =>
  z.refine<RenderFields>((r) => r[field] === undefined || others.every((o) => r[o] === undefined), {
    path: [field],
    message,
  })
const avatarOnly = "is for an avatar video: not with product or template"

const RenderObject = z.strictObject({
  ...renderFields,
  product: z.optional(ProductRefSchema),
  /** A vendor template id: Creatify custom template, Hour One draft or recipe, JoggAI template name. */
  template: z.optional(vendorId(200)),
  /** Values for the template's variables, where the vendor has them. */
  variables: z.optional(z.record(z.string(), z.unknown())),
  /** Avatar video: a photo of the presenter to animate (png, jpg, webp), instead of `avatar`. */
  imageUrl: z.optional(httpUrl),
  /** Avatar video: the speech as an audio file (mp3, wav), instead of `script`. */
  audioUrl: z.optional(httpUrl),
})
type RenderFields = z.output<typeof RenderObject>

/**
 * What to render: a product (URL flow), a vendor template, or both where the vendor allows; or,
 * with neither, an avatar video: a presenter (`avatar`, or `imageUrl`) saying `script` in `voice`,
 * or the recording at `audioUrl` (see `avatarVideoInput`).
 */
export const RenderRequestSchema = RenderObject.check(
  notWith("imageUrl", ["product", "template"], avatarOnly),
  notWith("audioUrl", ["product", "template"], avatarOnly),
  notWith("imageUrl", ["avatar"], "give avatar or imageUrl, not both"),
  notWith("audioUrl", ["script"], "give script or audioUrl, not both"),
)

/** Input to `render`. */
export type RenderRequest = z.infer<typeof RenderRequestSchema>

/** Input to `renderPreview`: the preview job and the chosen preview's id. */
export const RenderPreviewRequestSchema = z.strictObject({
  job: text(2000),
  previewId: vendorId(200),
  webhookUrl: z.optional(httpUrl),
  name: z.optional(text(255)),
  providerOptions: z.optional(ProviderOptionsSchema),
  idempotencyKey,
})

/** Input to `renderPreview`; `job` is the preview job's ref. */
export type RenderPreviewRequest = z.infer<typeof RenderPreviewRequestSchema>

/** Input to `generateScripts`. */
export const ScriptRequestSchema = z.strictObject({
  product: ProductRefSchema,
  language: z.optional(languageTag),
  durationSeconds: z.optional(z.number().check(z.int(), z.positive(), z.lte(600))),
  scriptStyles: z.optional(z.array(text(200)).check(z.minLength(1), z.maxLength(10))),
  targetAudience: z.optional(text(500)),
  providerOptions: z.optional(ProviderOptionsSchema),
  idempotencyKey,
})

/** Input to `generateScripts`. */
export type ScriptRequest = z.infer<typeof ScriptRequestSchema>

/** Input to `listJobs`. */
export const ListJobsQuerySchema = z.strictObject({
  limit: z.optional(z.number().check(z.int(), z.positive(), z.lte(100))),
  cursor: z.optional(text(2000)),
  ids: z.optional(z.array(vendorId(200)).check(z.maxLength(100))),
  providerOptions: z.optional(ProviderOptionsSchema),
})

/** Input to `listJobs`. */
export type ListJobsQuery = z.infer<typeof ListJobsQuerySchema>
