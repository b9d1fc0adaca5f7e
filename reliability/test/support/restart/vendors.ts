// The vendors of the restart tests, as the processes on both sides need them: how to make the
// simulator (in the simulator process) and which paid calls to make (in the client processes).
// Loaded by plain `node` (type stripping; packages resolve to their built dist), so it imports
// packages only.
import { creatify } from "@vidbridge/adapter-creatify"
import { CREATIFY_ROUTES, createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { DRAFTS_ROUTES, createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { jogg } from "@vidbridge/adapter-jogg"
import {
  JOGG_OPEN_ROUTES,
  JOGG_V2_ROUTES,
  createSimulator as joggSimulator,
} from "@vidbridge/adapter-jogg/testing"
import type { AnyProviderDefinition, PreviewRequest, RenderRequest, VideoClient } from "@vidbridge/core"
import { makeSimClock, type VendorSimulator } from "@vidbridge/core/testing"

/** A simulator the restart tests can drive: list lag and held answers (issue 13). */
export type RestartSimulator = VendorSimulator & {
  listLag: number
  readonly holdAnswer: (route: string) => void
}

/** One vendor of the restart tests. */
export interface RestartVendor {
  /** The fault matrix's vendor label (its rows name this vendor's paid routes). */
  readonly label: string
  readonly definition: AnyProviderDefinition
  /**
   * A simulator on a manual clock whose calendar time starts now (lookups compare creation times
   * with the send), and the ids of the jobs it holds, oldest first, from its own records.
   */
  readonly simulate: () => { readonly sim: RestartSimulator; readonly jobs: () => ReadonlyArray<string> }
  /** The route `render` sends its paid request on. */
  readonly renderRoute: string
  /** Makes what `render` and `generatePreviews` need (a product), with the neutral client. */
  readonly prepare: (client: VideoClient, pageUrl: string) => Promise<string | undefined>
  readonly render: (product: string | undefined) => RenderRequest
  /** Previews, where the vendor makes them: the request and the route `renderPreview` pays on. */
  readonly previews?: {
    readonly request: (product: string | undefined) => PreviewRequest
    readonly renderPreviewRoute: string
  }
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
    simulate: () => {
      const sim = creatifySimulator({ clock: makeSimClock(), epoch: Date.now() })
      return { sim, jobs: () => sim.jobs().map((j) => j.id) }
    },
    renderRoute: CREATIFY_ROUTES.createVideo,
    prepare: fromData,
    render: (product) => ({ product, aspectRatio: "9:16", durationSeconds: 30 }),
    previews: {
      request: (product) => ({
        product: product ?? "",
        visualStyles: ["FullScreenTemplate"],
        aspectRatio: "9:16",
        durationSeconds: 30,
      }),
      renderPreviewRoute: CREATIFY_ROUTES.renderPreview,
    },
  },
  jogg: {
    label: "JoggAI v2",
    definition: jogg,
    simulate: () => {
      const sim = joggSimulator({ apiVersion: "v2", clock: makeSimClock(), epochMillis: Date.now() })
      return { sim, jobs: () => sim.jobs().map((j) => j.id) }
    },
    renderRoute: JOGG_V2_ROUTES.createVideo,
    prepare: fromData,
    render: (product) => ({ product, visualStyle: "Simple Product Switch", ...joggStyle }),
    previews: {
      request: (product) => ({
        product: product ?? "",
        visualStyles: ["Simple Product Switch"],
        ...joggStyle,
      }),
      renderPreviewRoute: JOGG_V2_ROUTES.renderPreview,
    },
  },
  "jogg-open": {
    label: "JoggAI open",
    definition: jogg,
    // A render is made on the product's project: the project is the job.
    simulate: () => {
      const sim = joggSimulator({ apiVersion: "open", clock: makeSimClock(), epochMillis: Date.now() })
      return { sim, jobs: () => sim.jobs().map((j) => j.id) }
    },
    renderRoute: JOGG_OPEN_ROUTES.render,
    // The `open` API makes products from a page (its project is made with it).
    prepare: async (client, pageUrl) => (await client.createProduct({ url: pageUrl })).ref,
    render: (product) => ({ product, aspectRatio: "9:16", avatar: "37" }),
  },
  drafts: {
    label: "Hour One",
    definition: drafts,
    simulate: () => {
      const sim = draftsSimulator({ clock: makeSimClock() })
      return { sim, jobs: () => sim.videos().map((v) => v.id) }
    },
    renderRoute: DRAFTS_ROUTES.create,
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
