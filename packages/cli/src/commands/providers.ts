import type { Command } from "../context.js"
import { parseFlags } from "../flags.js"
import type { Io } from "../io.js"
import { modeOf } from "../mode.js"
import type { ProviderSummary } from "../summaries.js"
import { renderTable } from "../table.js"
import { about } from "./about.js"

const yes = (b: boolean) => (b ? "yes" : "-")

/** The catalog reads (and the balance) by the command that shows them. */
const catalogs = [
  ["listAvatars", "avatars"],
  ["listVoices", "voices"],
  ["listMusic", "music"],
  ["listTemplates", "templates"],
  ["listVisualStyles", "styles"],
  ["getCreditBalance", "credits"],
] as const

/**
 * Prints the capability matrix of these providers and whether each runs live or simulated. It
 * reads only their summaries, so `main` runs it on {@link MainContext.summaries} without loading
 * any provider's code (this module imports no core either).
 */
export const listProviders = async (
  args: ReadonlyArray<string>,
  io: Io,
  summaries: ReadonlyArray<ProviderSummary>,
): Promise<number> => {
  const { values } = parseFlags(args, {})
  const rows = summaries.map((d) => ({
    id: d.id,
    name: d.displayName,
    mode: modeOf(d, io.env),
    capabilities: d.capabilities,
    env: Object.values(d.env).map((v) => v.name),
  }))
  if (values.json) {
    // JSON has no Infinity (Hour One's batchStatusLimit: one request lists every job): say it.
    const finite = (_: string, v: unknown) => (v === Number.POSITIVE_INFINITY ? "Infinity" : v)
    io.out(`${JSON.stringify(rows, finite, 2)}\n`)
    return 0
  }
  const ops = [
    "createProduct",
    "generateScripts",
    "generatePreviews",
    "renderPreview",
    "render",
    "listJobs",
  ] as const
  io.out(
    renderTable(
      [
        "provider",
        "mode",
        "from URL",
        "from params",
        ...ops,
        "aspects",
        "webhooks",
        "batch status",
        "catalogs",
        "avatar videos",
      ],
      rows.map((r) => [
        r.id,
        r.mode,
        yes(r.capabilities.productFromUrl),
        yes(r.capabilities.productFromParams),
        ...ops.map((op) => yes(r.capabilities.operations.includes(op))),
        r.capabilities.aspectRatios.join(" ") || "template",
        r.capabilities.webhooks,
        String(r.capabilities.batchStatusLimit),
        catalogs
          .filter(([op]) => r.capabilities.operations.includes(op))
          .map(([, short]) => short)
          .join(" ") || "-",
        r.capabilities.avatarVideos?.join(" ") || "-",
      ]),
    ),
  )
  io.out(`\nLive mode needs: ${rows.map((r) => `${r.id}: ${r.env.join(", ")}`).join("; ")}\n`)
  return 0
}

/** `vidbridge providers`: the capability matrix, and whether each runs live or simulated. */
export const providers: Command = {
  ...about.providers,
  run: (args, { io, providers: known }) => listProviders(args, io, known.definitions),
}
