import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import type { AspectRatio } from "@vidbridge/core"
import type { CliProviders } from "./environment.js"

// JoggAI's avatar and visual style lists say which aspect ratio an item is for only when asked
// for one (`aspect_ratio`: portrait, landscape, square; vendors/jogg.md, catalogs).
const joggAspect: Readonly<Record<AspectRatio, string>> = {
  "9:16": "portrait",
  "16:9": "landscape",
  "1:1": "square",
}

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
  hints: {
    // Creatify adds random background music unless told not to (`background_music_url` null).
    // A link (Creatify's product) costs 1 credit (vendors/creatify.md, "Create link").
    creatify: {
      musicOff: { creatify: { no_background_music: true } },
      productCost: { credits: 1, basis: "the link (product) 1 credit" },
    },
    // JoggAI adds none unless `audio.music_id` is sent, which the defaults never do.
    jogg: {
      catalogFilter: (operation, aspectRatio) =>
        operation === "listAvatars" || operation === "listVisualStyles"
          ? { jogg: { aspect_ratio: joggAspect[aspectRatio] } }
          : undefined,
    },
    drafts: {
      template: {
        env: "HOURONE_DRAFT_ID",
        howTo:
          "Hour One's API cannot list drafts: open the project in Hour One's studio and copy its id from the editor URL (the studio's Copy API curl button shows it as source_draft_id).",
      },
    },
  },
}
