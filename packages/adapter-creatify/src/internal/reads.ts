import type { VideoError, VideoJob } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../CreatifyClient.js"
import { avatarJob, Kind, templateJob } from "./mapping.js"

// Reading one job of the kinds whose ref has no params (status reads and confirmed callbacks).

/** The kinds {@link readJob} reads. */
export type PlainKind = typeof Kind.customTemplateJob | typeof Kind.lipsyncV2 | typeof Kind.aurora

/**
 * One custom template, AI Avatar v2 or Aurora job: `GET /api/custom_template_jobs/{id}/`,
 * `GET /api/lipsyncs_v2/{id}/` or `GET /api/aurora/{id}/`.
 */
export const readJob = (
  client: CreatifyClientShape,
  kind: PlainKind,
  id: string,
  operation: string,
): Effect.Effect<VideoJob, VideoError> => {
  switch (kind) {
    case Kind.customTemplateJob:
      return Effect.map(client.getCustomTemplateJob(id, operation), (body) => templateJob(body))
    case Kind.lipsyncV2:
      return Effect.map(client.getLipsyncV2(id, operation), (body) => avatarJob(body, Kind.lipsyncV2))
    case Kind.aurora:
      return Effect.map(client.getAurora(id, operation), (body) => avatarJob(body, Kind.aurora))
  }
}
