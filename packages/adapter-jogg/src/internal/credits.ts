import type { CreditEstimate, PreviewRequest, RenderRequest, VideoError } from "@vidbridge/core"
import { avatarVideoInput, unsupported } from "@vidbridge/core/adapter"
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

/** Words a presenter speaks per second (150 a minute): an avatar video's length from its script. */
export const WORDS_PER_SECOND = 2.5

/** How long a script takes to say, in seconds (at least 1). */
export const spokenSeconds = (script: string): number =>
  Math.max(1, Math.ceil(script.trim().split(/\s+/).length / WORDS_PER_SECOND))

const render = (credits: number, basis: string): CreditEstimate => ({
  provider: PROVIDER_ID,
  credits,
  estimate: true,
  basis,
})

/** A v2 avatar or template video's estimate: its length is the speech's, or the template's. */
const v2Video = (request: RenderRequest): CreditEstimate | undefined => {
  const rule = "1 credit per started 2 minutes of video"
  if (request.template !== undefined) {
    return render(1, `${rule}; the template sets the length (counted as under 2 minutes)`)
  }
  const input = avatarVideoInput(request)
  if (input === undefined) return undefined
  if (request.script !== undefined && input.endsWith("+script")) {
    const seconds = spokenSeconds(request.script)
    return render(creditsFor(seconds, "render"), `${rule} (the script spoken in about ${seconds}s)`)
  }
  return render(1, `${rule}; the recording sets the length (counted as under 2 minutes)`)
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
      const video = apiVersion === "v2" ? v2Video(request as RenderRequest) : undefined
      return Effect.succeed(
        video ??
          render(creditsFor(seconds, "render"), `1 credit per started 2 minutes of video (${seconds}s)`),
      )
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
