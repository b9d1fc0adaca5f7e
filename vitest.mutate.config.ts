import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// The vitest configuration of mutation testing (stryker.config.mjs, `pnpm mutate`): only the
// projects that own the mutated files, so each mutant is judged by its own package's tests.
// VIDBRIDGE_MUTATE_PROJECTS (comma-separated project names) narrows it further for one file.
const conditions = ["vidbridge-source", "import", "module", "node", "default"]
const contracts = { setupFiles: [fileURLToPath(new URL("./contracts/src/vitestSetup.ts", import.meta.url))] }

const all = [
  { name: "core", root: "packages/core" },
  { name: "adapter-creatify", root: "packages/adapter-creatify" },
  { name: "adapter-jogg", root: "packages/adapter-jogg", ...contracts },
  { name: "adapter-drafts", root: "packages/adapter-drafts", ...contracts },
]
const wanted = process.env.VIDBRIDGE_MUTATE_PROJECTS?.split(",").filter((name) => name !== "")

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: all
      .filter((project) => wanted === undefined || wanted.includes(project.name))
      .map((test) => ({ extends: true, test })),
    include: ["test/**/*.test.ts"],
  },
})
