// @ts-check
// Mutation testing of the policy code (issue 20). Run through scripts/mutate.mjs:
//   pnpm mutate                                   every file below (see reliability/README.md)
//   pnpm mutate packages/core/src/http/retry.ts   one file (or a few), against its package's tests
// Not part of .ci/run: a full run takes a while on 2 cores. Each file's mutants are judged by the
// tests of the package that owns it (vitest.mutate.config.ts), per test (`perTest` coverage).

/** The files in scope: core's retry, polling, webhook and credit policy, each adapter's mapping. */
export const scope = [
  "packages/core/src/http/ambiguous.ts",
  "packages/core/src/http/classify.ts",
  "packages/core/src/http/decode.ts",
  "packages/core/src/http/HttpClient.ts",
  "packages/core/src/http/retry.ts",
  "packages/core/src/http/retryAfter.ts",
  "packages/core/src/http/send.ts",
  "packages/core/src/polling/BatchPoller.ts",
  "packages/core/src/polling/batchReads.ts",
  "packages/core/src/polling/pollUntil.ts",
  "packages/core/src/polling/waitForCompletion.ts",
  "packages/core/src/submissions/reconcile.ts",
  "packages/core/src/webhooks/handler.ts",
  "packages/core/src/webhooks/JobTracker.ts",
  "packages/core/src/webhooks/verify.ts",
  "packages/adapter-creatify/src/internal/errors.ts",
  "packages/adapter-creatify/src/internal/mapping.ts",
  "packages/adapter-drafts/src/internal/errors.ts",
  "packages/adapter-drafts/src/internal/mapping.ts",
  "packages/adapter-jogg/src/internal/errors.ts",
  "packages/adapter-jogg/src/internal/mapping/jobs.ts",
  "packages/adapter-jogg/src/internal/mapping/open.ts",
  "packages/adapter-jogg/src/internal/mapping/v2.ts",
  "packages/adapter-jogg/src/internal/mapping/webhook.ts",
]

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "pnpm",
  plugins: ["@stryker-mutator/vitest-runner"],
  testRunner: "vitest",
  // `related`: a mutant runs only the test files that import its file, and of those only the
  // tests that reached it in the first run (`perTest`).
  vitest: { configFile: "vitest.mutate.config.ts", related: true },
  coverageAnalysis: "perTest",
  mutate: scope,
  // The machine is shared and has 2 cores.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress-append-only", "json"],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  // The sandbox needs the packages and their tests, the contracts (a setup file) and configs.
  ignorePatterns: ["bench", "docs", "examples", "packages/cli", "packages/queue", "reliability", "reports"],
  thresholds: { high: 90, low: 85, break: null },
}
