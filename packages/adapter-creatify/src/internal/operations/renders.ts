import {
  JobRef,
  type PreviewRequest,
  type RenderPreviewRequest,
  type RenderRequest,
  type SubmissionContext,
  type VideoError,
  type VideoJob,
} from "@vidbridge/core"
import { avatarVideoInput, invalidInput } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../../CreatifyClient.js"
import type { CreatifySettings } from "../../settings.js"
import { avatarJob, Kind, linkToVideoJob, PROVIDER_ID, templateJob } from "../mapping.js"
import { avatarVideoRequest } from "../requests/avatars.js"
import { templateBody, templateRenderBody } from "../requests/templates.js"
import { directRenderBody, previewsBody, renderPreviewTarget } from "../requests/videos.js"
import { announce } from "../submissions.js"

// The paid video operations: previews (of a product or a custom template), rendering the chosen
// preview, and direct renders (a product, a custom template, an avatar video). Each checks and
// builds its request (requests/), announces it with the hints its lookup needs (submissions.ts),
// makes the one paid call and maps the answer (mapping.ts). The submission key travels in the
// job's name everywhere Creatify has one.

type Render = (request: RenderRequest, submission?: SubmissionContext) => Effect.Effect<VideoJob, VideoError>

/** `generatePreviews`, `renderPreview` and `render` over `client`. */
export const makeRenderOperations = (client: CreatifyClientShape, settings: CreatifySettings) => {
  const generatePreviews = Effect.fn("CreatifyProvider.generatePreviews")(function* (
    request: PreviewRequest,
    submission?: SubmissionContext,
  ) {
    if (request.template !== undefined || request.product === undefined) {
      const sent = yield* templateBody(
        request,
        request.template ?? "",
        settings,
        submission?.key,
        "generatePreviews",
      )
      yield* announce(submission, { kind: "tpl" })
      return templateJob(yield* client.previewCustomTemplateJob(sent))
    }
    const sent = yield* previewsBody(request, request.product, settings, submission?.key)
    yield* announce(submission)
    const body = yield* client.createPreviews(sent)
    return linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id))
  })

  // render_single_preview takes only `media_job`; a template job's render takes its whole body
  // again (its name carries the key). Both are found again by reading the job (submissions.ts).
  const renderPreview = Effect.fn("CreatifyProvider.renderPreview")(function* (
    request: RenderPreviewRequest,
    submission?: SubmissionContext,
  ) {
    const target = yield* renderPreviewTarget(request)
    if (target.kind === Kind.customTemplateJob) {
      const job = yield* client.getCustomTemplateJob(target.id, "renderPreview")
      const sent = yield* templateRenderBody(request, job, settings, submission?.key)
      yield* announce(submission, { job: target.id, kind: "tpl" })
      return templateJob(yield* client.renderCustomTemplateJob(target.id, sent), true)
    }
    yield* announce(submission, { job: target.id })
    const body = yield* client.renderSinglePreview(target.id, request.previewId)
    return linkToVideoJob(
      body,
      JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, { stage: "render" }),
      true,
    )
  })

  const renderTemplate = Effect.fnUntraced(function* (
    request: RenderRequest,
    template: string,
    submission: SubmissionContext | undefined,
  ) {
    const sent = yield* templateBody(request, template, settings, submission?.key, "render")
    yield* announce(submission, { kind: "tpl" })
    return templateJob(yield* client.createCustomTemplateJob(sent))
  })

  const renderProduct = Effect.fnUntraced(function* (
    request: RenderRequest,
    product: NonNullable<RenderRequest["product"]>,
    submission: SubmissionContext | undefined,
  ) {
    const sent = yield* directRenderBody(request, product, settings, submission?.key)
    yield* announce(submission)
    const body = yield* client.createLinkToVideo(sent)
    return linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, { stage: "render" }))
  })

  const renderAvatar = Effect.fnUntraced(function* (
    request: RenderRequest,
    input: NonNullable<ReturnType<typeof avatarVideoInput>>,
    submission: SubmissionContext | undefined,
  ) {
    const { endpoint, body } = yield* avatarVideoRequest(request, input, settings, submission?.key)
    yield* announce(submission, { kind: endpoint })
    return endpoint === "aurora"
      ? avatarJob(yield* client.createAurora(body), Kind.aurora)
      : avatarJob(yield* client.createLipsyncV2(body), Kind.lipsyncV2)
  })

  const render: Render = (request, submission) => {
    if (request.template !== undefined) return renderTemplate(request, request.template, submission)
    if (request.product !== undefined) return renderProduct(request, request.product, submission)
    const input = avatarVideoInput(request)
    return input !== undefined
      ? renderAvatar(request, input, submission)
      : Effect.fail(
          invalidInput(PROVIDER_ID, "render", [
            {
              path: "product",
              message:
                "give product (URL-to-video render), template (custom template), or an avatar video: avatar, voice and script (AI Avatar), or imageUrl and audioUrl (Aurora)",
            },
          ]),
        )
  }

  return { generatePreviews, renderPreview, render }
}
