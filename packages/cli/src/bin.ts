#!/usr/bin/env node
import { enableCompileCache } from "node:module"

// Node's compile cache (on disk, in the OS temp folder): a second run of `vidbridge` skips
// compiling its few hundred modules again. Enabled before anything else is imported, so the
// modules below are cached too; where Node cannot cache, it says so and the command runs as before.
enableCompileCache?.()

const { processIo } = await import("./io.js")
const { main } = await import("./main.js")
const { builtInSummaries } = await import("./summaries.js")

const controller = new AbortController()
process.once("SIGINT", () => controller.abort(new Error("interrupted")))
process.once("SIGTERM", () => controller.abort(new Error("terminated")))
process.exitCode = await main(process.argv.slice(2), {
  io: processIo(),
  // The vendors' code loads when a command runs, not for `--help`.
  providers: async () => (await import("./providers.js")).builtInProviders,
  // `vidbridge providers` lists these without loading any vendor's code.
  summaries: builtInSummaries,
  signal: controller.signal,
})
// The work is done: if a stray handle (a socket a vendor keeps alive) would hold the process
// open, leave anyway once output has had time to flush. The timer itself holds nothing open.
setTimeout(() => process.exit(), 2000).unref()
