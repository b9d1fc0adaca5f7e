import { type Command, parseFlags } from "../context.js"
import { compare } from "./compare.js"

/** `vidbridge demo`: the comparison on every simulated vendor, with a sample product page. */
export const demo: Command = {
  name: "demo",
  summary: "run compare on every vendor's simulator against a sample product page (no keys needed)",
  usage: "vidbridge demo [--json]",
  run: async (args, context) => {
    const { values } = parseFlags(args, {})
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
        ["--url", page.url, "--providers", providers, "--simulate", ...(values.json ? ["--json"] : [])],
        context,
      )
    } finally {
      await page.close()
    }
  },
}
