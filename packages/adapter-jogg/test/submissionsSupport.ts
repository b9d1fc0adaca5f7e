// A JoggAI simulator on the test's clock, and a driver that moves that clock while no request is
// in flight (core's testing helpers): list lag, the reconcile window and request timeouts then run
// on virtual time.
import { effectSimClock, onTestClock } from "@vidbridge/core/testing"
import { Effect } from "effect"
import { jogg } from "../src/index.js"
import { createSimulator, type JoggSimulator } from "../src/testing/index.js"

export { driveOnTestClock as drive, failureOf, successOf } from "@vidbridge/core/testing"

/**
 * A JoggAI simulator whose clock is the test's `TestClock` (`created_at` counts from 0), and a
 * provider layer counting the client's requests in flight. Run inside `it.effect`.
 */
export const joggOnTestClock = (options: {
  readonly apiVersion?: "v2" | "open"
  readonly listLag?: number
  readonly register: (sim: JoggSimulator) => void
}) =>
  Effect.flatMap(effectSimClock, (clock) =>
    onTestClock({
      sim: createSimulator({
        clock,
        epochMillis: 0,
        apiVersion: options.apiVersion,
        listLag: options.listLag,
      }),
      definition: jogg,
      register: options.register,
    }),
  )
