/**
 * Credits the simulator charges, from Creatify's published rules (vendors/creatify.md §9).
 * Where the vendor states nothing the simulator's own convention is noted.
 */
export const CREATIFY_PRICES = {
  /** `POST /api/links/link_with_params/` (documented). */
  linkWithParams: 1,
  /** `POST /api/links/` scrape: not stated by Creatify; the simulator charges like `link_with_params`. */
  linkFromUrl: 1,
  /** `POST /api/ai_scripts/`: about 1 credit (third-party notes). */
  aiScripts: 1,
} as const

const blocks = (seconds: number) => Math.ceil(seconds / 30)

/** `preview_list_async`: 1 credit per 30 s of video length, once for all previews of the job. */
export const previewCredits = (seconds: number): number => blocks(seconds)

/** Per-second models (`aurora_v1`, `aurora_v1_fast`); partial seconds round up. `undefined` otherwise. */
const perSecond = (seconds: number, modelVersion: string | undefined): number | undefined =>
  modelVersion === "aurora_v1"
    ? Math.ceil(seconds)
    : modelVersion === "aurora_v1_fast"
      ? Math.ceil(seconds) * 0.5
      : undefined

/** A link-to-video render: 4 credits per 30 s (`standard`), or the Aurora per-second rates. */
export const renderCredits = (seconds: number, modelVersion: string | undefined): number =>
  perSecond(seconds, modelVersion) ?? blocks(seconds) * 4

/** A custom template render: `standard` 5 credits per 30 s, `aurora_v1` 1/s, `aurora_v1_fast` 0.5/s. */
export const templateCredits = (seconds: number, modelVersion: string | undefined): number =>
  perSecond(seconds, modelVersion) ?? blocks(seconds) * 5
