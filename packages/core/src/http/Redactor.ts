import * as Redacted from "effect/Redacted"

const MASK = "[REDACTED]"

/**
 * Removes known secret values from text and JSON before anything leaves the HTTP layer:
 * error excerpts, `raw` payloads, log lines. Secrets shorter than 4 characters are ignored
 * (masking them would mangle ordinary text).
 */
export interface Redactor {
  /**
   * Replaces every known secret in `text`: as is, URL-encoded, and escaped inside a JSON string
   * (also with `/` written `\/`, as PHP's `json_encode` does), so a vendor echoing a key in its
   * body cannot slip it past the mask.
   */
  readonly text: (text: string) => string
  /** Returns a copy of a JSON value with secrets replaced inside every string. */
  readonly json: <A>(value: A) => A
}

/** Makes a {@link Redactor} for the given secrets. */
export const makeRedactor = (secrets: ReadonlyArray<Redacted.Redacted<string> | string>): Redactor => {
  const needles = [
    ...new Set(
      secrets
        .map((s) => (Redacted.isRedacted(s) ? Redacted.value(s) : s))
        .filter((s) => s.length >= 4)
        .flatMap((s) => {
          const inJson = JSON.stringify(s).slice(1, -1)
          return [s, encodeURIComponent(s), inJson, inJson.replaceAll("/", "\\/")]
        }),
    ),
  ].sort((a, b) => b.length - a.length)
  const text = (value: string): string =>
    needles.reduce(
      // `includes` first: most text holds no secret, and a split allocates even when none is found.
      (acc, needle) => (acc.includes(needle) ? acc.split(needle).join(MASK) : acc),
      value,
    )
  const json = <A>(value: A): A => {
    if (needles.length === 0) return value
    const walk = (v: unknown): unknown => {
      if (typeof v === "string") return text(v)
      if (Array.isArray(v)) return v.map(walk)
      if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]))
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
