import {
  isSettled,
  isTerminal,
  type PreviewRequest,
  type ProductInput,
  type RenderPreviewRequest,
  type RenderRequest,
  type VideoJob,
} from "@vidbridge/core"
import { type OrderInput, type Step, stepKey } from "../OrderInput.js"
import type { Progress } from "./store.js"

// What each step of an order sends, from the order and what earlier steps saved. Pure.

/** Whether a vendor job has gone as far as the step needs: previews ready (or ended), a render ended. @internal */
export const doneFor = (step: Step, job: VideoJob): boolean =>
  step === "render" ? isTerminal(job.status) : isSettled(job.status)

/** The callback URL for a provider's jobs: the worker's, naming the provider (core's handler routes by it). @internal */
export const callbackUrl = (base: string | undefined, provider: string): string | undefined => {
  if (base === undefined) return undefined
  const url = new URL(base)
  if (!url.searchParams.has("provider")) url.searchParams.set("provider", provider)
  return url.toString()
}

/** `createProduct`'s input. @internal */
export const productRequest = (order: OrderInput): ProductInput =>
  ({ ...order.product, idempotencyKey: stepKey(order, "product") }) as ProductInput

/** `generatePreviews`' input. @internal */
export const previewsRequest = (
  order: OrderInput,
  progress: Progress,
  webhookUrl?: string,
): PreviewRequest => {
  const { choose: _choose, ...previews } = order.previews ?? {}
  return {
    ...order.render,
    ...previews,
    product: progress.product!.ref,
    ...(webhookUrl && order.render?.webhookUrl === undefined ? { webhookUrl } : {}),
    idempotencyKey: stepKey(order, "previews"),
  } as PreviewRequest
}

/** `render`'s input (template orders, and product orders on vendors without previews). @internal */
export const renderRequest = (order: OrderInput, progress: Progress, webhookUrl?: string): RenderRequest =>
  ({
    ...order.render,
    ...(progress.product ? { product: progress.product.ref } : {}),
    ...(order.template === undefined ? {} : { template: order.template }),
    ...(order.variables === undefined ? {} : { variables: order.variables }),
    ...(webhookUrl && order.render?.webhookUrl === undefined ? { webhookUrl } : {}),
    idempotencyKey: stepKey(order, "render"),
  }) as RenderRequest

/** The preview an order renders: the first usable one, or the one `previews.choose` names. @internal */
export const choosePreview = (order: OrderInput, previews: VideoJob): string | undefined => {
  const usable = (p: NonNullable<VideoJob["previews"]>[number] | undefined) =>
    p !== undefined && p.failure === undefined && p.status !== "failed" && p.status !== "rejected"
  const choose = order.previews?.choose ?? "first"
  const list = previews.previews ?? []
  const chosen = choose === "first" ? list.find(usable) : usable(list[choose]) ? list[choose] : undefined
  return chosen?.id
}

/**
 * `renderPreview`'s input. No callback URL: vendors send a render's callbacks to the one given
 * with the previews (Creatify, JoggAI refuse one here). @internal
 */
export const renderPreviewRequest = (
  order: OrderInput,
  previews: VideoJob,
  previewId: string,
): RenderPreviewRequest => {
  const name = order.render?.name
  const providerOptions = order.render?.providerOptions
  return {
    job: previews.ref,
    previewId,
    ...(typeof name === "string" ? { name } : {}),
    ...(providerOptions ? { providerOptions } : {}),
    idempotencyKey: stepKey(order, "render"),
  } as RenderPreviewRequest
}
