import { effectSimClock, onTestClock } from "@vidbridge/core/testing"
import { Effect } from "effect"
import type { SetupServer } from "msw/node"
import { creatify } from "../src/index.js"
import { type CreatifySimulator, createSimulator } from "../src/testing/index.js"

// Paid calls on virtual time: a Creatify simulator whose clock is the test's TestClock (so list
// lag, the client's timeouts and core's reconcile window move together), and a driver that moves
// that clock only while no request is in flight (core's testing helpers).

export { driveOnTestClock as drive, failureOf, successOf } from "@vidbridge/core/testing"

/**
 * The simulator on the TestClock (`created_at` 0 = clock 0, as the client's send time reads), its
 * handlers on `server`, and the provider as a layer, with `busy()` true while an answer is on its
 * way (a held request never answers: it only waits for the client's timeout). Run in `it.effect`.
 */
export const simOnTestClock = (server: SetupServer, listLag = 0) =>
  Effect.flatMap(effectSimClock, (clock) =>
    onTestClock({
      sim: createSimulator({ clock, epoch: 0, listLag }),
      definition: creatify,
      register: (sim) => server.use(...sim.handlers),
    }),
  )

export type { CreatifySimulator }
