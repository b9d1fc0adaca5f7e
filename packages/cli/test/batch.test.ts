import { randomUUID } from "node:crypto"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SIM_CUSTOM_TEMPLATES } from "@vidbridge/adapter-creatify/testing"
import { describe, expect, inject, it } from "vitest"
import { builtInProviders } from "../src/index.js"
import { run } from "./support/run.js"

/** Time a test that serves simulators (and Redis work) may take on a busy 2-core machine. */
// Redis comes from the test setup (packages/queue/test/support/globalSetup.ts).
declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string
    redisProblem: string
  }
}

/** Time a test that serves simulators (and works on Redis) may take on a busy 2-core machine. */
const BATCH_TEST_TIMEOUT = 120_000

// Simulated time 3000x faster than real time: a batch's renders end in a few real seconds.
const cli = (argv: ReadonlyArray<string>, signal?: AbortSignal) =>
  run(argv, { providers: builtInProviders, env: { VIDBRIDGE_SIM_SPEED: "3000" }, signal })

const dir = () => mkdtempSync(join(tmpdir(), "vidbridge-batch-"))
/** A custom template the Creatify simulator knows (Creatify checks the template id exists). */
const CREATIFY_TEMPLATE = String(SIM_CUSTOM_TEMPLATES[0]?.template_id)
const CSV = [
  "key,provider,url,template,aspectRatio,name,script",
  "shoe-1,creatify,https://shop.example/p/1,,9:16,,",
  `shoe-2,creatify,,${CREATIFY_TEMPLATE},,shoe two,`,
  "shoe-3,drafts,,sim-template,,,A short script.",
].join("\n")

describe("vidbridge batch", { timeout: BATCH_TEST_TIMEOUT }, () => {
  it("makes every order of a CSV file in one process on the simulators and writes a results file", async () => {
    const d = dir()
    const page = await (await import("@vidbridge/core/testing")).serveProductPage()
    try {
      writeFileSync(join(d, "orders.csv"), CSV.replace("https://shop.example/p/1", page.url))
      const ran = await cli(["batch", join(d, "orders.csv"), "--providers", "creatify,drafts"])
      expect(ran.err).not.toMatch(/error/)
      expect(ran.code).toBe(0)
      const lines = readFileSync(join(d, "orders.results.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
      expect(lines.map((l) => [l.key, l.provider, l.ok])).toEqual([
        ["shoe-1", "creatify", true],
        ["shoe-2", "creatify", true],
        ["shoe-3", "drafts", true],
      ])
      expect(lines[0].videoUrl).toMatch(/^http:\/\/127\.0\.0\.1/)
      expect(ran.out).toMatch(/creatify\s+2\s+2\s+0/)
      expect(ran.out).toContain("results:")
    } finally {
      await page.close()
    }
  })

  it("fails on a bad row before anything is sent, naming the line and the field", async () => {
    const d = dir()
    writeFileSync(
      join(d, "orders.jsonl"),
      [
        JSON.stringify({ idempotencyKey: "ok-1", provider: "drafts", template: "t" }),
        JSON.stringify({
          idempotencyKey: "bad-1",
          provider: "drafts",
          template: "t",
          render: { aspectRatio: "4:3" },
        }),
        JSON.stringify({ idempotencyKey: "bad-2", provider: "nobody", template: "t" }),
      ].join("\n"),
    )
    const ran = await cli(["batch", join(d, "orders.jsonl"), "--providers", "drafts"])
    expect(ran.code).toBe(2)
    expect(ran.err).toContain("nothing was sent")
    expect(ran.err).toContain("orders.jsonl line 2: render.aspectRatio")
    expect(ran.err).toContain("orders.jsonl line 3: provider")
    expect(ran.err).not.toContain("simulated") // no vendor (not even a simulator) was opened
  })
})

describe("vidbridge batch --redis with vidbridge worker", { timeout: BATCH_TEST_TIMEOUT }, () => {
  it("queues the orders on Redis, a worker makes them, and batch watches them to the end", async () => {
    const problem = inject("redisProblem")
    if (problem) throw new Error(problem)
    const redis = inject("redisUrl")
    const prefix = `cli-${randomUUID().slice(0, 8)}`
    const d = dir()
    writeFileSync(
      join(d, "orders.jsonl"),
      ["d-1", "d-2", "d-3"]
        .map((k) =>
          JSON.stringify({
            idempotencyKey: k,
            provider: "drafts",
            template: "sim-template",
            render: { script: "Hi." },
          }),
        )
        .join("\n"),
    )
    const stop = new AbortController()
    const working = cli(
      ["worker", "--redis", redis, "--prefix", prefix, "--providers", "drafts"],
      stop.signal,
    )
    try {
      const ran = await cli([
        "batch",
        join(d, "orders.jsonl"),
        "--providers",
        "drafts",
        "--redis",
        redis,
        "--prefix",
        prefix,
      ])
      expect(ran.code).toBe(0)
      expect(ran.err).toContain("queued 3 orders")
      const lines = readFileSync(join(d, "orders.results.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
      expect(lines.every((l) => l.ok)).toBe(true)
    } finally {
      stop.abort()
    }
    const worker = await working
    expect(worker.code).toBe(0)
    expect(worker.err).toMatch(/worker \S+ ready on redis:\/\/127\.0\.0\.1:\d+: drafts \(simulator\)/)
  })
})
