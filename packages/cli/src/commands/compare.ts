import { lstatSync } from "node:fs"
import { mkdir } from "node:fs/promises"
import { reportInput, writeReport } from "../compare/report.js"
import { type CompareRow, runProvider } from "../compare/runProvider.js"
import { aspectFlag, type Command, durationFlag, parseFlags, urlFlag } from "../context.js"
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
      timeout: { type: "string" },
      template: { type: "string", multiple: true },
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
    const templates = new Map(
      (values.template ?? []).map((t) => {
        const [id, value] = t.split("=")
        if (!id || !value) throw new UsageError(`--template takes provider=<template id> (got "${t}")`)
        return [id, value] as const
      }),
    )
    const aspectRatio = aspectFlag(values.aspect ?? "9:16")
    const timeout = durationFlag(values.timeout)
    const json = Boolean(values.json)
    const force = Boolean(values.force)
    // Before any vendor is asked: an existing report stays as it is without --force.
    if (values.report !== undefined && !force && lstatSync(values.report, { throwIfNoEntry: false }))
      throw new UsageError(`${values.report} already exists; pass --force to replace it`)
    if (values.download !== undefined) await mkdir(values.download, { recursive: true })

    const started = performance.now()
    const startedAt = new Date().toISOString()
    const clock = () => performance.now() - started
    const events = recordEvents()
    const bars = makeBars(context.io, { quiet: json, now: clock })
    const rows = await Promise.all(
      ids.map((id) =>
        runProvider(id, {
          url,
          aspectRatio,
          template: templates.get(id),
          timeout,
          simulate: values.simulate,
          download: values.download === undefined ? undefined : { dir: values.download, force },
          providers: context.providers,
          env: context.io.env,
          signal: context.signal,
          clock,
          sink: fanOut(bars.sink, events.sink),
        }),
      ),
    ).finally(bars.close)

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
      context.io.out(`${JSON.stringify({ ok, url, rows, ...(report ? { report } : {}) }, null, 2)}\n`)
    } else {
      context.io.out(`\n${comparisonTable(rows)}`)
      const hint = rows.find((r) => r.hint)?.hint
      if (hint) context.io.err(`\nhint: ${hint}\n`)
      if (report) context.io.out(`\nreport: ${report}\n`)
    }
    return ok ? 0 : 1
  },
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
