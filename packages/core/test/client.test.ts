import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { createVideoClient, fromEnv, JobRef, VideoError } from "../src/index.js"
import { FAKE_VENDOR_BASE_URL, fakeVendor } from "../src/testing/index.js"
import { useFakeVendor } from "./support/fake.js"
import { API_KEY } from "./support/keys.js"
import { realTicks } from "./support/msw.js"

const vendor = useFakeVendor()
const { server } = vendor

const client = () =>
  createVideoClient({ provider: fakeVendor({ apiKey: API_KEY, retry: { baseDelay: 1, maxDelay: 1 } }) })

describe("Promise client", () => {
  it("renders and reads a job from the stored ref string alone", async () => {
    const job = await client().render({ template: "tpl-1", name: "Spring ad" })
    expect(job.status).toBe("queued")
    expect(vendor.sim.requests[0]).toMatchObject({
      method: "POST",
      path: "/renders",
      body: { template: "tpl-1" },
    })
    expect(vendor.sim.requests[0]?.headers.get("x-api-key")).toBe(API_KEY)
    vendor.sim.jobs.get(JobRef.parse(job.ref).id)!.status = "ok"
    const restarted = client()
    expect((await restarted.getStatus(job.ref)).status).toBe("succeeded")
  })

  it("rejects bad input with InvalidInput naming the field, before any request", async () => {
    const error = await client()
      .render({ aspectRatio: "4:3" as never, webhookUrl: "ftp://x" })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VideoError)
    const video = error as VideoError
    expect(video.reason._tag).toBe("InvalidInput")
    expect(video.message).toContain('aspectRatio: must be one of "9:16", "16:9", "1:1"')
    expect(video.message).toContain("webhookUrl")
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("answers UnsupportedOperation before any request for an operation the provider lacks", async () => {
    const error = (await client()
      .generateScripts({ product: "fake:product:p1" })
      .catch((e: unknown) => e)) as VideoError
    expect(error).toBeInstanceOf(VideoError)
    expect(error.reason._tag).toBe("UnsupportedOperation")
    expect(client().capabilities().operations).not.toContain("generateScripts")
    expect(vendor.sim.requests).toHaveLength(0)
  })

  it("routes refs of an unconfigured provider to a clear error", async () => {
    const error = (await client()
      .getStatus("jogg:product_video:1")
      .catch((e: unknown) => e)) as VideoError
    expect(error.reason._tag).toBe("InvalidInput")
    expect(error.message).toContain('"jogg" is not configured')
  })

  it("waits for completion and reports progress", async () => {
    const c = createVideoClient({
      provider: fakeVendor({ apiKey: API_KEY }),
      polling: { schedule: undefined },
    })
    const job = await c.render({ template: "t" })
    const pinned = vendor.sim.jobs.get(JobRef.parse(job.ref).id)!
    pinned.status = "ok"
    pinned.url = "https://cdn.test/v.mp4"
    const seen: string[] = []
    const done = await c.waitForCompletion(job.ref, { onProgress: (j) => seen.push(j.status) })
    expect(done.videoUrl).toBe("https://cdn.test/v.mp4")
    expect(seen).toEqual(["succeeded"])
  })

  it("aborting a call cancels the in-flight request", async () => {
    let aborted = false
    let seen = false
    server.use(
      http.get(`${FAKE_VENDOR_BASE_URL}/jobs/:id`, ({ request }) => {
        seen = true
        request.signal.addEventListener("abort", () => {
          aborted = true
        })
        return new Promise<Response>(() => {})
      }),
    )
    const controller = new AbortController()
    const pending = client().getStatus("fake:render:job-1", { signal: controller.signal })
    while (!seen) await realTicks(1)
    controller.abort(new Error("user gave up"))
    await expect(pending).rejects.toThrow("user gave up")
    await realTicks()
    expect(aborted).toBe(true)
  })

  it("waitForAll batches reads and settles each job", async () => {
    const c = client()
    const jobs = await Promise.all([c.render({ template: "a" }), c.render({ template: "b" })])
    for (const job of vendor.sim.jobs.values()) job.status = "ok"
    vendor.sim.jobs.get("job-2")!.status = "broken"
    const results = await c.waitForAll(
      jobs.map((j) => j.ref),
      { interval: 1 },
    )
    expect(results.map((r) => r.ok)).toEqual([true, false])
    expect(vendor.sim.count("GET", "/jobs")).toBe(1)
  })
})

describe("configuration", () => {
  it("fromEnv names a missing variable and lists known providers", () => {
    expect(() => fromEnv({ providers: [fakeVendor], env: {} })).toThrow(
      /VIDBRIDGE_PROVIDER: is not set; set it to one of: fake/,
    )
    expect(() => fromEnv({ providers: [fakeVendor], env: { VIDBRIDGE_PROVIDER: "nope" } })).toThrow(
      /unknown provider "nope"; known providers: fake/,
    )
    expect(() => fromEnv({ providers: [fakeVendor], env: { VIDBRIDGE_PROVIDER: "fake" } })).toThrow(
      /FAKE_API_KEY: is not set/,
    )
    expect(() =>
      fromEnv({
        providers: [fakeVendor],
        env: { VIDBRIDGE_PROVIDER: "fake", FAKE_API_KEY: "k-1234", FAKE_BASE_URL: "nope" },
      }),
    ).toThrow(/FAKE_BASE_URL: must be a valid url/)
  })

  it("fromEnv builds a working client", async () => {
    const c = fromEnv({ providers: [fakeVendor], env: { VIDBRIDGE_PROVIDER: "fake", FAKE_API_KEY: API_KEY } })
    expect(c.provider).toBe("fake")
    expect((await c.render({ template: "x" })).status).toBe("queued")
  })

  it("settings errors name the field and never echo the credential", () => {
    let error: unknown
    try {
      fakeVendor({ apiKey: API_KEY, timeout: "soon" as never, extra: 1 } as never)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(VideoError)
    expect(String(error)).toContain('unknown field(s) "extra"')
    expect(JSON.stringify(error)).not.toContain(API_KEY)
  })

  it("an unknown provider name lists the configured ones", () => {
    expect(() =>
      createVideoClient({ provider: "jogg", providers: [fakeVendor({ apiKey: API_KEY })] }),
    ).toThrow(/unknown provider "jogg"; known providers: fake/)
  })

  it("a vendor that refuses the key is AuthenticationFailed without the key in the error", async () => {
    const c = createVideoClient({ provider: fakeVendor({ apiKey: "sk-wrong-key-999" }) })
    const error = (await c.render({ template: "x" }).catch((e: unknown) => e)) as VideoError
    expect(error.reason._tag).toBe("AuthenticationFailed")
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain("sk-wrong-key-999")
  })
})

describe("error shape", () => {
  it("serializes without credentials and is instanceof-checkable", async () => {
    server.use(
      http.post(`${FAKE_VENDOR_BASE_URL}/renders`, () =>
        HttpResponse.json({ detail: "no" }, { status: 402 }),
      ),
    )
    const error = (await client()
      .render({ template: "x" })
      .catch((e: unknown) => e)) as VideoError
    expect(error).toBeInstanceOf(VideoError)
    expect(error).toBeInstanceOf(Error)
    expect(error.toJSON()).toMatchObject({
      _tag: "VideoError",
      provider: "fake",
      operation: "render",
      status: 402,
      reason: { _tag: "InsufficientCredits", retryable: false },
    })
  })
})
