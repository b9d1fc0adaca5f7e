import * as Redacted from "effect/Redacted"
import * as z from "zod/mini"
import type { HttpObserver, RetryPolicy } from "./http/HttpClient.js"
import { BASE_URL_RULE, baseUrlProblem } from "./http/transportGuards.js"
import { durationInput } from "./internal/inputChecks.js"

/**
 * A credential setting: accepts a plain string or an Effect `Redacted`, always yields a
 * `Redacted` so the value cannot be printed by accident.
 */
export const secret = () =>
  z.pipe(
    z.union([
      z.string().check(z.minLength(1, "must not be empty"), z.trim()),
      z.custom<Redacted.Redacted<string>>((v) => Redacted.isRedacted(v), "must be a string or Redacted"),
    ]),
    z.transform((v): Redacted.Redacted<string> => (Redacted.isRedacted(v) ? v : Redacted.make(v))),
  )

/**
 * The transport settings every provider accepts (spread into an adapter's settings schema):
 * `baseUrl` (https:, or http: on a loopback host only), `fetch`, `timeout`, `retry`, `headers`,
 * `observer`.
 */
export const httpSettingsFields = {
  baseUrl: z.optional(
    z
      .url({ protocol: /^https?$/ })
      .check(z.refine((url) => baseUrlProblem(url) === undefined, BASE_URL_RULE)),
  ),
  fetch: z.optional(
    z.custom<typeof globalThis.fetch>((v) => typeof v === "function", "must be a fetch function"),
  ),
  timeout: z.optional(durationInput),
  retry: z.optional(
    z.union([
      z.literal(false),
      z.strictObject({
        maxRetries: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
        baseDelay: z.optional(durationInput),
        maxDelay: z.optional(durationInput),
        maxRetryAfter: z.optional(durationInput),
      }),
    ]),
  ),
  // A string is a secret (masked wherever it shows up); `{ value, public: true }` is shown as is.
  headers: z.optional(
    z.record(
      z.string(),
      z.union([z.string(), z.strictObject({ value: z.string(), public: z.optional(z.boolean()) })]),
    ),
  ),
  observer: z.optional(
    z.custom<HttpObserver>((v) => typeof v === "object" && v !== null, "must be an object"),
  ),
}

/** Types of {@link httpSettingsFields}, for adapters' settings interfaces. */
export type RetrySettings = RetryPolicy | false
