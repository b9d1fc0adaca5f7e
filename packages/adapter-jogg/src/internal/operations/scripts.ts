import {
  JobRef,
  type ScriptJob,
  type ScriptRequest,
  type SubmissionContext,
  type VideoError,
} from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type { JoggV2Api } from "../client/v2.js"
import { scriptJob } from "../mapping/jobs.js"
import { str } from "../mapping/refs.js"
import { scriptBody } from "../requests/scripts.js"
import { announce, requireId } from "./shared.js"

// AI scripts: `POST /v2/ai_scripts` (0.2 credit) answers a task, `GET /v2/ai_scripts/results/{task_id}`
// reads it; core polls `getScripts` until the scripts are written (JoggAI: 10-30 s).

/** The AI-script operations of the port over JoggAI's v2 API. */
export const scriptOperations = (api: JoggV2Api) => ({
  generateScripts: Effect.fn("JoggProvider.generateScripts")(function* (
    request: ScriptRequest,
    submission?: SubmissionContext,
  ) {
    const body = yield* scriptBody(request)
    // The body has no field JoggAI keeps and no list shows tasks: the key travels nowhere.
    yield* announce(submission)
    const task = yield* api.aiScripts(body, { operation: "generateScripts" })
    const id = yield* requireId(str(task.task_id), "generateScripts", "data.task_id", task)
    return scriptJob(id, undefined, task)
  }),
  getScripts: (ref: JobRef): Effect.Effect<ScriptJob, VideoError> =>
    Effect.map(
      api.aiScriptResult(ref.id, { operation: "generateScripts", ref: JobRef.format(ref) }),
      (result) => scriptJob(ref.id, result, result),
    ),
})
