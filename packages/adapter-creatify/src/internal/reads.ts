import { JobRef, NotFound, VideoError, type VideoJob } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type { CreatifyClientShape } from "../CreatifyClient.js"
import { avatarJob, Kind, PROVIDER_ID, templateJob } from "./mapping.js"

// Reading one job of the kinds whose ref has no params (status reads and confirmed callbacks).

/** The kinds {@link readJob} reads. */
export type PlainKind = typeof Kind.customTemplateJob | typeof Kind.lipsyncV2 | typeof Kind.aurora

/**
 * One custom template, AI Avatar v2 or Aurora job: `GET /api/custom_template_jobs/{id}/`,
 * `GET /api/lipsyncs_v2/{id}/`, or `GET /api/aurora/?ids=<id>` (`NotFound` when not listed).
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
      return Effect.flatMap(client.listAurora({ ids: [id] }, operation), (jobs) => {
        const body = jobs.find((j) => j.id === id)
        return body
          ? Effect.succeed(avatarJob(body, Kind.aurora))
          : Effect.fail(
              new VideoError({
                provider: PROVIDER_ID,
                operation,
                ref: JobRef.format(JobRef.make(PROVIDER_ID, Kind.aurora, id)),
                reason: new NotFound({ message: `Creatify lists no Aurora job ${id}` }),
              }),
            )
      })
  }
}
