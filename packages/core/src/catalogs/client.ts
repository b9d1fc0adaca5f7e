import type {
  Avatar,
  CatalogPage,
  CatalogQuery,
  CreditBalance,
  Music,
  Template,
  VisualStyle,
  Voice,
} from "../model/Catalog.js"

/** Options of a catalog read in the Promise API: the provider to ask (default: the active one) and `signal`. */
export interface CatalogCallOptions {
  readonly provider?: string | undefined
  readonly signal?: AbortSignal | undefined
}

/**
 * The catalog reads and the balance of the Promise client (part of `VideoClient`). Each answers
 * one page, `{ items, cursor? }`; pass `cursor` back for the next one, or read them all with
 * `catalogItems`. An operation the provider lacks rejects with `UnsupportedOperation` before any
 * request, as does a bad query (`InvalidInput`: limit 1-100, cursor, search).
 *
 * @example
 * ```ts
 * const { items, cursor } = await client.listAvatars({ search: "anna", limit: 20 })
 * await client.render({ avatar: items[0].id, voice: voiceId, script: "Hello!" })
 * const { remaining, unit } = await client.getCreditBalance({ provider: "jogg" })
 * ```
 */
export interface CatalogClient {
  listAvatars(query?: CatalogQuery, options?: CatalogCallOptions): Promise<CatalogPage<Avatar>>
  listVoices(query?: CatalogQuery, options?: CatalogCallOptions): Promise<CatalogPage<Voice>>
  listMusic(query?: CatalogQuery, options?: CatalogCallOptions): Promise<CatalogPage<Music>>
  listTemplates(query?: CatalogQuery, options?: CatalogCallOptions): Promise<CatalogPage<Template>>
  listVisualStyles(query?: CatalogQuery, options?: CatalogCallOptions): Promise<CatalogPage<VisualStyle>>
  getCreditBalance(options?: CatalogCallOptions): Promise<CreditBalance>
}
