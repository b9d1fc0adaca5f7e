import { deriveWebhookToken, makeWebhookHandler } from "@vidbridge/core"
import { Effect } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
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

const { server } = useServer()

const token = await Effect.runPromise(deriveWebhookToken(WEBHOOK_SECRET, "creatify"))
const hook = (body: unknown, url = `https://app.example/hooks/creatify?vb_token=${token}`) => ({
  method: "POST",
  url,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
})

describe("webhook_url on requests", () => {
  it("adds vb_token derived from webhookSecret and scrubs it from answers", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/link_to_videos/preview_list_async/`, async ({ request }) => {
        calls.push(await snapshot(request))
        const body = (await request.json()) as { webhook_url: string }
        return HttpResponse.json(linkToVideo({ webhook_url: body.webhook_url }))
      }),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.generatePreviews!({ product: "link-1", webhookUrl: "https://app.example/hooks/creatify?x=1" }),
    )
    expect((calls[0]!.body as { webhook_url: string }).webhook_url).toBe(
      `https://app.example/hooks/creatify?x=1&vb_token=${token}`,
    )
    const raw = JSON.stringify(job.raw)
    expect(raw).not.toContain(token)
    expect(raw).not.toContain(WEBHOOK_SECRET)
  })

  it("needs webhookSecret, named, before any request", async () => {
    const provider = await makeProvider({ webhookSecret: undefined })
    const error = await failure(
      provider.generatePreviews!({ product: "link-1", webhookUrl: "https://app.example/h" }),
    )
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("webhookSecret")
  })

  it("refuses a URL longer than 200 characters with the token, before any request", async () => {
    const provider = await makeProvider()
    const long = `https://app.example/${"a".repeat(150)}`
    const error = await failure(provider.render!({ template: "tpl-1", webhookUrl: long }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain("webhookUrl")
    expect(error.message).toContain("200")
    expect(error.message).not.toContain(token)
  })
})

describe("parseWebhook", () => {
  it("parses the documented previews payload as awaiting_selection", async () => {
    const provider = await makeProvider()
    const event = await run(provider.parseWebhook!(hook(fixture("webhook-previews"))))
    expect(event.job).toMatchObject({
      ref: "creatify:link_to_video:20b5d452-89f4-4245-9480-10defaa8fb4d",
      status: "awaiting_selection",
      stage: "preview",
    })
    expect(event.job.previews?.map((p) => [p.id, p.visualStyle, p.aspectRatio])).toEqual([
      ["43e2b17c-e272-453a-96d4-c047acd2ab0e", "FullScreenTemplate", "9:16"],
      ["cd08733a-5067-4643-9237-346998c5849c", "EnhancedVanillaTemplate", "9:16"],
    ])
  })

  it("parses the documented video_output payload as a render-stage event", async () => {
    const provider = await makeProvider()
    const event = await run(
      provider.parseWebhook!(
        hook({ ...fixture("webhook-link-to-video"), status: "done", video_output: "https://v/f.mp4" }),
      ),
    )
    expect(event.job).toMatchObject({
      ref: "creatify:link_to_video:string?stage=render",
      status: "succeeded",
      videoUrl: "https://v/f.mp4",
    })
    const unknown = await run(provider.parseWebhook!(hook(fixture("webhook-link-to-video"))))
    expect(unknown.job).toMatchObject({ status: "unknown", vendorStatus: "string" })
  })

  it("parses the documented template payload (output) as a custom template job", async () => {
    const provider = await makeProvider()
    const event = await run(
      provider.parseWebhook!(
        hook({
          ...fixture("webhook-custom-template"),
          status: "failed",
          output: null,
          failed_reason: "bad variables",
        }),
      ),
    )
    expect(event.job).toMatchObject({
      ref: "creatify:custom_template_job:string",
      status: "failed",
      failure: { message: "bad variables" },
    })
  })

  it.each([
    ["a wrong token", "https://app.example/h?vb_token=0000"],
    ["no token", "https://app.example/h"],
  ])("fails with AuthenticationFailed for %s", async (_, url) => {
    const provider = await makeProvider()
    const error = await failure(provider.parseWebhook!(hook(fixture("webhook-previews"), url)))
    expect(error.reason._tag).toBe("AuthenticationFailed")
  })

  it("fails with AuthenticationFailed when no webhookSecret is configured", async () => {
    const provider = await makeProvider({ webhookSecret: undefined })
    const error = await failure(provider.parseWebhook!(hook(fixture("webhook-previews"))))
    expect(error.reason._tag).toBe("AuthenticationFailed")
  })

  it("names the path of a missing field and keeps secrets out of raw", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.parseWebhook!(hook({ status: "done" })))
    expect(error.reason._tag).toBe("UnexpectedResponse")
    if (error.reason._tag === "UnexpectedResponse") expect(error.reason.path).toBe("id")
    const event = await run(
      provider.parseWebhook!(
        hook({ id: "j", status: "done", video_output: `https://v/?t=${token}&k=${API_KEY}&i=${API_ID}` }),
      ),
    )
    const raw = JSON.stringify(event.job.raw)
    for (const s of [token, API_KEY, API_ID]) expect(raw).not.toContain(s)
  })
})

describe("through core's webhook handler", () => {
  it("answers 200 for a verified delivery and 401 for a forged one", async () => {
    const provider = await makeProvider()
    const events: string[] = []
    const handle = makeWebhookHandler([provider], { onEvent: (event) => void events.push(event.job.status) })
    const post = (url: string) =>
      handle(new Request(url, { method: "POST", body: JSON.stringify(fixture("webhook-previews")) }))
    expect((await post(`https://app.example/h?vb_token=${token}`)).status).toBe(200)
    expect((await post("https://app.example/h?vb_token=forged")).status).toBe(401)
    expect(events).toEqual(["awaiting_selection"])
  })
})
