/** DRF's field errors: `{field: [messages]}` (answered with HTTP 400). */
export type FieldErrors = Record<string, string[]>

/** A checked request body, or the field errors that reject it. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: FieldErrors }

/** Creatify's `aspect_ratio` values. */
export const ASPECT_RATIOS = ["16x9", "1x1", "9x16"] as const
/** Creatify's `video_length` values (seconds). */
export const VIDEO_LENGTHS = [15, 30, 60] as const
/** Creatify's `model_version` values. */
export const MODEL_VERSIONS = ["standard", "aurora_v1", "aurora_v1_fast"] as const
/** The longest `webhook_url` Creatify accepts. */
export const WEBHOOK_URL_MAX = 200
/** How many ids the list endpoints accept in `ids`. */
export const IDS_MAX = 100

export const REQUIRED = "This field is required."

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Collects field errors while reading a body. */
export const reader = (json: Record<string, unknown>) => {
  const errors: FieldErrors = {}
  const add = (field: string, message: string) => {
    errors[field] ??= []
    errors[field]!.push(message)
  }
  const present = (field: string) => json[field] !== undefined && json[field] !== null
  const string = (field: string, options: { required?: boolean; max?: number } = {}): string | undefined => {
    const value = json[field]
    if (!present(field)) {
      if (options.required) add(field, REQUIRED)
      return undefined
    }
    if (typeof value !== "string") {
      add(field, "Not a valid string.")
      return undefined
    }
    if (options.required && value.trim() === "") add(field, "This field may not be blank.")
    if (options.max !== undefined && value.length > options.max) {
      add(field, `Ensure this field has no more than ${options.max} characters.`)
    }
    return value
  }
  const choice = <T extends string | number>(field: string, values: ReadonlyArray<T>): T | undefined => {
    if (!present(field)) return undefined
    const value = json[field] as T
    if (!values.includes(value)) add(field, `"${String(value)}" is not a valid choice.`)
    return value
  }
  const strings = (field: string, values?: ReadonlyArray<string>): string[] | undefined => {
    if (!present(field)) return undefined
    const value = json[field]
    if (!Array.isArray(value)) {
      add(field, `Expected a list of items but got type "${typeof value}".`)
      return undefined
    }
    value.forEach((item) => {
      if (typeof item !== "string") add(field, "Not a valid string.")
      else if (values !== undefined && !values.includes(item)) add(field, `"${item}" is not a valid choice.`)
    })
    return value.filter((item): item is string => typeof item === "string")
  }
  const url = (field: string, max: number): string | undefined => {
    const value = string(field, { max })
    if (value === undefined) return undefined
    try {
      const parsed = new URL(value)
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") add(field, "Enter a valid URL.")
    } catch {
      add(field, "Enter a valid URL.")
    }
    return value
  }
  const boolean = (field: string) => {
    if (present(field) && typeof json[field] !== "boolean") add(field, "Must be a valid boolean.")
  }
  return { errors, add, string, choice, strings, url, boolean }
}

export const finish = <T>(errors: FieldErrors, value: T): Checked<T> =>
  Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value }

export const notObject = (): Checked<never> => ({
  ok: false,
  errors: { non_field_errors: ["Invalid data. Expected a dictionary, but got list."] },
})

/** `POST /api/links/`: `url` required, at most 1000 characters. */
export const checkLinkCreate = (json: unknown): Checked<{ readonly url: string }> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const url = r.url("url", 1000)
  if (url === undefined && r.errors.url === undefined) r.add("url", REQUIRED)
  return finish(r.errors, { url: url ?? "" })
}

/** The product fields of `link_with_params` and `PUT /api/links/{id}/`. */
export interface LinkFields {
  readonly title?: string | undefined
  readonly description?: string | undefined
  readonly image_urls?: ReadonlyArray<string> | undefined
  readonly video_urls?: ReadonlyArray<string> | undefined
  readonly logo_url?: string | undefined
  readonly reviews?: unknown
}

/** Product fields: `title` up to 1000 characters, `logo_url` up to 200, URL lists. */
export const checkLinkFields = (json: unknown): Checked<LinkFields> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const fields: LinkFields = {
    title: r.string("title", { max: 1000 }),
    description: r.string("description"),
    image_urls: r.strings("image_urls"),
    video_urls: r.strings("video_urls"),
    logo_url: r.string("logo_url", { max: 200 }),
    reviews: json.reviews,
  }
  return finish(r.errors, fields)
}

/** The fields shared by `preview_list_async` and the direct `POST /api/link_to_videos/`. */
export interface VideoFields {
  readonly link: string
  readonly videoLength: number
  readonly webhookUrl: string | undefined
  readonly modelVersion: string | undefined
  readonly aspectRatio: string | undefined
}

const videoFields = (r: ReturnType<typeof reader>, json: Record<string, unknown>): VideoFields => {
  const link = r.string("link", { required: true })
  const videoLength = r.choice("video_length", VIDEO_LENGTHS)
  const webhookUrl = r.url("webhook_url", WEBHOOK_URL_MAX)
  const modelVersion = r.choice("model_version", MODEL_VERSIONS)
  const aspectRatio = r.choice("aspect_ratio", ASPECT_RATIOS)
  r.string("name", { max: 255 })
  r.string("language")
  r.string("script_style")
  r.string("override_script")
  r.string("override_avatar")
  r.string("override_voice")
  r.url("background_music_url", 255)
  for (const flag of [
    "no_background_music",
    "no_caption",
    "no_emotion",
    "no_cta",
    "no_stock_broll",
    "is_hidden",
  ]) {
    r.boolean(flag)
  }
  for (const volume of ["background_music_volume", "voiceover_volume"]) {
    const value = json[volume]
    if (value !== undefined && value !== null && (typeof value !== "number" || value < 0 || value > 1)) {
      r.add(volume, "Ensure this value is between 0.0 and 1.0.")
    }
  }
  return { link: link ?? "", videoLength: videoLength ?? 30, webhookUrl, modelVersion, aspectRatio }
}

/** `POST /api/link_to_videos/preview_list_async/`: `link`, `visual_styles` (non-empty), lengths, ratios. */
export const checkPreviewList = (
  json: unknown,
): Checked<
  VideoFields & { readonly visualStyles: ReadonlyArray<string>; readonly aspectRatios: ReadonlyArray<string> }
> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const fields = videoFields(r, json)
  const visualStyles = r.strings("visual_styles")
  if (visualStyles === undefined && r.errors.visual_styles === undefined) r.add("visual_styles", REQUIRED)
  else if (visualStyles !== undefined && visualStyles.length === 0) {
    r.add("visual_styles", "This list may not be empty.")
  }
  const aspectRatios = r.strings("aspect_ratios", ASPECT_RATIOS)
  r.string("target_platform")
  r.string("target_audience")
  return finish(r.errors, {
    ...fields,
    visualStyles: visualStyles ?? [],
    aspectRatios:
      aspectRatios !== undefined && aspectRatios.length > 0 ? aspectRatios : [fields.aspectRatio ?? "16x9"],
  })
}

/** The direct `POST /api/link_to_videos/`: the video fields plus one optional `visual_style`. */
export const checkDirectRender = (
  json: unknown,
): Checked<VideoFields & { readonly visualStyle: string | undefined }> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const fields = videoFields(r, json)
  const visualStyle = r.string("visual_style")
  r.string("target_platform")
  r.string("target_audience")
  return finish(r.errors, { ...fields, visualStyle })
}

/** `POST /api/link_to_videos/{id}/render_single_preview/`: `media_job` required. */
export const checkRenderSinglePreview = (json: unknown): Checked<{ readonly mediaJob: string }> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const mediaJob = r.string("media_job", { required: true })
  return finish(r.errors, { mediaJob: mediaJob ?? "" })
}

/** `POST /api/ai_scripts/`: product `title`/`description`, `video_length`, `script_styles`, `language`. */
export const checkScripts = (
  json: unknown,
): Checked<{
  readonly title: string
  readonly description: string
  readonly styles: ReadonlyArray<string>
}> => {
  if (!isRecord(json)) return notObject()
  const r = reader(json)
  const title = r.string("title", { max: 1000 })
  const description = r.string("description")
  r.choice("video_length", VIDEO_LENGTHS)
  r.string("language")
  r.string("target_audience")
  const styles = r.strings("script_styles")
  if (title === undefined && r.string("url") === undefined && r.string("link") === undefined) {
    r.add("title", "Give the product's title (or its url).")
  }
  return finish(r.errors, {
    title: title ?? "This product",
    description: description ?? "",
    styles: styles !== undefined && styles.length > 0 ? styles : ["BenefitsV2", "ProblemSolutionV2", "DIY"],
  })
}

/** The `ids` query of list endpoints: comma-separated, at most 100. */
export const checkIds = (search: URLSearchParams): Checked<ReadonlyArray<string> | undefined> => {
  const raw = search.get("ids")
  if (raw === null) return { ok: true, value: undefined }
  const ids = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
  if (ids.length === 0)
    return { ok: false, errors: { ids: ["Ensure this field has at least 1 characters."] } }
  if (ids.length > IDS_MAX) return { ok: false, errors: { ids: [`Maximum ${IDS_MAX} entries allowed.`] } }
  return { ok: true, value: ids }
}
