import { HttpResponse, http } from "msw"
import { fakeAvatars, fakeTemplates, fakeTracks, fakeVoices } from "./catalogData.js"

// The fake vendor's catalog reads, its balance and its avatar videos (which take catalog ids).
// Each catalog pages its own way, as real vendors do: avatars by page with `has_more`, voices by
// page with a `total`, music by the vendor's own token, templates not at all.

type Body = Readonly<Record<string, unknown>> | undefined
type Handle = (request: Request, origin: string, body: Body) => Response | Promise<Response>
type Guard = (route: string, handle: Handle) => Parameters<typeof http.get>[1]

/** What the catalog handlers need from the simulator. @internal */
export interface CatalogDeps {
  readonly base: string
  readonly guard: Guard
  /** The account's remaining credits. */
  readonly remaining: () => number
  /** Makes an avatar video job from a checked body and answers it (201). */
  readonly createAvatarVideo: (body: Body, origin: string) => Response
}

const numberParam = (url: URL, name: string, fallback: number, max: number): number | undefined => {
  const raw = url.searchParams.get(name)
  if (raw === null) return fallback
  const n = Number(raw)
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined
}

const badRequest = (detail: string) => HttpResponse.json({ detail }, { status: 400 })

/** Why an avatar video body is refused, or `undefined` when it is fine. */
const avatarVideoProblem = (body: Body): string | undefined => {
  const has = (key: string) => typeof body?.[key] === "string" && body[key] !== ""
  if (has("avatar_id") === has("photo_url")) return "give exactly one of avatar_id and photo_url"
  if (has("text") === has("audio_url")) return "give exactly one of text and audio_url"
  if (has("photo_url") && has("text")) return "a photo speaks only audio_url"
  if (has("text") && !has("voice_id")) return "text needs a voice_id"
  if (has("avatar_id") && !fakeAvatars.some((a) => a.id === body?.avatar_id))
    return `unknown avatar_id ${String(body?.avatar_id)}`
  if (has("voice_id") && !fakeVoices.some((v) => v.voice_id === body?.voice_id))
    return `unknown voice_id ${String(body?.voice_id)}`
  return undefined
}

/** The msw handlers of the fake vendor's catalogs, balance and avatar videos. @internal */
export const catalogHandlers = ({ base, guard, remaining, createAvatarVideo }: CatalogDeps) => [
  http.get(
    `${base}/avatars`,
    guard("GET /avatars", (request) => {
      const url = new URL(request.url)
      const page = numberParam(url, "page", 1, 10_000)
      const size = numberParam(url, "per_page", 10, 50)
      if (page === undefined || size === undefined) return badRequest("page >= 1, per_page 1-50")
      const q = url.searchParams.get("q")?.toLowerCase()
      const found = fakeAvatars.filter((a) => q === undefined || a.display_name.toLowerCase().includes(q))
      const avatars = found.slice((page - 1) * size, page * size)
      return HttpResponse.json({ avatars, has_more: page * size < found.length })
    }),
  ),
  http.get(
    `${base}/voices`,
    guard("GET /voices", (request) => {
      const url = new URL(request.url)
      const page = numberParam(url, "page", 1, 10_000)
      const size = numberParam(url, "per_page", 10, 50)
      if (page === undefined || size === undefined) return badRequest("page >= 1, per_page 1-50")
      return HttpResponse.json({
        voices: fakeVoices.slice((page - 1) * size, page * size),
        total: fakeVoices.length,
      })
    }),
  ),
  http.get(
    `${base}/music`,
    guard("GET /music", (request) => {
      const url = new URL(request.url)
      const count = numberParam(url, "count", 5, 20)
      const after = url.searchParams.get("after")
      const start = after === null ? 0 : fakeTracks.findIndex((t) => t.id === after) + 1
      if (count === undefined || start < 0 || (after !== null && start === 0))
        return badRequest("after must be a track id, count 1-20")
      const tracks = fakeTracks.slice(start, start + count)
      const last = tracks.at(-1)
      return HttpResponse.json({
        tracks,
        next: last !== undefined && start + count < fakeTracks.length ? last.id : null,
      })
    }),
  ),
  http.get(
    `${base}/templates`,
    guard("GET /templates", () => HttpResponse.json(fakeTemplates)),
  ),
  http.get(
    `${base}/balance`,
    guard("GET /balance", () => HttpResponse.json({ credits: remaining() })),
  ),
  http.post(
    `${base}/avatar_videos`,
    guard("POST /avatar_videos", (_request, origin, body) => {
      const problem = avatarVideoProblem(body)
      return problem === undefined ? createAvatarVideo(body, origin) : badRequest(problem)
    }),
  ),
]
