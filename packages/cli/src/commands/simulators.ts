import { type Command, numberFlag, parseFlags } from "../context.js"
import { serveSimulator } from "../environment.js"
import { about } from "./about.js"

/** `vidbridge simulators`: keeps every simulator running so refs work across commands. */
export const simulators: Command = {
  ...about.simulators,
  run: async (args, context) => {
    const { values } = parseFlags(args, { speed: { type: "string" } })
    const speed = numberFlag("speed", values.speed) ?? 60
    // The testing kit (and msw) loads only for the commands that serve simulators.
    const { serveProductPage } = await import("@vidbridge/core/testing")
    const page = await serveProductPage()
    const started = await Promise.allSettled(
      Object.entries(context.providers.simulators).flatMap(([id, factory]) => {
        const definition = context.providers.definitions.find((d) => d.id === id)
        return definition ? [serveSimulator(definition, factory, { speed })] : []
      }),
    )
    const served = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []))
    const failed = started.find((s) => s.status === "rejected")
    if (failed !== undefined) {
      // Leave nothing listening when one simulator cannot start.
      await Promise.all([page.close(), ...served.map((s) => s.close())])
      throw failed.reason
    }
    context.io.out(`# sample product page: ${page.url}\n`)
    context.io.out("# simulators are running (Ctrl-C stops them); point other shells at them with:\n")
    for (const simulator of served) {
      for (const [name, value] of Object.entries(simulator.exports))
        context.io.out(`export ${name}=${value}\n`)
    }
    await new Promise<void>((resolve) => {
      if (context.signal?.aborted) return resolve()
      context.signal?.addEventListener("abort", () => resolve(), { once: true })
    })
    await Promise.all([page.close(), ...served.map((s) => s.close())])
    return 0
  },
}
