import { defineConfig } from "tsdown"
import { base } from "../../tsdown.base.ts"

export default defineConfig({
  ...base,
  entry: ["src/index.ts", "src/adapter/index.ts", "src/Capabilities.ts", "src/testing/index.ts"],
  // The ./testing entry serves simulators with node:http; builtins stay imports.
  deps: { neverBundle: [/^node:/] },
})
