// The app side of the restart tests: each vendor's adapter and the paid calls to make. Loaded by
// the client processes (plain `node`: type stripping; packages resolve to their built dist) and
// by the test. An app's process needs the adapters only, never the simulators.
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import type { AnyProviderDefinition, PreviewRequest, RenderRequest, VideoClient } from "@vidbridge/core"

/** One vendor of the restart tests, as an app uses it. */
export interface RestartVendor {
  /** The fault matrix's vendor label (its rows name this vendor's paid routes). */
  readonly label: string
  readonly definition: AnyProviderDefinition
  /** Makes what `render` and `generatePreviews` need (a product's ref), with the neutral client. */
  readonly prepare: (client: VideoClient, pageUrl: string) => Promise<string | undefined>
  readonly render: (product: string | undefined) => RenderRequest
  /** Previews, where the vendor makes them. */
  readonly previews?: (product: string | undefined) => PreviewRequest
}

const productData = {
  title: "Aurora Trail Shoe",
  description: "A featherlight trail runner.",
  imageUrls: ["https://cdn.test/a.jpg", "https://cdn.test/b.jpg", "https://cdn.test/c.jpg"],
}
const fromData = async (client: VideoClient) => (await client.createProduct(productData)).ref
const joggStyle = { avatar: "81", aspectRatio: "9:16", language: "en", durationSeconds: 30 } as const

/** The vendors by the name the processes are started with. */
export const restartVendors = {
  creatify: {
    label: "Creatify",
    definition: creatify,
    prepare: fromData,
    render: (product) => ({ product, aspectRatio: "9:16", durationSeconds: 30 }),
    previews: (product) => ({
      product: product ?? "",
      visualStyles: ["FullScreenTemplate"],
      aspectRatio: "9:16",
      durationSeconds: 30,
    }),
  },
  jogg: {
    label: "JoggAI v2",
    definition: jogg,
    prepare: fromData,
    render: (product) => ({ product, visualStyle: "Simple Product Switch", ...joggStyle }),
    previews: (product) => ({
      product: product ?? "",
      visualStyles: ["Simple Product Switch"],
      ...joggStyle,
    }),
  },
  "jogg-open": {
    label: "JoggAI open",
    definition: jogg,
    // The `open` API makes products from a page (and the product's project with it).
    prepare: async (client, pageUrl) => (await client.createProduct({ url: pageUrl })).ref,
    render: (product) => ({ product, aspectRatio: "9:16", avatar: "37" }),
  },
  drafts: {
    label: "Hour One",
    definition: drafts,
    prepare: async () => undefined,
    render: () => ({ template: "draft-1", script: "Meet the new shoe." }),
  },
} satisfies Record<string, RestartVendor>

/** A vendor's name in {@link restartVendors}. */
export type RestartVendorName = keyof typeof restartVendors

/** The vendor named `name`; throws for a name that is none. */
export const restartVendor = (name: string): RestartVendor => {
  const vendor = (restartVendors as Record<string, RestartVendor>)[name]
  if (vendor === undefined) throw new Error(`no restart vendor "${name}"`)
  return vendor
}
