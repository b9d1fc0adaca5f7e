import { makeEndingQueue, type SimClock } from "@vidbridge/core/testing"
import {
  type DraftsEndStatus,
  type DraftsTimeline,
  endingOfNext,
  idsFor,
  type SimEnding,
  type SimScene,
  type SimVideo,
  type SimView,
} from "./state.js"
import { viewOf } from "./views.js"

/** The videos of one simulated account, in creation order, moving on the simulator's clock. */
export interface DraftsStore {
  /** Records a new video from an accepted body; takes the next queued ending, if any. */
  readonly create: (body: Readonly<Record<string, unknown>>, scenes: ReadonlyArray<SimScene>) => SimVideo
  readonly get: (id: string) => SimVideo | undefined
  readonly all: () => ReadonlyArray<SimVideo>
  readonly remove: (id: string) => boolean
  /** The status and progress of a video now. */
  readonly view: (video: SimVideo) => SimView
  /** Makes the next created video end with `status` where it would have become ready. */
  readonly queueEnding: (status: DraftsEndStatus, reason: string) => void
  /** Ends a video now with `status`; `false` when it is unknown or already finished. */
  readonly end: (id: string, status: DraftsEndStatus, reason: string) => boolean
  readonly clear: () => void
}

/** Makes an empty {@link DraftsStore}. */
export const makeDraftsStore = (options: {
  readonly clock: SimClock
  readonly timeline: DraftsTimeline
  /** Scene count of a draft when the request sends no scenes. */
  readonly draftSceneCount: (draftId: string | undefined) => number
}): DraftsStore => {
  const { clock, timeline } = options
  const videos = new Map<string, SimVideo>()
  const endings = makeEndingQueue<"video", SimEnding>()
  let created = 0
  const view = (video: SimVideo) => viewOf(video, timeline, clock.now())
  return {
    create: (body, scenes) => {
      created++
      const sourceDraft = typeof body.source_draft_id === "string" ? body.source_draft_id : undefined
      const video: SimVideo = {
        ...idsFor(created),
        createdAt: clock.now(),
        body,
        scenes,
        draftSceneCount: options.draftSceneCount(sourceDraft),
        ending: endings.take("video"),
      }
      videos.set(video.id, video)
      return video
    },
    get: (id) => videos.get(id),
    all: () => [...videos.values()],
    remove: (id) => videos.delete(id),
    view,
    queueEnding: (status, reason) => endings.queue("video", endingOfNext(timeline, status, reason)),
    end: (id, status, reason) => {
      const video = videos.get(id)
      if (video === undefined || view(video).endedAt !== undefined) return false
      video.ending = { status, reason, at: clock.now() - video.createdAt }
      return true
    },
    clear: () => {
      videos.clear()
      endings.clear()
    },
  }
}
