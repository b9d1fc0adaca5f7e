import type { AspectRatio, JobStatus } from "@vidbridge/core"

/** The provider id: the first part of every JobRef this adapter makes. */
export const PROVIDER_ID = "jogg"

// Pure tables: neutral values <-> JoggAI values. The README repeats each table.

/** v2 aspect names (`video_spec.aspect_ratio`). */
export const v2Aspect: Readonly<Record<AspectRatio, "portrait" | "landscape" | "square">> = {
  "9:16": "portrait",
  "16:9": "landscape",
  "1:1": "square",
}

/** `open` (and v1) numeric aspect codes. */
export const openAspect: Readonly<Record<AspectRatio, 0 | 1 | 2>> = { "9:16": 0, "16:9": 1, "1:1": 2 }

/** The aspect ratio of an `open` numeric code, if it is one. */
export const aspectFromOpenCode = (code: number | null | undefined): AspectRatio | undefined =>
  (Object.entries(openAspect) as Array<[AspectRatio, number]>).find(([, c]) => c === code)?.[0]

/** Video lengths JoggAI accepts (seconds); sent as the strings "15", "30", "60". */
export const durations = [15, 30, 60] as const

/** Used when the request names no length (v2 requires one). */
export const defaultDuration = 30

/** v2 `script.style` values, spelled as in the spec. */
export const v2ScriptStyles = [
  "Don't Worry",
  "Storytime",
  "Discovery",
  "Data",
  "Top 3 reasons",
  "Light marketing",
] as const

/** Used when the request names no script style (v2 requires one). */
export const defaultScriptStyle = "Discovery"

/** `open` `script_style` values: the seed's internal name and the v1 names. */
export const openScriptStyles = [
  "Discovery_stage",
  "Don't Worry",
  "Discovery",
  "Data",
  "Top 3 reasons",
  "Soft Selling",
  "Humor & Meme",
  "Feature Explainer",
  "Soft Storytelling with Twist",
  "Expert Advice",
  "Unboxing & Review",
  "Challenge",
  "Problem/Solution",
  "Comparison",
  "Creative/Innovative",
  "Emotional Appeal",
  "Immersive Storytelling",
] as const

/** ISO 639 codes (lower case, optionally with a region) -> JoggAI language names. */
export const languages: Readonly<Record<string, string>> = {
  en: "english",
  fil: "filipino",
  fr: "french",
  de: "german",
  hi: "hindi",
  id: "indonesian",
  it: "italian",
  ja: "japanese",
  ko: "korean",
  ms: "malay",
  pt: "portuguese",
  ru: "russian",
  es: "spanish",
  th: "thai",
  vi: "vietnamese",
  ar: "arabic",
  el: "greek",
  tr: "turkish",
  sl: "slovenian",
  hr: "croatian",
  ro: "romanian",
  zh: "chinese",
  "zh-cn": "chinese",
  "zh-hans": "chinese",
  "zh-tw": "traditional-chinese",
  "zh-hant": "traditional-chinese",
  "zh-hk": "cantonese",
  yue: "cantonese",
  bn: "bengali",
  ur: "urdu",
  hu: "hungarian",
  pl: "polish",
  da: "danish",
  ml: "malayalam",
  ta: "tamil",
  te: "telugu",
  cs: "czech",
  he: "hebrew",
  iw: "hebrew",
  zu: "zulu",
  sv: "swedish",
  lt: "lithuanian",
  nl: "dutch",
  "nl-be": "flemish",
  no: "norwegian",
  nb: "norwegian",
  nn: "norwegian",
  fi: "finnish",
  bg: "bulgarian",
  lv: "latvian",
  uk: "ukrainian",
  mn: "mongolian",
  fa: "persian",
  or: "odia",
  as: "assamese",
  kn: "kannada",
  tl: "tagalog",
  am: "amharic",
  sr: "serbian",
  sk: "slovak",
  sw: "swahili",
}

/** Used when the request names no language. */
export const defaultLanguage = "english"

/** `pt-BR` -> `portuguese`: the full tag first, then the language alone. */
export const joggLanguage = (tag: string): string | undefined => {
  const lower = tag.toLowerCase()
  return languages[lower] ?? languages[lower.split("-")[0] ?? ""]
}

/** v2 video and preview statuses. */
export const v2Status: Readonly<Record<string, JobStatus>> = {
  pending: "queued",
  processing: "running",
  completed: "succeeded",
  failed: "failed",
}

/** A v2 status string -> neutral; anything else is `unknown` (kept as `vendorStatus`). */
export const fromV2Status = (status: string | number | null | undefined): JobStatus => {
  const key = typeof status === "string" ? status.toLowerCase() : undefined
  // Own keys only: a vendor value such as "constructor" must not read Object.prototype.
  return key !== undefined && Object.hasOwn(v2Status, key) ? v2Status[key]! : "unknown"
}

/** `open` project statuses (the v1 `status_code` scale). */
export const openStatus: Readonly<Record<number, JobStatus>> = {
  1: "queued",
  2: "queued",
  3: "running",
  4: "succeeded",
  5: "failed",
  99: "cancelled",
}

/** An `open` status int -> neutral; anything else is `unknown`. */
export const fromOpenStatus = (status: string | number | null | undefined): JobStatus => {
  const code = typeof status === "string" && /^\d+$/.test(status) ? Number(status) : status
  return (typeof code === "number" ? openStatus[code] : undefined) ?? "unknown"
}

/** `open` progress percent -> 0..1. */
export const fromPercent = (percent: number | null | undefined): number | undefined =>
  typeof percent === "number" && Number.isFinite(percent)
    ? Math.min(1, Math.max(0, percent / 100))
    : undefined

/**
 * Credits by JoggAI's published rule: a video costs 1 credit per started 2 minutes
 * (under 2 min = 1, 3 min = 2, 5 min = 3); a preview costs half that.
 */
export const creditsFor = (seconds: number, kind: "render" | "preview"): number => {
  const blocks = Math.max(1, Math.ceil(seconds / 120))
  return kind === "render" ? blocks : blocks * 0.5
}
