import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type { VideoError } from "./VideoError.js"

/** Runs an Effect for the Promise API: typed failures reject as themselves. */
export const runPromise = async <A>(
  effect: Effect.Effect<A, VideoError>,
  signal?: AbortSignal,
): Promise<A> => {
  signal?.throwIfAborted()
  const exit = await Effect.runPromiseExit(effect, signal ? { signal } : undefined)
  if (Exit.isSuccess(exit)) return exit.value
  const failure = exit.cause.reasons.find((r) => r._tag === "Fail")
  if (failure !== undefined) throw failure.error
  if (Cause.hasInterrupts(exit.cause) && signal?.aborted) throw signal.reason
  throw Cause.squash(exit.cause)
}
