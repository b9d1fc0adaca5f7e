import { type InputIssue, JobRef, type Product, type VideoProviderShape } from "@vidbridge/core"
import { invalidInput, unsupported, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { JoggClientShape } from "../JoggClient.js"
import type { OpenMedia } from "../JoggOpenClient.js"
import { Kinds, openProduct, openProjectJob, openSubmittedJob } from "./jobs.js"
import { productIssues, resolveProduct, v2Media } from "./products.js"
import { checked, joggOptions, openRenderBody } from "./requests.js"

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

const v2Only = (operation: "generatePreviews" | "renderPreview" | "listJobs") => () =>
  Effect.fail(unsupported("jogg", operation, 'the open API has no previews or job list; use apiVersion "v2"'))

/** The neutral operations over JoggAI's older `open` API (the seed's flow). */
export const openOperations = (client: JoggClientShape): Ops => {
  const api = client.open
  return {
    createProduct: Effect.fn("JoggProvider.createProduct")(function* (input) {
      const issues = productIssues(input)
      if (input.url === undefined) {
        issues.push({
          path: "url",
          message:
            'is required: the open API creates products from a page URL only (apiVersion "v2" takes your own data)',
        })
      }
      issues.push(
        ...unsupportedFields(
          input,
          Object.fromEntries(
            ["title", "description", "imageUrls", "videoUrls", "logoUrl", "targetAudience"].map((field) => [
              field,
              "the open API creates products from a URL only; set it afterwards with updateProduct",
            ]),
          ),
        ),
      )
      yield* checked("createProduct", issues)
      const url = input.url ?? ""
      const data = yield* api.createProduct(url, { operation: "createProduct" })
      return openProduct(data, url, data)
    }),

    updateProduct: Effect.fn("JoggProvider.updateProduct")(function* (product, patch) {
      const resolved = yield* resolveProduct(product, "open", "updateProduct")
      const issues = productIssues(patch)
      if (resolved.id === undefined) {
        issues.push({ path: "product", message: "needs the product id; pass the ref createProduct returned" })
      }
      yield* checked("updateProduct", issues)
      const id = resolved.id ?? ""
      const media = v2Media(patch) as ReadonlyArray<OpenMedia> | undefined
      const ref = JobRef.make("jogg", Kinds.openProduct, id, { prj: resolved.prj })
      const body = {
        product_id: /^\d+$/.test(id) ? Number(id) : id,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.description !== undefined ? { intro_text: patch.description } : {}),
        ...(patch.targetAudience !== undefined ? { target_audience: patch.targetAudience } : {}),
        ...(media !== undefined ? { intro_medias: media } : {}),
      }
      yield* api.updateProduct(body, { operation: "updateProduct", ref: JobRef.format(ref) })
      const known = resolved.known as Partial<Product> | undefined
      return {
        ref: JobRef.format(ref),
        provider: "jogg",
        id,
        url: known?.url,
        title: patch.title ?? known?.title,
        description: patch.description ?? known?.description,
        targetAudience: patch.targetAudience ?? known?.targetAudience,
        imageUrls: patch.imageUrls ?? known?.imageUrls ?? [],
        videoUrls: patch.videoUrls ?? known?.videoUrls ?? [],
        logoUrl: patch.logoUrl ?? known?.logoUrl,
        raw: body,
      }
    }),

    generatePreviews: v2Only("generatePreviews"),
    renderPreview: v2Only("renderPreview"),
    listJobs: v2Only("listJobs"),

    render: Effect.fn("JoggProvider.render")(function* (request) {
      const options = yield* joggOptions(request.providerOptions, "render")
      const issues: Array<InputIssue> = []
      for (const key of ["avatar_type", "music_id"] as const) {
        if (options[key] !== undefined) {
          issues.push({ path: `providerOptions.jogg.${key}`, message: 'is for apiVersion "v2" only' })
        }
      }
      if (request.product === undefined) {
        issues.push({ path: "product", message: "is required: the open API renders a product's project" })
        return yield* Effect.fail(invalidInput("jogg", "render", issues))
      }
      const resolved = yield* resolveProduct(request.product, "open", "render")
      if (resolved.prj === undefined) {
        issues.push({
          path: "product",
          message: "needs the project id (prj_id); pass the ref createProduct returned",
        })
      }
      const projectId = resolved.prj ?? ""
      const body = openRenderBody(projectId, request, options, issues)
      yield* checked("render", issues)
      const ref = JobRef.make("jogg", Kinds.openProject, projectId, { product: resolved.id })
      // The project is the job: every error names it, so a lost answer can still be followed up.
      yield* api.render(body, { operation: "render", ref: JobRef.format(ref) })
      return openSubmittedJob(ref, body)
    }),

    getStatus: Effect.fnUntraced(function* (ref) {
      const projectId =
        ref.kind === Kinds.openProject ? ref.id : ref.kind === Kinds.openProduct ? ref.params?.prj : undefined
      if (projectId === undefined) {
        return yield* Effect.fail(
          invalidInput("jogg", "getStatus", [
            {
              path: "ref",
              message: `is a ${ref.kind} ref; the open API reads ${Kinds.openProject} refs (apiVersion "open")`,
            },
          ]),
        )
      }
      const jobRef =
        ref.kind === Kinds.openProject
          ? ref
          : JobRef.make("jogg", Kinds.openProject, projectId, { product: ref.id })
      const project = yield* api.projectInfo(projectId, {
        operation: "getStatus",
        ref: JobRef.format(jobRef),
      })
      return openProjectJob(jobRef, project, project)
    }),
  }
}
