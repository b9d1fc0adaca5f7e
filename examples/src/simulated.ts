// Runs the examples without API keys: starts vendor simulators on 127.0.0.1 and answers the
// environment variables that point `fromEnv` at them (the same variables real keys use).
import { creatify } from "@vidbridge/adapter-creatify"
import { createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { jogg } from "@vidbridge/adapter-jogg"
import { createSimulator as joggSimulator } from "@vidbridge/adapter-jogg/testing"
import { type ServedSimulator, type SimulatorFactory, serveSimulator } from "@vidbridge/cli"
import type { AnyProviderDefinition } from "@vidbridge/core"
import { serveProductPage } from "@vidbridge/core/testing"

/** The adapters these examples ship with, and their simulators. */
export const definitions: ReadonlyArray<AnyProviderDefinition> = [creatify, jogg, drafts]
const simulators: Record<string, SimulatorFactory> = {
  creatify: (o) => creatifySimulator(o),
  jogg: (o) => joggSimulator(o),
  drafts: (o) => draftsSimulator(o),
}

/** Simulators (and a sample product page) on loopback, with the env that reaches them. */
export interface Simulated {
  readonly env: Record<string, string>
  /** A product page the simulators can scrape. */
  readonly productUrl: string
  readonly served: Readonly<Record<string, ServedSimulator>>
  readonly close: () => Promise<void>
}

/** Starts the simulators for `ids` (default: all), running `speed` times faster than real time. */
export const startSimulators = async (
  ids: ReadonlyArray<string> = definitions.map((d) => d.id),
  speed = 600,
): Promise<Simulated> => {
  const page = await serveProductPage()
  const served: Record<string, ServedSimulator> = {}
  for (const id of ids) {
    const definition = definitions.find((d) => d.id === id)
    const factory = simulators[id]
    if (!definition || !factory) throw new Error(`no simulator for "${id}"`)
    served[id] = await serveSimulator(definition, factory, { speed })
  }
  // App configuration for inputs a live vendor takes from your account; simulators accept any.
  const samples = { VIDEO_TEMPLATE: "sim-template", VIDEO_AVATAR: "1", VIDEO_STYLE: "sim-style" }
  const env = Object.assign({ ...samples }, ...Object.values(served).map((s) => s.exports)) as Record<
    string,
    string
  >
  return {
    env,
    productUrl: page.url,
    served,
    close: async () => {
      await Promise.all([page.close(), ...Object.values(served).map((s) => s.close())])
    },
  }
}

/** True when the example was started directly (`node examples/dist/...`), not imported by a test. */
export const isMain = (url: string): boolean => process.argv[1] !== undefined && url.endsWith(process.argv[1])
