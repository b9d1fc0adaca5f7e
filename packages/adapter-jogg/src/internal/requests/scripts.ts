import type { InputIssue, ScriptRequest } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import { PROVIDER_ID } from "../mapping/refs.js"
import { defaultScriptStyle, v2ScriptStyles } from "../mapping/v2.js"
import type { V2ScriptBody } from "../wire/jobs.js"
import { checked, language, oneOf } from "./fields.js"
import { resolveProduct } from "./products.js"
import { videoLength } from "./v2.js"

/**
 * `POST /v2/ai_scripts` from a neutral script request: the product by its id, one script style
 * (JoggAI takes one per call; its answer may hold several), the length and the language.
 */
export const scriptBody = Effect.fnUntraced(function* (request: ScriptRequest) {
  const product = yield* resolveProduct(request.product, "v2", "generateScripts")
  const issues: Array<InputIssue> = []
  if (request.providerOptions?.[PROVIDER_ID] !== undefined) {
    issues.push({
      path: `providerOptions.${PROVIDER_ID}`,
      message: "generateScripts takes no JoggAI options",
    })
  }
  const styles = request.scriptStyles ?? []
  if (styles.length > 1) {
    issues.push({
      path: "scriptStyles",
      message: "JoggAI writes one script style per call (its answer may hold several); give one",
    })
  }
  const body: V2ScriptBody = {
    language: language(request.language, issues),
    video_length_seconds: videoLength(request.durationSeconds, issues),
    script_style: oneOf("scriptStyles", styles[0], v2ScriptStyles, defaultScriptStyle, issues),
    product_info: { source_type: "id", data: { id: product.id ?? "" } },
    ...(request.targetAudience !== undefined ? { target_audience: request.targetAudience } : {}),
  }
  yield* checked("generateScripts", issues)
  return body
})
