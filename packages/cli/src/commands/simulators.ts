import { serveProductPage } from "@vidbridge/core/testing"
import { type Command, parseFlags } from "../context.js"
import { openProvider } from "../environment.js"

/** `vidbridge simulators`: keeps every simulator running so refs work across commands. */
export const simulators: Command = {
  name: "simulators",
  summary: "serve every vendor simulator (and a sample product page) on 127.0.0.1 until Ctrl-C",
  usage: "vidbridge simulators [--speed 60]",
  run: async (args, context) => {
    const { values } = parseFlags(args, { speed: { type: "string" } })
    const speed = values.speed === undefined ? 60 : Number(values.speed)
    const page = await serveProductPage()
    const opened = await Promise.all(
      context.providers.definitions.map((d) =>
        openProvider(d.id, context.providers, {}, { simulate: true, speed }),
      ),
    )
    context.io.out(`sample product page: ${page.url}\n`)
    context.io.out("simulators are running (Ctrl-C stops them); point other shells at them with:\n")
    for (const provider of opened) {
      for (const [name, value] of Object.entries(provider.exports))
        context.io.out(`export ${name}=${value}\n`)
    }
    await new Promise<void>((resolve) => {
      if (context.signal?.aborted) return resolve()
      context.signal?.addEventListener("abort", () => resolve(), { once: true })
    })
    await Promise.all([page.close(), ...opened.map((p) => p.close())])
    return 0
  },
}
