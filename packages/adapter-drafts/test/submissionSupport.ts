import { effectSimClock, onTestClock } from "@vidbridge/core/testing"
import { Effect } from "effect"
import { drafts } from "../src/index.js"
import { createSimulator, type DraftsSimulator } from "../src/testing/index.js"

// Paid calls on virtual time: the simulator's clock is the test's TestClock, so list lag, the
// HTTP runtime's per-attempt timeout and core's reconcile window all move together (core's
// testing helpers drive the clock only while no request is in flight).

export { driveOnTestClock as drive, failureOf, successOf } from "@vidbridge/core/testing"

/**
 * An Hour One simulator on the test's `TestClock` and the provider layer over it (built through
 * the public definition, fast retries), counting the client's requests in flight. Run inside
 * `it.effect`; `register` mounts the handlers (msw).
 */
export const draftsOnTestClock = (options: {
  readonly listLag?: number
  readonly register: (sim: DraftsSimulator) => void
  readonly settings?: Record<string, unknown>
}) =>
  Effect.map(
    Effect.flatMap(effectSimClock, (clock) =>
      onTestClock({
        sim: createSimulator({ clock, listLag: options.listLag }),
        definition: drafts,
        register: options.register,
        settings: options.settings,
      }),
    ),
    (built) => ({ ...built, provider: built.shape }),
  )
