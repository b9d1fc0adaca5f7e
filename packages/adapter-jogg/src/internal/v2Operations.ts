import {
  type InputIssue,
  JobRef,
  type Product,
  type VideoJob,
  type VideoProviderShape,
} from "@vidbridge/core"
import { invalidInput, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { JoggClientShape } from "../JoggClient.js"
import { Kinds, previewIdsOf, previewSetJob, submittedPreviewJob, v2Product, v2VideoJob } from "./jobs.js"
import { productIssues, resolveProduct, v2Media } from "./products.js"
import { checked, type JoggOptions, joggOptions, v2VideoBody } from "./requests.js"
import { requireId, str } from "./shared.js"
import type { RenderResult } from "./wire.js"

type Ops = Pick<
  VideoProviderShape,
  | "createProduct"
  | "updateProduct"
  | "generatePreviews"
  | "renderPreview"
  | "render"
  | "getStatus"
  | "listJobs"
>

const openOnly = (options: JoggOptions, issues: Array<InputIssue>) => {
  for (const key of ["template_name", "template_type", "index_template_name"] as const) {
    if (options[key] !== undefined) {
      issues.push({ path: `providerOptions.jogg.${key}`, message: 'is for apiVersion "open" only' })
    }
  }
}

const accepted = (id: string, result: RenderResult): VideoJob => {
  const job = v2VideoJob(id, { status: result.status }, result)
  return result.status ? job : { ...job, status: "queued", vendorStatus: "submitted" }
}

/** The neutral operations over JoggAI's v2 API. */
export const v2Operations = (client: JoggClientShape): Ops => {
  const api = client.v2
  return {
    createProduct: Effect.fn("JoggProvider.createProduct")(function* (input) {
      yield* checked("createProduct", productIssues(input))
      const media = v2Media(input)
      const info = yield* api.createProduct(
        {
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.title !== undefined ? { name: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.targetAudience !== undefined ? { target_audience: input.targetAudience } : {}),
          ...(media !== undefined ? { media } : {}),
        },
        { operation: "createProduct" },
      )
      const id = yield* requireId(
        str(info.product_id) ?? str(info.id),
        "createProduct",
        "data.product_id",
        info,
      )
      return v2Product(id, { url: input.url, ...info }, info)
    }),

    updateProduct: Effect.fn("JoggProvider.updateProduct")(function* (product, patch) {
      const resolved = yield* resolveProduct(product, "v2", "updateProduct")
      yield* checked("updateProduct", productIssues(patch))
      const id = resolved.id ?? ""
      const media = v2Media(patch)
      const body = {
        product_id: id,
        ...(patch.title !== undefined ? { name: patch.title } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.targetAudience !== undefined ? { target_audience: patch.targetAudience } : {}),
        ...(media !== undefined ? { media } : {}),
      }
      const ref = JobRef.format(JobRef.make("jogg", Kinds.product, id))
      yield* api.updateProduct(body, { operation: "updateProduct", ref })
      const known = resolved.known as Partial<Product> | undefined
      const fresh = v2Product(id, {}, body)
      return {
        ...fresh,
        url: known?.url,
        title: patch.title ?? known?.title,
        description: patch.description ?? known?.description,
        targetAudience: patch.targetAudience ?? known?.targetAudience,
        imageUrls: patch.imageUrls ?? known?.imageUrls ?? [],
        videoUrls: patch.videoUrls ?? known?.videoUrls ?? [],
        logoUrl: patch.logoUrl ?? known?.logoUrl,
      }
    }),

    generatePreviews: Effect.fn("JoggProvider.generatePreviews")(function* (request) {
      const resolved = yield* resolveProduct(request.product, "v2", "generatePreviews")
      const options = yield* joggOptions(request.providerOptions, "generatePreviews")
      const issues: Array<InputIssue> = []
      issues.push(
        ...unsupportedFields(request, {
          targetPlatform: "JoggAI previews have no target platform",
          targetAudience: "JoggAI keeps the audience on the product; set it with updateProduct",
        }),
      )
      openOnly(options, issues)
      const styles = [
        ...new Set([...(request.visualStyles ?? []), ...(request.visualStyle ? [request.visualStyle] : [])]),
      ]
      if (styles.length === 0) {
        issues.push({
          path: "visualStyles",
          message:
            'is required: JoggAI visual style names (GET /v2/visual_styles), e.g. ["Simple Product Switch"]',
        })
      }
      if ((request.aspectRatios?.length ?? 0) > 1) {
        issues.push({
          path: "aspectRatios",
          message: "JoggAI makes one aspect ratio per preview set; give one",
        })
      }
      const productId = resolved.id ?? ""
      const body = v2VideoBody(productId, request, options, issues)
      yield* checked("generatePreviews", issues)
      const result = yield* api.previewList(
        { ...body, visual_styles: styles },
        { operation: "generatePreviews" },
      )
      return submittedPreviewJob(productId, result, result)
    }),

    renderPreview: Effect.fn("JoggProvider.renderPreview")(function* (request) {
      const ref = JobRef.parse(request.job)
      yield* joggOptions(request.providerOptions, "renderPreview")
      const issues: Array<InputIssue> = []
      if (ref.kind !== Kinds.previewSet) {
        issues.push({ path: "job", message: `is a ${ref.kind} ref; pass the ref generatePreviews returned` })
      }
      const ids = previewIdsOf(ref)
      if (ids.length > 0 && !ids.includes(request.previewId)) {
        issues.push({
          path: "previewId",
          message: `must be one of this preview set's ids: ${ids.join(", ")}`,
        })
      }
      issues.push(
        ...unsupportedFields(request, {
          webhookUrl: "render_single_preview takes no webhook_url; set webhookUrl on generatePreviews",
        }),
      )
      yield* checked("renderPreview", issues)
      const result = yield* api.renderSinglePreview(request.previewId, {
        operation: "renderPreview",
        ref: request.job,
      })
      const id = yield* requireId(
        str(result.video_id) ?? str(result.product_video_id),
        "renderPreview",
        "data.video_id",
        result,
        request.job,
      )
      return accepted(id, result)
    }),

    render: Effect.fn("JoggProvider.render")(function* (request) {
      const options = yield* joggOptions(request.providerOptions, "render")
      const issues: Array<InputIssue> = []
      issues.push(
        ...unsupportedFields(request, {
          template: 'v2 renders products with visual styles; use visualStyle (templates: apiVersion "open")',
          variables: "JoggAI renders take no template variables",
        }),
      )
      openOnly(options, issues)
      if (request.product === undefined) {
        issues.push({
          path: "product",
          message: "is required: JoggAI v2 renders a product (createProduct first)",
        })
        return yield* Effect.fail(invalidInput("jogg", "render", issues))
      }
      const resolved = yield* resolveProduct(request.product, "v2", "render")
      const body = v2VideoBody(resolved.id ?? "", request, options, issues)
      yield* checked("render", issues)
      const result = yield* api.createVideo(
        { ...body, ...(request.visualStyle !== undefined ? { visual_style: request.visualStyle } : {}) },
        { operation: "render" },
      )
      const id = yield* requireId(
        str(result.video_id) ?? str(result.product_video_id),
        "render",
        "data.video_id",
        result,
      )
      return accepted(id, result)
    }),

    getStatus: Effect.fnUntraced(function* (ref) {
      const text = JobRef.format(ref)
      if (ref.kind === Kinds.productVideo) {
        const video = yield* api.productVideo(ref.id, { operation: "getStatus", ref: text })
        return v2VideoJob(ref.id, video)
      }
      if (ref.kind === Kinds.previewSet) {
        if (previewIdsOf(ref).length === 0) return previewSetJob(ref, {}, null)
        const list = yield* api.productPreviews(
          { page: 1, page_size: 100 },
          { operation: "getStatus", ref: text },
        )
        return previewSetJob(ref, list, list)
      }
      return yield* Effect.fail(
        invalidInput("jogg", "getStatus", [
          {
            path: "ref",
            message: `is a ${ref.kind} ref; JoggAI v2 reads ${Kinds.productVideo} and ${Kinds.previewSet} refs`,
          },
        ]),
      )
    }),

    listJobs: Effect.fnUntraced(function* (query) {
      const issues: Array<InputIssue> = []
      issues.push(
        ...unsupportedFields(query, { ids: "JoggAI lists have no id filter; call getStatus per ref" }),
      )
      if (query.providerOptions?.jogg !== undefined) {
        issues.push({ path: "providerOptions.jogg", message: "listJobs takes no JoggAI options" })
      }
      if (query.cursor !== undefined && !/^[1-9]\d*$/.test(query.cursor)) {
        issues.push({ path: "cursor", message: "must be a page number, as nextCursor returned it" })
      }
      yield* checked("listJobs", issues)
      const page = Number(query.cursor ?? "1")
      const pageSize = query.limit ?? 10
      const list = yield* api.productVideos({ page, page_size: pageSize }, { operation: "listJobs" })
      const videos = list.videos ?? []
      const jobs = videos.flatMap((video) => {
        const id = str(video.id)
        return id === undefined ? [] : [v2VideoJob(id, video)]
      })
      const more = typeof list.total === "number" ? page * pageSize < list.total : videos.length === pageSize
      return more ? { jobs, nextCursor: String(page + 1) } : { jobs }
    }),
  }
}
