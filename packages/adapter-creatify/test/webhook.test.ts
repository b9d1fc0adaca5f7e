import { makeWebhookHandler, type WebhookRequest } from "@vidbridge/core"
import { Duration, Effect, Redacted } from "effect"
import { TestClock } from "effect/testing"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { creatify, makeCreatifyClient, parseCreatifyWebhook } from "../src/index.js"
import {
  API_ID,
  API_KEY,
  BASE,
  failure,
  fixture,
  linkToVideo,
  makeProvider,
  run,
  type Seen,
  snapshot,
  useServer,
  WEBHOOK_SECRET,
} from "./support.js"

const { server, seen } = useServer()

const TOKEN = /^[A-Za-z0-9_-]{16}\.[0-9a-z]{6}\.[A-Za-z0-9_-]{22}$/
const HOOK = "https://app.example/hooks/creatify"

/** Answers previews, template jobs and avatar videos with the webhook_url sent; every URL sent is kept. */
const captureWebhookUrls = () => {
  const sent: string[] = []
  const echo =
    (answer: Record<string, unknown>) =>
    async ({ request }: { request: Request }) => {
      const body = (await request.json()) as { webhook_url: string }
      sent.push(body.webhook_url)
      return HttpResponse.json({ ...answer, webhook_url: body.webhook_url })
    }
  server.use(
    http.post(`${BASE}/api/link_to_videos/preview_list_async/`, echo(linkToVideo())),
    http.post(`${BASE}/api/custom_template_jobs/`, echo(fixture("custom-template-job"))),
    http.post(`${BASE}/api/lipsyncs_v2/`, echo(fixture("lipsync-v2"))),
    http.post(`${BASE}/api/aurora/`, echo(fixture("aurora-job"))),
  )
  return sent
}

/** A callback URL as the adapter makes it for a link-to-video request (`generatePreviews` with `webhookUrl`). */
const callbackUrl = async (url = HOOK) => {
  const sent = captureWebhookUrls()
  const provider = await makeProvider()
  await run(provider.generatePreviews!({ product: "link-1", webhookUrl: url }))
  return sent[0]!
}

/** The callback URLs of a custom template render, an AI Avatar video and an Aurora video. */
const kindUrls = async () => {
  const sent = captureWebhookUrls()
  const provider = await makeProvider()
  await run(provider.render!({ template: "tpl-1", variables: {}, webhookUrl: HOOK }))
  await run(provider.render!({ avatar: "p1", voice: "v1", script: "Hello there", webhookUrl: HOOK }))
  await run(
    provider.render!({
      imageUrl: "https://cdn.test/p.png",
      audioUrl: "https://cdn.test/a.mp3",
      webhookUrl: HOOK,
    }),
  )
  return { tpl: sent[0]!, lipsync: sent[1]!, aurora: sent[2]! }
}

const hook = (body: unknown, url: string): WebhookRequest => ({
  method: "POST",
  url,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
})

/** Creatify's job reads: `GET /api/link_to_videos/{id}/` and `/api/custom_template_jobs/{id}/`. */
const vendorReads = (jobs: {
  readonly links?: Record<string, Record<string, unknown>>
  readonly templates?: Record<string, Record<string, unknown>>
}) =>
  server.use(
    http.get(`${BASE}/api/link_to_videos/:id/`, ({ params }) => {
      const job = jobs.links?.[String(params.id)]
      return job ? HttpResponse.json(job) : HttpResponse.json({ detail: "Not found." }, { status: 404 })
    }),
    http.get(`${BASE}/api/custom_template_jobs/:id/`, ({ params }) => {
      const job = jobs.templates?.[String(params.id)]
      return job ? HttpResponse.json(job) : HttpResponse.json({ detail: "Not found." }, { status: 404 })
    }),
  )

describe("webhook_url on requests", () => {
  it("adds a vb_token of its own to every request and masks it in answers", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/link_to_videos/preview_list_async/`, async ({ request }) => {
        calls.push(await snapshot(request))
        const body = (await request.json()) as { webhook_url: string }
        return HttpResponse.json(linkToVideo({ webhook_url: body.webhook_url }))
      }),
    )
    const provider = await makeProvider()
    const request = { product: "link-1", webhookUrl: `${HOOK}?x=1` }
    const job = await run(provider.generatePreviews!(request))
    await run(provider.generatePreviews!(request))
    const [first, second] = calls.map((c) => new URL((c.body as { webhook_url: string }).webhook_url))
    expect(`${first!.origin}${first!.pathname}?x=${first!.searchParams.get("x")}`).toBe(`${HOOK}?x=1`)
    const tokens = [first!, second!].map((u) => u.searchParams.get("vb_token")!)
    for (const token of tokens) expect(token).toMatch(TOKEN)
    expect(tokens[0]).not.toBe(tokens[1])
    const raw = JSON.stringify(job.raw)
    expect(raw).toContain("vb_token=[REDACTED]")
    expect(raw).not.toContain(tokens[0])
    expect(raw).not.toContain(WEBHOOK_SECRET)
  })

  it("needs webhookSecret, named, before any request", async () => {
    const provider = await makeProvider({ webhookSecret: undefined })
    const error = await failure(
      provider.generatePreviews!({ product: "link-1", webhookUrl: "https://app.example/h" }),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("webhookSecret")
    expect(seen).toHaveLength(0)
  })

  it("refuses a URL longer than 200 characters with the token, before any request, naming the longest that fits", async () => {
    const provider = await makeProvider()
    const long = `https://app.example/${"a".repeat(150)}`
    const error = await failure(provider.generatePreviews!({ product: "link-1", webhookUrl: long }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("webhookUrl")
    expect(error.message).toContain("200")
    expect(seen).toHaveLength(0)
    // The length it names is exact: a URL that long fits, one more character does not.
    const fits = Number(/at most (\d+) characters\)/.exec(error.message)?.[1])
    const path = (n: number) => `https://app.example/${"b".repeat(n - "https://app.example/".length)}`
    expect((await callbackUrl(path(fits))).length).toBe(200)
    const over = await failure(provider.generatePreviews!({ product: "link-1", webhookUrl: path(fits + 1) }))
    expect(over.reason._tag).toBe("InvalidInput")
    // A URL naming its kind of job (vb_kind) has less room, and says so exactly too.
    const tpl = await failure(provider.render!({ template: "tpl-1", webhookUrl: long }))
    const fitsTpl = Number(/at most (\d+) characters\)/.exec(tpl.message)?.[1])
    expect(tpl.message).toContain("vb_kind")
    expect(fitsTpl).toBe(fits - "&vb_kind=tpl".length)
    const sent = captureWebhookUrls()
    await run(provider.render!({ template: "tpl-1", webhookUrl: path(fitsTpl) }))
    expect(sent[0]!.length).toBe(200)
  })

  it.each([["soon"], [0], [-5], ["400 days"], ["Infinity"]])(
    "refuses webhookTokenTtl %j, naming it",
    async (ttl) => {
      const settings = { apiId: API_ID, apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, webhookTokenTtl: ttl }
      const error = await failure(creatify.parseSettings(settings))
      expect(error.reason._tag).toBe("InvalidInput")
      expect(error.message).toContain("webhookTokenTtl")
    },
  )

  it("refuses a callback after webhookTokenTtl, on Effect's clock", async () => {
    const sent = captureWebhookUrls()
    vendorReads({ links: { j: linkToVideo({ id: "j", status: "running" }) } })
    const outcome = await run(
      Effect.gen(function* () {
        const provider = yield* creatify({
          apiId: API_ID,
          apiKey: API_KEY,
          baseUrl: BASE,
          webhookSecret: WEBHOOK_SECRET,
          webhookTokenTtl: "1 hour",
        }).make
        yield* provider.generatePreviews!({ product: "link-1", webhookUrl: HOOK })
        const parse = provider.parseWebhook!(hook({ id: "j", status: "done" }, sent[0]!))
        yield* TestClock.adjust("59 minutes")
        const before = yield* parse
        yield* TestClock.adjust("1 minute")
        return { before, after: yield* Effect.flip(parse) }
      }).pipe(Effect.provide(TestClock.layer())),
    )
    expect(outcome.before).toMatchObject({ confirmed: true, job: { status: "running" } })
    expect(outcome.after.reason._tag).toBe("AuthenticationFailed")
    expect(outcome.after.message).toContain("expired at 1970-01-01T01:00:00.000Z")
  })

  it("accepts webhookTokenTtl as text, milliseconds or a Duration", async () => {
    for (const webhookTokenTtl of ["2 days", 3_600_000, Duration.days(30)]) {
      const settings = await run(
        creatify.parseSettings({
          apiId: API_ID,
          apiKey: API_KEY,
          webhookSecret: WEBHOOK_SECRET,
          webhookTokenTtl,
        }),
      )
      expect(Duration.isDuration(settings.webhookTokenTtl)).toBe(true)
    }
  })
})

describe("parseWebhook", () => {
  const previews = fixture("webhook-previews")

  it("confirms the documented previews payload with a read: awaiting_selection, confirmed", async () => {
    const url = await callbackUrl()
    vendorReads({ links: { [previews.id]: linkToVideo({ id: previews.id, previews: previews.previews }) } })
    const provider = await makeProvider()
    const event = await run(provider.parseWebhook!(hook(previews, url)))
    expect(event).toMatchObject({ provider: "creatify", type: "pending", confirmed: true })
    expect(event.job).toMatchObject({
      ref: "creatify:link_to_video:20b5d452-89f4-4245-9480-10defaa8fb4d",
      status: "awaiting_selection",
      stage: "preview",
    })
    expect(event.job.previews?.map((p) => [p.id, p.visualStyle, p.aspectRatio])).toEqual([
      ["43e2b17c-e272-453a-96d4-c047acd2ab0e", "FullScreenTemplate", "9:16"],
      ["cd08733a-5067-4643-9237-346998c5849c", "EnhancedVanillaTemplate", "9:16"],
    ])
    expect(seen.filter((s) => s.method === "GET").map((s) => s.path)).toEqual([
      `/api/link_to_videos/${previews.id}/`,
    ])
  })

  it("reports a render callback as the read says, at the render stage", async () => {
    const url = await callbackUrl()
    vendorReads({
      links: { string: linkToVideo({ id: "string", status: "done", video_output: "https://v/f.mp4" }) },
    })
    const provider = await makeProvider()
    const posted = {
      ...fixture("webhook-link-to-video"),
      status: "done",
      video_output: "https://v/posted.mp4",
    }
    const event = await run(provider.parseWebhook!(hook(posted, url)))
    expect(event.job).toMatchObject({
      ref: "creatify:link_to_video:string?stage=render",
      status: "succeeded",
      videoUrl: "https://v/f.mp4",
    })
    vendorReads({ links: { string: linkToVideo({ id: "string", status: "mystery" }) } })
    const unknown = await run(provider.parseWebhook!(hook(fixture("webhook-link-to-video"), url)))
    expect(unknown.job).toMatchObject({ status: "unknown", vendorStatus: "mystery" })
  })

  it("takes the stage from the read where it tells, else from the body's shape", async () => {
    const url = await callbackUrl()
    const provider = await makeProvider()
    const ref = (body: unknown) => run(provider.parseWebhook!(hook(body, url))).then((e) => e.job.ref)
    const withPreviews = { previews: previews.previews }
    const cases: ReadonlyArray<readonly [Record<string, unknown>, unknown, string]> = [
      // previews waiting for a choice: the preview stage, whatever the body claims
      [
        withPreviews,
        { id: "j", status: "done", video_output: "https://v/x.mp4" },
        "creatify:link_to_video:j",
      ],
      // a render asked for (media_job) or under way: the render stage
      [
        { ...withPreviews, media_job: "m1" },
        { id: "j", status: "pending", previews: [] },
        "creatify:link_to_video:j?stage=render",
      ],
      [
        { ...withPreviews, status: "running" },
        { id: "j", status: "pending", previews: [] },
        "creatify:link_to_video:j?stage=render",
      ],
      // the read cannot tell (failed, or queued without previews): the body's shape
      [{ status: "failed" }, { id: "j", status: "failed", previews: [] }, "creatify:link_to_video:j"],
      [
        { status: "failed" },
        { id: "j", status: "failed", video_output: null },
        "creatify:link_to_video:j?stage=render",
      ],
    ]
    for (const [read, body, expected] of cases) {
      vendorReads({ links: { j: linkToVideo({ id: "j", ...read }) } })
      expect(await ref(body)).toBe(expected)
    }
  })

  it("reads back the job the URL's vb_kind names: template, AI Avatar v2, Aurora", async () => {
    const urls = await kindUrls()
    expect(urls.tpl).toContain("vb_kind=tpl&vb_token=")
    expect(urls.lipsync).toContain("vb_kind=lipsync_v2&vb_token=")
    expect(urls.aurora).toContain("vb_kind=aurora&vb_token=")
    vendorReads({
      templates: {
        t1: { ...fixture("custom-template-job"), id: "t1", status: "done", video_output: "https://v/t.mp4" },
      },
    })
    server.use(
      http.get(`${BASE}/api/lipsyncs_v2/:id/`, ({ params }) =>
        HttpResponse.json({
          ...fixture("lipsync-v2"),
          id: String(params.id),
          status: "done",
          output: "https://v/l.mp4",
        }),
      ),
      http.get(`${BASE}/api/aurora/:id/`, ({ params }) =>
        HttpResponse.json({ ...fixture("aurora-job"), id: String(params.id), status: "running" }),
      ),
    )
    const provider = await makeProvider()
    // The create page's body has video_output; the URL, not the body, says it is a template job.
    const tpl = await run(
      provider.parseWebhook!(hook({ id: "t1", status: "done", video_output: "x" }, urls.tpl)),
    )
    expect(tpl.job).toMatchObject({
      ref: "creatify:custom_template_job:t1",
      status: "succeeded",
      videoUrl: "https://v/t.mp4",
    })
    const lipsync = await run(
      provider.parseWebhook!(hook({ id: "l1", status: "done", output: "x" }, urls.lipsync)),
    )
    expect(lipsync.job).toMatchObject({
      ref: "creatify:lipsync_v2:l1",
      status: "succeeded",
      videoUrl: "https://v/l.mp4",
    })
    const aurora = await run(provider.parseWebhook!(hook({ id: "a1", status: "done" }, urls.aurora)))
    expect(aurora.job).toMatchObject({ ref: "creatify:aurora:a1", status: "running" })
    // vb_kind is under the token's MAC: another kind, or an unknown one, is refused before any read.
    const before = seen.length
    for (const kind of ["aurora", "bogus"]) {
      const forged = new URL(urls.tpl)
      forged.searchParams.set("vb_kind", kind)
      const error = await failure(
        provider.parseWebhook!(hook({ id: "t1", status: "done" }, forged.toString())),
      )
      expect(error.reason._tag).toBe("AuthenticationFailed")
    }
    expect(seen.length).toBe(before)
  })

  it("confirms the documented template payload (output) with the custom template job read (a URL without vb_kind)", async () => {
    const url = await callbackUrl()
    vendorReads({
      templates: {
        string: {
          ...fixture("custom-template-job"),
          id: "string",
          status: "failed",
          failed_reason: "bad variables",
        },
      },
    })
    const provider = await makeProvider()
    const event = await run(
      provider.parseWebhook!(hook({ ...fixture("webhook-custom-template"), status: "done" }, url)),
    )
    expect(event).toMatchObject({ type: "failed", confirmed: true })
    expect(event.job).toMatchObject({
      ref: "creatify:custom_template_job:string",
      status: "failed",
      failure: { message: "bad variables" },
    })
  })

  it.each([
    ["a wrong token", `${HOOK}?vb_token=0000`],
    ["no token", HOOK],
  ])("fails with AuthenticationFailed for %s, before any read", async (_, url) => {
    const provider = await makeProvider()
    const error = await failure(provider.parseWebhook!(hook(previews, url)))
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(seen).toHaveLength(0)
  })

  it("fails with AuthenticationFailed when no webhookSecret is configured, or another one", async () => {
    const url = await callbackUrl()
    for (const webhookSecret of [undefined, "another-secret"]) {
      const provider = await makeProvider({ webhookSecret })
      const error = await failure(provider.parseWebhook!(hook(previews, url)))
      expect(error.reason._tag).toBe("AuthenticationFailed")
    }
  })

  it("fails with the read's reason when the job cannot be read back (the handler answers non-2xx)", async () => {
    const url = await callbackUrl()
    vendorReads({})
    const provider = await makeProvider()
    const missing = await failure(provider.parseWebhook!(hook(previews, url)))
    expect(missing).toMatchObject({ operation: "parseWebhook", reason: { _tag: "NotFound" } })
    server.use(http.get(`${BASE}/api/link_to_videos/:id/`, () => new HttpResponse("down", { status: 503 })))
    const down = await failure(provider.parseWebhook!(hook(previews, url)))
    expect(down).toMatchObject({ operation: "parseWebhook", reason: { _tag: "VendorUnavailable" } })
    const events: unknown[] = []
    const handle = makeWebhookHandler([provider], { onEvent: (e) => void events.push(e) })
    const response = await handle(new Request(url, { method: "POST", body: JSON.stringify(previews) }))
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(events).toEqual([])
  })

  it("names the path of a missing field and keeps secrets and tokens out of errors and raw", async () => {
    const url = await callbackUrl()
    const token = new URL(url).searchParams.get("vb_token")!
    const provider = await makeProvider()
    const error = await failure(provider.parseWebhook!(hook({ status: "done", webhook_url: url }, url)))
    expect(error.reason._tag).toBe("UnexpectedResponse")
    if (error.reason._tag === "UnexpectedResponse") {
      expect(error.reason.path).toBe("id")
      expect(error.reason.excerpt).toContain("vb_token=[REDACTED]")
    }
    expect(JSON.stringify(error.toJSON())).not.toContain(token)
    vendorReads({
      links: {
        j: linkToVideo({ id: "j", webhook_url: url, video_output: `https://v/?k=${API_KEY}&i=${API_ID}` }),
      },
    })
    const event = await run(provider.parseWebhook!(hook({ id: "j", status: "done" }, url)))
    const raw = JSON.stringify(event.job.raw)
    for (const s of [token, API_KEY, API_ID, WEBHOOK_SECRET]) expect(raw).not.toContain(s)
  })

  it("is public: parseCreatifyWebhook(request, { secret, client })", async () => {
    const url = await callbackUrl()
    vendorReads({ links: { [previews.id]: linkToVideo({ id: previews.id, status: "running" }) } })
    const client = makeCreatifyClient({
      apiId: Redacted.make(API_ID),
      apiKey: Redacted.make(API_KEY),
      baseUrl: BASE,
    })
    const event = await run(parseCreatifyWebhook(hook(previews, url), { secret: WEBHOOK_SECRET, client }))
    expect(event).toMatchObject({ confirmed: true, job: { status: "running" } })
    const error = await failure(parseCreatifyWebhook(hook(previews, url), { secret: "wrong", client }))
    expect(error.reason._tag).toBe("AuthenticationFailed")
  })
})

describe("through core's webhook handler", () => {
  it("answers 200 for a verified, confirmed delivery and 401 for a forged one", async () => {
    const url = await callbackUrl()
    vendorReads({
      links: { [fixture("webhook-previews").id]: linkToVideo({ ...fixture("webhook-previews") }) },
    })
    const provider = await makeProvider()
    const events: string[] = []
    const handle = makeWebhookHandler([provider], { onEvent: (event) => void events.push(event.job.status) })
    const post = (to: string) =>
      handle(new Request(to, { method: "POST", body: JSON.stringify(fixture("webhook-previews")) }))
    expect((await post(url)).status).toBe(200)
    expect((await post(`${HOOK}?vb_token=forged`)).status).toBe(401)
    expect(events).toEqual(["awaiting_selection"])
  })
})
