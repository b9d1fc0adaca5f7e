import { join } from "node:path"
import { type Command, parseFlags } from "../context.js"
import { about, DEMO_OUT } from "./about.js"
import { compare } from "./compare.js"

/** Where `vidbridge demo` writes its report and videos unless told otherwise. */
export { DEMO_OUT }

/**
 * `vidbridge demo`: the comparison on every simulated vendor, with a sample product page. It
 * writes `<out>/report.html` with the videos saved next to it (`<out>/media/`), replacing the
 * previous demo's files there, so the report plays after the simulators are gone.
 */
export const demo: Command = {
  ...about.demo,
  run: async (args, context) => {
    const { values } = parseFlags(args, { out: { type: "string" } })
    const out = values.out ?? DEMO_OUT
    // The testing kit (and msw) loads only for the commands that serve simulators.
    const { serveProductPage } = await import("@vidbridge/core/testing")
    const page = await serveProductPage()
    try {
      const providers = Object.keys(context.providers.simulators).join(",")
      if (!values.json) {
        context.io.err(
          `sample product page: ${page.url}\nvendors (simulated, no keys needed): ${providers}\n\n`,
        )
      }
      return await compare.run(
        [
          ...["--url", page.url, "--providers", providers, "--simulate"],
          ...["--report", join(out, "report.html"), "--download", join(out, "media"), "--force"],
          ...(values.json ? ["--json"] : []),
        ],
        context,
      )
    } finally {
      await page.close()
    }
  },
}
