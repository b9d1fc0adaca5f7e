import type { Io } from "../io.js"
import type { ReadyPlan } from "./plan.js"

/** Whether a comparison may spend, from `--yes`, `--max-credits` and the person at the terminal. */
export type SpendDecision =
  | { readonly go: true }
  | { readonly go: false; readonly code: 1 | 2; readonly message: string }

/** The sum of the estimates (each in its own vendor's credits); `undefined` providers have none. */
export const totalEstimate = (plans: ReadonlyArray<ReadyPlan>) => {
  const estimated = plans.filter((p) => p.estimate !== undefined)
  return {
    credits: estimated.reduce((sum, p) => sum + (p.estimate?.credits ?? 0), 0),
    unestimated: plans.filter((p) => p.estimate === undefined).map((p) => p.provider),
  }
}

/**
 * Decides before anything is sent. `--max-credits N`: a run estimated above N is refused (exit 2),
 * simulated or live. Then, when a live vendor would spend: `--yes` goes ahead; a person at a
 * terminal is asked (no: exit 1); without a terminal the run is refused (exit 2) saying to pass
 * `--yes`. Runs on simulators only spend nothing real and are never asked about.
 */
export const decideSpending = async (
  plans: ReadonlyArray<ReadyPlan>,
  options: { readonly yes: boolean; readonly maxCredits: number | undefined; readonly io: Io },
): Promise<SpendDecision> => {
  const total = totalEstimate(plans)
  const without = total.unestimated.length === 0 ? "" : ` (no estimate from ${total.unestimated.join(", ")})`
  if (options.maxCredits !== undefined && total.credits > options.maxCredits) {
    return {
      go: false,
      code: 2,
      message: `the run is estimated at ${total.credits} credits${without}, above --max-credits ${options.maxCredits}; nothing was sent`,
    }
  }
  const live = plans.filter((p) => p.opened.mode === "live").map((p) => p.provider)
  if (live.length === 0 || options.yes) return { go: true }
  const question = `spend about ${total.credits} credits${without} on ${live.join(", ")}?`
  if (options.io.confirm === undefined) {
    return {
      go: false,
      code: 2,
      message: `${question} There is no terminal to ask on: pass --yes to go ahead (and --max-credits N to cap it); nothing was sent`,
    }
  }
  if (await options.io.confirm(question)) return { go: true }
  return { go: false, code: 1, message: "not confirmed; nothing was sent" }
}
