// Secrets: every failing path, driven with recognisable credentials, shows them nowhere: not in
// an error's message, String(), JSON, toJSON(), stack, cause, reason (excerpt, job, raw), not in
// what the client logs or reports to its observer, not in webhook answers, not in CLI output.
import { creatify } from "@vidbridge/adapter-creatify"
import type { CreatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import { configureFromEnv, fromEnv, type VideoClient, VideoError } from "@vidbridge/core"
import { deriveWebhookToken } from "@vidbridge/core/adapter"
import { type Fault, serveHandlers, serveProductPage } from "@vidbridge/core/testing"
import { Effect, Redacted } from "effect"
import type { UnhandledFrameHandle } from "msw"
import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { runCli } from "./support/cli.js"
import { assertNoSecret, failureOf, findSecrets, MARKER, SECRETS } from "./support/secrets.js"
import { echoHandlers, echoModes } from "./support/secretsEcho.js"
import {
  HOOK_URL,
  keyHeaders,
  makeTargets,
  observed,
  type SecretTarget,
  type SecretTargetId,
} from "./support/secretsVendors.js"

// Loopback requests (the product page, served simulators) reach the network; anything else fails.
const loopbackOnly: UnhandledFrameHandle = ({ frame, defaults }) => {
  const request = (frame as { readonly data?: { readonly request?: Request } }).data?.request
  if (request !== undefined && new URL(request.url).hostname === "127.0.0.1") return
  defaults.error()
}

const server = setupServer()
let page: Awaited<ReturnType<typeof serveProductPage>>
/** The static callback token earlier versions derived from Creatify's webhook secret: must show nowhere. */
let token = ""
/** Creatify's simulators of the current test: every callback URL they were given carries a token. */
const creatifySims: CreatifySimulator[] = []
/** The per-request callback tokens the Creatify adapter made (in the URLs it sent): credentials as well. */
const callbackTokens = (): string[] =>
  creatifySims.flatMap((sim) =>
    sim
      .jobs()
      .flatMap((job) => (job.webhookUrl ? [new URL(job.webhookUrl).searchParams.get("vb_token") ?? ""] : [])),
  )
const logged: unknown[][] = []

beforeAll(async () => {
  page = await serveProductPage()
  token = await Effect.runPromise(deriveWebhookToken(SECRETS.creatifyHook, "creatify"))
  server.listen({ onUnhandledFrame: loopbackOnly })
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args))
  }
})
afterEach(() => {
  server.resetHandlers()
  // Whatever the library printed or reported to its observer during the test.
  check("console output", logged)
  check("observer events", observed)
  logged.length = 0
  observed.length = 0
  creatifySims.length = 0
})
afterAll(async () => {
  vi.restoreAllMocks()
  server.close()
  await page.close()
})

const check = (what: string, value: unknown) => assertNoSecret(what, value, [token, ...callbackTokens()])

/** What a call ended with: its value or its error. */
const settled = (promise: Promise<unknown>): Promise<unknown> => promise.catch((error: unknown) => error)

/** Checks an error everywhere it can show a secret, and that it is the expected kind. */
const checkError = (what: string, error: unknown, tags?: ReadonlyArray<string>) => {
  expect(error, what).toBeInstanceOf(VideoError)
  const e = error as VideoError
  if (tags !== undefined) expect(tags, `${what}: ${e.message}`).toContain(e.reason._tag)
  check(what, error)
  check(`${what} (parts)`, [e.message, String(e), JSON.stringify(e), e.toJSON(), e.stack, e.reason, e.cause])
}

const mount = (): ReadonlyArray<SecretTarget> => {
  const targets = makeTargets(page.url)
  for (const target of targets) {
    server.use(...target.sim.handlers)
    if (target.id === "creatify") creatifySims.push(target.sim)
  }
  return targets
}
const targetOf = (id: SecretTargetId): SecretTarget => mount().find((t) => t.id === id)!

const unknownRef: Record<SecretTargetId, string> = {
  creatify: "creatify:link_to_video:00000000-0000-4000-8000-00000000dead",
  jogg: "jogg:product_video:nope",
  "jogg-open": "jogg:open_project:nope",
  drafts: "drafts:video:nope",
}

const ids: ReadonlyArray<SecretTargetId> = ["creatify", "jogg", "jogg-open", "drafts"]

describe("the secret search itself", () => {
  it("finds a credential raw, encoded, partial, or hidden in a cause or a non-enumerable field", () => {
    const key = SECRETS.creatifyApiKey
    const hidden = new Error("outer", { cause: new Error(`inner ${encodeURIComponent(key)}`) })
    const nonEnumerable = {}
    Object.defineProperty(nonEnumerable, "secret", { value: Buffer.from(`id:${key}`).toString("base64") })
    for (const leaky of [
      key,
      { deep: { er: [JSON.stringify(key).replaceAll("/", "\\/")] } },
      hidden,
      nonEnumerable,
      `…${key.slice(-10)}`,
      `token=${token}`,
    ]) {
      expect(findSecrets(leaky, [token]), JSON.stringify(leaky)).not.toEqual([])
    }
    expect(findSecrets({ a: Redacted.make(key), b: "[REDACTED]" }, [token])).toEqual([])
  })
})

describe.each(ids)("%s: failing calls show no credential", (id) => {
  it("wrong credentials (the vendor refuses them)", async () => {
    const target = targetOf(id)
    const overrides = id === "creatify" ? { apiId: SECRETS.wrongKey, apiKey: SECRETS.wrongKey } : {}
    const client = target.client({ apiKey: SECRETS.wrongKey, ...overrides })
    const error = await failureOf(target.startJob(client))
    checkError("wrong key", error, ["AuthenticationFailed"])
    expect(JSON.stringify((error as VideoError).toJSON())).not.toContain(MARKER)
  })

  it("an unknown job (404 / not found) and a job that failed or was moderated", async () => {
    const target = targetOf(id)
    const client = target.client()
    checkError("unknown job", await failureOf(client.getStatus(unknownRef[id])), ["NotFound"])

    if (target.id === "creatify") target.sim.rejectNext("flagged by moderation", "previews")
    else if (target.id === "drafts") target.sim.failNext("render farm exploded")
    else target.sim.failNextVideo("render failed")
    const ref = await target.startJob(client)
    target.finish()
    const error = await failureOf(client.waitForCompletion(ref))
    checkError("failed job", error, ["ContentRejected", "JobFailed"])
    const job = (error as VideoError & { reason: { job?: { raw?: unknown } } }).reason.job
    expect(job?.raw).toBeDefined()
    if (id === "creatify") {
      // The vendor sends back the webhook URL it was given: the token in it must be masked.
      expect(JSON.stringify(job?.raw)).toContain("vb_token=[REDACTED]")
    }
  })

  const faults: ReadonlyArray<readonly [string, (t: SecretTarget) => Fault, ReadonlyArray<string>]> = [
    ["HTTP 500", () => ({ kind: "status", status: 500, when: "before" }), ["VendorUnavailable"]],
    [
      "HTTP 503 after taking effect",
      () => ({ kind: "status", status: 503, when: "after" }),
      ["VendorUnavailable"],
    ],
    ["HTTP 403", () => ({ kind: "status", status: 403, when: "before" }), ["AuthenticationFailed"]],
    ["HTTP 400", () => ({ kind: "status", status: 400, when: "before" }), ["VendorRejected"]],
    ["HTTP 422", () => ({ kind: "status", status: 422, when: "before" }), ["VendorRejected"]],
    ["connection reset", () => ({ kind: "reset", when: "before" }), ["VendorUnavailable"]],
    ["429 with a long Retry-After", () => ({ kind: "rateLimit", retryAfterSeconds: 3600 }), ["RateLimited"]],
    ["no answer in time", () => ({ kind: "slow", millis: 400 }), ["Timeout"]],
    ["malformed body", () => ({ kind: "malformed" }), ["UnexpectedResponse"]],
    ["missing field", (t) => ({ kind: "missingField", field: t.requiredField }), ["UnexpectedResponse"]],
  ]

  it.each(faults)("%s on reads and writes", async (_, fault, tags) => {
    const target = targetOf(id)
    const ref = await target.startJob(target.client())
    // A short per-attempt timeout only where the fault is a late answer.
    const client = target.client(tags.includes("Timeout") ? { timeout: 100 } : {})
    target.sim.faults.inject("*", fault(target), 50)
    checkError("getStatus", await failureOf(client.getStatus(ref)), tags)
    checkError(
      "waitForCompletion",
      await failureOf(client.waitForCompletion(ref, { maxConsecutiveErrors: 0 })),
      tags,
    )
    // A create may fail or, where the vendor can be asked whether it arrived, recover: check either.
    check("a credit-spending call", await settled(target.startJob(client)))
    target.sim.faults.clear()
  })

  it.each(echoModes)("a vendor that echoes the credentials: $name", async (mode) => {
    const target = targetOf(id)
    server.use(...echoHandlers(id, target.sim.canonicalBase, keyHeaders[id], mode))
    const client = target.client()
    checkError("read", await failureOf(client.getStatus(unknownRef[id])))
    checkError("write", await failureOf(target.startJob(client)))
  })

  it("successful answers: products, jobs and lists hold no credential", async () => {
    const target = targetOf(id)
    const client = target.client()
    const ref = await target.startJob(client)
    check("the started job", await client.getStatus(ref))
    target.finish()
    const done = await client.waitForCompletion(ref)
    check("the finished job", done)
    if (id === "creatify") expect(JSON.stringify(done.raw)).toContain("vb_token=[REDACTED]")
    if (target.client().capabilities().operations.includes("listJobs"))
      check("the job list", await client.listJobs())
  })

  it("bad input and unsupported operations", async () => {
    const target = targetOf(id)
    const client = target.client()
    checkError(
      "invalid render",
      await failureOf(
        client.render({ aspectRatio: "4:3" as never, webhookUrl: `ftp://x/${SECRETS.wrongKey}` }),
      ),
      ["InvalidInput"],
    )
    checkError("invalid ref", await failureOf(client.getStatus("not a ref")), ["InvalidInput"])
    if (id !== "creatify") {
      // JoggAI v2 writes scripts (for a product it knows: "p" is none); the others do not.
      const writes = client.capabilities().operations.includes("generateScripts")
      checkError(
        writes ? "scripts for an unknown product" : "unsupported",
        await failureOf(client.generateScripts({ product: "p" })),
        [writes ? "NotFound" : "UnsupportedOperation"],
      )
    }
  })
})

/** A delivery as the vendor would POST it. */
const delivery = (url: string, body: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } })

describe("webhooks: forged, stale or malformed deliveries show no credential", () => {
  const expectRefused = async (client: VideoClient, request: () => Request, tags: ReadonlyArray<string>) => {
    checkError("parseWebhook", await failureOf(client.parseWebhook(request())), tags)
    const response = await client.handleWebhook({ onEvent: () => {} })(request())
    expect(response.status).toBeGreaterThanOrEqual(400)
    check("the webhook endpoint's answer", await response.text())
  }

  it("creatify: a missing or wrong token, and a valid token with a body that is not a job", async () => {
    const target = targetOf("creatify")
    const client = target.client()
    const ref = await target.startJob(client)
    target.finish()
    if (target.id !== "creatify") throw new Error("unreachable")
    const due = target.sim.pendingWebhooks()[0]!
    const sent = new URL(due.url).searchParams.get("vb_token")
    expect(callbackTokens()).toContain(sent)
    expect(sent).toMatch(/^[A-Za-z0-9_-]{16}\.[0-9a-z]{6}\.[A-Za-z0-9_-]{22}$/)
    const body = JSON.stringify(due.payload)
    const event = await client.parseWebhook(delivery(due.url, body))
    expect(event.job.ref).toBe(ref)
    check("a valid event", event)
    const wrong = new URL(due.url)
    wrong.searchParams.set("vb_token", SECRETS.wrongKey)
    await expectRefused(client, () => delivery(wrong.toString(), body), ["AuthenticationFailed"])
    await expectRefused(client, () => delivery(HOOK_URL, body), ["AuthenticationFailed"])
    // Creatify's job JSON carries the webhook URL, token included: an unreadable one must not echo it.
    const notAJob = JSON.stringify({ webhook_url: due.url, note: `echo ${due.url}` })
    await expectRefused(client, () => delivery(due.url, notAJob), ["UnexpectedResponse"])
    const unconfigured = target.client({ webhookSecret: undefined })
    checkError("no secret configured", await failureOf(unconfigured.parseWebhook(delivery(due.url, body))))
  })

  it.each(["jogg", "jogg-open"] as const)(
    "%s: a wrong or missing signature, a stale delivery",
    async (id) => {
      const target = targetOf(id)
      if (target.id !== "jogg" && target.id !== "jogg-open") throw new Error("unreachable")
      const client = target.client()
      const now = Math.floor(Date.now() / 1000)
      const body = (timestamp: number) =>
        JSON.stringify({
          event_id: "evt_1",
          event: "generated_product_video_success",
          timestamp,
          data:
            id === "jogg"
              ? { video_id: "v1", status: "completed" }
              : { project_id: "p1", status: "completed" },
        })
      const signed = async (text: string, secret: string) =>
        delivery(HOOK_URL, text, { "X-Webhook-Signature": await target.sim.signWebhook(secret, text) })
      check("a valid event", await client.parseWebhook(await signed(body(now), SECRETS.joggHook)))
      const forged = await signed(body(now), SECRETS.wrongKey)
      await expectRefused(client, () => forged.clone(), ["AuthenticationFailed"])
      const stale = await signed(body(now - 3600), SECRETS.joggHook)
      await expectRefused(client, () => stale.clone(), ["AuthenticationFailed"])
      await expectRefused(client, () => delivery(HOOK_URL, body(now)), ["AuthenticationFailed"])
      const notJson = await signed(`{"secret":"${SECRETS.joggHook}"`, SECRETS.joggHook)
      await expectRefused(client, () => notJson.clone(), ["InvalidInput"])
    },
  )

  it("drafts: a wrong or missing signature", async () => {
    const target = targetOf("drafts")
    if (target.id !== "drafts") throw new Error("unreachable")
    const client = target.client()
    const body = JSON.stringify({ event_name: "video.ready", data: { id: "v1", status: "ready" } })
    const valid = delivery(HOOK_URL, body, { "x-hourone-signature": await target.sim.signWebhook(body) })
    check("a valid event", await client.parseWebhook(valid))
    const forged = delivery(HOOK_URL, body, { "x-hourone-signature": SECRETS.wrongKey })
    await expectRefused(client, () => forged.clone(), ["AuthenticationFailed"])
    await expectRefused(client, () => delivery(HOOK_URL, body), ["AuthenticationFailed"])
  })
})

describe("configuration: malformed settings and variables show no credential", () => {
  const env = {
    VIDBRIDGE_PROVIDER: "creatify",
    CREATIFY_API_ID: SECRETS.creatifyApiId,
    CREATIFY_API_KEY: SECRETS.creatifyApiKey,
    CREATIFY_WEBHOOK_SECRET: SECRETS.creatifyHook,
    JOGG_API_KEY: SECRETS.joggApiKey,
    JOGG_WEBHOOK_SECRET: SECRETS.joggHook,
    HOURONE_API_KEY: SECRETS.draftsApiKey,
    HOURONE_WEBHOOK_SECRET: SECRETS.draftsHook,
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run()
    } catch (error) {
      return error
    }
    throw new Error("expected a configuration error")
  }

  it.each([
    ["creatify", { CREATIFY_BASE_URL: "not a url" }, "CREATIFY_BASE_URL"],
    ["creatify", { CREATIFY_API_ID: undefined }, "CREATIFY_API_ID"],
    ["jogg", { JOGG_API_VERSION: "v9" }, "JOGG_API_VERSION"],
    ["jogg", { JOGG_BASE_URL: `ftp://${SECRETS.joggApiKey}` }, "JOGG_BASE_URL"],
    ["drafts", { HOURONE_BASE_URL: "api.makereals.com" }, "HOURONE_BASE_URL"],
    ["nope", {}, "VIDBRIDGE_PROVIDER"],
  ])("fromEnv with %s and %o names %s only", (provider, change, variable) => {
    const error = thrown(() =>
      fromEnv({
        providers: [creatify, jogg, drafts],
        env: { ...env, ...change, VIDBRIDGE_PROVIDER: provider },
      }),
    )
    checkError(`fromEnv (${variable})`, error, ["InvalidInput"])
    expect((error as VideoError).message).toContain(variable)
  })

  it("configureFromEnv of each adapter, and settings passed in code", () => {
    for (const definition of [creatify, jogg, drafts]) {
      const bad = { ...env, CREATIFY_BASE_URL: "x", JOGG_BASE_URL: "x", HOURONE_BASE_URL: "x" }
      checkError(
        `configureFromEnv(${definition.id})`,
        thrown(() => configureFromEnv(definition, bad)),
        ["InvalidInput"],
      )
    }
    const settings = { apiId: SECRETS.creatifyApiId, apiKey: Redacted.make(SECRETS.creatifyApiKey) }
    for (const change of [
      { baseUrl: SECRETS.wrongKey },
      { retry: { maxRetries: 99 } },
      { apiId: 42 },
      { apiKey: "" },
    ]) {
      checkError(
        "creatify({...})",
        thrown(() => creatify({ ...settings, ...change } as never)),
        ["InvalidInput"],
      )
    }
    // An app may log what it configured.
    check("a configured provider", creatify(settings))
    check("a client built from the environment", fromEnv({ providers: [creatify, jogg, drafts], env }))
  })
})

describe("the vidbridge CLI shows no credential", () => {
  const served: Array<{ close: () => Promise<void> }> = []
  afterAll(async () => {
    while (served.length > 0) await served.pop()!.close()
  })

  /** Every vendor served on loopback, accepting exactly the recognisable credentials. */
  const serveAll = async () => {
    const targets = makeTargets(page.url)
    const origin: Partial<Record<SecretTargetId, string>> = {}
    for (const target of targets) {
      if (target.id === "creatify") creatifySims.push(target.sim)
      const s = await serveHandlers(target.sim.handlers, { canonicalBase: target.sim.canonicalBase })
      served.push(s)
      origin[target.id] = s.url
    }
    const cliEnv = {
      CREATIFY_API_ID: SECRETS.creatifyApiId,
      CREATIFY_API_KEY: SECRETS.creatifyApiKey,
      CREATIFY_WEBHOOK_SECRET: SECRETS.creatifyHook,
      CREATIFY_BASE_URL: origin.creatify!,
      JOGG_API_KEY: SECRETS.joggApiKey,
      JOGG_WEBHOOK_SECRET: SECRETS.joggHook,
      JOGG_BASE_URL: origin.jogg!,
      HOURONE_API_KEY: SECRETS.draftsApiKey,
      HOURONE_WEBHOOK_SECRET: SECRETS.draftsHook,
      HOURONE_BASE_URL: `${origin.drafts!}/api/v1`,
    }
    return { targets, origin, cliEnv }
  }

  const cli = async (argv: ReadonlyArray<string>, env: Record<string, string>) => {
    const ran = await runCli(argv, env)
    check(`vidbridge ${argv.join(" ")} (stdout)`, ran.out)
    check(`vidbridge ${argv.join(" ")} (stderr)`, ran.err)
    return ran
  }

  it("status and create against vendors that refuse, fail or answer garbage, with and without --json", async () => {
    const { targets, cliEnv } = await serveAll()
    const creatifyTarget = targets.find((t) => t.id === "creatify")!
    const direct = creatifyTarget.client({ baseUrl: cliEnv.CREATIFY_BASE_URL })
    const ref = await creatifyTarget.startJob(direct)

    const ok = await cli(["status", ref, "--json"], cliEnv)
    expect(ok.code).toBe(0)
    expect(ok.out).toContain("vb_token=[REDACTED]")

    for (const json of [[], ["--json"]]) {
      for (const missing of [unknownRef.creatify, unknownRef.jogg, unknownRef.drafts]) {
        expect((await cli(["status", missing, ...json], cliEnv)).code).toBe(1)
      }
      creatifyTarget.sim.faults.inject("*", { kind: "malformed" }, 1)
      expect((await cli(["status", ref, ...json], cliEnv)).code).toBe(1)
      const wrong = {
        ...cliEnv,
        CREATIFY_API_KEY: SECRETS.wrongKey,
        JOGG_API_KEY: SECRETS.wrongKey,
        HOURONE_API_KEY: SECRETS.wrongKey,
      }
      for (const provider of ["creatify", "jogg", "drafts"]) {
        const run = await cli(
          ["create", "--provider", provider, "--url", page.url, "--template", "d1", ...json],
          wrong,
        )
        expect(run.code, run.out + run.err).toBe(1)
        expect(run.out + run.err).toMatch(/AuthenticationFailed|refused the credentials|Invalid API key/)
      }
    }
  }, 15_000)

  it("malformed variables, and the provider table", async () => {
    const { cliEnv } = await serveAll()
    const bad = await cli(["status", unknownRef.creatify], { ...cliEnv, CREATIFY_BASE_URL: "not a url" })
    expect(bad.code).not.toBe(0)
    expect(bad.err).toContain("CREATIFY_BASE_URL")
    const partial = await cli(["status", unknownRef.jogg, "--json"], { ...cliEnv, JOGG_API_VERSION: "v9" })
    expect(partial.out + partial.err).toContain("JOGG_API_VERSION")
    const table = await cli(["providers", "--json"], cliEnv)
    expect(table.out).toContain("CREATIFY_API_KEY")
    await cli(["providers"], cliEnv)
  })
})
