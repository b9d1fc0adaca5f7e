import { defineConfig } from "tsdown"

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: "esm",
  platform: "node",
  target: "es2022",
  sourcemap: true,
  dts: { sourcemap: true },
  unbundle: true,
  clean: true,
  outExtensions: () => ({ js: ".js", dts: ".d.ts" }),
})
