import { observeSimulators } from "@vidbridge/core/testing"
import type { SetupServer } from "msw/node"
import { afterAll, afterEach, beforeEach, vi } from "vitest"
import { checkExchange, checkSentRequest, describeViolations } from "./traffic.js"
import type { Violation } from "./validator.js"

// A vitest setup file (see the root vitest.config.ts): every request the tests send to
// JoggAI's or Hour One's API, and every answer a simulator gives, is checked against the
// vendor's own OpenAPI document. A violation fails the test during which it happened.
//
// Two observation points, so no test file has to opt in:
// - simulators report each request and answer through core's `observeSimulators` (in-process
//   under msw and served on loopback alike);
// - every msw server a test file makes (`setupServer` from "msw/node", wrapped below) reports
//   the requests it intercepts, which covers hand-written handlers too.

const pending = new Set<Promise<void>>()
const found = new Map<string, Violation>()

const track = (check: Promise<Violation[]>) => {
  const done = check.then(
    (violations) => {
      for (const v of violations) found.set(`${v.operation} ${v.direction} ${v.path} ${v.rule}`, v)
    },
    (error: unknown) => {
      found.set(`checker ${String(error)}`, {
        vendor: "jogg",
        operation: "(contract checker)",
        direction: "request",
        path: "",
        rule: "error",
        message: `the contract check itself failed: ${String(error)}`,
      })
    },
  )
  pending.add(done)
  void done.finally(() => pending.delete(done))
}

/** Reports the requests `server` intercepts (msw lifecycle event `request:start`). */
const watch = (server: SetupServer): SetupServer => {
  server.events.on("request:start", (event) => track(checkSentRequest(event.request.clone())))
  return server
}

vi.mock("msw/node", async (importOriginal) => {
  const msw = await importOriginal<typeof import("msw/node")>()
  return {
    ...msw,
    setupServer: (...handlers: Parameters<typeof msw.setupServer>) => watch(msw.setupServer(...handlers)),
  }
})

const stop = observeSimulators((exchange) => track(checkExchange(exchange)))

const settle = async () => {
  while (pending.size > 0) await Promise.all([...pending])
  const violations = [...found.values()]
  found.clear()
  if (violations.length > 0) throw new Error(describeViolations(violations))
}

beforeEach(() => {
  found.clear()
})

afterEach(settle)

afterAll(async () => {
  stop()
  await settle()
})
