import type { CreditEstimate, PreviewRequest, RenderRequest } from "@vidbridge/core"
import { PROVIDER_ID } from "./mapping.js"

const DEFAULT_SECONDS = 30

const estimate = (credits: number, basis: string): CreditEstimate => ({
  provider: PROVIDER_ID,
  credits,
  estimate: true,
  basis,
})

/**
 * Credits from Creatify's published rules (an estimate; read `creditsUsed` on the job for the
 * fact). Previews: 1 credit per 30 s, charged once for all styles (the use-case guide; other
 * vendor pages say per preview). Render of a product: 4 per 30 s. Templates by `model_version`:
 * standard 5 per 30 s, aurora_v1 1 per second, aurora_v1_fast 0.5 per second (seconds round up).
 */
export const estimateCredits = (
  request: RenderRequest | PreviewRequest,
  kind: "render" | "previews",
  modelVersion: string | undefined,
): CreditEstimate => {
  const given = request.durationSeconds
  const seconds = given ?? DEFAULT_SECONDS
  const length = given === undefined ? `${DEFAULT_SECONDS} s (no durationSeconds given)` : `${seconds} s`
  const blocks = Math.ceil(seconds / 30)
  if (kind === "previews") {
    return estimate(blocks, `previews: 1 credit per 30 s, charged once for all styles; ${length}`)
  }
  const template = "template" in request && request.template !== undefined
  if (template || (modelVersion !== undefined && modelVersion !== "standard")) {
    if (modelVersion === "aurora_v1")
      return estimate(Math.ceil(seconds), `aurora_v1: 1 credit per second; ${length}`)
    if (modelVersion === "aurora_v1_fast") {
      return estimate(Math.ceil(seconds) * 0.5, `aurora_v1_fast: 0.5 credit per second; ${length}`)
    }
    if (template)
      return estimate(blocks * 5, `custom template, standard model: 5 credits per 30 s; ${length}`)
  }
  return estimate(blocks * 4, `render: 4 credits per 30 s; ${length}`)
}
