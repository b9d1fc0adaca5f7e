import {
  ContentRejected,
  JobRef,
  type Product,
  type ProductInput,
  type ProductRefLike,
  type ProductUpdate,
  type ScriptRequest,
  type SubmissionContext,
  VideoError,
  type VideoProviderShape,
} from "@vidbridge/core"
import { invalidInput, makeLruCache } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../../CreatifyClient.js"
import type { CreatifySettings } from "../../settings.js"
import { parseCreatifyWebhook } from "../../webhook.js"
import { makeCatalogs } from "../catalogs/index.js"
import { estimateCredits } from "../credits.js"
import { asProduct, Kind, PROVIDER_ID, REMEMBERED_PRODUCTS, toProduct, toScriptJob } from "../mapping.js"
import { productId, productPlan, updateBody } from "../requests/products.js"
import { scriptsBody } from "../requests/videos.js"
import { announce, fingerprint, linkPrints, makeFindSubmission } from "../submissions.js"
import type { AiScript } from "../wire.js"
import { makeRenderOperations } from "./renders.js"
import { makeStatusOperations } from "./status.js"

/** The port's operations (everything but `id` and `capabilities`). */
export type CreatifyOperations = Omit<VideoProviderShape, "id" | "capabilities">

/** A script job Creatify `rejected` (moderation) fails with `ContentRejected`, the vendor's reason kept. */
const scriptsOf = (body: AiScript) => {
  const job = toScriptJob(body)
  return body.status === "rejected"
    ? Effect.fail(
        new VideoError({
          provider: PROVIDER_ID,
          operation: "generateScripts",
          ref: job.ref,
          reason: new ContentRejected({
            message: `Creatify rejected the script job${body.failed_reason ? `: ${body.failed_reason}` : ""}`,
          }),
        }),
      )
    : Effect.succeed(job)
}

/**
 * The port's operations over `client`: products and scripts here, the video operations in
 * renders.ts, status reads in status.ts, catalogs in ../catalogs/; each checks and builds its
 * request (requests/), makes the call and maps the answer (mapping.ts).
 */
export const makeCreatifyOperations = (
  client: CreatifyClientShape,
  settings: CreatifySettings,
): CreatifyOperations => {
  // Products this provider made, so a ref string carries the title/description scripts need.
  const products = makeLruCache<Product>(REMEMBERED_PRODUCTS)
  const remember = (product: Product) => {
    products.set(product.id, product)
    return product
  }

  // Links keep no field for the key: announced with the fingerprint of what is sent (submissions.ts).
  const createProduct = Effect.fn("CreatifyProvider.createProduct")(function* (
    input: ProductInput,
    submission?: SubmissionContext,
  ) {
    const plan = yield* productPlan(input)
    yield* announce(submission, { fp: linkPrints(input)["url" in plan ? 0 : 1]! })
    const body =
      "url" in plan ? yield* client.createLink(plan.url) : yield* client.createLinkWithParams(plan.body)
    return remember(toProduct(body, { targetAudience: input.targetAudience }))
  })

  const updateProduct = Effect.fn("CreatifyProvider.updateProduct")(function* (
    product: ProductRefLike,
    patch: ProductUpdate,
  ) {
    const id = yield* productId(product, "updateProduct")
    const body = yield* client.updateLink(id, yield* updateBody(patch))
    return remember(toProduct(body, { targetAudience: patch.targetAudience }))
  })

  // Script jobs keep no field for the key: found by their product and creation time (submissions.ts).
  const generateScripts = Effect.fn("CreatifyProvider.generateScripts")(function* (
    request: ScriptRequest,
    submission?: SubmissionContext,
  ) {
    const id = yield* productId(request.product, "generateScripts")
    const known = asProduct(request.product)
    const body = yield* scriptsBody(request, known?.title === undefined ? products.get(id) : known)
    yield* announce(submission, { fp: fingerprint(body.title, body.description) })
    return yield* scriptsOf(yield* client.createScripts(body))
  })

  const getScripts = (ref: JobRef) =>
    ref.provider === PROVIDER_ID && ref.kind === Kind.aiScript
      ? Effect.flatMap(client.getScripts(ref.id), scriptsOf)
      : Effect.fail(
          invalidInput(PROVIDER_ID, "getScripts", [
            { path: "ref", message: `is ${JobRef.format(ref)}; expected a Creatify ${Kind.aiScript} job` },
          ]),
        )

  return {
    createProduct,
    updateProduct,
    generateScripts,
    getScripts,
    ...makeRenderOperations(client, settings),
    ...makeStatusOperations(client),
    ...makeCatalogs(client),
    findSubmission: makeFindSubmission(client, remember),
    parseWebhook: (request) => parseCreatifyWebhook(request, { secret: settings.webhookSecret, client }),
    estimateCredits: (request, kind) => {
      const model = request.providerOptions?.[PROVIDER_ID]?.model_version
      return Effect.succeed(estimateCredits(request, kind, typeof model === "string" ? model : undefined))
    },
  }
}
