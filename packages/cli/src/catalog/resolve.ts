import {
  type CatalogOperation,
  catalogItems,
  type Gender,
  InvalidInput,
  type VideoClient,
  VideoError,
} from "@vidbridge/core"

// `create --avatar/--voice/--template` take a name as well as an id: the name is looked up in the
// vendor's catalog (free reads) before anything that spends credits is sent.

/** The flags that take a catalog name, and the catalog each is looked up in. */
const catalogs = {
  avatar: { operation: "listAvatars", noun: "avatar", command: "avatars" },
  voice: { operation: "listVoices", noun: "voice", command: "voices" },
  template: { operation: "listTemplates", noun: "template", command: "templates" },
  style: { operation: "listVisualStyles", noun: "visual style", command: "styles" },
} as const satisfies Record<string, { operation: CatalogOperation; noun: string; command: string }>

/** A flag that takes an id or a name. */
export type CatalogFlag = keyof typeof catalogs

// Catalogs larger than this are not searched by name: give the id.
const MAX_ITEMS = 5000

const refused = (provider: string, flag: CatalogFlag, message: string) =>
  new VideoError({
    provider,
    operation: "create",
    reason: new InvalidInput({ message: `--${flag} ${message}`, issues: [{ path: flag, message }] }),
  })

/** An item a flag named: its id, and its name when the catalog was read. */
export interface NamedItem {
  readonly id: string
  readonly name?: string | undefined
  /** An avatar's or voice's gender, where the catalog says. */
  readonly gender?: Gender | undefined
}

/**
 * The item `value` names in the provider's catalog: the item with that id, else the one item
 * with that name (case-insensitive). Several items of that name, or none, fail `InvalidInput`
 * naming the flag and listing the candidates or saying how to list the catalog. A provider
 * without the catalog gets `{ id: value }` (its adapter checks it).
 */
export const resolveCatalogItem = async (
  client: VideoClient,
  flag: CatalogFlag,
  value: string,
  signal?: AbortSignal,
): Promise<NamedItem> => {
  const { operation, noun, command } = catalogs[flag]
  if (!client.capabilities().operations.includes(operation)) return { id: value }
  const wanted = value.trim().toLowerCase()
  const named: Array<{ readonly id: string; readonly name: string; readonly detail: string }> = []
  const itemOf = (item: { readonly id: string; readonly name: string }): NamedItem => {
    const gender = (item as { readonly gender?: Gender }).gender
    return { id: item.id, name: item.name, ...(gender === undefined ? {} : { gender }) }
  }
  let read = 0
  const items = catalogItems((query) => client[operation]({ ...query, limit: 100 }, { signal }))
  for await (const item of items) {
    if (item.id === value) return itemOf(item)
    if (item.name.trim().toLowerCase() === wanted) named.push({ ...item, detail: detailOf(item) })
    if (++read >= MAX_ITEMS) {
      throw refused(
        client.provider,
        flag,
        `"${value}": the ${noun} catalog is too large to search by name; give the id`,
      )
    }
  }
  if (named.length === 1) return itemOf(named[0]!)
  if (named.length === 0) {
    throw refused(
      client.provider,
      flag,
      `"${value}" is no ${noun} id or name on ${client.provider}; list them with: vidbridge ${command} --provider ${client.provider} --search "${value}"`,
    )
  }
  const candidates = named.map((c) => `${c.id} (${[c.name, c.detail].filter(Boolean).join(", ")})`)
  throw refused(
    client.provider,
    flag,
    `"${value}" names ${named.length} ${noun}s on ${client.provider}: ${candidates.join("; ")}; give one id`,
  )
}

/** The id `value` names in the provider's catalog (see {@link resolveCatalogItem}). */
export const resolveCatalogId = async (
  client: VideoClient,
  flag: CatalogFlag,
  value: string,
  signal?: AbortSignal,
): Promise<string> => (await resolveCatalogItem(client, flag, value, signal)).id

// What tells same-named items apart in a message.
const detailOf = (item: object): string => {
  const fields = item as Record<string, unknown>
  return ["language", "accent", "gender", "kind", "aspectRatio"]
    .map((key) => fields[key])
    .filter((v): v is string => typeof v === "string")
    .join(", ")
}

/**
 * Resolves each of `--avatar`, `--voice` and `--template` that is set (see {@link resolveCatalogId}),
 * one after another; answers the same object with ids.
 */
export const resolveCatalogIds = async <
  I extends Partial<Record<"avatar" | "voice" | "template", string | undefined>>,
>(
  client: VideoClient,
  input: I,
  signal?: AbortSignal,
): Promise<I> => {
  const out: Record<string, unknown> = { ...input }
  for (const flag of ["avatar", "voice", "template"] as const) {
    const value = input[flag]
    if (value !== undefined) out[flag] = await resolveCatalogId(client, flag, value, signal)
  }
  return out as I
}
