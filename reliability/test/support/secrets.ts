// Recognisable credentials, and a deep search for them (and their obvious encodings) in anything
// a failing call can hand to an app: errors, their JSON, causes, stacks, raw payloads, log lines.
import { inspect } from "node:util"
import { Redacted } from "effect"

/** Every credential the suite configures; each contains `MARKER`, so even a partial leak shows. */
export const SECRETS = {
  creatifyApiId: "RECOGNISABLE-ID-creatify-7f3a",
  // API keys are often base64-like: `/` and `+` also test JSON-escaped and URL-encoded forms.
  creatifyApiKey: "RECOGNISABLE-KEY-creatify/91c2+Zq==",
  creatifyHook: "RECOGNISABLE-HOOK-creatify-5d0e",
  joggApiKey: "RECOGNISABLE-KEY-jogg/2b7c+Qw==",
  joggHook: "RECOGNISABLE-HOOK-jogg-8e41",
  draftsApiKey: "RECOGNISABLE-KEY-drafts/c3f9+Lm==",
  draftsHook: "RECOGNISABLE-HOOK-drafts-47aa",
  /** A wrong key a misconfigured app sends: a credential too. */
  wrongKey: "RECOGNISABLE-WRONG-key/0d1e+Pp==",
} as const

/** Appears in every secret above and nowhere else. */
export const MARKER = "RECOGNISABLE"

const needlesOf = (secret: string): ReadonlyArray<readonly [string, string]> => {
  const json = JSON.stringify(secret).slice(1, -1)
  const bytes = Buffer.from(secret)
  return [
    ["raw", secret],
    ["URL-encoded", encodeURIComponent(secret)],
    ["form-encoded", new URLSearchParams({ v: secret }).toString().slice(2)],
    ["JSON-escaped", json],
    ["JSON-escaped with \\/", json.replaceAll("/", "\\/")],
    ["base64", bytes.toString("base64").replace(/=+$/, "")],
    ["base64url", bytes.toString("base64url")],
    ["hex", bytes.toString("hex")],
    ["tail", secret.slice(-10)],
  ]
}

/** Looks for base64 runs that decode to text containing a secret (any alignment, e.g. `Basic id:key`). */
const decodedBase64 = (text: string): string[] =>
  [...text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)].map((m) =>
    Buffer.from(m[0].replaceAll("-", "+").replaceAll("_", "/"), "base64").toString("latin1"),
  )

/** Every string a value could show someone: fields (also non-enumerable), getters, JSON, inspect, String. */
export const renderings = (value: unknown): string[] => {
  const out: string[] = []
  const seen = new WeakSet<object>()
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === "string") return void out.push(v)
    if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint")
      return void out.push(String(v))
    if (v === null || typeof v !== "object" || depth > 14 || seen.has(v)) return
    seen.add(v)
    // A Redacted must stay opaque: what it prints is what an app would print.
    if (Redacted.isRedacted(v)) return void out.push(String(v), inspect(v), JSON.stringify(v) ?? "")
    if (v instanceof Error) {
      out.push(String(v), v.message, v.stack ?? "")
      walk(v.cause, depth + 1)
    }
    if (v instanceof Headers) {
      for (const [key, value] of v) out.push(`${key}: ${value}`)
      return
    }
    const toJSON = (v as { toJSON?: unknown }).toJSON
    if (typeof toJSON === "function") {
      try {
        walk(toJSON.call(v), depth + 1)
      } catch {
        // not serialisable: the other renderings cover it
      }
    }
    for (const key of Reflect.ownKeys(v)) {
      out.push(String(key))
      const descriptor = Object.getOwnPropertyDescriptor(v, key)
      if (descriptor && "value" in descriptor) walk(descriptor.value, depth + 1)
    }
    // Getters of errors and tagged reasons (`message`, `retryable`) live on their prototypes.
    if (v instanceof Error || "_tag" in v) {
      for (let proto = Object.getPrototypeOf(v); proto && proto !== Object.prototype; ) {
        for (const key of Object.getOwnPropertyNames(proto)) {
          const getter = Object.getOwnPropertyDescriptor(proto, key)?.get
          if (getter) {
            try {
              walk(getter.call(v), depth + 1)
            } catch {
              // a getter that throws shows nothing
            }
          }
        }
        proto = Object.getPrototypeOf(proto)
      }
    }
  }
  walk(value, 0)
  try {
    out.push(JSON.stringify(value) ?? "")
  } catch {
    // cyclic: the walk covered it
  }
  out.push(inspect(value, { depth: 14, showHidden: true, getters: true }))
  try {
    out.push(String(value))
  } catch {
    // no string form
  }
  return out
}

/** Where each secret (or an encoding of it) shows up in `value`; empty when nowhere. */
export const findSecrets = (value: unknown, extra: ReadonlyArray<string> = []): string[] => {
  const found = new Set<string>()
  const texts = renderings(value)
  const secrets = [...Object.values(SECRETS), ...extra]
  for (const text of [...texts, ...texts.flatMap(decodedBase64)]) {
    if (text.includes(MARKER)) found.add(`marker in ${JSON.stringify(excerptAround(text, MARKER))}`)
    for (const secret of secrets) {
      for (const [encoding, needle] of needlesOf(secret)) {
        if (needle.length >= 8 && text.includes(needle)) {
          found.add(`${encoding} ${JSON.stringify(secret)} in ${JSON.stringify(excerptAround(text, needle))}`)
        }
      }
    }
  }
  return [...found]
}

const excerptAround = (text: string, needle: string): string => {
  const at = text.indexOf(needle)
  return text.slice(Math.max(0, at - 60), at + needle.length + 60)
}

/** Fails naming what leaked where; `what` says which value was searched. */
export const assertNoSecret = (what: string, value: unknown, extra: ReadonlyArray<string> = []): void => {
  const found = findSecrets(value, extra)
  if (found.length > 0) throw new Error(`${what} leaks a credential:\n  ${found.join("\n  ")}`)
}

/** What a rejected promise rejected with; fails when it resolved. */
export const failureOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error("expected the call to fail, but it succeeded")
}
