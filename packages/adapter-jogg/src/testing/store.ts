import {
  type EndingQueue,
  makeEndingQueue,
  type SimClock,
  stepAt,
  type TimelineStep,
} from "@vidbridge/core/testing"
import type {
  JoggOpenStatus,
  JoggSimStatus,
  JoggTimelines,
  SimEndpoint,
  SimJobVideo,
  SimOpenProject,
  SimPreview,
  SimProduct,
  SimScriptTask,
  SimVideo,
  SimView,
} from "./state.js"

// The simulated account in memory, and its jobs' statuses as the simulator clock says they are.

const endedAt = (timeline: ReadonlyArray<TimelineStep<string>>, createdAt: number, now: number) => {
  const last = timeline[timeline.length - 1]!
  return now - createdAt >= last.at ? createdAt + last.at : undefined
}

/** The simulator's in-memory state and its clock-driven views. */
export interface JoggStore {
  readonly clock: SimClock
  readonly products: Map<string, SimProduct>
  readonly previews: Map<string, SimPreview>
  readonly videos: Map<string, SimVideo>
  readonly openProjects: Map<string, SimOpenProject>
  readonly endpoints: Map<string, SimEndpoint>
  /** Avatar and template videos. */
  readonly jobVideos: Map<string, SimJobVideo>
  readonly scripts: Map<string, SimScriptTask>
  /** A fresh id with a prefix (`pv_1`, `preview_2`, ...). */
  readonly nextId: (prefix: string) => string
  readonly nextNumber: () => number
  /** The failure messages the next videos, previews or scripts end with (`failNextVideo`, ...). */
  readonly failures: EndingQueue<"video" | "preview" | "script", string>
  readonly previewView: (preview: SimPreview) => SimView
  readonly videoView: (video: SimVideo) => SimView
  readonly jobVideoView: (video: SimJobVideo) => SimView
  readonly scriptView: (task: SimScriptTask) => SimView
  readonly openView: (project: SimOpenProject) => {
    readonly status: JoggOpenStatus
    readonly progress: number
    readonly endedAt: number | undefined
  }
}

/** Makes an empty {@link JoggStore} on `clock`. */
export const makeJoggStore = (clock: SimClock, timelines: JoggTimelines): JoggStore => {
  let counter = 0
  const view = (
    timeline: ReadonlyArray<TimelineStep<JoggSimStatus>>,
    createdAt: number,
    failure: string | undefined,
  ): SimView => {
    const now = clock.now()
    const { step, index, progress } = stepAt(timeline, createdAt, now)
    const ended = endedAt(timeline, createdAt, now)
    const status = failure !== undefined && index === timeline.length - 1 ? "failed" : step.status
    return { status, progress: status === "completed" ? 1 : progress, endedAt: ended }
  }
  return {
    clock,
    products: new Map(),
    previews: new Map(),
    videos: new Map(),
    openProjects: new Map(),
    endpoints: new Map(),
    jobVideos: new Map(),
    scripts: new Map(),
    nextId: (prefix) => `${prefix}${++counter}`,
    nextNumber: () => 3900 + ++counter,
    failures: makeEndingQueue(),
    previewView: (preview) => view(timelines.preview, preview.createdAt, preview.failure),
    videoView: (video) => view(timelines.video, video.createdAt, video.failure),
    jobVideoView: (video) =>
      view(
        video.kind === "avatar_video" ? timelines.avatarVideo : timelines.templateVideo,
        video.createdAt,
        video.failure,
      ),
    scriptView: (task) => view(timelines.script, task.createdAt, task.failure),
    openView: (project) => {
      const render = project.render
      if (render === undefined) return { status: 1, progress: 0, endedAt: undefined }
      const now = clock.now()
      const { step, index, progress } = stepAt(timelines.open, render.at, now)
      const failed = render.failure !== undefined && index === timelines.open.length - 1
      return {
        status: failed ? 5 : (Number(step.status) as JoggOpenStatus),
        progress: Math.round(progress * 100),
        endedAt: endedAt(timelines.open, render.at, now),
      }
    },
  }
}
