import { makeEndingQueue, type SimClock } from "@vidbridge/core/testing"
import {
  type CreatifySimJob,
  type CreatifyTimeline,
  type EndingStage,
  IdKind,
  makeId,
  type SimEnding,
  type SimLink,
  type SimLinkToVideo,
  type SimPreview,
  type SimRender,
  type SimRenderJob,
  type SimScript,
  type SimScriptJob,
} from "./state.js"
import { linkToVideoView } from "./views.js"
import { renderJobPhase } from "./viewsRender.js"

/** The resources of one simulated Creatify account, in creation order, on the simulator's clock. */
export interface CreatifyStore {
  readonly clock: SimClock
  readonly timeline: CreatifyTimeline
  readonly addLink: (fields: Omit<SimLink, "id" | "createdAt">) => SimLink
  readonly link: (id: string) => SimLink | undefined
  readonly links: () => ReadonlyArray<SimLink>
  /** An AI script job (takes the next queued `scripts` ending). */
  readonly addScripts: (
    body: Readonly<Record<string, unknown>>,
    scripts: ReadonlyArray<SimScript>,
    pending: boolean,
    credits: number,
  ) => SimScriptJob
  readonly scriptJob: (id: string) => SimScriptJob | undefined
  readonly scriptJobs: () => ReadonlyArray<SimScriptJob>
  /** A preview-list job (one preview per visual style and aspect ratio) or a direct render. */
  readonly addLinkToVideo: (fields: {
    readonly mode: "previews" | "direct"
    readonly body: Readonly<Record<string, unknown>>
    readonly link: string
    readonly videoLength: number
    readonly webhookUrl: string | undefined
    readonly visualStyles: ReadonlyArray<string>
    readonly aspectRatios: ReadonlyArray<string>
    readonly previewCredits: number
    /** For a direct render: its credits, style and aspect ratio. */
    readonly render?: {
      readonly credits: number
      readonly visualStyle: string | null
      readonly aspectRatio: string
    }
  }) => SimLinkToVideo
  readonly linkToVideo: (id: string) => SimLinkToVideo | undefined
  readonly linkToVideos: () => ReadonlyArray<SimLinkToVideo>
  /** Starts rendering `preview` of a job now (takes the next queued render ending). */
  readonly startRender: (job: SimLinkToVideo, preview: SimPreview, credits: number) => SimRender
  /**
   * A custom template, AI Avatar v2 or Aurora job (takes the next queued ending: `previews` for a
   * template preview, else `render`).
   */
  readonly addRenderJob: (
    fields: Omit<SimRenderJob, "id" | "createdAt" | "mediaJob" | "ending" | "render">,
  ) => SimRenderJob
  /** Starts rendering a previewed custom template job now (takes the next queued render ending). */
  readonly startTemplateRender: (job: SimRenderJob, credits: number) => void
  readonly renderJob: (id: string, kind: SimRenderJob["kind"]) => SimRenderJob | undefined
  readonly renderJobs: (kind?: SimRenderJob["kind"]) => ReadonlyArray<SimRenderJob>
  /** Makes the next job reaching `stage` end with `ending` where it would have finished. */
  readonly queueEnding: (ending: SimEnding, stage: EndingStage) => void
}

/** Makes an empty {@link CreatifyStore}. */
export const makeCreatifyStore = (clock: SimClock, timeline: CreatifyTimeline): CreatifyStore => {
  const links = new Map<string, SimLink>()
  const scripts = new Map<string, SimScriptJob>()
  const videos = new Map<string, SimLinkToVideo>()
  const renders = new Map<string, SimRenderJob>()
  const endings = makeEndingQueue<EndingStage, SimEnding>()
  let counter = 0
  const next = (kind: (typeof IdKind)[keyof typeof IdKind]) => makeId(kind, ++counter)
  const takeEnding = endings.take

  return {
    clock,
    timeline,
    addLink: (fields) => {
      const link: SimLink = { ...fields, id: next(IdKind.link), createdAt: clock.now() }
      links.set(link.id, link)
      return link
    },
    link: (id) => links.get(id),
    links: () => [...links.values()],
    addScripts: (body, list, pending, credits) => {
      const job: SimScriptJob = {
        id: next(IdKind.script),
        createdAt: clock.now(),
        body,
        pending,
        scripts: list,
        credits,
        ending: takeEnding("scripts"),
      }
      scripts.set(job.id, job)
      return job
    },
    scriptJob: (id) => scripts.get(id),
    scriptJobs: () => [...scripts.values()],
    addLinkToVideo: (fields) => {
      const id = next(IdKind.linkToVideo)
      const previews: SimPreview[] =
        fields.mode === "previews"
          ? fields.visualStyles.flatMap((style) =>
              fields.aspectRatios.map((aspect) => ({
                media_job: next(IdKind.mediaJob),
                visual_style: style,
                aspect_ratio: aspect,
              })),
            )
          : []
      const createdAt = clock.now()
      const job: SimLinkToVideo = {
        id,
        mode: fields.mode,
        createdAt,
        body: fields.body,
        link: fields.link,
        videoLength: fields.videoLength,
        webhookUrl: fields.webhookUrl,
        previews,
        previewCredits: fields.previewCredits,
        previewEnding: fields.mode === "previews" ? takeEnding("previews") : undefined,
        render:
          fields.render === undefined
            ? undefined
            : {
                mediaJob: next(IdKind.mediaJob),
                visualStyle: fields.render.visualStyle,
                aspectRatio: fields.render.aspectRatio,
                startedAt: createdAt,
                credits: fields.render.credits,
                ending: takeEnding("render"),
              },
      }
      videos.set(id, job)
      return job
    },
    linkToVideo: (id) => videos.get(id),
    linkToVideos: () => [...videos.values()],
    startRender: (job, preview, credits) => {
      const render: SimRender = {
        mediaJob: preview.media_job,
        visualStyle: preview.visual_style,
        aspectRatio: preview.aspect_ratio,
        startedAt: clock.now(),
        credits,
        ending: takeEnding("render"),
      }
      job.render = render
      return render
    },
    addRenderJob: (fields) => {
      const job: SimRenderJob = {
        ...fields,
        id: next(
          fields.kind === "aurora"
            ? IdKind.aurora
            : fields.kind === "lipsync_v2"
              ? IdKind.lipsync
              : IdKind.template,
        ),
        createdAt: clock.now(),
        mediaJob: next(IdKind.mediaJob),
        ending: takeEnding(fields.mode === "preview" ? "previews" : "render"),
        render: undefined,
      }
      renders.set(job.id, job)
      return job
    },
    startTemplateRender: (job, credits) => {
      job.render = { startedAt: clock.now(), credits, ending: takeEnding("render") }
      job.credits += credits
    },
    renderJob: (id, kind) => {
      const job = renders.get(id)
      return job?.kind === kind ? job : undefined
    },
    renderJobs: (kind) => [...renders.values()].filter((j) => kind === undefined || j.kind === kind),
    queueEnding: (ending, stage) => endings.queue(stage, ending),
  }
}

/** Every link-to-video, custom template, AI Avatar v2 and Aurora job of `store` as it is now, oldest first. */
export const snapshotJobs = (store: CreatifyStore): CreatifySimJob[] => {
  const now = store.clock.now()
  const videos = store.linkToVideos().map((job): CreatifySimJob => {
    const view = linkToVideoView(job, store.timeline, now)
    return {
      id: job.id,
      kind: "link_to_video",
      status: view.status,
      stage: view.stage,
      createdAt: job.createdAt,
      creditsUsed: job.previewCredits + (job.render?.credits ?? 0),
      webhookUrl: job.webhookUrl,
      body: job.body,
      previews: job.previews,
      failedReason: view.failedReason ?? undefined,
    }
  })
  const others = store.renderJobs().map((job): CreatifySimJob => {
    const phase = renderJobPhase(job, store.timeline, now)
    return {
      id: job.id,
      kind: job.kind,
      status: phase.status,
      stage: job.mode === "preview" && job.render === undefined ? "previews" : "render",
      createdAt: job.createdAt,
      creditsUsed: job.credits,
      webhookUrl: job.webhookUrl,
      body: job.body,
      previews: [],
      failedReason: phase.failedReason ?? undefined,
    }
  })
  return [...videos, ...others].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}
