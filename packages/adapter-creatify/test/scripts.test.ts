import { JobRef } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import {
  API_ID,
  API_KEY,
  authOf,
  BASE,
  failure,
  fixture,
  makeProvider,
  run,
  type Seen,
  snapshot,
  useServer,
} from "./support.js"

const { server } = useServer()

const product = {
  ref: "creatify:product:link-1",
  provider: "creatify",
  id: "link-1",
  url: "https://shop.example/p/1",
  title: "Soap",
  description: "Lavender soap",
  imageUrls: [],
  videoUrls: [],
  raw: {},
}

const scripts = [
  {
    paragraphs: "Hook. Body. Call to action.",
    script_name: "A",
    script_style: "BenefitsV2",
    title: "Benefits",
  },
]

describe("generateScripts", () => {
  it("POSTs /api/ai_scripts/ with the link's title and description and maps finished scripts", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/ai_scripts/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json({
          id: "scr-1",
          status: "done",
          generated_scripts: scripts,
          language: "en",
          credits_used: 1,
        })
      }),
    )
    const provider = await makeProvider()
    const job = await run(
      provider.generateScripts!({
        product,
        language: "en",
        durationSeconds: 30,
        scriptStyles: ["BenefitsV2"],
        targetAudience: "Parents",
      }),
    )
    expect(calls[0]!.method).toBe("POST")
    expect(calls[0]!.path).toBe("/api/ai_scripts/")
    expect(authOf(calls[0]!.headers)).toEqual({ id: API_ID, key: API_KEY })
    expect(calls[0]!.body).toEqual({
      title: "Soap",
      description: "Lavender soap",
      url: "https://shop.example/p/1",
      language: "en",
      video_length: 30,
      script_styles: ["BenefitsV2"],
      target_audience: "Parents",
    })
    expect(job).toMatchObject({
      ref: "creatify:ai_script:scr-1",
      status: "ready",
      creditsUsed: 1,
      scripts: [
        {
          title: "Benefits",
          name: "A",
          style: "BenefitsV2",
          language: "en",
          text: "Hook. Body. Call to action.",
        },
      ],
    })
  })

  it("answers pending with a ref, and getScripts reads GET /api/ai_scripts/{id}/", async () => {
    const calls: Seen[] = []
    server.use(
      http.post(`${BASE}/api/ai_scripts/`, () =>
        HttpResponse.json({ id: "scr-2", status: "pending", generated_scripts: [] }),
      ),
      http.get(`${BASE}/api/ai_scripts/scr-2/`, async ({ request }) => {
        calls.push(await snapshot(request))
        return HttpResponse.json({ ...fixture("ai-script"), id: "scr-2", status: "done" })
      }),
    )
    const provider = await makeProvider()
    const first = await run(provider.generateScripts!({ product }))
    expect(first).toMatchObject({ status: "pending", ref: "creatify:ai_script:scr-2", scripts: [] })
    const done = await run(provider.getScripts!(JobRef.parse(first.ref!)))
    expect(calls[0]!.method).toBe("GET")
    expect(calls[0]!.path).toBe("/api/ai_scripts/scr-2/")
    expect(done.status).toBe("ready")
    expect(done.scripts[0]!.text).toBe("<string>")
  })

  it("reports a failed script job with the vendor's reason", async () => {
    server.use(
      http.post(`${BASE}/api/ai_scripts/`, () =>
        HttpResponse.json({ id: "scr-3", status: "failed", failed_reason: "no product text" }),
      ),
    )
    const provider = await makeProvider()
    const job = await run(provider.generateScripts!({ product }))
    expect(job).toMatchObject({ status: "failed", failure: { message: "no product text" } })
  })

  it("remembers products it made, so a ref string is enough", async () => {
    const bodies: unknown[] = []
    server.use(
      http.post(`${BASE}/api/links/`, () =>
        HttpResponse.json({ id: "link-9", link: { title: "Kettle", description: "Steel" } }),
      ),
      http.post(`${BASE}/api/ai_scripts/`, async ({ request }) => {
        bodies.push(await request.json())
        return HttpResponse.json({ id: "scr-4", status: "done", generated_scripts: scripts })
      }),
    )
    const provider = await makeProvider()
    const made = await run(provider.createProduct!({ url: "https://shop.example/k" }))
    await run(provider.generateScripts!({ product: made.ref }))
    expect(bodies[0]).toEqual({ title: "Kettle", description: "Steel" })
  })

  it("asks for the Product object when it does not know the title, before any request", async () => {
    const provider = await makeProvider()
    const error = await failure(provider.generateScripts!({ product: "creatify:product:unknown" }))
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toMatch(/product/)
  })
})
