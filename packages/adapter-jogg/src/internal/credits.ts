import type { CreditEstimate, PreviewRequest, RenderRequest, VideoError } from "@vidbridge/core"
import { unsupported } from "@vidbridge/core/adapter"
import * as Effect from "effect/Effect"
import { PROVIDER_ID } from "./mapping/refs.js"
import { defaultDuration } from "./mapping/v2.js"

/**
 * Credits by JoggAI's published rule: a video costs 1 credit per started 2 minutes
 * (under 2 min = 1, 3 min = 2, 5 min = 3); a preview costs half that.
 */
export const creditsFor = (seconds: number, kind: "render" | "preview"): number => {
  const blocks = Math.max(1, Math.ceil(seconds / 120))
  return kind === "render" ? blocks : blocks * 0.5
}

/** The port's `estimateCredits` for one API generation (the `open` API has no previews). */
export const estimateCredits =
  (apiVersion: "v2" | "open") =>
  (
    request: RenderRequest | PreviewRequest,
    kind: "render" | "previews",
  ): Effect.Effect<CreditEstimate, VideoError> => {
    if (kind === "previews" && apiVersion === "open") {
      return Effect.fail(unsupported(PROVIDER_ID, "estimateCredits", "the open API has no previews"))
    }
    const seconds = request.durationSeconds ?? defaultDuration
    if (kind === "render") {
      return Effect.succeed({
        provider: PROVIDER_ID,
        credits: creditsFor(seconds, "render"),
        estimate: true,
        basis: `1 credit per started 2 minutes of video (${seconds}s)`,
      })
    }
    const preview = request as PreviewRequest
    const count = new Set([
      ...(preview.visualStyles ?? []),
      ...(preview.visualStyle ? [preview.visualStyle] : []),
    ]).size
    const previews = Math.max(1, count)
    return Effect.succeed({
      provider: PROVIDER_ID,
      credits: creditsFor(seconds, "preview") * previews,
      estimate: true,
      basis: `0.5 credit per started 2 minutes per preview (${previews} × ${seconds}s)`,
    })
  }
