import type {
  AspectRatio,
  Avatar,
  CatalogItems,
  CatalogOperation,
  Music,
  Template,
  VideoClient,
  VisualStyle,
  Voice,
} from "@vidbridge/core"
import { type Command, type Context, numberFlag, parseFlags, reportError } from "../context.js"
import { type OpenedProvider, openProvider } from "../environment.js"
import { UsageError } from "../io.js"
import { renderTable } from "../table.js"
import { about, type CommandName, MAX_SHOWN } from "./about.js"

// `vidbridge avatars|voices|music|templates|styles|credits`: a vendor's catalogs as tables, so a
// user can pick the ids `create` (and the library) take.

const aspects = (list: ReadonlyArray<AspectRatio> | undefined) => list?.join(" ") ?? ""

/** The columns of each catalog's table. */
const columns: {
  readonly [K in CatalogOperation]: ReadonlyArray<[string, (item: CatalogItems[K]) => string]>
} = {
  listAvatars: [
    ["id", (a: Avatar) => a.id],
    ["name", (a) => a.name],
    ["gender", (a) => a.gender ?? ""],
    ["kind", (a) => a.kind ?? ""],
    ["aspects", (a) => aspects(a.aspectRatios)],
    ["preview", (a) => a.previewImageUrl ?? a.previewVideoUrl ?? ""],
  ],
  listVoices: [
    ["id", (v: Voice) => v.id],
    ["name", (v) => v.name],
    ["language", (v) => v.language ?? ""],
    ["gender", (v) => v.gender ?? ""],
    ["accent", (v) => v.accent ?? ""],
    ["sample", (v) => v.sampleUrl ?? ""],
  ],
  listMusic: [
    ["id", (m: Music) => m.id],
    ["name", (m) => m.name],
    ["category", (m) => m.category ?? ""],
    ["length", (m) => (m.durationSeconds === undefined ? "" : `${m.durationSeconds} s`)],
    ["url", (m) => m.url ?? ""],
  ],
  listTemplates: [
    ["id", (t: Template) => t.id],
    ["name", (t) => t.name],
    ["aspect", (t) => t.aspectRatio ?? ""],
    [
      "variables (* required)",
      (t) => t.variables?.map((v) => `${v.name}${v.required ? "*" : ""}`).join(", ") ?? "",
    ],
    ["preview", (t) => t.previewUrl ?? ""],
  ],
  listVisualStyles: [
    ["id", (s: VisualStyle) => s.id],
    ["name", (s) => s.name],
    ["aspects", (s) => aspects(s.aspectRatios)],
  ],
}

/** Opens `--provider` (live with keys, else its simulator, saying so) for one catalog command. */
const open = async (values: { provider?: string; simulate?: boolean; json?: boolean }, context: Context) => {
  if (values.provider === undefined) throw new UsageError("--provider is required")
  const provider = await openProvider(values.provider, context.providers, context.io.env, {
    simulate: values.simulate,
  })
  if (provider.mode === "simulator" && !values.json) {
    context.io.err(`${provider.id}: no API keys set, reading the simulator's catalog on 127.0.0.1\n`)
  }
  return provider
}

/**
 * One page of `limit` items, or (no `limit`) every page up to {@link MAX_SHOWN} items; with the
 * cursor that continues right after the last item read (whole pages only, so it is exact).
 */
const readItems = async <K extends CatalogOperation>(
  client: VideoClient,
  operation: K,
  query: { readonly search?: string | undefined; readonly cursor?: string | undefined },
  limit: number | undefined,
  signal: AbortSignal | undefined,
) => {
  const items: Array<CatalogItems[K]> = []
  const seen = new Set<string>()
  let cursor = query.cursor
  do {
    const page = await client[operation]({ ...query, cursor, limit: limit ?? 100 }, { signal })
    items.push(...(page.items as ReadonlyArray<CatalogItems[K]>))
    cursor = page.cursor
    if (cursor !== undefined && seen.has(cursor))
      throw new Error(`${client.provider}'s pages go round in a circle`)
    if (cursor !== undefined) seen.add(cursor)
  } while (limit === undefined && cursor !== undefined && items.length < MAX_SHOWN)
  return { items, cursor }
}

const catalogCommand = <K extends CatalogOperation>(
  name: CommandName & ("avatars" | "voices" | "music" | "templates" | "styles"),
  operation: K,
  noun: string,
): Command => ({
  ...about[name],
  run: async (args, context) => {
    const { values } = parseFlags(args, {
      provider: { type: "string" },
      search: { type: "string" },
      limit: { type: "string" },
      cursor: { type: "string" },
      simulate: { type: "boolean" },
    })
    const limit = numberFlag("limit", values.limit)
    if (limit !== undefined && limit > 100) throw new UsageError(`--limit must be at most 100 (got ${limit})`)
    const json = Boolean(values.json)
    const provider = await open(values, context)
    try {
      const query = { search: values.search, cursor: values.cursor }
      const { items, cursor } = await readItems(provider.client, operation, query, limit, context.signal)
      if (json) {
        context.io.out(
          `${JSON.stringify({ ok: true, provider: provider.id, mode: provider.mode, items, cursor })}\n`,
        )
        return 0
      }
      const table = columns[operation] as ReadonlyArray<[string, (item: CatalogItems[K]) => string]>
      context.io.out(
        items.length === 0
          ? `no ${noun} found${values.search ? ` matching "${values.search}"` : ""}\n`
          : renderTable(
              table.map(([header]) => header),
              items.map((item) => table.map(([, cell]) => cell(item))),
            ),
      )
      if (cursor !== undefined) {
        context.io.out(`more: vidbridge ${name} --provider ${provider.id} --cursor ${cursor}\n`)
      }
      return 0
    } catch (error) {
      return reportError(context.io, json, error)
    } finally {
      await provider.close()
    }
  },
})

/** `vidbridge avatars` */
export const avatars = catalogCommand("avatars", "listAvatars", "avatars")
/** `vidbridge voices` */
export const voices = catalogCommand("voices", "listVoices", "voices")
/** `vidbridge music` */
export const music = catalogCommand("music", "listMusic", "music tracks")
/** `vidbridge templates` */
export const templates = catalogCommand("templates", "listTemplates", "templates")
/** `vidbridge styles` */
export const styles = catalogCommand("styles", "listVisualStyles", "visual styles")

/** `vidbridge credits` */
export const credits: Command = {
  ...about.credits,
  run: async (args, context) => {
    const { values } = parseFlags(args, { provider: { type: "string" }, simulate: { type: "boolean" } })
    const json = Boolean(values.json)
    const provider: OpenedProvider = await open(values, context)
    try {
      const balance = await provider.client.getCreditBalance({ signal: context.signal })
      context.io.out(
        json
          ? `${JSON.stringify({ ok: true, provider: provider.id, mode: provider.mode, balance })}\n`
          : renderTable(
              ["provider", "remaining", "unit"],
              [[provider.id, String(balance.remaining), balance.unit]],
            ),
      )
      return 0
    } catch (error) {
      return reportError(context.io, json, error)
    } finally {
      await provider.close()
    }
  },
}
