// Hour One's credit-spending call for the fault matrix: rendering a video from a draft.
import { drafts } from "@vidbridge/adapter-drafts"
import {
  DRAFTS_ROUTES,
  type DraftsSimulator,
  createSimulator as draftsSim,
} from "@vidbridge/adapter-drafts/testing"
import { type CreditCall, erase, ref, topStatus } from "./call.js"

const draftsRender: CreditCall<DraftsSimulator> = {
  vendor: "Hour One",
  definition: drafts,
  simulate: () => draftsSim(),
  name: "render: POST /videos",
  route: DRAFTS_ROUTES.create,
  cost: 1,
  prepare: async () => ({ call: (c) => c.render({ template: "draft-1", script: "Meet the new shoe." }) }),
  made: (sim) => sim.videos().map((v) => ref("drafts", "video", v.id)),
  lifecycle: "job",
  statusRoute: DRAFTS_ROUTES.get,
  missing: { on: "answer", field: "id", path: "id" },
  unknownStatus: { answer: topStatus, status: topStatus },
  moderation: { na: "Hour One documents no moderation status (ready, failed, stopped, cancelled)" },
  jobFails: (sim) => sim.failNext(),
  // render's key travels as correlation_id and findSubmission looks it up exactly: core finds the
  // video after a lost answer (the call succeeds), and fails SubmissionUnknown, with the submission
  // ref and one request, when nothing was made (5xx before).
  findsSubmissions: true,
}

/** Hour One's credit-spending calls, in table order. */
export const draftsCalls: ReadonlyArray<CreditCall> = [erase(draftsRender)]
