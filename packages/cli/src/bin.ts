#!/usr/bin/env node
import { processIo } from "./io.js"
import { main } from "./main.js"
import { builtInProviders } from "./providers.js"

const controller = new AbortController()
process.once("SIGINT", () => controller.abort(new Error("interrupted")))
process.once("SIGTERM", () => controller.abort(new Error("terminated")))
process.exitCode = await main(process.argv.slice(2), {
  io: processIo(),
  providers: builtInProviders,
  signal: controller.signal,
})
// The work is done: if a stray handle (a socket a vendor keeps alive) would hold the process
// open, leave anyway once output has had time to flush. The timer itself holds nothing open.
setTimeout(() => process.exit(), 2000).unref()
