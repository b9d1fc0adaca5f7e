import { lstatSync } from "node:fs"
import { mkdir } from "node:fs/promises"
import {
  describePlans,
  type LeftOut,
  type Plan,
  type PlanFailed,
  type PlanSettings,
  planJson,
  planProvider,
  type ReadyPlan,
} from "../compare/plan.js"
import { reportInput, writeReport } from "../compare/report.js"
import { type CompareRow, failedPlanRow, runProvider } from "../compare/runProvider.js"
import { decideSpending } from "../compare/spend.js"
import { aspectFlag, type Command, durationFlag, parseFlags, urlFlag } from "../context.js"
import { perProvider } from "../defaults/overrides.js"
import { UsageError } from "../io.js"
import { makeBars } from "../progress/bars.js"
import { fanOut, recordEvents } from "../progress/events.js"
import { renderTable } from "../table.js"
import { about } from "./about.js"

export type { CompareRow } from "../compare/runProvider.js"

/** `vidbridge compare`: the same product on several providers at once. */
export const compare: Command = {
  ...about.compare,
  run: async (args, context) => {
    const { values } = parseFlags(args, {
      url: { type: "string" },
      providers: { type: "string" },
      aspect: { type: "string" },
      language: { type: "string" },
      avatar: { type: "string", multiple: true },
      voice: { type: "string", multiple: true },
      style: { type: "string", multiple: true },
      template: { type: "string", multiple: true },
      "max-credits": { type: "string" },
      yes: { type: "boolean", short: "y" },
      timeout: { type: "string" },
      report: { type: "string" },
      download: { type: "string" },
      force: { type: "boolean" },
      simulate: { type: "boolean" },
    })
    const url = urlFlag("url", values.url)
    const known = context.providers.definitions
    const ids = (values.providers ?? known.map((d) => d.id).join(","))
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
    const unknown = ids.filter((id) => !known.some((d) => d.id === id))
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown provider(s) ${unknown.join(", ")}; known: ${known.map((d) => d.id).join(", ")}`,
      )
    }
    const knownIds = known.map((d) => d.id)
    const flag = (name: string, given: ReadonlyArray<string> | undefined) =>
      perProvider(name, given, knownIds, ids)
    const avatar = flag("avatar", values.avatar)
    const voice = flag("voice", values.voice)
    const style = flag("style", values.style)
    const template = flag("template", values.template)
    const wanted = (id: string) => ({
      avatar: avatar(id),
      voice: voice(id),
      visualStyle: style(id),
      template: template(id),
    })
    const aspectRatio = aspectFlag(values.aspect ?? "9:16") ?? "9:16"
    const maxCredits = creditsFlag(values["max-credits"])
    const timeout = durationFlag(values.timeout)
    const json = Boolean(values.json)
    const force = Boolean(values.force)
    // Before any vendor is asked: an existing report stays as it is without --force.
    if (values.report !== undefined && !force && lstatSync(values.report, { throwIfNoEntry: false }))
      throw new UsageError(`${values.report} already exists; pass --force to replace it`)

    // Free reads only: what each vendor will use, its estimate and balance. Nothing is spent.
    const plans = await planAll(ids, {
      wanted,
      aspectRatio,
      language: values.language ?? "en",
      simulate: values.simulate,
      providers: context.providers,
      env: context.io.env,
      signal: context.signal,
    })
    const ready = plans.filter((p): p is ReadyPlan => p.kind === "ready")
    const leftOut = plans.filter((p): p is LeftOut => p.kind === "left out")
    const planned = plans.map(planJson)
    if (!json) context.io.err(describePlans(plans))
    const failed = plans.filter((p): p is PlanFailed => p.kind === "failed")
    const decision =
      ready.length === 0
        ? failed.length > 0
          ? ({ go: true } as const)
          : ({ go: false, code: 2, message: "no provider can run; nothing was sent" } as const)
        : await decideSpending(ready, { yes: Boolean(values.yes), maxCredits, io: context.io })
    if (!decision.go) {
      await Promise.all(ready.map((p) => p.opened.close()))
      if (json) {
        context.io.out(
          `${JSON.stringify({ ok: false, url, plan: planned, error: { message: decision.message } }, null, 2)}\n`,
        )
      } else {
        context.io.err(`error: ${decision.message}\n`)
      }
      return decision.code
    }
    if (values.download !== undefined) await mkdir(values.download, { recursive: true })

    const started = performance.now()
    const startedAt = new Date().toISOString()
    const clock = () => performance.now() - started
    const events = recordEvents()
    const bars = makeBars(context.io, { quiet: json, now: clock })
    const ran = await Promise.all(
      ready.map((plan) =>
        runProvider(plan.provider, {
          url,
          aspectRatio,
          template: undefined,
          language: values.language,
          timeout,
          simulate: values.simulate,
          download: values.download === undefined ? undefined : { dir: values.download, force },
          providers: context.providers,
          env: context.io.env,
          signal: context.signal,
          clock,
          sink: fanOut(bars.sink, events.sink),
          plan,
        }),
      ),
    ).finally(bars.close)
    const failedRows = failed.map(failedPlanRow)
    const rows = ids.flatMap(
      (id) => ran.find((r) => r.provider === id) ?? failedRows.find((r) => r.provider === id) ?? [],
    )

    const report =
      values.report === undefined
        ? undefined
        : await writeReport(
            values.report,
            reportInput(rows, {
              url,
              startedAt,
              reportFile: values.report,
              names: Object.fromEntries(known.map((d) => [d.id, d.displayName])),
              events: events.of,
            }),
          )
    const ok = rows.every((r) => r.failure === undefined)
    if (json) {
      const out = { ok, url, plan: planned, rows, ...(report ? { report } : {}) }
      context.io.out(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      context.io.out(`\n${comparisonTable(rows)}`)
      for (const skipped of leftOut) context.io.out(`\n${skipped.provider} left out: ${skipped.note}\n`)
      const hint = rows.find((r) => r.hint)?.hint
      if (hint) context.io.err(`\nhint: ${hint}\n`)
      if (report) context.io.out(`\nreport: ${report}\n`)
    }
    return ok ? 0 : 1
  },
}

/** Plans every provider at once; should one throw (bad input), the others' providers are closed. */
const planAll = async (ids: ReadonlyArray<string>, settings: PlanSettings): Promise<ReadonlyArray<Plan>> => {
  const settled = await Promise.allSettled(ids.map((id) => planProvider(id, settings)))
  const thrown = settled.find((s) => s.status === "rejected")
  if (thrown === undefined) return settled.map((s) => (s as PromiseFulfilledResult<Plan>).value)
  await Promise.all(
    settled.map((s) =>
      s.status === "fulfilled" && s.value.kind === "ready" ? s.value.opened.close() : undefined,
    ),
  )
  throw thrown.reason
}

/** Reads `--max-credits`: a number of credits, at least 0. */
const creditsFlag = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new UsageError(`--max-credits must be a number of credits, 0 or more (got "${value}")`)
  return n
}

/** The comparison as a plain-text table (stdout of `compare` and `demo`). */
export const comparisonTable = (rows: ReadonlyArray<CompareRow>): string =>
  renderTable(
    ["provider", "mode", "status", "wall time", "requests", "credits", "output", "failure"],
    rows.map((r) => [
      r.provider,
      r.mode,
      r.status,
      `${r.seconds.toFixed(1)} s`,
      String(r.requests),
      r.credits === undefined ? "-" : String(r.credits),
      r.saved?.video ?? r.videoUrl ?? "-",
      r.failure ?? "",
    ]),
  )
