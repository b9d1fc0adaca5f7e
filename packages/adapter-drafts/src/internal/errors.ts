import { VendorRejected, type VideoErrorReason } from "@vidbridge/core"
import type { ResponseInfo } from "@vidbridge/core/adapter"
import { HTTPValidationError } from "./wire.js"

/** `["body", "scenes", 0, "transcript"]` -> `body.scenes[0].transcript`. */
export const formatLoc = (loc: ReadonlyArray<string | number>): string =>
  loc.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc === "" ? key : `${acc}.${key}`),
    "",
  )

const sceneHint =
  "the number of scenes must equal the source draft's scene count; copy the body from the studio's " +
  '"Copy API curl" button to see the draft\'s scenes'

/**
 * Hour One's error convention: FastAPI 422 `{detail: [{loc, msg, type}]}` becomes
 * `VendorRejected` naming each field (`body.scenes[0].transcript: msg`). Everything else
 * falls back to core's HTTP status table.
 */
export const classify = (info: ResponseInfo): VideoErrorReason | undefined => {
  if (info.status !== 422) return undefined
  const parsed = HTTPValidationError.safeParse(info.json)
  const detail = parsed.success ? parsed.data.detail : undefined
  if (detail === undefined) return undefined
  const messages = detail.map((d) => {
    const where = formatLoc(d.loc)
    return where === "" ? d.msg : `${where}: ${d.msg}`
  })
  const aboutScenes = detail.some((d) => d.loc.includes("scenes"))
  return new VendorRejected({
    message: `Hour One rejected the request: ${messages.join("; ")}`,
    vendorMessages: messages,
    ...(aboutScenes ? { hint: sceneHint } : {}),
  })
}
