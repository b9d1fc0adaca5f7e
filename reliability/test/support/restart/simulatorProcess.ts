// A vendor simulator in a process of its own, served on 127.0.0.1:
//   node simulatorProcess.ts <vendor>
// It speaks JSON lines: on stdout `{"event":"ready","url","settings","pageUrl"}` once it
// listens, then one line per command read from stdin:
//   {"cmd":"hold","route"}  the next request on `route` takes effect and is never answered;
//                           `{"event":"committed","route","jobs"}` is printed once it took
//                           effect (`jobs`: the ids of every job the vendor holds, oldest first)
//   {"cmd":"ledger"}        `{"event":"ledger","routes":[...],"credits"}`: every request served
//                           (its route), and the credits spent
// It ends when stdin closes. Its clock is the vendor's: it moves 10 s with every read (GET) it
// is asked, and at no other time, so jobs progress only while clients poll them, and no test
// jumps the clock. New jobs show in list reads 30 s after they were made (list lag).
import { createInterface } from "node:readline"
import { serveHandlers, serveProductPage } from "@vidbridge/core/testing"
import { http } from "msw"
import { restartSimulators } from "./simulators.ts"
import type { RestartVendorName } from "./vendors.ts"

/** How far the vendor's clock moves per read it answers. */
const STEP_MS = 10_000
/** How long a new job stays out of the vendor's list reads. */
const LIST_LAG_MS = 30_000

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)

const side = restartSimulators[process.argv[2] as RestartVendorName]
if (side === undefined) throw new Error(`no restart vendor "${process.argv[2]}"`)
const { sim, jobs } = side.simulate()
sim.listLag = LIST_LAG_MS
// Answers nothing, so the simulator's own handler answers the read, at the moved clock.
const tick = http.get("*", () => {
  sim.clock.advance(STEP_MS)
})
const page = await serveProductPage()
const server = await serveHandlers([tick, ...sim.handlers], { canonicalBase: sim.canonicalBase })

const commands = createInterface({ input: process.stdin })
commands.on("line", (line) => {
  const command = JSON.parse(line) as { readonly cmd: string; readonly route?: string }
  if (command.cmd === "hold" && command.route !== undefined) {
    const route = command.route
    sim.holdAnswer(route)
    // A rewrite runs on the answer, so after the request took effect (job made, credits spent)
    // and before the answer is held: the moment to report.
    sim.faults.inject(route, {
      kind: "rewrite",
      rewrite: (body) => {
        emit({ event: "committed", route, jobs: jobs() })
        return body
      },
    })
    emit({ event: "holding", route })
  } else if (command.cmd === "ledger") {
    emit({ event: "ledger", routes: sim.log.all().map((e) => e.route), credits: sim.creditsSpent() })
  } else {
    emit({ event: "error", message: `unknown command ${line}` })
  }
})
commands.on("close", async () => {
  await Promise.all([server.close(), page.close()])
  process.exit(0)
})

emit({ event: "ready", url: server.url, settings: sim.settings(server.url), pageUrl: page.url })
