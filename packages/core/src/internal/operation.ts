import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import { type Operation, Operations } from "../Capabilities.js"
import { unsupported } from "../VideoError.js"
import type { VideoProviderShape } from "../VideoProvider.js"
import { validate } from "../validate.js"

/** The provider's function for a port operation, or `UnsupportedOperation` (nothing sent). */
export const operation = <K extends Operation | "estimateCredits" | "getScripts">(
  provider: VideoProviderShape,
  name: K,
) => {
  const fn = provider[name as keyof VideoProviderShape]
  // A port operation counts only when the provider also lists it (capabilities may depend on settings).
  const listed =
    !(Operations as ReadonlyArray<string>).includes(name) ||
    (provider.capabilities.operations as ReadonlyArray<string>).includes(name)
  return typeof fn === "function" && listed
    ? Effect.succeed(fn as NonNullable<VideoProviderShape[K & keyof VideoProviderShape]>)
    : Effect.fail(unsupported(provider.id, name))
}

/** `input` against a neutral schema, as an `InvalidInput` naming the operation. */
export const checked = <S extends z.ZodMiniType>(
  provider: VideoProviderShape,
  name: string,
  schema: S,
  input: unknown,
) => validate(schema, input, { provider: provider.id, operation: name })
