import type { CreditEstimate, PreviewRequest, RenderRequest } from "@vidbridge/core"
import { avatarVideoInput } from "@vidbridge/core/adapter"
import { GUIDE_STYLES } from "./catalogs/visualStyles.js"
import { PROVIDER_ID } from "./mapping.js"

const DEFAULT_SECONDS = 30

/** Characters of script spoken per second, to time an AI Avatar video from its script. */
export const CHARS_PER_SECOND = 15

const estimate = (credits: number, basis: string): CreditEstimate => ({
  provider: PROVIDER_ID,
  credits,
  estimate: true,
  basis,
})

/** Credits per second of the per-second models; Aurora 2 at its default 720p. */
const PER_SECOND: Readonly<Record<string, number>> = { aurora_v1: 1, aurora_v1_fast: 0.5, aurora_v2: 0.7 }

/** `credits per 30 s` under `standard`, or the per-second rate of another model, for `seconds`. */
const byModel = (
  seconds: number,
  length: string,
  model: string | undefined,
  standard: { readonly per30: number; readonly what: string },
): CreditEstimate => {
  const rate = model === undefined ? undefined : PER_SECOND[model]
  return rate !== undefined
    ? estimate(Math.ceil(seconds) * rate, `${standard.what}, ${model}: ${rate} credit per second; ${length}`)
    : estimate(
        Math.ceil(seconds / 30) * standard.per30,
        `${standard.what}, standard model: ${standard.per30} credits per 30 s; ${length}`,
      )
}

/**
 * Credits from Creatify's published rules (an estimate; read `creditsUsed` on the job for the
 * fact), with `model_version` where the kind has one. Previews: 1 credit per 30 s **per preview**
 * (one per visual style and aspect ratio: the nine styles of Creatify's guide when none is given;
 * one for a custom template). Renders: a product 4 per 30 s; a custom template or an AI Avatar
 * (avatar + script) 5 per 30 s with `standard`, `aurora_v1` 1 per second, `aurora_v1_fast` 0.5 per
 * second; Aurora (image + audio) `aurora_v1` (its default) 1 per second, `aurora_v1_fast` 0.5,
 * `aurora_v2` 0.7 at 720p. Seconds round up. Without `durationSeconds`: 30 s, or for an AI Avatar
 * the script at {@link CHARS_PER_SECOND} characters a second.
 */
export const estimateCredits = (
  request: RenderRequest | PreviewRequest,
  kind: "render" | "previews",
  model: string | undefined,
): CreditEstimate => {
  const input = kind === "render" ? avatarVideoInput(request as RenderRequest) : undefined
  const spoken =
    input === "avatar+script" && request.script !== undefined
      ? Math.max(1, Math.ceil(request.script.length / CHARS_PER_SECOND))
      : undefined
  const seconds = request.durationSeconds ?? spoken ?? DEFAULT_SECONDS
  const length =
    request.durationSeconds !== undefined
      ? `${seconds} s`
      : spoken !== undefined
        ? `${seconds} s (the script at ${CHARS_PER_SECOND} characters a second)`
        : `${DEFAULT_SECONDS} s (no durationSeconds given)`
  const template = request.template !== undefined
  if (kind === "previews") {
    const preview = request as PreviewRequest
    const styles = template
      ? 1
      : (preview.visualStyles?.length ?? (preview.visualStyle !== undefined ? 1 : GUIDE_STYLES.length))
    const count = styles * (template ? 1 : (preview.aspectRatios?.length ?? 1))
    return estimate(
      Math.ceil(seconds / 30) * count,
      `previews: 1 credit per 30 s per preview, ${count} preview${count === 1 ? "" : "s"}${template ? " (custom template)" : ` (${styles} visual style${styles === 1 ? "" : "s"} x ${count / styles} aspect ratio${count / styles === 1 ? "" : "s"})`}; ${length}`,
    )
  }
  if (input === "image+audio") {
    const aurora = model !== undefined && PER_SECOND[model] !== undefined ? model : "aurora_v1"
    return byModel(seconds, length, aurora, { per30: 0, what: "Aurora" })
  }
  if (template || input === "avatar+script") {
    return byModel(seconds, length, model, {
      per30: 5,
      what: template ? "custom template" : "AI Avatar v2",
    })
  }
  return byModel(seconds, length, model, { per30: 4, what: "render of a product" })
}
