/**
 * The clock a simulator's jobs move on. `manual` clocks only move when a test calls
 * `advance`; `real` clocks follow wall time, optionally sped up (the demo runs a 5-minute
 * render in seconds).
 */
export interface SimClock {
  /** Milliseconds since the clock started. */
  readonly now: () => number
  /** Moves a manual clock forward (no effect on a real clock). */
  readonly advance: (millis: number) => void
}

/**
 * Makes a {@link SimClock}.
 *
 * @example
 * ```ts
 * const clock = makeSimClock()          // manual: tests decide when time passes
 * const demo = makeSimClock({ speed: 60 }) // real time, 60x faster
 * ```
 */
export const makeSimClock = (options: { readonly speed?: number | undefined } = {}): SimClock => {
  if (options.speed === undefined) {
    let now = 0
    return {
      now: () => now,
      advance: (millis) => {
        now += Math.max(0, millis)
      },
    }
  }
  const started = performance.now()
  const speed = options.speed
  return { now: () => Math.floor((performance.now() - started) * speed), advance: () => {} }
}

/** One step of a job's life on a simulator: the vendor status it shows from `at` ms after creation. */
export interface TimelineStep<S extends string> {
  readonly status: S
  readonly at: number
}

/** The step of `timeline` a job created at `createdAt` is in at `now` (the first step before any time passes). */
export const stepAt = <S extends string>(
  timeline: ReadonlyArray<TimelineStep<S>>,
  createdAt: number,
  now: number,
): { readonly step: TimelineStep<S>; readonly index: number; readonly progress: number } => {
  const elapsed = now - createdAt
  let index = 0
  for (let i = 0; i < timeline.length; i++) if (timeline[i]!.at <= elapsed) index = i
  const last = timeline[timeline.length - 1]!
  const progress = last.at === 0 ? 1 : Math.min(1, Math.max(0, elapsed / last.at))
  return { step: timeline[index]!, index, progress }
}
