import { JobRef, type Product } from "@vidbridge/core"
import { invalidInput, unsupported } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { JoggClientShape } from "../../JoggClient.js"
import { openProduct, openProjectJob, openSubmittedJob } from "../mapping/open.js"
import { Kinds, PROVIDER_ID } from "../mapping/refs.js"
import { productUpdateBody, productUrl, projectRender } from "../requests/open.js"
import { resolveProduct } from "../requests/products.js"
import { announce, type Operations } from "./shared.js"

const v2Only = (operation: "generatePreviews" | "renderPreview" | "listJobs") => () =>
  Effect.fail(
    unsupported(PROVIDER_ID, operation, 'the open API has no previews or job list; use apiVersion "v2"'),
  )

/** The neutral operations over JoggAI's older `open` API (the seed's flow). */
export const openOperations = (client: JoggClientShape): Operations => {
  const api = client.open
  return {
    createProduct: Effect.fn("JoggProvider.createProduct")(function* (input) {
      const url = yield* productUrl(input)
      const data = yield* api.createProduct(url, { operation: "createProduct" })
      return openProduct(data, url, data)
    }),

    updateProduct: Effect.fn("JoggProvider.updateProduct")(function* (product, patch) {
      const resolved = yield* resolveProduct(product, "open", "updateProduct")
      const body = yield* productUpdateBody(resolved, patch)
      const id = resolved.id ?? ""
      const ref = JobRef.format(JobRef.make(PROVIDER_ID, Kinds.openProduct, id, { prj: resolved.prj }))
      yield* api.updateProduct(body, { operation: "updateProduct", ref })
      const known = resolved.known as Partial<Product> | undefined
      return {
        ref,
        provider: PROVIDER_ID,
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

    render: Effect.fn("JoggProvider.render")(function* (request, submission) {
      const { body, product } = yield* projectRender(request)
      // The project id alone, as a webhook names it (`data.project_id`): the two refs are equal.
      const ref = JobRef.make(PROVIDER_ID, Kinds.openProject, body.project_id)
      // The project is the job (the body has no field JoggAI keeps a key in): findSubmission reads it.
      yield* announce(submission, { prj: body.project_id, product: product.id })
      yield* api.render(body, { operation: "render", ref: JobRef.format(ref) })
      return openSubmittedJob(ref, body)
    }),

    /** One read of the project: a render was asked for once its status is past 1 and 2. */
    findSubmission: Effect.fnUntraced(function* ({ hints }) {
      const ref = JobRef.make(PROVIDER_ID, Kinds.openProject, hints.prj ?? "-")
      const project = yield* api.projectInfo(ref.id, { operation: "findSubmission", ref: JobRef.format(ref) })
      const job = openProjectJob(ref, project, project)
      return job.status === "awaiting_selection" ? { _tag: "NotFound" } : { _tag: "Found", result: job }
    }),

    getStatus: Effect.fnUntraced(function* (ref) {
      const projectId =
        ref.kind === Kinds.openProject ? ref.id : ref.kind === Kinds.openProduct ? ref.params?.prj : undefined
      if (projectId === undefined) {
        return yield* Effect.fail(
          invalidInput(PROVIDER_ID, "getStatus", [
            {
              path: "ref",
              message: `is a ${ref.kind} ref; the open API reads ${Kinds.openProject} refs (apiVersion "open")`,
            },
          ]),
        )
      }
      const jobRef =
        ref.kind === Kinds.openProject ? ref : JobRef.make(PROVIDER_ID, Kinds.openProject, projectId)
      const project = yield* api.projectInfo(projectId, {
        operation: "getStatus",
        ref: JobRef.format(jobRef),
      })
      return openProjectJob(jobRef, project, project)
    }),
  }
}
