import type { PreviewRequest, RenderPreviewRequest, RenderRequest } from "@vidbridge/core"
import { parseProviderOptions, rejectIssues, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { appCallbackUrl } from "../callbacks.js"
import { keyedName, previewReady, splitName, toStatus } from "../mapping.js"
import type { CustomTemplateJob } from "../wire.js"
import { type CallbackSettings, callbackUrl, context, modelVersion, nameIssue } from "./common.js"
import { defined } from "./products.js"

// Custom template jobs (vendors/creatify.md, B): one body (`template_id`, `variables`, `name`,
// `webhook_url`, `model_version`, `is_hidden`) for the direct render, the async preview and the
// render of a previewed job, which Creatify documents with the whole body again.

/** What a custom template fixes: giving it with `template` is `InvalidInput`. */
const TEMPLATE_FIXED = {
  aspectRatio: "is fixed by the Creatify custom template; pass template values in variables",
  language: "is fixed by the Creatify custom template; pass template values in variables",
  durationSeconds: "is fixed by the Creatify custom template; pass template values in variables",
  avatar: "is fixed by the Creatify custom template; pass template values in variables",
  voice: "is fixed by the Creatify custom template; pass template values in variables",
  subtitles: "is fixed by the Creatify custom template; pass template values in variables",
  visualStyle: "is fixed by the Creatify custom template; pass template values in variables",
  scriptStyle: "is fixed by the Creatify custom template; pass template values in variables",
  script: "is fixed by the Creatify custom template; pass template values in variables",
  product: "Creatify custom templates take variables, not a product",
  visualStyles: "a custom template has one preview; its styles are the template's",
  aspectRatios: "a custom template has one preview; its styles are the template's",
  targetPlatform: "is for previews of a product",
  targetAudience: "is for previews of a product",
} as const

/** `providerOptions.creatify` for custom template renders and previews. */
const TemplateOptions = z.strictObject({ model_version: modelVersion, is_hidden: z.optional(z.boolean()) })

/** ... and for rendering a previewed job: the template of a job vidbridge did not make. */
const RenderOptions = z.strictObject({
  ...TemplateOptions.shape,
  template_id: z.optional(z.string().check(z.regex(/^[\w-]{1,64}$/))),
})

/** Creatify's template ids are UUIDs; a preview job keeps its template in its name (mapping.ts). */
const TEMPLATE_ID = /^[\w-]{1,64}$/

/**
 * The body of `POST /api/custom_template_jobs/` (`render`) or `.../preview_async/`
 * (`generatePreviews`). A preview job's name also keeps the template, for `renderPreview`.
 */
export const templateBody = Effect.fnUntraced(function* (
  request: RenderRequest | PreviewRequest,
  template: string,
  settings: CallbackSettings,
  key: string | undefined,
  operation: "render" | "generatePreviews",
) {
  const options = yield* parseProviderOptions(TemplateOptions, request.providerOptions, context(operation))
  const preview = operation === "generatePreviews"
  yield* rejectIssues(context(operation), [
    ...unsupportedFields(request, TEMPLATE_FIXED),
    preview && !TEMPLATE_ID.test(template)
      ? { path: "template", message: "must be a Creatify template id (1-64 of A-Z a-z 0-9 _ -, a UUID)" }
      : undefined,
    nameIssue(request.name, key, preview ? template : undefined),
  ])
  const webhook = yield* callbackUrl(request.webhookUrl, settings, operation, "tpl")
  return defined({
    template_id: template,
    variables: request.variables ?? {},
    name: keyedName(request.name, key, preview ? template : undefined),
    webhook_url: webhook,
    model_version: options.model_version,
    is_hidden: options.is_hidden,
  })
})

const MODELS: ReadonlyArray<string> = ["standard", "aurora_v1", "aurora_v1_fast"]

/**
 * The body of `POST /api/custom_template_jobs/{id}/render/` for `job` (just read): its preview must
 * be ready (a status this adapter does not know is left to Creatify) and `previewId` the job's id. Creatify documents the whole body again: the
 * template (kept in the job's name by `generatePreviews`, or `providerOptions.creatify.template_id`),
 * the job's `variables` and model, its name and callback URL (a new token), unless the request
 * gives others.
 */
export const templateRenderBody = Effect.fnUntraced(function* (
  request: RenderPreviewRequest,
  job: CustomTemplateJob,
  settings: CallbackSettings,
  key: string | undefined,
) {
  const options = yield* parseProviderOptions(
    RenderOptions,
    request.providerOptions,
    context("renderPreview"),
  )
  const split = splitName(job.name)
  const template = options.template_id ?? split.template
  const name = request.name ?? split.name
  yield* rejectIssues(context("renderPreview"), [
    // A status this adapter does not know: Creatify decides.
    previewReady(job) || toStatus(job.status) === "unknown"
      ? undefined
      : { path: "job", message: `has no preview waiting to be rendered (Creatify status ${job.status})` },
    request.previewId === job.id
      ? undefined
      : { path: "previewId", message: `a custom template job has one preview, ${job.id} (previews[0].id)` },
    template === undefined
      ? {
          path: "providerOptions.creatify.template_id",
          message: "is required: this job was not made by generatePreviews, so its template is not known",
        }
      : undefined,
    nameIssue(name, key),
  ])
  // The job's callback URL comes back with its token masked: signed again, or sent as it was.
  const again = job.webhook_url ? appCallbackUrl(job.webhook_url) : undefined
  const resign = request.webhookUrl ?? (again?.signed && settings.webhookSecret ? again.url : undefined)
  const webhook =
    resign !== undefined
      ? yield* callbackUrl(resign, settings, "renderPreview", "tpl")
      : again?.signed
        ? undefined
        : again?.url
  return defined({
    template_id: template,
    variables: job.variables ?? {},
    name: keyedName(name, key),
    webhook_url: webhook,
    model_version:
      options.model_version ?? (MODELS.includes(job.model_version ?? "") ? job.model_version : undefined),
    is_hidden: options.is_hidden,
  })
})
