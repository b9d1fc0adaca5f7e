// The chaos run's vendors: the three simulators served on 127.0.0.1 in a process of their own (so
// the clock they stamp requests with is not slowed by the test's own work), on clocks `speed`
// times real time. Prints `ready <json>` with each simulator's settings, delivers due webhooks
// every `flushEvery` ms, injects the planned faults on schedule, and answers `report` over IPC
// with every paid request that took effect and JoggAI's POST times.
import { createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { createSimulator as joggSimulator } from "@vidbridge/adapter-jogg/testing"
import {
  makeSimClock,
  observeSimulators,
  reportExchange,
  serveHandlers,
  serveProductPage,
} from "@vidbridge/core/testing"
import { getResponse, http } from "msw"

const config = JSON.parse(process.argv[2])
const clock = () => makeSimClock({ speed: config.speed })
const sims = {
  creatify: creatifySimulator({ clock: clock(), listLag: config.listLag }),
  jogg: joggSimulator({ clock: clock(), listLag: config.listLag }),
  drafts: draftsSimulator({
    clock: clock(),
    listLag: config.listLag,
    webhookUrl: `${config.webhookUrl}?provider=drafts`,
  }),
}
// Simulators that lag their lists (issue 13 phase B) take it as a setting or a property.
for (const sim of Object.values(sims)) if ("listLag" in sim) sim.listLag = config.listLag

// The requests that may spend credits, and what they answered.
const PAID =
  /^POST \/(api\/links\/|api\/link_to_videos\/|api\/custom_template_jobs\/|v2\/create_video_from_product|v2\/product$|videos$)/
const exchanges = []
observeSimulators(({ provider, route, request, response, fault }) => {
  if (!PAID.test(route)) return
  const entry = { provider, route, path: new URL(request.url).pathname, status: response?.status ?? 0, fault }
  exchanges.push(entry)
  void Promise.all([request.text(), response ? response.text() : Promise.resolve("")]).then(([req, res]) => {
    entry.req = req
    entry.res = res
  })
})

// Creatify's simulator does not report its exchanges (JoggAI's and Hour One's do, for the
// contract checks): one handler in front of its own reports them, with the route's id segments
// named as Creatify's route table names them.
const creatifyRoute = (request) => {
  const path = new URL(request.url).pathname
  const named = path.replace(
    /^(\/api\/(?:links|link_to_videos|custom_template_jobs)\/)(?!link_with_params\/|preview_list_async\/)([^/]+)\//,
    "$1{id}/",
  )
  return `${request.method} ${named}`
}
const reported = (provider, handlers, base) => [
  http.all(`${base}/*`, ({ request }) =>
    reportExchange(
      { provider, route: creatifyRoute(request) },
      request,
      async () =>
        (await getResponse(handlers, request)) ?? Response.json({ detail: "no such route" }, { status: 404 }),
    ),
  ),
]
const handlersOf = (id, sim) =>
  id === "creatify" ? reported(id, sim.handlers, sim.canonicalBase) : sim.handlers

const page = await serveProductPage()
const served = {}
for (const [id, sim] of Object.entries(sims)) {
  const server = await serveHandlers(handlersOf(id, sim), { canonicalBase: sim.canonicalBase })
  served[id] = { server, settings: sim.settings(server.url) }
}

// Faults on schedule: `{ at, provider, route, fault, times }` (at: ms after ready).
const timers = config.faults.map(({ at, provider, route, fault, times }) =>
  setTimeout(() => sims[provider].faults.inject(route, fault, times ?? 1), at),
)
const ends = config.endings ?? {}
for (let i = 0; i < (ends.creatify ?? 0); i++) sims.creatify.failNext("the render failed (chaos)")
for (let i = 0; i < (ends.jogg ?? 0); i++) sims.jogg.failNextVideo("the video failed (chaos)")
for (let i = 0; i < (ends.drafts ?? 0); i++) sims.drafts.failNext("the video failed (chaos)")

let flushing = false
const flusher = setInterval(async () => {
  if (flushing) return
  flushing = true
  await Promise.all(Object.values(sims).map((sim) => sim.flushWebhooks().catch(() => [])))
  flushing = false
}, config.flushEvery)

process.on("message", async (message) => {
  if (message === "report") {
    process.send({
      exchanges,
      joggPosts: sims.jogg.log
        .all()
        .filter((r) => r.method === "POST")
        .map((r) => r.at),
      deliveries: Object.fromEntries(
        Object.entries(sims).map(([id, sim]) => {
          const statuses = {}
          for (const d of sim.webhookDeliveries?.() ?? []) statuses[d.status] = (statuses[d.status] ?? 0) + 1
          return [id, statuses]
        }),
      ),
    })
  }
  if (message === "stop") {
    clearInterval(flusher)
    for (const t of timers) clearTimeout(t)
    await Promise.all([page.close(), ...Object.values(served).map((s) => s.server.close())])
    process.exit(0)
  }
})

process.stdout.write(
  `ready ${JSON.stringify({ page: page.url, settings: Object.fromEntries(Object.entries(served).map(([id, s]) => [id, s.settings])) })}\n`,
)
