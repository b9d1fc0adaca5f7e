import {
  JobRef,
  type Product,
  type SubmissionContext,
  type SubmissionLookup,
  type SubmissionRef,
  type SubmissionResult,
  type VideoError,
} from "@vidbridge/core"
import { unsupported } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../CreatifyClient.js"
import {
  avatarJob,
  Kind,
  linkToVideoJob,
  PROVIDER_ID,
  previewReady,
  splitName,
  templateJob,
  toProduct,
  toScriptJob,
} from "./mapping.js"

// Paid requests whose answer was lost, found again with Creatify's free reads (core repeats the
// lookup over its reconcile window). The key travels in the name field of previews, renders and
// avatar videos (mapping.ts `keyedName`), so those Creatify lists are found by it. Links, AI
// scripts and render_single_preview have no field Creatify echoes: links are matched by what was
// sent, script jobs by their product and creation time, a rendered preview by its own job. Custom
// template jobs are not listed at all: only the render of a previewed one (its job known) is found.

/** How much earlier than the send a script job's `created_at` may read (clocks differ). */
export const CLOCK_SKEW = 5 * 60_000

/** Statuses only a link-to-video render has. */
const RENDERING = ["in_queue", "running", "processing", "done"]

/** A short fingerprint (FNV-1a, 32 bits) of what a request sent, to match what a list echoes. */
export const fingerprint = (...values: ReadonlyArray<unknown>): string => {
  let hash = 0x811c9dc5
  for (const char of JSON.stringify(values)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return (hash >>> 0).toString(36)
}

/** What a link is found by: the URL it scraped, or the product data it was made from. */
export const linkPrints = (link: {
  readonly url?: unknown
  readonly title?: unknown
  readonly description?: unknown
  readonly imageUrls?: unknown
  readonly videoUrls?: unknown
}): ReadonlyArray<string> => [
  fingerprint("url", link.url),
  fingerprint("data", link.title, link.description, link.imageUrls ?? [], link.videoUrls ?? []),
]

/** Announces the paid request about to be sent, with the hints its lookup needs (no-op without a submission). */
export const announce = (
  submission: SubmissionContext | undefined,
  hints?: Record<string, string>,
): Effect.Effect<unknown, VideoError> => (submission ? submission.announce(hints) : Effect.void)

const lookup = (results: ReadonlyArray<SubmissionResult>): SubmissionLookup =>
  results.length === 0
    ? { _tag: "NotFound" }
    : results.length === 1
      ? { _tag: "Found", result: results[0]! }
      : { _tag: "Ambiguous", candidates: results }

const render = { stage: "render" }

/** The lookups of avatar videos: the list Creatify keeps of each, newest first. */
const keyed = <B extends { readonly name?: string | null | undefined }>(
  list: Effect.Effect<ReadonlyArray<B>, VideoError>,
  key: string,
  toJob: (body: B) => SubmissionResult,
) => Effect.map(list, (bodies) => lookup(bodies.filter((b) => splitName(b.name).key === key).map(toJob)))

/**
 * One lookup of a submission (never anything paid, never a wait):
 * - `createProduct`: `GET /api/links/`, links whose URL or data match the request's (`fp`);
 * - `generateScripts`: `GET /api/ai_scripts/?ordering=-created_at`, jobs for the same product
 *   title and description (`fp`) made since the send, less {@link CLOCK_SKEW};
 * - `generatePreviews`, `render({ product })`: `GET /api/link_to_videos/?ordering=-created_at`,
 *   jobs whose name carries the key;
 * - `render` of an avatar video (hint `kind`): `GET /api/lipsyncs_v2/?ordering=-created_at` or
 *   `GET /api/aurora/?ordering=-created_at`, jobs whose name carries the key;
 * - `renderPreview`: `GET /api/link_to_videos/{job}/`: found once a render shows (`media_job`,
 *   `outputs`, or a render status); of a custom template job (hint `kind: "tpl"`),
 *   `GET /api/custom_template_jobs/{job}/`: found when its name carries the key or it no longer
 *   shows its preview waiting;
 * - a custom template job made by `render({ template })` or `generatePreviews({ template })` (hint
 *   `kind: "tpl"`, no `job`): Creatify lists no custom template jobs, so there is no lookup:
 *   `UnsupportedOperation` (core reports `SubmissionUnknown`); look for the key in the job's name
 *   in Creatify's web app;
 * - `render({ template })` of an earlier version (hint `job`): the job the render was sent to,
 *   found when its name carries the key.
 */
export const makeFindSubmission =
  (client: CreatifyClientShape, remember: (product: Product) => Product) =>
  (ref: SubmissionRef): Effect.Effect<SubmissionLookup, VideoError> => {
    const { key, hints, operation } = ref
    const job = hints.job ?? ""
    const newest = { ordering: "-created_at" }
    if (hints.kind === Kind.lipsyncV2) {
      return keyed(client.listLipsyncsV2(newest, "findSubmission"), key, (b) => avatarJob(b, Kind.lipsyncV2))
    }
    if (hints.kind === Kind.aurora) {
      return keyed(client.listAurora(newest, "findSubmission"), key, (b) => avatarJob(b, Kind.aurora))
    }
    if (hints.kind === "tpl" && hints.job === undefined) {
      return Effect.fail(
        unsupported(
          PROVIDER_ID,
          "findSubmission",
          `Creatify lists no custom template jobs, so a lost ${operation} cannot be looked up; its job's name in Creatify's web app ends with [vb:${key}...]`,
        ),
      )
    }
    switch (operation) {
      case "createProduct":
        return Effect.map(client.listLinks(), (links) =>
          lookup(
            links
              .map((link) => toProduct(link))
              .filter((product) => linkPrints(product).includes(hints.fp ?? ""))
              .map(remember),
          ),
        )
      case "generateScripts":
        return Effect.map(client.listScripts(newest, "findSubmission"), (jobs) =>
          lookup(
            jobs
              .filter(
                (j) =>
                  Date.parse(j.created_at ?? "") >= ref.at - CLOCK_SKEW &&
                  fingerprint(j.product?.title, j.product?.description) === hints.fp,
              )
              .map(toScriptJob),
          ),
        )
      case "renderPreview":
        if (hints.kind === "tpl") {
          return Effect.map(client.getCustomTemplateJob(job, "findSubmission"), (body) =>
            lookup(splitName(body.name).key === key || !previewReady(body) ? [templateJob(body)] : []),
          )
        }
        return Effect.map(client.getLinkToVideo(job, "findSubmission"), (body) =>
          lookup(
            body.media_job || body.outputs?.length || RENDERING.includes(body.status)
              ? [linkToVideoJob(body, JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, render))]
              : [],
          ),
        )
      default:
        if (hints.job !== undefined) {
          return client.getCustomTemplateJob(job, "findSubmission").pipe(
            Effect.map((body) => lookup(splitName(body.name).key === key ? [templateJob(body)] : [])),
            // The job the render was sent to does not exist: nothing was rendered.
            Effect.catchReason("VideoError", "NotFound", () => Effect.succeed(lookup([]))),
          )
        }
        return keyed(client.listLinkToVideos(newest, "findSubmission"), key, (body) =>
          linkToVideoJob(
            body,
            JobRef.make(PROVIDER_ID, Kind.linkToVideo, body.id, operation === "render" ? render : undefined),
          ),
        )
    }
  }
