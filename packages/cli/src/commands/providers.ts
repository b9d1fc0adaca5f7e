import type { Command } from "../context.js"
import { parseFlags } from "../context.js"
import { modeOf } from "../environment.js"
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

/** `vidbridge providers`: the capability matrix, and whether each runs live or simulated. */
export const providers: Command = {
  ...about.providers,
  run: async (args, { io, providers: known }) => {
    const { values } = parseFlags(args, {})
    const rows = known.definitions.map((d) => ({
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
  },
}
