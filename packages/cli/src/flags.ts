import { parseArgs } from "node:util"
import { UsageError } from "./io.js"

type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"]

/**
 * Parses flags strictly; an unknown flag or missing value is a {@link UsageError}. In a module of
 * its own (no core, no vendor code) so that `vidbridge providers` loads none.
 */
export const parseFlags = <O extends Options>(args: ReadonlyArray<string>, options: O) => {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
