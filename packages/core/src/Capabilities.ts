import type { AspectRatio } from "./model/AspectRatio.js"
import type { EnvVar } from "./ProviderDefinition.js"

/** The catalog reads of the {@link VideoProvider} port (see `CatalogItems`). */
export const CatalogOperations = [
  "listAvatars",
  "listVoices",
  "listMusic",
  "listTemplates",
  "listVisualStyles",
] as const

/** The operations of the {@link VideoProvider} port. */
export const Operations = [
  "createProduct",
  "updateProduct",
  "generateScripts",
  "generatePreviews",
  "renderPreview",
  "render",
  "getStatus",
  "listJobs",
  "parseWebhook",
  "findSubmission",
  "cancel",
  ...CatalogOperations,
  "getCreditBalance",
] as const

/** One of {@link Operations}. */
export type Operation = (typeof Operations)[number]

/**
 * What a vendor can do, so an app (or the CLI's `providers` table) can decide before calling.
 * An operation not listed fails with `UnsupportedOperation` before any request.
 */
export interface Capabilities {
  /** The operations this provider implements. */
  readonly operations: ReadonlyArray<Operation>
  /** Aspect ratios accepted by `render` / `generatePreviews`. Empty: fixed by the vendor template. */
  readonly aspectRatios: ReadonlyArray<AspectRatio>
  /** Video lengths (seconds) the vendor accepts, where it restricts them. */
  readonly durations?: ReadonlyArray<number> | undefined
  /** `createProduct({ url })` scrapes the page. */
  readonly productFromUrl: boolean
  /** `createProduct({ title, imageUrls, ... })` works. */
  readonly productFromParams: boolean
  /** The vendor can render from its own templates (`render({ template })`). */
  readonly templates: boolean
  /**
   * The avatar (talking-head) videos `render` makes (a render with no product and no template,
   * see `avatarVideoInput`): each entry is who presents and what is spoken. Absent or empty: none.
   */
  readonly avatarVideos?: ReadonlyArray<AvatarVideoInput> | undefined
  /** How callbacks are verified: a vendor signature, a secret token in the URL, or not at all. */
  readonly webhooks: "signature" | "token" | "none"
  /**
   * How many jobs one status request can read: by ids (`getStatuses`) or a page of the vendor's
   * job list (`scanStatuses`); `Infinity` where one request lists every job of the account; 1
   * when there is no batch read.
   */
  readonly batchStatusLimit: number
  /** Whether the vendor reports credits per job, and whether `estimateCredits` exists. */
  readonly credits: { readonly reported: boolean; readonly estimate: boolean }
  /**
   * How a paid request whose answer was lost is found (`findSubmission`); absent when it cannot
   * be. `lookup: "exact"`: by the submission key the vendor echoes (not found after the window
   * means never made); `"heuristic"`: by link or product and creation time. `resend`: whether
   * `resendIfNotFound` may send a request again after a full window without a match (only
   * where the lookup is exact enough that a miss means it was never made).
   */
  readonly submissions?: SubmissionLookupCapability | undefined
}

/**
 * One kind of avatar video: the presenter, a catalog `avatar` or a photo (`imageUrl`), and the
 * speech, a `script` spoken by `voice` or a recording (`audioUrl`). `"avatar+script"` is
 * `render({ avatar, voice, script })`; `"image+audio"` is `render({ imageUrl, audioUrl })`.
 */
export type AvatarVideoInput = "avatar+script" | "avatar+audio" | "image+script" | "image+audio"

/** {@link Capabilities.submissions}. */
export interface SubmissionLookupCapability {
  readonly lookup: "exact" | "heuristic"
  readonly resend: boolean
}

/**
 * What a tool that lists providers shows of one, without its code: the adapters' `/summary`
 * entries export one each (`creatifySummary`, ...), and their provider definitions are built from it.
 */
export interface ProviderSummary<Id extends string = string> {
  readonly id: Id
  readonly displayName: string
  readonly capabilities: Capabilities
  /** Where each setting comes from in the environment. */
  readonly env: Readonly<Record<string, EnvVar>>
}
