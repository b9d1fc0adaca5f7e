import type { VideoError } from "@vidbridge/core"
import type { HttpClient } from "@vidbridge/core/adapter"
import type * as Effect from "effect/Effect"
import type * as z from "zod/mini"

// The two kinds of request every Creatify endpoint is: a paid POST and a free GET.

/** A query string's values (absent ones are left out). */
export type Query = Readonly<Record<string, string | number | undefined>>

/** One request each, over core's HTTP runtime. */
export interface Calls {
  /** A POST that spends credits (never resent after an ambiguous failure); `ref` names the job it acts on. */
  readonly post: <A>(
    operation: string,
    path: string,
    body: unknown,
    schema: z.ZodMiniType<A>,
    ref?: string,
  ) => Effect.Effect<A, VideoError>
  /** A free PUT. */
  readonly put: <A>(
    operation: string,
    path: string,
    body: unknown,
    schema: z.ZodMiniType<A>,
  ) => Effect.Effect<A, VideoError>
  /** A free GET. */
  readonly get: <A>(
    operation: string,
    path: string,
    schema: z.ZodMiniType<A>,
    query?: Query,
  ) => Effect.Effect<A, VideoError>
}

const JSON_BODY = { "content-type": "application/json" } as const

/** The {@link Calls} over `http`. */
export const makeCalls = (http: HttpClient): Calls => ({
  post: (operation, path, body, schema, ref) =>
    http.requestBody({
      operation,
      method: "POST",
      path,
      body,
      headers: JSON_BODY,
      spendsCredits: true,
      schema,
      ref,
    }),
  put: (operation, path, body, schema) =>
    http.requestBody({
      operation,
      method: "PUT",
      path,
      body,
      headers: JSON_BODY,
      spendsCredits: false,
      schema,
    }),
  get: (operation, path, schema, query) =>
    http.requestBody({ operation, method: "GET", path, query, spendsCredits: false, schema }),
})

/** An id as one path segment. */
export const seg = (id: string) => encodeURIComponent(id)
