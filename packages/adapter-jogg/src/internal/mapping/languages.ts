// Languages: ISO 639 tags (the neutral `language`) -> JoggAI's language names (v2
// `script.language`, open `lang`). Pure.

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
