import type { SimScene } from "./state.js"

/** One entry of FastAPI's 422 `detail` array. */
export interface ValidationDetail {
  readonly loc: ReadonlyArray<string | number>
  readonly msg: string
  readonly type: string
}

/** A checked `POST /videos` body, or the 422 details that reject it. */
export type CheckedCreate =
  | { readonly ok: true; readonly body: Readonly<Record<string, unknown>>; readonly scenes: SimScene[] }
  | { readonly ok: false; readonly detail: ReadonlyArray<ValidationDetail> }

/** The largest `correlation_id` Hour One accepts. */
export const CORRELATION_ID_MAX = 100

/** The largest scene `transcript` Hour One's schema accepts. */
export const TRANSCRIPT_MAX = 1000

const STRING_FIELDS = [
  "name",
  "source_draft_id",
  "recipe_id",
  "folder_id",
  "palette_id",
  "character_id",
  "voice_id",
  "logo_url",
  "correlation_id",
] as const

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const missing = (loc: ReadonlyArray<string | number>): ValidationDetail => ({
  loc,
  msg: "Field required",
  type: "missing",
})
const notString = (loc: ReadonlyArray<string | number>): ValidationDetail => ({
  loc,
  msg: "Input should be a valid string",
  type: "string_type",
})
const tooLong = (loc: ReadonlyArray<string | number>, max: number): ValidationDetail => ({
  loc,
  msg: `String should have at most ${max} characters`,
  type: "string_too_long",
})

const stringList = (value: unknown, loc: Array<string | number>, out: ValidationDetail[]): string[] => {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    out.push({ loc, msg: "Input should be a valid list", type: "list_type" })
    return []
  }
  value.forEach((item, i) => {
    if (typeof item !== "string") out.push(notString([...loc, i]))
  })
  return value.filter((item): item is string => typeof item === "string")
}

const checkScene = (value: unknown, index: number, out: ValidationDetail[]): SimScene | undefined => {
  const loc = ["body", "scenes", index]
  if (!isRecord(value)) {
    out.push({
      loc,
      msg: "Input should be a valid dictionary or object to extract fields from",
      type: "model_attributes_type",
    })
    return undefined
  }
  const before = out.length
  if (value.name === undefined) out.push(missing([...loc, "name"]))
  else if (typeof value.name !== "string") out.push(notString([...loc, "name"]))
  if (value.type !== undefined && value.type !== "override_scene") {
    out.push({ loc: [...loc, "type"], msg: "Input should be 'override_scene'", type: "literal_error" })
  }
  if (value.transcript !== undefined && value.transcript !== null) {
    if (typeof value.transcript !== "string") out.push(notString([...loc, "transcript"]))
    else if (value.transcript.length > TRANSCRIPT_MAX)
      out.push(tooLong([...loc, "transcript"], TRANSCRIPT_MAX))
  }
  const voice = value.voice_recording_url
  if (voice !== undefined && voice !== null && typeof voice !== "string") {
    out.push(notString([...loc, "voice_recording_url"]))
  }
  const texts = stringList(value.texts, [...loc, "texts"], out)
  const media = stringList(value.media, [...loc, "media"], out)
  if (out.length > before) return undefined
  return {
    name: value.name as string,
    transcript: typeof value.transcript === "string" ? value.transcript : undefined,
    texts,
    media,
    voiceRecordingUrl: typeof voice === "string" ? voice : undefined,
  }
}

/**
 * Checks a `POST /videos` body the way Hour One's FastAPI service does, answering every
 * problem at once. Checked: the `type` discriminator (`override`; the simulator implements
 * videos from a source draft or recipe only), string fields, exactly one of
 * `source_draft_id` / `recipe_id` (the simulator's reading of the docs), `correlation_id` up
 * to 100 characters, `scenes` (required, as the vendor's OpenAPI document says; may be empty)
 * with each scene's `name`, `type`, `texts`, `media` and `transcript` (up to 1000 characters),
 * and `metadata` values (string, number or boolean). When the source draft's
 * scene count is known (`draftScenes`), `scenes` must have that many entries.
 */
export const checkCreateBody = (
  json: unknown,
  draftScenes: (draftId: string) => number | undefined,
): CheckedCreate => {
  if (!isRecord(json) || json.type === undefined) {
    return {
      ok: false,
      detail: [
        {
          loc: ["body"],
          msg: "Unable to extract tag using discriminator 'type'",
          type: "union_tag_not_found",
        },
      ],
    }
  }
  if (json.type !== "override") {
    const known = json.type === "create" || json.type === "workflow"
    return {
      ok: false,
      detail: [
        known
          ? {
              loc: ["body", "type"],
              msg: `Input should be 'override' (the simulator implements videos from a source draft or recipe only, not '${String(json.type)}')`,
              type: "literal_error",
            }
          : {
              loc: ["body"],
              msg: `Input tag '${String(json.type)}' found using 'type' does not match any of the expected tags: 'create', 'override', 'workflow'`,
              type: "union_tag_invalid",
            },
      ],
    }
  }
  const detail: ValidationDetail[] = []
  for (const field of STRING_FIELDS) {
    const value = json[field]
    if (value !== undefined && value !== null && typeof value !== "string")
      detail.push(notString(["body", field]))
  }
  const cid = json.correlation_id
  if (typeof cid === "string" && cid.length > CORRELATION_ID_MAX) {
    detail.push(tooLong(["body", "correlation_id"], CORRELATION_ID_MAX))
  }
  const hasDraft = typeof json.source_draft_id === "string" && json.source_draft_id !== ""
  const hasRecipe = typeof json.recipe_id === "string" && json.recipe_id !== ""
  if (hasDraft === hasRecipe) {
    detail.push({
      loc: ["body"],
      msg: "Value error, exactly one of source_draft_id or recipe_id must be given",
      type: "value_error",
    })
  }
  const metadata = json.metadata
  if (metadata !== undefined && metadata !== null) {
    if (!isRecord(metadata)) {
      detail.push({ loc: ["body", "metadata"], msg: "Input should be a valid dictionary", type: "dict_type" })
    } else {
      for (const [key, value] of Object.entries(metadata)) {
        if (!["string", "number", "boolean"].includes(typeof value)) {
          detail.push({
            loc: ["body", "metadata", key],
            msg: "Input should be a valid string, integer or boolean",
            type: "union_type",
          })
        }
      }
    }
  }
  const scenes: SimScene[] = []
  if (json.scenes === undefined || json.scenes === null) {
    detail.push(missing(["body", "scenes"]))
  } else {
    if (!Array.isArray(json.scenes)) {
      detail.push({ loc: ["body", "scenes"], msg: "Input should be a valid list", type: "list_type" })
    } else {
      json.scenes.forEach((scene, i) => {
        const checked = checkScene(scene, i, detail)
        if (checked) scenes.push(checked)
      })
      const expected = hasDraft ? draftScenes(json.source_draft_id as string) : undefined
      if (expected !== undefined && json.scenes.length !== expected) {
        detail.push({
          loc: ["body", "scenes"],
          msg: `Value error, the number of scenes (${json.scenes.length}) must equal the source draft's scene count (${expected})`,
          type: "value_error",
        })
      }
    }
  }
  return detail.length > 0 ? { ok: false, detail } : { ok: true, body: json, scenes }
}
