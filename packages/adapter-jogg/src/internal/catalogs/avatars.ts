import type { Avatar, CatalogPage, CatalogQuery, VideoError } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import * as z from "zod/mini"
import type { JoggV2Api } from "../client/v2.js"
import { aspectFromOpenCode } from "../mapping/open.js"
import { str } from "../mapping/refs.js"
import type { AvatarItem } from "../wire/catalogs.js"
import { type At, catalogOptions, catalogPage, genderOf, slice } from "./paging.js"

// `listAvatars`: JoggAI's public, custom, photo and product avatars, read in that order. Ids are
// what the create calls take: `"<n>"` for a public avatar (avatar_type 0), `"custom:<n>"` for the
// others (avatar_type 1, which JoggAI's guides say photo avatars use too).

const lists = ["public", "custom", "photo", "product"] as const
const aspect = z.enum(["portrait", "landscape", "square"])

/** `providerOptions.jogg` of `listAvatars`: `kind` (one list), and the public list's filters. */
const AvatarOptions = z.strictObject({
  kind: z.optional(z.enum(lists)),
  aspect_ratio: z.optional(aspect),
  style: z.optional(z.enum(["professional", "social"])),
  gender: z.optional(z.enum(["female", "male"])),
  age: z.optional(z.enum(["adult", "senior", "young_adult"])),
  scene: z.optional(
    z.enum(["lifestyle", "outdoors", "business", "studio", "health_fitness", "education", "news"]),
  ),
  ethnicity: z.optional(
    z.enum([
      "european",
      "african",
      "south_asian",
      "east_asian",
      "middle_eastern",
      "south_american",
      "north_american",
    ]),
  ),
})

const publicOnly = ["public"]
const filtersOf = {
  aspect_ratio: ["public", "product"],
  style: publicOnly,
  gender: publicOnly,
  age: publicOnly,
  scene: publicOnly,
  ethnicity: publicOnly,
}

/** Usable: completed custom avatars (`avatar_status`), photo and product avatars with status 1 (success). */
const usable = (list: string, item: AvatarItem): boolean => {
  if (list === "public") return true
  if (list === "custom") return (item.avatar_status ?? item.status ?? "completed") === "completed"
  return item.status == null || String(item.status) === "1"
}

const avatarOf = (list: string, item: AvatarItem): Avatar | undefined => {
  const n = str(item.id) ?? str(item.avatar_id)
  if (n === undefined || !usable(list, item)) return undefined
  const ratio = aspectFromOpenCode(item.aspect_ratio)
  return {
    id: list === "public" ? n : `custom:${n}`,
    name: str(item.name) ?? n,
    gender: genderOf(item.gender),
    previewImageUrl: str(item.cover_url),
    previewVideoUrl: str(item.video_url) ?? str(item.avatar_url),
    aspectRatios: ratio === undefined ? undefined : [ratio],
    kind: list,
    raw: item,
  }
}

/** One page of `listAvatars` over the avatar lists. */
export const listAvatars =
  (api: JoggV2Api) =>
  (query: CatalogQuery): Effect.Effect<CatalogPage<Avatar>, VideoError> =>
    Effect.flatMap(
      catalogOptions("listAvatars", query, AvatarOptions, lists, filtersOf),
      ({ options: { kind: _, ...filters }, sources }) =>
        catalogPage("listAvatars", query, sources, (at: At) => {
          const call = { operation: "listAvatars" }
          const name = query.search?.trim()
          const paged = { page: at.page, page_size: at.pageSize }
          // Custom and photo lists search by name and filter by status themselves.
          const own = { ...paged, name, status: "completed" }
          // JoggAI has no square product avatars (its filter takes portrait or landscape).
          if (at.source === "product" && filters.aspect_ratio === "square") {
            return Effect.succeed({ items: [], received: 0 })
          }
          const read =
            at.source === "public"
              ? api.publicAvatars({ ...paged, ...filters }, call)
              : at.source === "custom"
                ? api.customAvatars(own, call)
                : at.source === "photo"
                  ? api.photoAvatars(own, call)
                  : api.productAvatars({ aspect_ratio: filters.aspect_ratio }, call)
          return Effect.map(read, (data) => {
            const items = data.avatars ?? data.product_avatars ?? []
            // The product list comes whole: sliced into pages; the others end on a short page.
            const page = at.source === "product" ? slice(items, at) : { items, received: items.length }
            return {
              ...page,
              items: page.items.flatMap((item) => avatarOf(at.source, item) ?? []),
              searched: at.source === "custom" || at.source === "photo",
            }
          })
        }),
    )
