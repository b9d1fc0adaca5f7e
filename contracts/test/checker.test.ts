import type { SimulatorExchange } from "@vidbridge/core/testing"
import { describe, expect, it } from "vitest"
import {
  checkExchange,
  checker,
  checkSentRequest,
  describeViolations,
  OFF_CONTRACT_HEADER,
} from "../src/index.js"

// The checks themselves: what they catch, where, and what the known conflicts excuse.

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  })

const exchange = (request: Request, response: Response | undefined, fault?: string): SimulatorExchange => ({
  provider: "test",
  route: "test",
  request,
  response,
  fault,
})

const HOURONE = "https://api.makereals.com/api/v1"
const JOGG = "https://api.jogg.ai"

const paths = (violations: ReadonlyArray<{ path: string; rule: string }>) =>
  violations.map((v) => `${v.path} ${v.rule}`)

describe("requests", () => {
  it("Hour One: an override without scenes names /body/scenes (the failure of issue 19)", async () => {
    const body = { type: "override", source_draft_id: "d1", correlation_id: "c1" }
    const violations = await checkSentRequest(post(`${HOURONE}/videos`, body, { "api-key": "k" }))
    expect(paths(violations)).toEqual(["/body/scenes required"])
    expect(violations[0]).toMatchObject({
      vendor: "hourone",
      operation: "POST /videos",
      direction: "request",
    })
    expect(describeViolations(violations)).toContain("POST /videos request /body/scenes: is required")
    const fixed = { ...body, scenes: [{ name: "Intro" }] }
    expect(await checkSentRequest(post(`${HOURONE}/videos`, fixed, { "api-key": "k" }))).toEqual([])
  })

  it("JoggAI: wrong types and enums at their JSON paths, a missing key, an unknown operation", async () => {
    const body = {
      product_id: "p",
      visual_styles: ["A"],
      video_spec: { length: 30 },
      avatar: { id: "81" },
      voice: {},
      audio: {},
      script: { style: "Storytime", language: "english" },
    }
    const violations = await checkSentRequest(post(`${JOGG}/v2/create_video_from_product/preview_list`, body))
    expect(paths(violations)).toEqual([
      "/headers/x-api-key security",
      "/body/video_spec/length type",
      "/body/video_spec/length enum",
      "/body/avatar/id type",
    ])
    const unknown = await checkSentRequest(
      new Request(`${JOGG}/v2/no_such_thing`, { headers: { "x-api-key": "k" } }),
    )
    expect(paths(unknown)).toEqual(["/path operation"])
  })

  it("query parameters are checked; the `open` API and other hosts' paths are not claimed", async () => {
    const list = new Request(`${JOGG}/v2/product_videos?page=1&page_size=500`, {
      headers: { "x-api-key": "k" },
    })
    expect(paths(await checkSentRequest(list))).toEqual(["/query/page_size maximum"])
    const open = post("https://api-services.jogg.ai/open/product", { url: 7 })
    expect(await checkSentRequest(open)).toEqual([])
    expect(await checkSentRequest(post("https://api.creatify.ai/api/links/", {}))).toEqual([])
  })

  it("a request marked off-contract is not reported", async () => {
    const marked = post(
      `${HOURONE}/videos`,
      { type: "override" },
      { "api-key": "k", [OFF_CONTRACT_HEADER]: "on purpose" },
    )
    expect(await checkSentRequest(marked)).toEqual([])
  })
})

describe("simulator answers", () => {
  const read = () => new Request(`${JOGG}/v2/product_video/pv_1`, { headers: { "x-api-key": "k" } })
  const answer = (body: unknown, status = 200) => Response.json(body, { status })

  it("a shape the document does not have is reported with its path", async () => {
    const wrong = answer({ code: 0, msg: "Success", data: { status: "mystery", video_url: 7 } })
    expect(paths(await checkExchange(exchange(read(), wrong))).sort()).toEqual([
      "/body/data/status enum",
      "/body/data/video_url type",
    ])
  })

  it("an undocumented status is reported; Hour One's 401 and 404 are known conflicts, 418 is not", async () => {
    expect(paths(await checkExchange(exchange(read(), answer({ code: 0, msg: "x" }, 429))))).toEqual([
      "/status status",
    ])
    const video = new Request(`${HOURONE}/videos/v1`, { headers: { "api-key": "k" } })
    expect(await checkExchange(exchange(video, answer({ detail: "no" }, 401)))).toEqual([])
    expect(await checkExchange(exchange(video.clone(), answer({ detail: "no" }, 404)))).toEqual([])
    expect(paths(await checkExchange(exchange(video.clone(), answer({ detail: "no" }, 418))))).toEqual([
      "/status status",
    ])
  })

  it("exceptions excuse exactly their value: data null and status pending, not data 'x' or status 'done'", async () => {
    expect(
      await checkExchange(exchange(read(), answer({ code: 10105, msg: "Invalid API key", data: null }))),
    ).toEqual([])
    expect(paths(await checkExchange(exchange(read(), answer({ code: 1, msg: "m", data: "x" }))))).toEqual([
      "/body/data type",
    ])
    const pending = answer({ code: 0, msg: "Success", data: { status: "pending" } })
    expect(await checkExchange(exchange(read(), pending))).toEqual([])
    const done = answer({ code: 0, msg: "Success", data: { status: "done" } })
    expect(paths(await checkExchange(exchange(read(), done)))).toEqual(["/body/data/status enum"])
  })

  it("answers a planned fault shaped, and dropped connections, are not checked", async () => {
    expect(await checkExchange(exchange(read(), answer({ nope: true }, 503), "status"))).toEqual([])
    expect(await checkExchange(exchange(read(), undefined, "reset"))).toEqual([])
  })

  it("Hour One answers with null for a string field are reported (the document never allows null)", async () => {
    const video = new Request(`${HOURONE}/videos/v1`, { headers: { "api-key": "k" } })
    const body = { id: "v1", status: "ready", req_id: "r", draft_id: "d", video_player_url: "u", name: null }
    expect(paths(await checkExchange(exchange(video, answer(body))))).toEqual(["/body/name type"])
  })

  it("routes relative to each document's server: Hour One under /api/v1 only", async () => {
    const contracts = await checker()
    const at = (url: string) => ({
      method: "GET",
      url: new URL(url),
      headers: new Headers(),
      body: undefined,
    })
    expect(contracts.operationOf("hourone", at(`${HOURONE}/videos/x/metadata`))).toBe(
      "GET /videos/{video_id}/metadata",
    )
    expect(contracts.operationOf("hourone", at("https://api.makereals.com/videos/x"))).toBeUndefined()
    expect(contracts.operationOf("jogg", at(`${JOGG}/v2/product_video/x`))).toBe(
      "GET /v2/product_video/{product_video_id}",
    )
  })
})
