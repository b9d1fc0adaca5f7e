import type { VideoError } from "@vidbridge/core"
import type { HttpClient, RequestSpec } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import { EmptyEnvelope, envelope } from "../wire/v2.js"

// What every JoggAI endpoint shares: the call context, the `{code, msg, rid, data}` envelope
// and the request spec (free unless it says it spends credits).

/** What a call is about, for error context: the operation, and the job it concerns. */
export type Call = Pick<RequestSpec<unknown>, "operation" | "ref">

/** One JoggAI answer. */
export type Answer<A> = Effect.Effect<A, VideoError>

/** A request without its schema. */
export type Spec = Omit<RequestSpec<unknown>, "schema">

/**
 * JoggAI wraps every answer in `{code, msg, rid, data}`. A non-zero `code` is an error, classified
 * by `internal/errors.ts` inside core's runtime; what reaches here succeeded, and this reads the
 * envelope: `data` checked by its schema, or nothing (`done`) when the answer carries none we use.
 */
export const envelopeOf = (http: HttpClient) => ({
  data: <T extends z.ZodMiniType>(schema: T, spec: Spec): Answer<z.output<T>> =>
    Effect.map(
      http.requestBody({ ...spec, schema: envelope(schema) }),
      (answer) => answer.data as z.output<T>,
    ),
  done: (spec: Spec): Answer<void> => Effect.asVoid(http.requestBody({ ...spec, schema: EmptyEnvelope })),
})

/** A request about `call`; it spends no credits unless `more` says so. */
export const spec = (call: Call, method: Spec["method"], path: string, more: Partial<Spec> = {}): Spec => ({
  ...call,
  method,
  path,
  spendsCredits: false,
  ...more,
})

/** An id as one path segment. */
export const segment = (id: string): string => encodeURIComponent(id)
