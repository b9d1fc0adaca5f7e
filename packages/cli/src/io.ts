/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** True when stderr is an interactive terminal (live progress bars only then). */
  readonly interactive: boolean
  /** The terminal's width in characters, when stderr is one (live bars are clipped to it). */
  readonly columns?: number | undefined
  readonly env: Readonly<Record<string, string | undefined>>
  /**
   * Asks a yes/no question on the terminal and answers `true` for yes. Present only when a
   * person can answer (stdin and stderr are terminals); commands that would spend credits
   * without it refuse unless told `--yes`.
   */
  readonly confirm?: ((question: string) => Promise<boolean>) | undefined
}

/** The process's own terminal. */
export const processIo = (): Io => ({
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY) && process.env.CI === undefined,
  columns: process.stderr.columns,
  env: process.env,
  confirm: process.stdin.isTTY && process.stderr.isTTY ? askOnTerminal : undefined,
})

/** Asks on stderr, reads one line of stdin: `y` or `yes` (any case) is yes, anything else no. */
const askOnTerminal = async (question: string): Promise<boolean> => {
  const { createInterface } = await import("node:readline/promises")
  const lines = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^\s*y(es)?\s*$/i.test(await lines.question(`${question} [y/N] `))
  } finally {
    lines.close()
  }
}

/** A usage error: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError"
}
