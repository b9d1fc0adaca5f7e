import { ProductPageError, VideoError, type VideoJob } from "@vidbridge/core"
import { aspectFlag, type Command, durationFlag, parseFlags, urlFlag } from "../context.js"
import { openProvider, withSamples } from "../environment.js"
import { startFlow } from "../flow.js"
import { UsageError } from "../io.js"
import { makeProgress } from "../progress.js"
import { renderTable } from "../table.js"

/** One provider's line in the comparison. */
export interface CompareRow {
  readonly provider: string
  readonly mode: "live" | "simulator"
  readonly status: string
  readonly seconds: number
  readonly requests: number
  readonly credits: number | undefined
  readonly videoUrl: string | undefined
  readonly ref: string | undefined
  readonly failure: string | undefined
}

const failureOf = (error: unknown): string =>
  error instanceof VideoError
    ? `${error.reason._tag}: ${error.reason.message}`
    : error instanceof ProductPageError
      ? `${error._tag} (${error.kind}): ${error.message}`
      : String((error as Error)?.message ?? error)

/** `vidbridge compare`: the same product on several providers at once. */
export const compare: Command = {
  name: "compare",
  summary: "run the URL-to-video flow on several providers concurrently and compare",
  usage:
    "vidbridge compare --url <product-url> --providers creatify,jogg,drafts [--aspect 9:16] [--timeout 20m] [--template drafts=<draft id>] [--simulate] [--json]",
  run: async (args, context) => {
    const { values } = parseFlags(args, {
      url: { type: "string" },
      providers: { type: "string" },
      aspect: { type: "string" },
      timeout: { type: "string" },
      template: { type: "string", multiple: true },
      simulate: { type: "boolean" },
    })
    const url = urlFlag("url", values.url)
    const ids = (values.providers ?? context.providers.definitions.map((d) => d.id).join(","))
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
    const unknown = ids.filter((id) => !context.providers.definitions.some((d) => d.id === id))
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown provider(s) ${unknown.join(", ")}; known: ${context.providers.definitions.map((d) => d.id).join(", ")}`,
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
    const progress = makeProgress({ ...context.io, interactive: false }, json)
    const rows = await Promise.all(
      ids.map(async (id): Promise<CompareRow> => {
        const started = performance.now()
        let opened: Awaited<ReturnType<typeof openProvider>> | undefined
        let job: VideoJob | undefined
        try {
          opened = await openProvider(id, context.providers, context.io.env, { simulate: values.simulate })
          const provider = opened
          const flow = await startFlow(
            provider.client,
            provider.mode === "simulator"
              ? withSamples({ url, aspectRatio, template: templates.get(id) })
              : { url, aspectRatio, template: templates.get(id) },
            (stage, j) => progress.update(`${id} ${stage}`, j),
            context.signal,
          )
          job = flow.render
          job = await provider.client.waitForCompletion(flow.render.ref, {
            signal: context.signal,
            onProgress: (j) => progress.update(`${id} render`, j),
            ...(timeout ? { timeout } : {}),
          })
          return row(id, opened, started, job, undefined)
        } catch (error) {
          return row(id, opened, started, job, failureOf(error))
        } finally {
          await opened?.close()
        }
      }),
    )
    if (json) {
      context.io.out(
        `${JSON.stringify({ ok: rows.every((r) => r.failure === undefined), url, rows }, null, 2)}\n`,
      )
    } else {
      context.io.out(
        `\n${renderTable(
          ["provider", "mode", "status", "wall time", "requests", "credits", "output", "failure"],
          rows.map((r) => [
            r.provider,
            r.mode,
            r.status,
            `${r.seconds.toFixed(1)} s`,
            String(r.requests),
            r.credits === undefined ? "-" : String(r.credits),
            r.videoUrl ?? "-",
            r.failure ?? "",
          ]),
        )}`,
      )
    }
    return rows.every((r) => r.failure === undefined) ? 0 : 1
  },
}

const row = (
  id: string,
  opened: Awaited<ReturnType<typeof openProvider>> | undefined,
  started: number,
  job: VideoJob | undefined,
  failure: string | undefined,
): CompareRow => ({
  provider: id,
  mode: opened?.mode ?? "simulator",
  status: failure ? (job?.status ?? "error") : (job?.status ?? "unknown"),
  seconds: (performance.now() - started) / 1000,
  requests: opened?.requests() ?? 0,
  credits: opened?.credits() ?? job?.creditsUsed,
  videoUrl: job?.videoUrl,
  ref: job?.ref,
  failure,
})
