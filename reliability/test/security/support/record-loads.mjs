// Preloaded with `node --import` by the security tests: appends the URL of every module the
// process loads (ES modules and require alike) to the file named by VIDBRIDGE_LOADS_FILE.
import { appendFileSync } from "node:fs"
import { registerHooks } from "node:module"

const file = process.env.VIDBRIDGE_LOADS_FILE
if (file) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(file, `${url}\n`)
      return nextLoad(url, context)
    },
  })
}
