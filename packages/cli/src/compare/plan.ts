import type { AspectRatio, CreditBalance, VideoClient } from "@vidbridge/core"
import { JobRef, VideoError } from "@vidbridge/core"
import { type Choice, type Choices, chooseInputs, type Wanted } from "../defaults/choose.js"
import { type CliProviders, type OpenedProvider, openProvider, type ProviderHints } from "../environment.js"
import { usesPreviews } from "../flow.js"
import { UsageError } from "../io.js"
import { failureOf } from "./failure.js"

/** A vendor's estimate for one run: credits by its published rules, and the rules used. */
export interface RunEstimate {
  readonly credits: number
  readonly basis: string
}

/** One provider, opened and ready: what it will use and what it should cost. Nothing spent yet. */
export interface ReadyPlan {
  readonly kind: "ready"
  readonly provider: string
  readonly opened: OpenedProvider
  readonly choices: Choices
  /** `undefined` when the vendor publishes no rule (`capabilities.credits.estimate`). */
  readonly estimate: RunEstimate | undefined
  readonly balance: Pick<CreditBalance, "remaining" | "unit"> | undefined
}

/** A provider the run leaves out before anything is sent, and what the user can do about it. */
export interface LeftOut {
  readonly kind: "left out"
  readonly provider: string
  readonly note: string
}

/** A provider whose free reads (catalogs, estimate, balance) failed: it is not run. */
export interface PlanFailed {
  readonly kind: "failed"
  readonly provider: string
  readonly mode: "live" | "simulator"
  readonly error: unknown
}

/** What {@link planProvider} answers. */
export type Plan = ReadyPlan | LeftOut | PlanFailed

/** What {@link planProvider} needs besides the provider id. */
export interface PlanSettings {
  /** What the user gave for a provider (`--avatar jogg=...`). */
  readonly wanted: (provider: string) => Wanted
  readonly aspectRatio: AspectRatio
  readonly language: string
  readonly simulate: boolean | undefined
  readonly providers: CliProviders
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal?: AbortSignal | undefined
}

/**
 * Opens a provider and makes its plan with free reads only: the inputs (see `chooseInputs`), the
 * estimate for the product (`hints.productCost`), previews and a render (or a template render) and the balance where the vendor
 * has one. Bad input (an unknown name in a flag, malformed settings) is thrown, `InvalidInput`;
 * any other failure is a {@link PlanFailed}. A ready plan's provider stays open for the run.
 */
export const planProvider = async (id: string, settings: PlanSettings): Promise<Plan> => {
  let opened: OpenedProvider | undefined
  try {
    opened = await openProvider(id, settings.providers, settings.env, { simulate: settings.simulate })
    const { client } = opened
    const choices = await chooseInputs(client, settings.wanted(id), {
      aspectRatio: settings.aspectRatio,
      language: settings.language,
      mode: opened.mode,
      hints: settings.providers.hints?.[id],
      env: settings.env,
      signal: settings.signal,
      templateFlag: `--template ${id}=<id>`,
    })
    if (choices.leftOut !== undefined) {
      await opened.close()
      return { kind: "left out", provider: id, note: choices.leftOut }
    }
    const [estimate, balance] = await Promise.all([
      estimateRun(client, choices, settings.aspectRatio, settings.providers.hints?.[id], settings.signal),
      client.capabilities().operations.includes("getCreditBalance")
        ? client.getCreditBalance({ signal: settings.signal })
        : undefined,
    ])
    const left = balance === undefined ? undefined : { remaining: balance.remaining, unit: balance.unit }
    return { kind: "ready", provider: id, opened, choices, estimate, balance: left }
  } catch (error) {
    await opened?.close()
    if (error instanceof UsageError || (error instanceof VideoError && error.reason._tag === "InvalidInput"))
      throw error
    return { kind: "failed", provider: id, mode: opened?.mode ?? "simulator", error }
  }
}

/**
 * The vendor's estimate for the run, by its published rules: previews in the chosen style plus
 * the render of one, or the template render; `undefined` when it publishes none.
 */
const estimateRun = async (
  client: VideoClient,
  choices: Choices,
  aspectRatio: AspectRatio,
  hints: ProviderHints | undefined,
  signal: AbortSignal | undefined,
): Promise<RunEstimate | undefined> => {
  const caps = client.capabilities()
  if (!caps.credits.estimate) return undefined
  const sum = (parts: ReadonlyArray<RunEstimate>): RunEstimate => {
    const all = hints?.productCost === undefined ? parts : [hints.productCost, ...parts]
    return {
      credits: all.reduce((n, p) => n + p.credits, 0),
      basis: all.map((p) => p.basis).join("; then "),
    }
  }
  // The product is made later; no vendor's rule depends on which one it is, so a stand-in ref
  // says "a product" (a render without one, with an avatar, would be estimated as an avatar video).
  const product = JobRef.format(JobRef.make(client.provider, "product", "to-be-made"))
  const common = {
    ...(caps.aspectRatios.length > 0 ? { aspectRatio } : {}),
    ...(choices.providerOptions ? { providerOptions: choices.providerOptions } : {}),
  }
  if (!usesPreviews(caps)) {
    const render = await client.estimateCredits(
      { ...common, ...(choices.template ? { template: choices.template.id } : {}) },
      "render",
      { signal },
    )
    return sum([render])
  }
  const style = choices.visualStyle ? { visualStyles: [choices.visualStyle.id] } : {}
  const previews = await client.estimateCredits({ ...common, product, ...style }, "previews", { signal })
  const render = await client.estimateCredits({ ...common, product }, "render", { signal })
  return sum([previews, render])
}

const choiceText = (what: string, choice: Choice | undefined): string | undefined => {
  if (choice === undefined) return undefined
  const named =
    choice.name === undefined || choice.name === choice.id
      ? `"${choice.id}"`
      : `"${choice.name}" (${choice.id})`
  return `${what} ${named}${choice.source === "catalog default" ? "" : ` [${choice.source}]`}`
}

/** The choices in one line: `avatar "Anna" (a1), voice "Aria" (v1), visual style "X", music off`. */
export const describeChoices = (choices: Choices): string =>
  [
    choiceText("template", choices.template),
    choiceText("avatar", choices.avatar),
    choiceText("voice", choices.voice),
    choiceText("visual style", choices.visualStyle),
    "music off",
  ]
    .filter(Boolean)
    .join(", ")

/** The cost line: `estimate 5 credits (...); balance 1000 credits`. */
export const describeCost = (plan: {
  readonly estimate?: RunEstimate | undefined
  readonly balance?: ReadyPlan["balance"] | undefined
}): string => {
  const estimate =
    plan.estimate === undefined
      ? "no credit estimate (the vendor publishes no rule)"
      : `estimate ${plan.estimate.credits} credits (${plan.estimate.basis})`
  const balance = plan.balance === undefined ? "" : `; balance ${plan.balance.remaining} ${plan.balance.unit}`
  const short =
    plan.estimate !== undefined &&
    plan.balance !== undefined &&
    plan.estimate.credits > plan.balance.remaining
      ? " (more than the balance)"
      : ""
  return `${estimate}${balance}${short}`
}

/** What `compare` prints before anything is spent: per provider, what it will use and cost, or why it is left out. */
export const describePlans = (plans: ReadonlyArray<Plan>): string =>
  plans
    .map((plan) => {
      if (plan.kind === "left out") return `${plan.provider}: left out: ${plan.note}\n`
      if (plan.kind === "failed") {
        const failure = failureOf(plan.error)
        return `${plan.provider} (${plan.mode}): not run, a free read (catalog, balance) failed: ${failure.reason}: ${failure.message}\n`
      }
      const notes = plan.choices.notes.map((n) => `  note: ${n}\n`).join("")
      return `${plan.provider} (${plan.opened.mode}): ${describeChoices(plan.choices)}\n  ${describeCost(plan)}\n${notes}`
    })
    .join("")

/** The plan as `--json` shows it (no open handles). */
export const planJson = (plan: Plan): Record<string, unknown> =>
  plan.kind === "ready"
    ? {
        provider: plan.provider,
        mode: plan.opened.mode,
        choices: plan.choices,
        estimate: plan.estimate,
        balance: plan.balance,
      }
    : plan.kind === "left out"
      ? { provider: plan.provider, leftOut: plan.note }
      : { provider: plan.provider, mode: plan.mode, failure: failureOf(plan.error) }
