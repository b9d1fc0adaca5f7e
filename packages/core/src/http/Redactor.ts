import * as Redacted from "effect/Redacted"

const MASK = "[REDACTED]"

/** Secrets this short are masked only where they stand alone (see {@link Redactor}). */
const SHORT = 4

/** Letters, digits and `_`: what a short secret must not touch to count as standing alone. */
const WORD = "[\\p{L}\\p{N}_]"
const wordChar = /^[\p{L}\p{N}_]$/u
// Not after a word character, unless that character ends a JSON escape (`\nab` in JSON text is
// a newline, then `ab`).
const AFTER_NO_WORD = `(?<!(?<!\\\\)${WORD})`

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

/** How a secret can be spelled in vendor text: as is, URL-encoded, escaped in a JSON string. */
const spellings = (secret: string): ReadonlyArray<string> => {
  const inJson = JSON.stringify(secret).slice(1, -1)
  return [secret, encodeURIComponent(secret), inJson, inJson.replaceAll("/", "\\/")]
}

/**
 * Removes known secret values from text and JSON before anything leaves the HTTP layer:
 * error excerpts, `raw` payloads, log lines, observer events. Every secret is masked whatever
 * its length. One of 4 characters or more is replaced wherever it occurs. A shorter one (a
 * 1-3 character header value, say) is replaced where it stands alone: not touching a letter,
 * digit or `_` (a whole word, a whole JSON string value, a whole header value), so `"ab"` is
 * masked in `key ab refused` and `{"k":"ab"}` but ordinary words containing it are left alone.
 * Empty and whitespace-only values are not secrets.
 */
export interface Redactor {
  /**
   * Replaces every known secret in `text`: as is, URL-encoded, and escaped inside a JSON string
   * (also with `/` written `\/`, as PHP's `json_encode` does), so a vendor echoing a key in its
   * body cannot slip it past the mask.
   */
  readonly text: (text: string) => string
  /** Returns a copy of a JSON value with secrets replaced inside every string (keys included). */
  readonly json: <A>(value: A) => A
}

/** Makes a {@link Redactor} for the given secrets. */
export const makeRedactor = (secrets: ReadonlyArray<Redacted.Redacted<string> | string>): Redactor => {
  const values = [
    ...new Set(
      secrets.map((s) => (Redacted.isRedacted(s) ? Redacted.value(s) : s)).filter((s) => s.trim() !== ""),
    ),
  ]
  const byLength = (a: string, b: string) => b.length - a.length
  const needles = [...new Set(values.filter((s) => s.length >= SHORT).flatMap(spellings))].sort(byLength)
  const shortSpellings = [...new Set(values.filter((s) => s.length < SHORT).flatMap(spellings))].sort(
    byLength,
  )
  // A short spelling matches only where its ends do not run into a word character.
  const shortPattern =
    shortSpellings.length === 0
      ? undefined
      : new RegExp(
          shortSpellings
            .map(
              (s) =>
                `${wordChar.test(s[0]!) ? AFTER_NO_WORD : ""}${escapeRegExp(s)}${wordChar.test(s.at(-1)!) ? `(?!${WORD})` : ""}`,
            )
            .join("|"),
          "gu",
        )
  const text = (value: string): string => {
    // `includes` first: most text holds no secret, and a split allocates even when none is found.
    const masked = needles.reduce(
      (acc, needle) => (acc.includes(needle) ? acc.split(needle).join(MASK) : acc),
      value,
    )
    return shortPattern === undefined ? masked : masked.replace(shortPattern, MASK)
  }
  const json = <A>(value: A): A => {
    if (needles.length === 0 && shortPattern === undefined) return value
    const walk = (v: unknown): unknown => {
      if (typeof v === "string") return text(v)
      if (Array.isArray(v)) return v.map(walk)
      if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.entries(v).map(([k, inner]) => [text(k), walk(inner)]))
      }
      return v
    }
    return walk(value) as A
  }
  return { text, json }
}

// A JSON member with a string value (a value cut off by the end of the text counts too). The
// name is bounded and the value's alternatives are disjoint, so matching stays linear.
const STRING_MEMBER = /"([^"\\]{1,128})"(\s*:\s*)"(?:[^"\\]|\\.)*(?:"|$)/g
const SECRET_NAME = /secret|token|password|passwd|api[-_]?key|private[-_]?key|credential/i

/**
 * Masks the string values of JSON members named like credentials (`secret`, `token`,
 * `password`, `api_key`, ...). For text shown in errors: a vendor answer can carry a secret
 * the client never knew, such as a webhook signing secret minted by the call itself.
 */
export const maskSecretMembers = (text: string): string =>
  text.replace(STRING_MEMBER, (member: string, name: string, colon: string) =>
    SECRET_NAME.test(name) ? `"${name}"${colon}"${MASK}"` : member,
  )
