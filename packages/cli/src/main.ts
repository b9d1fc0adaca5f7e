import { VideoError } from "@vidbridge/core"
import { batch } from "./commands/batch.js"
import { avatars, credits, music, styles, templates, voices } from "./commands/catalogs.js"
import { compare } from "./commands/compare.js"
import { create } from "./commands/create.js"
import { demo } from "./commands/demo.js"
import { download } from "./commands/download.js"
import { status, wait } from "./commands/jobs.js"
import { providers } from "./commands/providers.js"
import { simulators } from "./commands/simulators.js"
import { worker } from "./commands/worker.js"
import type { Command, Context } from "./context.js"
import { UsageError } from "./io.js"

/** Every subcommand, in help order. */
export const commands: ReadonlyArray<Command> = [
  create,
  status,
  wait,
  download,
  compare,
  batch,
  worker,
  demo,
  providers,
  avatars,
  voices,
  music,
  templates,
  styles,
  credits,
  simulators,
]

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
export const main = async (argv: ReadonlyArray<string>, context: Context): Promise<number> => {
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
    return await command.run(rest, context)
  } catch (error) {
    if (error instanceof UsageError) {
      context.io.err(`error: ${error.message}\nusage: ${command.usage}\n`)
      return 2
    }
    if (error instanceof VideoError && error.reason._tag === "InvalidInput") {
      context.io.err(`error: ${error.message}\n`)
      return 2
    }
    context.io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}
