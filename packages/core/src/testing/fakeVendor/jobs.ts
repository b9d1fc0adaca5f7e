import { stepAt } from "../SimClock.js"

// The fake vendor's jobs: what one holds, how it moves on the simulator's clock, how it reads.

/** A job on the fake vendor. Tests may set `status` or `url` to pin what reads answer. */
export interface FakeJob {
  readonly id: string
  readonly createdAt: number
  /** When the render started (a direct render: when it was made; previews: when one was rendered). */
  renderAt?: number | undefined
  /** A vendor status that overrides the timeline (`waiting`, `working`, `ok`, `broken`, ...). */
  status?: string | undefined
  /** A video URL that overrides the simulator's own. */
  url?: string | undefined
  credits: number
  readonly webhookUrl?: string | undefined
  ending?: FakeEnding | undefined
  /** The `reference` (submission key) it was made with, and the one its preview was rendered with. */
  readonly reference?: string | undefined
  renderReference?: string | undefined
  readonly name?: string | undefined
  /** `avatar` for an avatar video (which moves like a render). */
  readonly kind?: "avatar" | undefined
  /** Request fields the vendor echoes in reads (an avatar video's `avatar_id`, `voice_id`, ...). */
  readonly echo?: Readonly<Record<string, unknown>> | undefined
}

/** How a job queued with `failNext` / `rejectNext` ends. */
export interface FakeEnding {
  readonly status: "broken" | "moderated"
  readonly reason: string
}

// Previews are ready 1 s after they are asked for; a render waits 1 s, works, and is done at 3 s.
const PREVIEWS = [
  { status: "waiting", at: 0 },
  { status: "previews_ready", at: 1000 },
] as const
const RENDER = [
  { status: "waiting", at: 0 },
  { status: "working", at: 1000 },
  { status: "ok", at: 3000 },
] as const

/** The fake vendor's answer for a job at `now`. @internal */
export const jobView = (job: FakeJob, origin: string, now: number) => {
  const echoed = {
    ...job.echo,
    reference: job.reference,
    render_reference: job.renderReference,
    name: job.name,
  }
  if (job.renderAt === undefined) {
    const status = job.status ?? stepAt(PREVIEWS, job.createdAt, now).step.status
    return {
      id: job.id,
      kind: "previews",
      status,
      credits: job.credits,
      ...echoed,
      ...(status === "previews_ready" ? { previews: [{ id: `${job.id}-a` }] } : {}),
    }
  }
  const { step, progress } = stepAt(RENDER, job.renderAt, now)
  const ended = step.status === "ok" ? job.ending : undefined
  const status = job.status ?? ended?.status ?? step.status
  const url = job.url ?? (status === "ok" ? `${origin}/files/${job.id}.mp4` : undefined)
  return {
    id: job.id,
    kind: job.kind ?? "render",
    status,
    progress,
    credits: job.credits,
    ...echoed,
    ...(url === undefined ? {} : { url }),
    ...(ended === undefined ? {} : { error: ended.reason }),
  }
}
