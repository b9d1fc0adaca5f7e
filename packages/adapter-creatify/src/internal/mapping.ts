import type {
  AspectRatio,
  JobStage,
  JobStatus,
  Preview,
  Product,
  ProductRefLike,
  ScriptJob,
  VideoJob,
} from "@vidbridge/core"
import { JobRef } from "@vidbridge/core"
import { PROVIDER_ID } from "../summary.js"
import type { AiScript, AuroraJob, CustomTemplateJob, LinkAnyShape, LinkToVideo, LipsyncV2 } from "./wire.js"

/** The provider id, first part of every ref this adapter makes. */
export { PROVIDER_ID }

/**
 * How many products a provider remembers (the most recently made, updated or used), so that
 * `generateScripts` can be given a bare product ref; older ones need the `Product` object.
 */
export const REMEMBERED_PRODUCTS = 256

/** JobRef kinds this adapter makes. */
export const Kind = {
  product: "product",
  linkToVideo: "link_to_video",
  customTemplateJob: "custom_template_job",
  aurora: "aurora",
  lipsyncV2: "lipsync_v2",
  aiScript: "ai_script",
} as const

/** Neutral aspect ratio -> Creatify code. */
export const aspectToVendor: Readonly<Record<AspectRatio, string>> = {
  "9:16": "9x16",
  "16:9": "16x9",
  "1:1": "1x1",
}

const aspectFromVendor: Readonly<Record<string, AspectRatio>> = {
  "9x16": "9:16",
  "16x9": "16:9",
  "1x1": "1:1",
}

/** Creatify code -> neutral aspect ratio; undefined for a code we do not know. */
export const toAspect = (code: string | null | undefined): AspectRatio | undefined =>
  code && Object.hasOwn(aspectFromVendor, code) ? aspectFromVendor[code] : undefined

/**
 * Creatify `status` -> neutral status, for every kind of job. A link-to-video job `pending` with
 * previews and no render asked for (no `media_job`, no `outputs`) is `awaiting_selection` instead,
 * whatever ref it is read through; a status not listed is `unknown` (kept in `vendorStatus`, never
 * terminal).
 */
export const creatifyStatusTable: Readonly<Record<string, JobStatus>> = {
  pending: "queued",
  in_queue: "queued",
  running: "running",
  processing: "running",
  done: "succeeded",
  failed: "failed",
  error: "failed",
  rejected: "rejected",
}

/** Maps a vendor status; unknown values map to `unknown` (never throw). */
export const toStatus = (vendor: string): JobStatus =>
  // Own keys only: a vendor value such as "constructor" must not read Object.prototype.
  Object.hasOwn(creatifyStatusTable, vendor) ? creatifyStatusTable[vendor]! : "unknown"

// The submission key travels in the name field, after the caller's name: "Spring ad [vb:order-42]".
// A custom template preview job also keeps its template there ("[vb:order-42 tpl:<template id>]"):
// Creatify never answers `template_id`, and rendering the job needs it again.
const KEYED = /^(?:([\s\S]*) )?\[vb(?::([\w-]{1,64}))?(?: tpl:([\w-]{1,64}))?\]$/

/** The name field Creatify is sent: the caller's name with the submission key (and a preview's template) after it. */
export const keyedName = (
  name: string | undefined,
  key: string | undefined,
  template?: string | undefined,
): string | undefined =>
  key === undefined && template === undefined
    ? name
    : `${name === undefined ? "" : `${name} `}[vb${key === undefined ? "" : `:${key}`}${template === undefined ? "" : ` tpl:${template}`}]`

/** A name field Creatify answers, taken apart: the caller's name, the submission key and the template in it. */
export const splitName = (
  field: string | null | undefined,
): {
  readonly name: string | undefined
  readonly key?: string | undefined
  readonly template?: string | undefined
} => {
  const keyed = field == null ? null : KEYED.exec(field)
  return keyed && (keyed[2] !== undefined || keyed[3] !== undefined)
    ? { name: keyed[1], key: keyed[2], template: keyed[3] }
    : { name: field ?? undefined }
}

/** `progress` is a number on most resources, a string on link-to-video; 0..100 or 0..1. */
export const toProgress = (value: number | string | null | undefined): number | undefined => {
  // One reading for both shapes: a number prints as itself; null and undefined print as words (NaN).
  const n = Number.parseFloat(String(value))
  if (!Number.isFinite(n) || n < 0) return undefined
  return Math.min(1, n > 1 ? n / 100 : n)
}

const opt = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

/**
 * The payload a reading keeps as `raw`: a shallow copy of zod's output. Zod builds its output
 * with keyed stores, and V8 keeps a wide result (a Creatify job has ~40 fields) in dictionary
 * mode, about 1.5 KB more per reading than a compact copy, held for as long as a poller keeps
 * the reading (bench/track.mjs tracks 10,000 jobs).
 */
const rawOf = <A extends object>(body: A): A => ({ ...body })

const failureOf = (status: string, reason: string | null | undefined) =>
  status === "failed" || status === "error" || status === "rejected"
    ? { failure: { message: reason || `the job ended with status ${status}` } }
    : {}

/** A link (either documented shape) -> neutral Product. */
export const toProduct = (
  body: LinkAnyShape,
  extra: { targetAudience?: string | undefined } = {},
): Product => {
  const inner = body.link ?? body
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, Kind.product, body.id)),
    provider: PROVIDER_ID,
    id: body.id,
    ...opt("url", inner.url ?? body.url),
    ...opt("title", inner.title ?? body.title),
    ...opt("description", inner.description ?? body.description),
    imageUrls: inner.image_urls ?? body.image_urls ?? [],
    videoUrls: inner.video_urls ?? body.video_urls ?? [],
    ...opt("logoUrl", inner.logo_url ?? body.logo_url),
    ...opt("targetAudience", extra.targetAudience),
    ...opt("creditsUsed", body.credits_used),
    raw: rawOf(body),
  }
}

/** A Product object when `product` is one (the port types it narrowly; at runtime it is whole). */
export const asProduct = (product: ProductRefLike): Partial<Product> | undefined =>
  typeof product === "string" ? undefined : (product as Partial<Product>)

/**
 * A link-to-video job -> neutral VideoJob, read through `ref` (its stage param says a render was
 * asked for). Previews ready and no render shown (no `media_job`, no `outputs`) is
 * `awaiting_selection` in the preview stage, even through a `?stage=render` ref: the job cannot
 * move until a preview is rendered. `asked`: the answer to the render request itself (queued).
 */
export const linkToVideoJob = (body: LinkToVideo, ref: JobRef, asked = false): VideoJob => {
  const previews = body.previews ?? []
  const waiting =
    !asked && body.status === "pending" && previews.length > 0 && !body.media_job && !body.outputs?.length
  const stage: JobStage =
    !waiting && (ref.params?.stage === "render" || body.status === "done") ? "render" : "preview"
  const mapped: ReadonlyArray<Preview> = previews.map((p) => ({
    id: p.media_job,
    ...opt("visualStyle", p.visual_style),
    ...opt("aspectRatio", toAspect(p.aspect_ratio)),
    ...opt("url", p.url),
  }))
  return {
    ref: JobRef.format(ref),
    provider: PROVIDER_ID,
    status: waiting ? "awaiting_selection" : toStatus(body.status),
    vendorStatus: body.status,
    stage,
    ...opt("name", splitName(body.name).name),
    ...opt("progress", toProgress(body.progress)),
    ...opt("videoUrl", body.video_output),
    ...opt("previewUrl", body.preview ?? previews[0]?.url),
    ...opt("thumbnailUrl", body.video_thumbnail),
    ...opt("editorUrl", body.editor_url),
    ...opt("durationSeconds", body.duration),
    ...opt("creditsUsed", body.credits_used),
    ...(mapped.length > 0 ? { previews: mapped } : {}),
    ...failureOf(body.status, body.failed_reason),
    ...opt("createdAt", body.created_at),
    raw: rawOf(body),
  }
}

/** An Aurora or AI Avatar v2 job -> neutral VideoJob (always the render stage; the video in `video_output` or `output`). */
export const avatarJob = (
  body: AuroraJob | LipsyncV2,
  kind: typeof Kind.aurora | typeof Kind.lipsyncV2,
): VideoJob => ({
  ref: JobRef.format(JobRef.make(PROVIDER_ID, kind, body.id)),
  provider: PROVIDER_ID,
  status: toStatus(body.status),
  vendorStatus: body.status,
  stage: "render",
  ...opt("name", splitName(body.name).name),
  ...opt("progress", toProgress(body.progress)),
  ...opt("videoUrl", body.video_output ?? body.output),
  ...opt("previewUrl", body.preview),
  // Only AI Avatar v2 documents a thumbnail; an Aurora job answering one has it read the same way.
  ...opt("thumbnailUrl", (body as Partial<LipsyncV2>).video_thumbnail),
  ...opt("editorUrl", body.editor_url),
  ...opt("durationSeconds", body.duration),
  ...opt("creditsUsed", body.credits_used),
  ...failureOf(body.status, body.failed_reason),
  ...opt("createdAt", body.created_at),
  raw: rawOf(body),
})

/** A custom template job shows its preview and waits: `done`, a `preview`, no video yet. */
export const previewReady = (body: CustomTemplateJob): boolean =>
  body.status === "done" && !body.video_output && !body.output && !!body.preview

/**
 * A custom template job -> neutral VideoJob. Creatify reports `done` twice on a previewed job:
 * preview ready (a `preview`, no `video_output`), then video ready. The first is
 * `awaiting_selection` in the preview stage, with one preview whose id is the job's own id (pass
 * it to `renderPreview`); the second `succeeded`. `asked`: the answer to the render request itself,
 * which may still show the preview (queued). The stage is `preview` while a job made by
 * `generatePreviews` (its name keeps the template) shows no video, else `render`.
 */
export const templateJob = (body: CustomTemplateJob, asked = false): VideoJob => {
  const waiting = !asked && previewReady(body)
  const video = body.video_output ?? body.output
  const split = splitName(body.name)
  const stage: JobStage = waiting || (!asked && !video && split.template !== undefined) ? "preview" : "render"
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, Kind.customTemplateJob, body.id)),
    provider: PROVIDER_ID,
    status: waiting ? "awaiting_selection" : asked && previewReady(body) ? "queued" : toStatus(body.status),
    vendorStatus: body.status,
    stage,
    ...opt("name", split.name),
    ...opt("progress", toProgress(body.progress)),
    ...opt("videoUrl", video),
    ...opt("previewUrl", body.preview),
    ...opt("editorUrl", body.editor_url),
    ...opt("durationSeconds", body.duration),
    ...opt("creditsUsed", body.credits_used),
    ...(waiting ? { previews: [{ id: body.id, ...opt("url", body.preview) }] } : {}),
    ...failureOf(body.status, body.failed_reason),
    ...opt("createdAt", body.created_at),
    raw: rawOf(body),
  }
}

/**
 * An AI script job -> neutral ScriptJob. `rejected` (moderation) -> `rejected`; `failed` and
 * `error` -> `failed`; scripts present are finished; no scripts and a status other than `done`
 * means the job is still running (`pending`, with a ref to poll).
 */
export const toScriptJob = (body: AiScript): ScriptJob => {
  const scripts = (body.generated_scripts ?? []).map((s) => ({
    ...opt("title", s.title),
    ...opt("name", s.script_name),
    ...opt("style", s.script_style),
    ...opt("language", body.language),
    text: s.paragraphs,
  }))
  const failed = body.status === "failed" || body.status === "rejected" || body.status === "error"
  const status =
    body.status === "rejected"
      ? "rejected"
      : failed
        ? "failed"
        : scripts.length > 0 || body.status === "done"
          ? "ready"
          : "pending"
  return {
    ref: JobRef.format(JobRef.make(PROVIDER_ID, Kind.aiScript, body.id)),
    provider: PROVIDER_ID,
    status,
    scripts,
    ...opt("creditsUsed", body.credits_used),
    ...(failed ? { failure: { message: body.failed_reason || `script generation ${body.status}` } } : {}),
    raw: rawOf(body),
  }
}
