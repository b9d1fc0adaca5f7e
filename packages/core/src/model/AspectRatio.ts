/** The aspect ratios the neutral model speaks. Adapters map them to vendor codes. */
export const AspectRatios = ["9:16", "16:9", "1:1"] as const

/** `"9:16"` (portrait), `"16:9"` (landscape) or `"1:1"` (square). */
export type AspectRatio = (typeof AspectRatios)[number]
