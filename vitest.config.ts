import { defineConfig } from "vitest/config"

// Workspace packages resolve to their TypeScript sources ("vidbridge-source" export
// condition), so tests never need a build first.
const conditions = ["vidbridge-source", "import", "module", "node", "default"]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      { extends: true, test: { name: "core", root: "packages/core" } },
      { extends: true, test: { name: "adapter-creatify", root: "packages/adapter-creatify" } },
      { extends: true, test: { name: "adapter-jogg", root: "packages/adapter-jogg" } },
      { extends: true, test: { name: "adapter-drafts", root: "packages/adapter-drafts" } },
      { extends: true, test: { name: "cli", root: "packages/cli" } },
      { extends: true, test: { name: "examples", root: "examples" } },
      { extends: true, test: { name: "reliability", root: "reliability" } },
    ],
    include: ["test/**/*.test.ts"],
    passWithNoTests: true,
  },
})
