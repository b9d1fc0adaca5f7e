/** Where the CLI reads and writes; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** True when stderr is an interactive terminal (live progress bars only then). */
  readonly interactive: boolean
  /** The terminal's width in characters, when stderr is one (live bars are clipped to it). */
  readonly columns?: number | undefined
  readonly env: Readonly<Record<string, string | undefined>>
}

/** The process's own terminal. */
export const processIo = (): Io => ({
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY) && process.env.CI === undefined,
  columns: process.stderr.columns,
  env: process.env,
})

/** A usage error: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError"
}
