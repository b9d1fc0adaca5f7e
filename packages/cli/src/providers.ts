import { creatify } from "@vidbridge/adapter-creatify"
import { createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { jogg } from "@vidbridge/adapter-jogg"
import { createSimulator as joggSimulator } from "@vidbridge/adapter-jogg/testing"
import type { CliProviders } from "./environment.js"

/** The vendors the `vidbridge` command ships with, and their simulators. */
export const builtInProviders: CliProviders = {
  definitions: [creatify, jogg, drafts],
  simulators: {
    creatify: (options) => creatifySimulator(options),
    jogg: (options) => joggSimulator(options),
    drafts: (options) => draftsSimulator(options),
  },
}
