import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import * as z from "zod/mini"

// Checks of inputs that are not plain data (durations, schedules, callbacks), shared by the
// settings and the wait options, so a wrong one is `InvalidInput` naming it, not a crash later.

const isDurationInput = (value: unknown): boolean => {
  if (typeof value === "number") return value >= 0
  if (value === null || (typeof value !== "string" && typeof value !== "object")) return false
  try {
    const duration = Duration.fromInput(value as Duration.Input)
    return Option.isSome(duration) && !Duration.isNegative(duration.value)
  } catch {
    return false
  }
}

/** A non-negative duration: milliseconds, an Effect `Duration`, or text such as `"10 minutes"`. */
export const durationInput = z.custom<Duration.Input>(
  isDurationInput,
  'must be a duration (milliseconds as a number, an Effect Duration, or text such as "10 minutes")',
)

/** A function (a callback option). */
export const callback = <F>() => z.custom<F>((v) => typeof v === "function", "must be a function")

/** The options of every wait: `waitForCompletion`, `watch`, `generateScripts`, the client's `polling`. */
export const WaitOptionsSchema = z.looseObject({
  timeout: z.optional(durationInput),
  minInterval: z.optional(durationInput),
  schedule: z.optional(
    z.custom<Schedule.Schedule<unknown, unknown>>(Schedule.isSchedule, "must be an Effect Schedule"),
  ),
  onProgress: z.optional(callback()),
  maxConsecutiveErrors: z.optional(z.number().check(z.int(), z.gte(0))),
})
