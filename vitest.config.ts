import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Workspace packages resolve to their TypeScript sources ("vidbridge-source" export
// condition), so tests never need a build first.
const conditions = ["vidbridge-source", "import", "module", "node", "default"]

// Requests to JoggAI and Hour One, and the simulators' answers, are checked against the vendors'
// own OpenAPI documents in these projects (contracts/README.md).
const contracts = { setupFiles: [fileURLToPath(new URL("./contracts/src/vitestSetup.ts", import.meta.url))] }

// Real Redis for the queue's tests and the chaos run: REDIS_URL, or a redis-server started for the run.
const redis = {
  globalSetup: [fileURLToPath(new URL("./packages/queue/test/support/globalSetup.ts", import.meta.url))],
}

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      { extends: true, test: { name: "core", root: "packages/core" } },
      { extends: true, test: { name: "adapter-creatify", root: "packages/adapter-creatify" } },
      { extends: true, test: { name: "adapter-jogg", root: "packages/adapter-jogg", ...contracts } },
      { extends: true, test: { name: "adapter-drafts", root: "packages/adapter-drafts", ...contracts } },
      { extends: true, test: { name: "cli", root: "packages/cli", ...redis } },
      { extends: true, test: { name: "queue", root: "packages/queue", ...redis } },
      { extends: true, test: { name: "examples", root: "examples" } },
      { extends: true, test: { name: "reliability", root: "reliability", ...contracts, ...redis } },
      { extends: true, test: { name: "contracts", root: "contracts" } },
    ],
    include: ["test/**/*.test.ts"],
    passWithNoTests: true,
  },
})
