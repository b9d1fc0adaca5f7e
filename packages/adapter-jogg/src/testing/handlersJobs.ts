import { servedOrigin } from "@vidbridge/core/testing"
import { http, type RequestHandler } from "msw"
import { creditsFor, spokenSeconds } from "../internal/credits.js"
import { languages } from "../internal/mapping/languages.js"
import { v2ScriptStyles } from "../internal/mapping/v2.js"
import { JOGG_BASE_URL } from "../settings.js"
import {
  customAvatars,
  customTemplates,
  photoAvatars,
  productAvatars,
  publicAvatars,
  publicTemplates,
} from "./catalog.js"
import { errors, fail, guard, type HandlerContext, jsonBody, ok } from "./handlers.js"
import type { SimJobVideo } from "./state.js"
import { pageOf, record, statusFilter, text } from "./validate.js"
import { jobVideoItem, scriptResult, templateListItem } from "./views.js"

/** The route names of AI scripts, avatar videos and template videos, for fault injection. */
export const JOGG_JOB_ROUTES = {
  aiScripts: "POST /v2/ai_scripts",
  aiScriptResult: "GET /v2/ai_scripts/results/{task_id}",
  createAvatarVideo: "POST /v2/create_video_from_avatar",
  avatarVideo: "GET /v2/avatar_video/{id}",
  createTemplateVideo: "POST /v2/create_video_with_template",
  templateVideo: "GET /v2/template_video/{video_id}",
  templateVideos: "GET /v2/template_videos",
} as const

/** What an AI-script call costs (JoggAI's pricing: 0.2 credit per call). */
export const SCRIPT_CREDITS = 0.2

/** How long a simulated template video (or an avatar video speaking a recording) lasts. */
export const JOB_VIDEO_SECONDS = 30

const languageNames = new Set(Object.values(languages))
const lengths = ["15", "30", "60"]

/** Avatars a `create_video_from_avatar` may name: type 0 public; type 1 the account's usable ones. */
const avatarExists = (type: unknown, id: unknown): boolean =>
  type === 0
    ? publicAvatars.some((a) => a.id === id)
    : type === 1 &&
      [
        ...customAvatars.filter((a) => a.avatar_status === "completed").map((a) => a.id),
        ...photoAvatars.filter((a) => a.status === 1).map((a) => a.id),
        ...productAvatars.map((a) => a.avatar_id),
      ].includes(id as number)

/** The first wrong variable of a template video, as JoggAI's messages say it; `undefined` when all are right. */
const variablesProblem = (value: unknown, templateId: unknown): string | undefined => {
  const template = [...publicTemplates, ...customTemplates].find((t) => t.id === templateId)
  if (template === undefined) return "Template ID does not exist"
  if (!Array.isArray(value)) return "Parameter error: variables is required"
  for (const [i, item] of value.entries()) {
    const v = record(item)
    const props = record(v?.properties)
    if (v === undefined || text(v.name) === undefined || props === undefined) {
      return `Parameter error: variables[${i}] needs type, name and properties`
    }
    if (v.type === "text" || v.type === "script") {
      if (typeof props.content !== "string")
        return `Parameter error: variables[${i}].properties.content is required`
    } else if (v.type === "image" || v.type === "video") {
      if (
        text(props.url) === undefined &&
        props.asset_id === undefined &&
        text(props.content) === undefined
      ) {
        return `Parameter error: variables[${i}] needs url or asset_id`
      }
    } else return `Parameter error: variables[${i}].type must be text, image, video or script`
  }
  const given = new Set(value.map((v) => record(v)?.name))
  return template.variables.some((v) => v.required && !given.has(v.name))
    ? "Required template variable missing"
    : undefined
}

/** What an avatar-video body is missing, as JoggAI's `40000 Parameter error: ...` names it. */
const avatarBodyProblem = (body: Record<string, unknown>): string | undefined => {
  const avatar = record(body.avatar)
  const voice = record(body.voice)
  if (avatar === undefined || (avatar.avatar_type !== 0 && avatar.avatar_type !== 1)) {
    return "avatar.avatar_type is required (0 or 1)"
  }
  if (!Number.isInteger(avatar.avatar_id)) return "avatar.avatar_id is required"
  if (voice === undefined || text(voice.voice_id) === undefined) return "voice.voice_id is required"
  if (voice.type === "script" && text(voice.script) === undefined) return "voice.script is required"
  if (voice.type === "audio" && text(voice.audio_url) === undefined) return "voice.audio_url is required"
  if (voice.type !== "script" && voice.type !== "audio") return "voice.type must be script or audio"
  if (!["portrait", "landscape", "square"].includes(String(body.aspect_ratio))) {
    return "aspect_ratio must be portrait, landscape or square"
  }
  if (![1, 2, 3].includes(body.screen_style as number)) return "screen_style must be 1, 2 or 3"
  return undefined
}

/**
 * The msw handlers of JoggAI's AI scripts (`POST /v2/ai_scripts`, `GET /v2/ai_scripts/results/{task_id}`),
 * avatar videos (`POST /v2/create_video_from_avatar`, `GET /v2/avatar_video/{id}`) and template
 * videos (`POST /v2/create_video_with_template`, `GET /v2/template_video/{video_id}`, `GET /v2/template_videos`).
 */
export const makeJobHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const base = JOGG_BASE_URL
  const { store, ledger } = ctx
  const origin = (request: Request) => servedOrigin(request, base)
  const makeVideo = (kind: SimJobVideo["kind"], seconds: number, body: Record<string, unknown>) => {
    const credits = creditsFor(seconds, "render")
    if (!ledger.charge(credits)) return undefined
    const video: SimJobVideo = {
      kind,
      id: store.nextId("video_"),
      createdAt: ctx.clock.now(),
      credits,
      seconds,
      name: text(body.video_name),
      webhookUrl: text(body.webhook_url),
      failure: store.failures.take("video"),
    }
    store.jobVideos.set(video.id, video)
    return video
  }
  const readVideo = (kind: SimJobVideo["kind"], route: string, path: string) =>
    http.get(`${base}${path}/:id`, ({ request, params }) =>
      guard(ctx, request, route, () => {
        const video = store.jobVideos.get(String(params.id))
        if (video === undefined || video.kind !== kind) return errors.notFound()
        return ok(jobVideoItem(video, store.jobVideoView(video), origin(request), ctx.epochMillis))
      }),
    )
  return [
    http.post(`${base}/v2/ai_scripts`, ({ request }) =>
      guard(ctx, request, JOGG_JOB_ROUTES.aiScripts, async () => {
        const body = await jsonBody(request)
        if (body === undefined) return errors.parameter("the body must be a JSON object")
        if (!languageNames.has(String(body.language))) return errors.parameter("language is required")
        if (!lengths.includes(String(body.video_length_seconds))) {
          return errors.parameter('video_length_seconds must be "15", "30" or "60"')
        }
        if (!(v2ScriptStyles as ReadonlyArray<unknown>).includes(body.script_style)) {
          return errors.parameter("script_style is required")
        }
        const info = record(body.product_info)
        const data = record(info?.data)
        let product: string | undefined
        if (info?.source_type === "id") {
          const found = store.products.get(text(data?.id) ?? "")
          if (found === undefined) return errors.notFound()
          product = found.name ?? "your product"
        } else if (info?.source_type === "details") {
          product = text(data?.name)
          if (product === undefined || text(data?.description) === undefined) {
            return errors.parameter("product_info.data.name and description are required")
          }
        } else return errors.parameter("product_info.source_type must be id or details")
        if (!ledger.charge(SCRIPT_CREDITS)) return errors.noCredit()
        const task = {
          id: store.nextId("task_"),
          createdAt: ctx.clock.now(),
          credits: SCRIPT_CREDITS,
          productId: info.source_type === "id" ? text(data?.id) : undefined,
          product,
          style: String(body.script_style),
          seconds: Number(body.video_length_seconds),
          failure: store.failures.take("script"),
        }
        store.scripts.set(task.id, task)
        return ok({ task_id: task.id })
      }),
    ),
    http.get(`${base}/v2/ai_scripts/results/:id`, ({ request, params }) =>
      guard(ctx, request, JOGG_JOB_ROUTES.aiScriptResult, () => {
        const task = store.scripts.get(String(params.id))
        return task === undefined ? errors.notFound() : ok(scriptResult(task, store.scriptView(task)))
      }),
    ),
    http.post(`${base}/v2/create_video_from_avatar`, ({ request }) =>
      guard(ctx, request, JOGG_JOB_ROUTES.createAvatarVideo, async () => {
        const body = await jsonBody(request)
        if (body === undefined) return errors.parameter("the body must be a JSON object")
        const problem = avatarBodyProblem(body)
        if (problem !== undefined) return errors.parameter(problem)
        const avatar = record(body.avatar)!
        if (!avatarExists(avatar.avatar_type, avatar.avatar_id)) return errors.notFound()
        const voice = record(body.voice)!
        const seconds = voice.type === "script" ? spokenSeconds(String(voice.script)) : JOB_VIDEO_SECONDS
        const video = makeVideo("avatar_video", seconds, body)
        return video === undefined ? errors.noCredit() : ok({ video_id: video.id })
      }),
    ),
    readVideo("avatar_video", JOGG_JOB_ROUTES.avatarVideo, "/v2/avatar_video"),
    http.post(`${base}/v2/create_video_with_template`, ({ request }) =>
      guard(ctx, request, JOGG_JOB_ROUTES.createTemplateVideo, async () => {
        const body = await jsonBody(request)
        if (body === undefined) return errors.parameter("the body must be a JSON object")
        if (!Number.isInteger(body.template_id)) return errors.parameter("template_id is required")
        if (text(body.voice_language) === undefined) return errors.parameter("voice_language is required")
        const problem = variablesProblem(body.variables, body.template_id)
        if (problem !== undefined) return fail(40000, problem)
        if (body.avatar_id !== undefined && !avatarExists(body.avatar_type ?? 0, body.avatar_id)) {
          return errors.notFound()
        }
        const video = makeVideo("template_video", JOB_VIDEO_SECONDS, body)
        return video === undefined ? errors.noCredit() : ok({ video_id: video.id })
      }),
    ),
    readVideo("template_video", JOGG_JOB_ROUTES.templateVideo, "/v2/template_video"),
    http.get(`${base}/v2/template_videos`, ({ request }) =>
      guard(ctx, request, JOGG_JOB_ROUTES.templateVideos, () => {
        const url = new URL(request.url)
        const paging = pageOf(url)
        if (typeof paging === "string") return errors.parameter(paging)
        const wanted = statusFilter[url.searchParams.get("status") ?? ""]
        const order = url.searchParams.get("sort_order") === "asc" ? 1 : -1
        const from = origin(request)
        const items = [...store.jobVideos.values()]
          .filter((v) => v.kind === "template_video" && v.createdAt + ctx.listLag() <= ctx.clock.now())
          .map((v, index) => ({
            item: templateListItem(v, store.jobVideoView(v), from, ctx.epochMillis),
            index,
          }))
          .filter(({ item }) => wanted === undefined || item.status === wanted)
          .sort((a, b) => order * (a.item.created_at - b.item.created_at || a.index - b.index))
          .map(({ item }) => item)
        return ok({
          data: items.slice((paging.page - 1) * paging.size, paging.page * paging.size),
          pagination: {
            page: paging.page,
            page_size: paging.size,
            total_items: items.length,
            total_pages: Math.ceil(items.length / paging.size),
          },
        })
      }),
    ),
  ]
}
