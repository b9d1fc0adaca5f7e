import { about, type CommandName } from "./commands/about.js"
import type { Command, Context } from "./context.js"
import type { CliProviders } from "./environment.js"
import { UsageError } from "./io.js"
import type { ProviderSummary } from "./summaries.js"

// Each command's module (and the vendor code under it) is imported only to run that command:
// `vidbridge --help` and `vidbridge <command> --help` read the text in commands/about.ts alone.
const modules: Record<CommandName, () => Promise<Command>> = {
  create: () => import("./commands/create.js").then((m) => m.create),
  status: () => import("./commands/jobs.js").then((m) => m.status),
  wait: () => import("./commands/jobs.js").then((m) => m.wait),
  download: () => import("./commands/download.js").then((m) => m.download),
  compare: () => import("./commands/compare.js").then((m) => m.compare),
  batch: () => import("./commands/batch.js").then((m) => m.batch),
  worker: () => import("./commands/worker.js").then((m) => m.worker),
  demo: () => import("./commands/demo.js").then((m) => m.demo),
  providers: () => import("./commands/providers.js").then((m) => m.providers),
  avatars: () => import("./commands/catalogs.js").then((m) => m.avatars),
  voices: () => import("./commands/catalogs.js").then((m) => m.voices),
  music: () => import("./commands/catalogs.js").then((m) => m.music),
  templates: () => import("./commands/catalogs.js").then((m) => m.templates),
  styles: () => import("./commands/catalogs.js").then((m) => m.styles),
  credits: () => import("./commands/catalogs.js").then((m) => m.credits),
  simulators: () => import("./commands/simulators.js").then((m) => m.simulators),
}

/** Every subcommand, in help order; each one's module loads when it runs. */
export const commands: ReadonlyArray<Command> = (Object.keys(about) as Array<CommandName>).map((name) => ({
  ...about[name],
  run: async (args, context) => (await modules[name]()).run(args, context),
}))

/**
 * What {@link main} takes: a command's {@link Context}, where `providers` may also be a function
 * loading them, called only when a command runs (so `--help` loads no vendor code).
 */
export interface MainContext extends Omit<Context, "providers"> {
  readonly providers: CliProviders | (() => Promise<CliProviders>)
  /**
   * The same providers' summaries (id, name, capabilities, variables), when known without their
   * code: `vidbridge providers` then lists them without loading `providers` (no adapter, core or
   * effect). Without it, `providers` is loaded and read.
   */
  readonly summaries?: ReadonlyArray<ProviderSummary> | undefined
}

const help = () =>
  [
    "vidbridge: make AI marketing videos of a product page, on any supported vendor",
    "",
    "usage: vidbridge <command> [options]",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(11)} ${c.summary}`),
    "",
    "Without a vendor's API keys in the environment the command uses that vendor's simulator",
    "on 127.0.0.1 and says so. Every command takes --help and --json.",
    "",
  ].join("\n")

/**
 * Runs the CLI and answers its exit code: 0 done, 1 the vendor or job failed, 2 bad usage.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { io: processIo(), providers })
 * ```
 */
export const main = async (argv: ReadonlyArray<string>, context: MainContext): Promise<number> => {
  const [name, ...rest] = argv
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    context.io.out(help())
    return name === undefined ? 2 : 0
  }
  const command = commands.find((c) => c.name === name)
  if (command === undefined) {
    context.io.err(`error: unknown command "${name}"\n\n${help()}`)
    return 2
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    context.io.out(
      `${command.summary}\n\nusage: ${command.usage}\n${command.help ? `\n${command.help}\n` : ""}`,
    )
    return 0
  }
  try {
    if (command.name === "providers" && context.summaries !== undefined) {
      const { listProviders } = await import("./commands/providers.js")
      return await listProviders(rest, context.io, context.summaries)
    }
    const providers = typeof context.providers === "function" ? await context.providers() : context.providers
    return await command.run(rest, { ...context, providers })
  } catch (error) {
    if (error instanceof UsageError) {
      context.io.err(`error: ${error.message}\nusage: ${command.usage}\n`)
      return 2
    }
    // Core is loaded by now (every command uses it); imported here so `--help` does not load it.
    const { VideoError } = await import("@vidbridge/core")
    if (error instanceof VideoError && error.reason._tag === "InvalidInput") {
      context.io.err(`error: ${error.message}\n`)
      return 2
    }
    context.io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}
