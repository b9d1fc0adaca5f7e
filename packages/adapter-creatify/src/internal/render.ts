import { JobRef, type ProductRefLike, type RenderRequest, type VideoError } from "@vidbridge/core"
import { parseProviderOptions, rejectIssues } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../CreatifyClient.js"
import { Kind, linkToVideoJob, PROVIDER_ID, renderJob } from "./mapping.js"
import { LinkVideoOptions, TemplateOptions } from "./options.js"
import { checkVideoFields, directRenderBody, productId } from "./request.js"

const TEMPLATE_FIXED = [
  "aspectRatio",
  "language",
  "durationSeconds",
  "avatar",
  "voice",
  "subtitles",
  "visualStyle",
  "scriptStyle",
  "script",
] as const

/** `render` of a custom template (`POST /api/custom_template_jobs/{id}/render/`) and of a product (`POST /api/link_to_videos/`). */
export const makeRenderers = (
  client: CreatifyClientShape,
  callbackUrl: (url: string | undefined, operation: string) => Effect.Effect<string | undefined, VideoError>,
) => {
  const renderTemplate = Effect.fnUntraced(function* (request: RenderRequest, template: string) {
    const options = yield* parseProviderOptions(TemplateOptions, request.providerOptions, {
      provider: PROVIDER_ID,
      operation: "render",
    })
    yield* rejectIssues({ provider: PROVIDER_ID, operation: "render" }, [
      request.product === undefined
        ? undefined
        : { path: "product", message: "Creatify custom templates take variables, not a product" },
      ...TEMPLATE_FIXED.filter((key) => request[key] !== undefined).map((key) => ({
        path: key,
        message: "is fixed by the Creatify custom template; pass template values in variables",
      })),
    ])
    const webhook = yield* callbackUrl(request.webhookUrl, "render")
    const body = yield* client.renderCustomTemplate(options.job_id ?? template, {
      template_id: template,
      variables: request.variables ?? {},
      ...(request.name === undefined ? {} : { name: request.name }),
      ...(webhook === undefined ? {} : { webhook_url: webhook }),
      ...(options.model_version === undefined ? {} : { model_version: options.model_version }),
      ...(options.is_hidden === undefined ? {} : { is_hidden: options.is_hidden }),
    })
    return renderJob(body, Kind.customTemplateJob)
  })

  const renderProduct = Effect.fnUntraced(function* (request: RenderRequest, product: ProductRefLike) {
    const options = yield* parseProviderOptions(LinkVideoOptions, request.providerOptions, {
      provider: PROVIDER_ID,
      operation: "render",
    })
    yield* checkVideoFields(request, options, "render")
    yield* rejectIssues({ provider: PROVIDER_ID, operation: "render" }, [
      request.variables === undefined
        ? undefined
        : { path: "variables", message: "are for custom templates; give template too" },
    ])
    const link = yield* productId(product, "render")
    const webhook = yield* callbackUrl(request.webhookUrl, "render")
    const body = yield* client.createLinkToVideo(directRenderBody(request, options, link, webhook))
    return linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, { stage: "render" }))
  })
  return { renderTemplate, renderProduct }
}
