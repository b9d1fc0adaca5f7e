#!/usr/bin/env node
import { processIo } from "./io.js"
import { main } from "./main.js"
import { builtInProviders } from "./providers.js"

const controller = new AbortController()
process.once("SIGINT", () => controller.abort(new Error("interrupted")))
process.exitCode = await main(process.argv.slice(2), {
  io: processIo(),
  providers: builtInProviders,
  signal: controller.signal,
})
