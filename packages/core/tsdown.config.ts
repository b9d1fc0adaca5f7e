import { defineConfig } from "tsdown"

export default defineConfig({
  entry: ["src/index.ts", "src/testing/index.ts"],
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  dts: { sourcemap: true },
  unbundle: true,
  clean: true,
  outExtensions: () => ({ js: ".js", dts: ".d.ts" }),
  // The ./testing entry serves simulators with node:http; builtins stay imports.
  deps: { neverBundle: [/^node:/] },
})
