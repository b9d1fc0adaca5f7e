// Bad input: every neutral operation, with each invalid field, on every vendor (JoggAI in both API
// generations), fails with a VideoError whose InvalidInput names the field, and nothing reaches
// the network: msw counts every request, the simulators log every call they answer.
import { VideoError } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import {
  type BadCase,
  expectedPath,
  neutralCases,
  settingsCases,
  vendorCases,
} from "./support/badInputCases.js"
import {
  call,
  clientOf,
  makeTargets,
  type Op,
  supports,
  type Target,
  type TargetId,
  targetIds,
  withField,
} from "./support/badInputTargets.js"

let requests = 0
// Anything the simulators do not answer is answered here (initial handlers come last), so it
// is counted and never leaves.
const server = setupServer(
  http.all("*", () => HttpResponse.json({ detail: "not a simulator route" }, { status: 418 })),
)
server.events.on("request:start", () => {
  requests++
})
let targets: ReadonlyArray<Target> = []
const target = (id: TargetId) => targets.find((t) => t.id === id)!

beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
beforeEach(() => {
  server.resetHandlers()
  targets = makeTargets()
  for (const t of targets) server.use(...t.sim.handlers)
  requests = 0
})
afterAll(() => server.close())

const sentNothing = () => {
  expect(requests, "requests msw saw").toBe(0)
  for (const t of targets) expect(t.sim.log.count(), `requests ${t.id}'s simulator answered`).toBe(0)
}

const failure = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error("expected the call to fail, but it succeeded")
}

/** Checks the error names `path` (and `mention`); answers the issue paths for the message. */
const expectNames = (error: unknown, path: string, mention?: string) => {
  expect(error).toBeInstanceOf(VideoError)
  const e = error as VideoError
  expect(e.reason._tag, e.message).toBe("InvalidInput")
  if (e.reason._tag !== "InvalidInput") return
  const paths = e.reason.issues.map((i) => i.path)
  expect(paths, e.message).toContain(path)
  if (path !== "") expect(e.message).toContain(`${path}: `)
  if (mention !== undefined) expect(e.message).toContain(mention)
  expect(e.retryable).toBe(false)
}

const title = (c: BadCase) => `${c.op} ${c.set || "(whole input)"}: ${c.why}`

const runCase = async (id: TargetId, c: BadCase) => {
  const t = target(id)
  const client = clientOf(t, c.settings)
  const input = withField(t.valid[c.op], c.set, c.value)
  const error = await failure(() => call(client, c.op, input))
  if (supports(client, c.op)) {
    expectNames(error, expectedPath(c), c.mention)
  } else {
    // The vendor lacks the operation: refused before any request, or the input is refused first.
    expect(error).toBeInstanceOf(VideoError)
    expect(["UnsupportedOperation", "InvalidInput"]).toContain((error as VideoError).reason._tag)
  }
  sentNothing()
}

describe.each(targetIds)("%s", (id) => {
  it("control: the valid inputs reach the vendor (so the table's zero counts mean something)", async () => {
    const t = target(id)
    const ops: ReadonlyArray<Op> = [
      "createProduct",
      "createProductFromUrl",
      "updateProduct",
      "generateScripts",
      "generatePreviews",
      "renderPreview",
      "render",
      "getStatus",
      "listJobs",
      "waitForCompletion",
    ]
    for (const op of ops) {
      const client = clientOf(t)
      if (!supports(client, op)) continue
      // Drafts makes products on the client: no request is the documented behaviour.
      if (id === "drafts" && op.startsWith("createProduct")) continue
      const before = requests
      const outcome = await call(client, op, t.valid[op]).catch((error: unknown) => error)
      if (outcome instanceof VideoError)
        expect(outcome.reason._tag, `${op}: ${outcome.message}`).not.toBe("InvalidInput")
      expect(requests, `${op} sent a request`).toBeGreaterThan(before)
    }
  })

  it.each(neutralCases.map((c) => [title(c), c] as const))("%s", (_, c) => runCase(id, c))

  const own = vendorCases.filter((c) => c.only?.includes(id))
  if (own.length > 0) it.each(own.map((c) => [title(c), c] as const))("%s", (_, c) => runCase(id, c))

  const settings = settingsCases.filter((c) => c.only === undefined || c.only.includes(id))
  it.each(settings.map((c) => [`settings ${c.set}: ${JSON.stringify(c.value)?.slice(0, 30)}`, c] as const))(
    "%s",
    (_, c) => {
      const t = target(id)
      let thrown: unknown
      try {
        clientOf(t, withField(t.settings, c.set, c.value))
      } catch (error) {
        thrown = error
      }
      expectNames(thrown, c.path ?? c.set, c.mention)
      expect((thrown as VideoError).operation).toBe("configure")
      sentNothing()
    },
  )

  it.each([
    [{}, "onEvent"],
    [{ onEvent: "log" }, "onEvent"],
    [{ onEvent: () => {}, maxBodyBytes: 0 }, "maxBodyBytes"],
    [{ onEvent: () => {}, tracker: {} }, "tracker"],
  ])("webhook handler options %o name %s", (options, path) => {
    let thrown: unknown
    try {
      clientOf(target(id)).handleWebhook(options as never)
    } catch (error) {
      thrown = error
    }
    expectNames(thrown, path)
    sentNothing()
  })

  it("webhook deliveries: too large, or naming a provider that is not configured", async () => {
    const client = clientOf(target(id))
    const big = new Request("https://app.shop.test/hooks", { method: "POST", body: "x".repeat(1_048_577) })
    expectNames(await failure(() => client.parseWebhook(big)), "body")
    const elsewhere = new Request("https://app.shop.test/hooks?provider=acme", { method: "POST", body: "{}" })
    expectNames(await failure(() => client.parseWebhook(elsewhere)), "provider")
    sentNothing()
  })
})
