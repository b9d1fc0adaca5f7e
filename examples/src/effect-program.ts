// The same work in Effect style: operations read the provider from a layer, failures are
// typed, and reasons are matched with catchReason. Time, retries and cancellation come free.
import { drafts } from "@vidbridge/adapter-drafts"
import { createProduct, render, waitForCompletion } from "@vidbridge/core"
import { Effect, Schedule } from "effect"

/** Renders a product into a draft and waits; out-of-credit becomes a value, not a crash. */
export const program = (template: string) =>
  Effect.gen(function* () {
    const product = yield* createProduct({
      title: "Aurora Trail Running Shoe",
      imageUrls: ["https://cdn.example/a.jpg", "https://cdn.example/b.jpg", "https://cdn.example/c.jpg"],
    })
    const job = yield* render({ product, template })
    const done = yield* waitForCompletion(job.ref, {
      timeout: "15 minutes",
      schedule: Schedule.spaced("100 millis"),
    })
    return { ok: true as const, videoUrl: done.videoUrl }
  }).pipe(
    Effect.catchReason("VideoError", "InsufficientCredits", (reason) =>
      Effect.succeed({ ok: false as const, videoUrl: undefined, why: reason.message }),
    ),
  )

/** Provides Hour One from settings (an API key, or a simulator's settings) and runs it. */
export const main = (settings: Parameters<typeof drafts.layer>[0], template = "sim-template") =>
  Effect.runPromise(program(template).pipe(Effect.provide(drafts.layer(settings))))
