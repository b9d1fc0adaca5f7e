import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import type { CliProviders } from "./environment.js"

/**
 * The vendors the `vidbridge` command ships with, and their simulators. A simulator's module
 * (and msw under it) is imported only when a command runs that vendor on its simulator; a live
 * run never loads it.
 */
export const builtInProviders: CliProviders = {
  definitions: [creatify, jogg, drafts],
  simulators: {
    creatify: async (options) =>
      (await import("@vidbridge/adapter-creatify/testing")).createSimulator(options),
    jogg: async (options) => (await import("@vidbridge/adapter-jogg/testing")).createSimulator(options),
    drafts: async (options) => (await import("@vidbridge/adapter-drafts/testing")).createSimulator(options),
  },
}
