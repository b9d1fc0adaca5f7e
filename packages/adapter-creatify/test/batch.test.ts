import { JobRef } from "@vidbridge/core"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { creatify } from "../src/index.js"
import { BASE, linkToVideo, makeProvider, run, type Seen, snapshot, useServer } from "./support.js"

const { server } = useServer()

const answerIds =
  (calls: Seen[], body: (id: string) => Record<string, unknown>) =>
  async ({ request }: { request: Request }) => {
    const seen = await snapshot(request)
    calls.push(seen)
    const ids = (seen.search.get("ids") ?? "").split(",")
    return HttpResponse.json(ids.map(body))
  }

describe("getStatuses", () => {
  it("declares a batch limit of 100", () => {
    expect(creatify.capabilities.batchStatusLimit).toBe(100)
  })

  it.each([1, 100, 101, 250])(
    "reads %i link-to-video jobs in ceil(n/100) requests with the right ids",
    async (n) => {
      const calls: Seen[] = []
      server.use(
        http.get(
          `${BASE}/api/link_to_videos/`,
          answerIds(calls, (id) => linkToVideo({ id, status: "running" })),
        ),
      )
      const ids = Array.from({ length: n }, (_, i) => `job-${i}`)
      const provider = await makeProvider()
      const jobs = await run(
        provider.getStatuses!(ids.map((id) => JobRef.make("creatify", "link_to_video", id))),
      )
      expect(calls).toHaveLength(Math.ceil(n / 100))
      expect(calls.flatMap((c) => c.search.get("ids")!.split(","))).toEqual(ids)
      for (const call of calls) {
        expect(call.method).toBe("GET")
        expect(call.path).toBe("/api/link_to_videos/")
        expect(call.search.get("ids")!.split(",").length).toBeLessThanOrEqual(100)
      }
      expect(jobs.map((j) => j.ref)).toEqual(ids.map((id) => `creatify:link_to_video:${id}`))
      expect(jobs.every((j) => j.status === "running")).toBe(true)
    },
  )

  it("groups by kind, keeps each ref's stage and leaves out what it cannot batch or find", async () => {
    const links: Seen[] = []
    const aurora: Seen[] = []
    server.use(
      http.get(`${BASE}/api/link_to_videos/`, async ({ request }) => {
        links.push(await snapshot(request))
        return HttpResponse.json([linkToVideo({ id: "a", previews: [{ media_job: "m" }] })])
      }),
      http.get(
        `${BASE}/api/aurora/`,
        answerIds(aurora, (id) => ({ id, status: "done", video_output: "https://v/x.mp4" })),
      ),
    )
    const provider = await makeProvider()
    const jobs = await run(
      provider.getStatuses!([
        JobRef.parse("creatify:link_to_video:a?stage=render"),
        JobRef.parse("creatify:link_to_video:missing"),
        JobRef.parse("creatify:aurora:av-1"),
        JobRef.parse("creatify:custom_template_job:t-1"),
      ]),
    )
    expect(links[0]!.search.get("ids")).toBe("a,missing")
    expect(aurora[0]!.search.get("ids")).toBe("av-1")
    expect(jobs.map((j) => [j.ref, j.status])).toEqual([
      // Previews and no render shown: waiting for a choice, whatever the ref says.
      ["creatify:link_to_video:a?stage=render", "awaiting_selection"],
      ["creatify:aurora:av-1", "succeeded"],
    ])
  })
})
