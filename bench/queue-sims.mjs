// The queue benchmark's vendors: Creatify's and Hour One's simulators on 127.0.0.1 (their own
// process), clocks `speed` times real time. Prints `ready <settings json>`; exits on "stop".
import { createSimulator as creatifySimulator } from "@vidbridge/adapter-creatify/testing"
import { createSimulator as draftsSimulator } from "@vidbridge/adapter-drafts/testing"
import { makeSimClock, serveHandlers, serveProductPage } from "@vidbridge/core/testing"

const { speed } = JSON.parse(process.argv[2])
const sims = {
  creatify: creatifySimulator({ clock: makeSimClock({ speed }) }),
  drafts: draftsSimulator({ clock: makeSimClock({ speed }) }),
}
const page = await serveProductPage()
const servers = []
const settings = {}
for (const [id, sim] of Object.entries(sims)) {
  const server = await serveHandlers(sim.handlers, { canonicalBase: sim.canonicalBase })
  servers.push(server)
  settings[id] = sim.settings(server.url)
}
process.on("message", async (message) => {
  if (message !== "stop") return
  await Promise.all([page.close(), ...servers.map((s) => s.close())])
  process.exit(0)
})
process.stdout.write(`ready ${JSON.stringify({ page: page.url, settings })}\n`)
