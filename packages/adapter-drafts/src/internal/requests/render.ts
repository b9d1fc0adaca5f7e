import type { InputIssue, RenderRequest, VideoError } from "@vidbridge/core"
import { invalidInput, parseProviderOptions, rejectIssues, unsupportedFields } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import { PROVIDER_ID } from "../mapping.js"
import type { OverrideScene, OverrideVideoRequest } from "../wire.js"
import type { ProductContent } from "./products.js"

const id = z.string().check(z.minLength(1), z.maxLength(200))
const httpUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2083))

const SceneOption = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  texts: z.optional(z.array(z.string()).check(z.maxLength(50))),
  media: z.optional(z.array(httpUrl).check(z.maxLength(50))),
  transcript: z.optional(z.string().check(z.maxLength(1000))),
  voiceRecordingUrl: z.optional(httpUrl),
})

/** `providerOptions.drafts` of `render`: Hour One fields the neutral model has no place for. */
export const DraftsRenderOptions = z.strictObject({
  sourceDraftId: z.optional(id),
  recipeId: z.optional(id),
  folderId: z.optional(id),
  paletteId: z.optional(id),
  scenes: z.optional(z.array(SceneOption).check(z.minLength(1), z.maxLength(100))),
  logoUrl: z.optional(httpUrl),
  metadata: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  correlationId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  workspaceId: z.optional(id),
  teamId: z.optional(id),
})

/**
 * `providerOptions.drafts` of `render`: the source (`sourceDraftId` / `recipeId`), `folderId`,
 * `paletteId`, `scenes`, `logoUrl`, `metadata`, per-call `workspaceId` / `teamId`, and
 * `correlationId`: your own `correlation_id` (<= 100 characters of any text, unique per video)
 * sent instead of the submission key, for ids that are no valid `idempotencyKey`; the submission
 * ref carries it, so `findSubmission` still finds the video. Give `idempotencyKey` or
 * `correlationId`, not both. Unknown fields are `InvalidInput`.
 *
 * @example
 * ```ts
 * const drafts: DraftsRenderOptions = { recipeId: "rcp-1", scenes: [{ name: "Intro", texts: ["Hi"] }] }
 * await client.render({ providerOptions: { drafts } })
 * ```
 */
export type DraftsRenderOptions = z.infer<typeof DraftsRenderOptions>

const RENDER = { provider: PROVIDER_ID, operation: "render" }

const fail = (issues: ReadonlyArray<InputIssue>) => Effect.fail(invalidInput(PROVIDER_ID, "render", issues))

const exactlyOne =
  "give exactly one of template (a source draft id), providerOptions.drafts.sourceDraftId or " +
  "providerOptions.drafts.recipeId"

/** Where the video comes from: a source draft or a recipe, exactly one. */
export const resolveSource = (
  template: string | undefined,
  options: DraftsRenderOptions,
): Effect.Effect<{ source_draft_id: string } | { recipe_id: string }, VideoError> => {
  const { recipeId, sourceDraftId } = options
  if (recipeId !== undefined && sourceDraftId !== undefined) {
    return fail([{ path: "providerOptions.drafts.recipeId", message: exactlyOne }])
  }
  const explicit = recipeId ?? sourceDraftId
  if (explicit !== undefined && template !== undefined && template !== explicit) {
    return fail([{ path: "template", message: exactlyOne }])
  }
  if (recipeId !== undefined) return Effect.succeed({ recipe_id: recipeId })
  const draft = sourceDraftId ?? template
  if (draft !== undefined) return Effect.succeed({ source_draft_id: draft })
  return fail([
    {
      path: "template",
      message:
        "is required: the Hour One source draft id (the project id in the studio editor URL); " +
        "for a recipe set providerOptions.drafts.recipeId instead",
    },
  ])
}

const oneKey =
  "give idempotencyKey or providerOptions.drafts.correlationId, not both: each is sent as " +
  "Hour One's correlation_id (use correlationId only for ids that are no valid idempotencyKey)"

/** Reads and checks `providerOptions.drafts` and the neutral fields Hour One cannot honour. */
export const renderOptions = (request: RenderRequest): Effect.Effect<DraftsRenderOptions, VideoError> =>
  Effect.andThen(
    rejectIssues(
      RENDER,
      unsupportedFields(request, {
        variables:
          "Hour One drafts have no template variables; put scene content in " +
          "providerOptions.drafts.scenes (name, texts, media, transcript)",
      }),
    ),
    Effect.flatMap(parseProviderOptions(DraftsRenderOptions, request.providerOptions, RENDER), (options) =>
      options.correlationId !== undefined && request.idempotencyKey !== undefined
        ? fail([{ path: "providerOptions.drafts.correlationId", message: oneKey }])
        : Effect.succeed(options),
    ),
  )

const toWireScene = (scene: NonNullable<DraftsRenderOptions["scenes"]>[number]): OverrideScene => ({
  name: scene.name,
  type: "override_scene",
  ...(scene.texts ? { texts: scene.texts } : {}),
  ...(scene.media ? { media: scene.media } : {}),
  ...(scene.transcript !== undefined ? { transcript: scene.transcript } : {}),
  ...(scene.voiceRecordingUrl ? { voice_recording_url: scene.voiceRecordingUrl } : {}),
})

/**
 * Longest transcript the adapter derives from a product: Hour One's docs say a scene
 * transcript "must contain less than 500 characters" (the schema allows 1000).
 */
export const TRANSCRIPT_LIMIT = 499

/** Cuts text to `limit` characters, at a word boundary where one is near the end. */
export const truncate = (text: string, limit: number = TRANSCRIPT_LIMIT): string => {
  const clean = text.trim().replace(/\s+/g, " ")
  if (clean.length <= limit) return clean
  const cut = clean.slice(0, limit)
  const space = cut.lastIndexOf(" ")
  return (space > limit * 0.8 ? cut.slice(0, space) : cut).trim()
}

/**
 * Fills scene 1 from a product and a script: `texts = [title]`, `media = imageUrls` (then
 * videoUrls), `transcript = script ?? description` (cut to {@link TRANSCRIPT_LIMIT}). Fields
 * the caller set on scene 1 win; other scenes are left as given. Without caller scenes,
 * the video has one scene named "Scene 1".
 */
export const scenesFor = (
  scenes: ReadonlyArray<OverrideScene> | undefined,
  product: ProductContent | undefined,
  script: string | undefined,
): Array<OverrideScene> => {
  const base: Array<OverrideScene> = scenes?.map((s) => ({ ...s, type: "override_scene" })) ?? []
  const transcriptSource = script ?? product?.description
  const media = [...(product?.imageUrls ?? []), ...(product?.videoUrls ?? [])]
  const derived: Partial<OverrideScene> = {
    ...(product?.title ? { texts: [product.title] } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(transcriptSource?.trim() ? { transcript: truncate(transcriptSource) } : {}),
  }
  if (Object.keys(derived).length === 0) return base
  const [first, ...rest] = base
  return [{ name: "Scene 1", type: "override_scene", ...derived, ...first }, ...rest]
}

/**
 * Hour One's `OverrideVideoRequest` requires `scenes` (its OpenAPI document: `required: ["type",
 * "scenes"]`); without caller scenes, a product or a script there is nothing to send.
 */
const scenesRequired: InputIssue = {
  path: "providerOptions.drafts.scenes",
  message:
    "is required: Hour One's create-video request needs scenes. Give one entry per scene of the " +
    "source draft, in order, each with its name (texts, media and transcript are optional; what " +
    "you leave out keeps the draft's own content), or pass a product or a script to fill scene 1",
}

/**
 * The `POST /videos` body (`type: "override"`), with `correlation_id` when there is one (the
 * submission key). Fails with `InvalidInput` naming `providerOptions.drafts.scenes` when there
 * are no scenes to send (nothing is sent).
 */
export const buildBody = (input: {
  readonly request: RenderRequest
  readonly options: DraftsRenderOptions
  readonly source: { source_draft_id: string } | { recipe_id: string }
  readonly product: ProductContent | undefined
  readonly correlationId: string | undefined
}): Effect.Effect<OverrideVideoRequest, VideoError> => {
  const { request, options, product } = input
  const scenes = scenesFor(options.scenes?.map(toWireScene), product, request.script)
  if (scenes.length === 0) return fail([scenesRequired])
  const logo = options.logoUrl ?? product?.logoUrl
  return Effect.succeed({
    type: "override",
    ...(request.name ? { name: request.name } : {}),
    ...input.source,
    ...(options.folderId ? { folder_id: options.folderId } : {}),
    ...(options.paletteId ? { palette_id: options.paletteId } : {}),
    ...(request.avatar ? { character_id: request.avatar } : {}),
    ...(request.voice ? { voice_id: request.voice } : {}),
    scenes,
    ...(logo ? { logo_url: logo } : {}),
    ...(options.metadata ? { metadata: options.metadata } : {}),
    ...(input.correlationId === undefined ? {} : { correlation_id: input.correlationId }),
  })
}
