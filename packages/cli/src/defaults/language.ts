import type { Voice } from "@vidbridge/core"

// Vendors name a voice's language in their own words: a tag (`en-US`), a name (`english`), or not
// at all, with the language only in the accent (`American English accent`). One test for all.

const names = new Intl.DisplayNames(["en"], { type: "language" })

/** The base of a language tag, lower case: `en` of `en-US`. */
const baseOf = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? ""

/** The English name of a language tag, lower case (`english` for `en`), if the tag is a known one. */
export const languageName = (tag: string): string | undefined => {
  try {
    const name = names.of(baseOf(tag))?.toLowerCase()
    return name === undefined || name === baseOf(tag) ? undefined : name
  } catch {
    return undefined
  }
}

/**
 * Whether `voice` speaks `language` (a tag such as `en` or `en-US`): its `language` as a tag or a
 * name, or, when the vendor gives none, the language's name as a word of its accent or name.
 */
export const speaks = (voice: Voice, language: string): boolean => {
  const base = baseOf(language)
  const name = languageName(language)
  const own = voice.language?.trim().toLowerCase()
  if (own !== undefined && own !== "") {
    return baseOf(own) === base || (name !== undefined && (own === name || own.startsWith(`${name} `)))
  }
  if (name === undefined) return false
  return new RegExp(`\\b${name}\\b`).test(`${voice.accent ?? ""} ${voice.name}`.toLowerCase())
}
