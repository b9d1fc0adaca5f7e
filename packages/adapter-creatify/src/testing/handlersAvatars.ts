import { http, type RequestHandler } from "msw"
import { SIM_PERSONAS, SIM_VOICES } from "./catalogData.js"
import {
  CANONICAL_BASE,
  CREATIFY_ROUTES,
  charge,
  fieldErrors,
  guard,
  type HandlerContext,
  json,
  listed,
  notFound,
  originOf,
  readJson,
} from "./handlers.js"
import { ordered } from "./handlersVideos.js"
import { auroraCredits, type SimRenderJob, templateCredits } from "./state.js"
import { checkIds } from "./validate.js"
import { checkAurora, checkLipsync } from "./validateJobs.js"
import { renderJobJson, renderJobPhase } from "./viewsRender.js"

/** How many characters of script the simulator speaks per second (an AI Avatar video's length). */
export const SIM_CHARS_PER_SECOND = 15

/** The length the simulator gives every Aurora audio file (it does not read the file). */
export const AURORA_SECONDS = 15

const persona = (id: string) => SIM_PERSONAS.some((p) => p.id === id && p.is_active)
const accents = new Set(
  SIM_VOICES.flatMap((v) => (v.accents as ReadonlyArray<{ id: string }>).map((a) => a.id)),
)

/**
 * Handlers for avatar videos: AI Avatar v2 (`POST /api/lipsyncs_v2/`, `GET /api/lipsyncs_v2/{id}/`,
 * `GET /api/lipsyncs_v2/?ids=`) and Aurora (`POST /api/aurora/` answering 201, `GET /api/aurora/{id}/`,
 * `GET /api/aurora/?ids=`).
 * AI Avatar videos need an active persona and a voice accent of the simulated catalog; they last
 * as long as their script ({@link SIM_CHARS_PER_SECOND}), Aurora videos {@link AURORA_SECONDS}.
 * Lists without `ids` show a job `listLag` after it was made.
 */
export const makeAvatarHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const { store } = ctx
  const view = (job: SimRenderJob, origin: string) => {
    const now = store.clock.now()
    return renderJobJson(job, renderJobPhase(job, store.timeline, now), origin, now, ctx.epoch)
  }
  const list = (route: string, kind: SimRenderJob["kind"]) =>
    http.get(`${CANONICAL_BASE}${route.slice(route.indexOf(" ") + 1)}`, ({ request }) =>
      guard(ctx, request, route, () => {
        const search = new URL(request.url).searchParams
        const ids = checkIds(search)
        if (!ids.ok) return fieldErrors(ids.errors)
        const wanted = ids.value === undefined ? undefined : new Set(ids.value)
        const jobs = wanted === undefined ? listed(ctx, store.renderJobs(kind)) : store.renderJobs(kind)
        const origin = originOf(request)
        return json(
          ordered(jobs, search.get("ordering"))
            .filter((job) => wanted === undefined || wanted.has(job.id))
            .map((job) => view(job, origin)),
        )
      }),
    )

  return [
    http.post(`${CANONICAL_BASE}/api/lipsyncs_v2/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.createLipsync, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkLipsync(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const { characters, avatars, modelVersion, webhookUrl } = checked.value
        const unknown = avatars.find((a) => !persona(a))
        if (unknown !== undefined)
          return fieldErrors({ avatar_id: [`Invalid pk "${unknown}" - object does not exist.`] })
        const scenes = (body.value as { video_inputs: ReadonlyArray<{ voice: { voice_id: string } }> })
          .video_inputs
        const voice = scenes.find((s) => !accents.has(s.voice.voice_id))
        if (voice !== undefined) {
          return fieldErrors({ voice_id: [`Invalid pk "${voice.voice.voice_id}" - object does not exist.`] })
        }
        const seconds = Math.max(1, Math.ceil(characters / SIM_CHARS_PER_SECOND))
        const credits = templateCredits(seconds, modelVersion)
        const refused = charge(ctx, credits)
        if (refused) return refused
        const job = store.addRenderJob({
          kind: "lipsync_v2",
          mode: "direct",
          body: body.value as Record<string, unknown>,
          modelVersion: modelVersion ?? "standard",
          seconds,
          credits,
          webhookUrl,
        })
        return json(view(job, originOf(request)))
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/lipsyncs_v2/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.getLipsync, () => {
        const job = store.renderJob(String(params.id), "lipsync_v2")
        return job === undefined ? notFound() : json(view(job, originOf(request)))
      }),
    ),
    list(CREATIFY_ROUTES.listLipsyncs, "lipsync_v2"),
    http.post(`${CANONICAL_BASE}/api/aurora/`, ({ request }) =>
      guard(ctx, request, CREATIFY_ROUTES.createAurora, async () => {
        const body = await readJson(request)
        if (!body.ok) return body.response
        const checked = checkAurora(body.value)
        if (!checked.ok) return fieldErrors(checked.errors)
        const { modelVersion, webhookUrl } = checked.value
        const credits = auroraCredits(AURORA_SECONDS, modelVersion)
        const refused = charge(ctx, credits)
        if (refused) return refused
        const job = store.addRenderJob({
          kind: "aurora",
          mode: "direct",
          body: body.value as Record<string, unknown>,
          modelVersion: modelVersion ?? "aurora_v1",
          seconds: AURORA_SECONDS,
          credits,
          webhookUrl,
        })
        return json(view(job, originOf(request)), 201)
      }),
    ),
    http.get(`${CANONICAL_BASE}/api/aurora/:id/`, ({ request, params }) =>
      guard(ctx, request, CREATIFY_ROUTES.getAurora, () => {
        const job = store.renderJob(String(params.id), "aurora")
        return job === undefined ? notFound() : json(view(job, originOf(request)))
      }),
    ),
    list(CREATIFY_ROUTES.listAurora, "aurora"),
  ]
}
