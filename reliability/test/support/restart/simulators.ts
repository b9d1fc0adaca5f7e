// The simulator side of the restart tests: each vendor's simulator and the routes the tests hold
// and count. Loaded by the simulator process (plain `node`, packages from their built dist) and
// by the test.
import { CREATIFY_ROUTES, createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { DRAFTS_ROUTES, createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import {
  JOGG_OPEN_ROUTES,
  JOGG_V2_ROUTES,
  createSimulator as joggSimulator,
} from "@vidbridge/adapter-jogg/testing"
import { makeSimClock, type VendorSimulator } from "@vidbridge/core/testing"
import type { RestartVendorName } from "./vendors.ts"

/** A simulator the restart tests can drive: list lag and held answers (issue 13). */
export type RestartSimulator = VendorSimulator & {
  listLag: number
  readonly holdAnswer: (route: string) => void
}

/** One vendor's simulator side. */
export interface SimulatorSide {
  /**
   * A simulator on a manual clock whose calendar time starts now (lookups compare creation times
   * with the send), and the ids of the jobs it holds, oldest first, from its own records.
   */
  readonly simulate: () => { readonly sim: RestartSimulator; readonly jobs: () => ReadonlyArray<string> }
  /** The route `render` pays on. */
  readonly renderRoute: string
  /** The route `renderPreview` pays on, where the vendor makes previews. */
  readonly renderPreviewRoute?: string
}

/** Each vendor's simulator side, by the name the processes are started with. */
export const restartSimulators: Record<RestartVendorName, SimulatorSide> = {
  creatify: {
    simulate: () => {
      const sim = creatifySimulator({ clock: makeSimClock(), epoch: Date.now() })
      return { sim, jobs: () => sim.jobs().map((j) => j.id) }
    },
    renderRoute: CREATIFY_ROUTES.createVideo,
    renderPreviewRoute: CREATIFY_ROUTES.renderPreview,
  },
  jogg: {
    simulate: () => {
      const sim = joggSimulator({ apiVersion: "v2", clock: makeSimClock(), epochMillis: Date.now() })
      return { sim, jobs: () => sim.jobs().map((j) => j.id) }
    },
    renderRoute: JOGG_V2_ROUTES.createVideo,
    renderPreviewRoute: JOGG_V2_ROUTES.renderPreview,
  },
  // A render is made on the product's project: the project is the job.
  "jogg-open": {
    simulate: () => {
      const sim = joggSimulator({ apiVersion: "open", clock: makeSimClock(), epochMillis: Date.now() })
      return { sim, jobs: () => sim.jobs().map((j) => j.id) }
    },
    renderRoute: JOGG_OPEN_ROUTES.render,
  },
  drafts: {
    simulate: () => {
      const sim = draftsSimulator({ clock: makeSimClock() })
      return { sim, jobs: () => sim.videos().map((v) => v.id) }
    },
    renderRoute: DRAFTS_ROUTES.create,
  },
}
