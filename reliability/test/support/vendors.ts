// The vendors under test: each adapter's definition and its simulator, in one list so every
// reliability check runs against all of them.
import { creatify } from "@vidbridge/adapter-creatify"
import { createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { jogg } from "@vidbridge/adapter-jogg"
import { createSimulator as joggSimulator } from "@vidbridge/adapter-jogg/testing"
import type { AnyProviderDefinition } from "@vidbridge/core"
import type { SimClock, VendorSimulator } from "@vidbridge/core/testing"

/** One vendor: its adapter definition and a simulator factory. */
export interface Vendor {
  readonly id: "creatify" | "jogg" | "drafts"
  readonly definition: AnyProviderDefinition
  readonly simulate: (options: { readonly clock?: SimClock }) => VendorSimulator
}

/** Every vendor vidbridge ships with. */
export const vendors: ReadonlyArray<Vendor> = [
  { id: "creatify", definition: creatify, simulate: (o) => creatifySimulator(o) },
  { id: "jogg", definition: jogg, simulate: (o) => joggSimulator(o) },
  { id: "drafts", definition: drafts, simulate: (o) => draftsSimulator(o) },
]
