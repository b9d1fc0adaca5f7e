import type { UserConfig } from "tsdown"

/**
 * Build settings every package shares: ESM + `.d.ts` + source maps, one output file per
 * source file (so deep imports and tree-shaking stay simple), `.js` / `.d.ts` extensions.
 */
export const base = {
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  dts: { sourcemap: true },
  unbundle: true,
  clean: true,
  outExtensions: () => ({ js: ".js", dts: ".d.ts" }),
} satisfies UserConfig
