import {
  JobRef,
  type SubmissionLookup,
  type SubmissionRef,
  UnsupportedOperation,
  VideoError,
} from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type { JoggV2Api } from "../client/v2.js"
import { Kinds, nameOf, PROVIDER_ID, previewIdsOf, previewSetRef, str } from "../mapping/refs.js"
import { previewSetJob, v2VideoJob } from "../mapping/v2.js"
import type { ProductVideo, V2Page } from "../wire/v2.js"
import { lookup } from "./shared.js"

// Reading JoggAI's newest-first lists page by page: finding a paid request whose answer was lost
// (`findSubmission`), and finding a preview set's previews (`getStatus`), wherever they are.

/** How far before the send `findSubmission` pages back (JoggAI's `created_at` is in seconds): clock skew. */
const SKEW_SECONDS = 300

/** The most pages one preview-set read walks (100 previews each) before calling the set not listed yet. */
export const MAX_PREVIEW_PAGES = 50

const PAGE_SIZE = 100

type Page = (page: V2Page) => Effect.Effect<ReadonlyArray<ProductVideo>, VideoError>

/**
 * Pages a list newest first (`sort_by=created_at`, `desc`, 100 a page) until `enough` says so
 * (given everything read so far), a page is short (the end), or `maxPages` pages were read.
 */
const walk = (read: Page, enough: (items: ReadonlyArray<ProductVideo>) => boolean, maxPages = Infinity) =>
  Effect.gen(function* () {
    const items: Array<ProductVideo> = []
    for (let page = 1; page <= maxPages; page++) {
      const got = yield* read({ page, page_size: PAGE_SIZE, sort_by: "created_at", sort_order: "desc" })
      items.push(...got)
      if (got.length < PAGE_SIZE || enough(items)) break
    }
    return items
  })

/** Items created at or after `since` (unix seconds; an item without a time counts as recent). */
const createdSince = (items: ReadonlyArray<ProductVideo>, since: number) =>
  items.filter((item) => (item.created_at ?? since) >= since)

/** Whether the last item read is older than `since`: the pages after it are older still. */
const pastSince = (since: number) => (items: ReadonlyArray<ProductVideo>) =>
  (items[items.length - 1]?.created_at ?? since) < since

const noLookup = (message: string) =>
  Effect.fail(
    new VideoError({
      provider: PROVIDER_ID,
      operation: "findSubmission",
      reason: new UnsupportedOperation({ message, operation: "findSubmission" }),
    }),
  )

/** The list readers a lookup uses. */
export const listReaders = (api: JoggV2Api) => {
  const call = { operation: "findSubmission" }
  return {
    previews: ((page) => Effect.map(api.productPreviews(page, call), (l) => l.previews ?? [])) as Page,
    videos: ((page) => Effect.map(api.productVideos(page, call), (l) => l.videos ?? [])) as Page,
    templates: ((page) => Effect.map(api.templateVideos(page, call), (l) => l.data ?? [])) as Page,
  }
}

/**
 * One lookup of a v2 submission: pages the previews, product videos or template videos newest
 * first back to the send time, and matches the key in the name the request was sent with
 * (`title` / `video_name`). A rendered preview's video matches its preview set's key, or no key
 * at all (JoggAI echoes nothing of that call). Avatar videos and AI scripts cannot be looked up:
 * JoggAI lists neither, so that lookup fails with `UnsupportedOperation`, saying why.
 */
export const findV2Submission =
  (api: JoggV2Api) =>
  ({ operation, key, at, hints }: SubmissionRef): Effect.Effect<SubmissionLookup, VideoError> =>
    Effect.gen(function* () {
      if (operation === "generateScripts") {
        return yield* noLookup(
          "JoggAI lists no AI-script tasks and keeps nothing of the request, so a lost generateScripts answer cannot be looked up; call generateScripts again if you need the scripts (0.2 credit)",
        )
      }
      if (operation === "render" && hints.kind === "avatar") {
        return yield* noLookup(
          `JoggAI lists no avatar videos (GET /v2/avatar_video/{id} needs the id the lost answer held), so a lost avatar-video render cannot be looked up; its video_name ends with [${key}]: look for it in the JoggAI app`,
        )
      }
      const since = at / 1000 - SKEW_SECONDS
      const lists = listReaders(api)
      const source =
        operation === "generatePreviews"
          ? lists.previews
          : operation === "render" && hints.kind === "template"
            ? lists.templates
            : lists.videos
      const items = createdSince(yield* walk(source, pastSince(since)), since)
      const want = operation === "renderPreview" ? hints.set : key
      const matches = items.filter((item) => {
        const found = nameOf(item.title ?? item.video_name).key
        const id = str(item.id) ?? str(item.video_id)
        return id && (found === want || (found === undefined && operation === "renderPreview"))
      })
      if (operation === "generatePreviews") {
        const ids = matches.map((p) => String(p.id))
        return lookup(
          ids.length
            ? [previewSetJob(previewSetRef(hints.product ?? "", ids, key), { previews: matches }, matches)]
            : [],
        )
      }
      const kind = hints.kind === "template" ? Kinds.templateVideo : Kinds.productVideo
      return lookup(
        matches.map((video) => v2VideoJob(String(str(video.id) ?? video.video_id), video, video, kind)),
      )
    })

/**
 * A preview set's previews: JoggAI cannot read one preview, so `GET /v2/product_previews` is paged
 * newest first until every id of the set is found, or (the set's previews being made together)
 * the pages are 10 minutes older than the oldest found, or the list ends, at most
 * {@link MAX_PREVIEW_PAGES} pages: previews still missing then are not listed yet.
 */
export const readPreviewSet = (api: JoggV2Api, ref: JobRef) =>
  Effect.gen(function* () {
    const ids = previewIdsOf(ref)
    if (ids.length === 0) return previewSetJob(ref, {}, null)
    const call = { operation: "getStatus", ref: JobRef.format(ref) }
    const ofSet = (items: ReadonlyArray<ProductVideo>) =>
      items.filter((p) => ids.includes(str(p.id) ?? "") || ids.includes(str(p.preview_id) ?? ""))
    const items = yield* walk(
      (page) => Effect.map(api.productPreviews(page, call), (l) => l.previews ?? []),
      (read) => {
        const found = ofSet(read)
        if (found.length >= ids.length) return true
        const oldest = Math.min(...found.map((p) => p.created_at ?? Infinity))
        return found.length > 0 && pastSince(oldest - 600)(read)
      },
      MAX_PREVIEW_PAGES,
    )
    const previews = ofSet(items)
    return previewSetJob(ref, { previews }, { previews })
  })
