import { JobRef, type ScriptJob } from "@vidbridge/core"
import type { ScriptResult } from "../wire/jobs.js"
import { Kinds, PROVIDER_ID, str } from "./refs.js"

// JoggAI's AI-script tasks -> neutral script jobs. Pure.

/**
 * JoggAI's AI-script task statuses -> the `ScriptJob` status. Any other value reads as `pending`
 * (core keeps polling until its timeout; the answer stays in `raw`), since a script job has no
 * `unknown`. The README's status table repeats it.
 */
export const joggScriptStatusTable: Readonly<Record<string, ScriptJob["status"]>> = {
  pending: "pending",
  processing: "pending",
  completed: "ready",
  failed: "failed",
}

/** The ref of an AI-script task. */
export const scriptRef = (taskId: string): JobRef => JobRef.make(PROVIDER_ID, Kinds.aiScript, taskId)

/**
 * An AI-script task as neutral scripts: each generated script's paragraphs joined by line breaks
 * (pass `text` as `script` to a render), its style as `style`. `result` absent: just submitted.
 */
export const scriptJob = (taskId: string, result: ScriptResult | undefined, raw: unknown): ScriptJob => {
  const key = str(result?.status)?.toLowerCase()
  const status =
    key !== undefined && Object.hasOwn(joggScriptStatusTable, key) ? joggScriptStatusTable[key]! : "pending"
  const scripts = (result?.data?.generated_scripts ?? result?.scripts ?? []).flatMap((script) => {
    const paragraphs = script.script_paragraphs ?? []
    const text = (typeof paragraphs === "string" ? [paragraphs] : paragraphs).join("\n").trim()
    return text === "" ? [] : [{ style: str(script.script_style), text }]
  })
  return {
    ref: JobRef.format(scriptRef(taskId)),
    provider: PROVIDER_ID,
    status: status === "ready" && scripts.length === 0 ? "failed" : status,
    scripts: status === "ready" ? scripts : [],
    failure:
      status === "failed" || (status === "ready" && scripts.length === 0)
        ? { message: str(result?.err_msg) ?? "JoggAI wrote no script" }
        : undefined,
    raw,
  }
}
