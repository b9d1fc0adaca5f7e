import type { JoggOpenStatus, JoggSimStatus } from "./state.js"
import type { JoggStore } from "./store.js"

// The simulated account's jobs as `sim.jobs()` shows them.

/**
 * A simulated product video (v2), preview, avatar or template video, AI-script task, or `open`
 * project, as the simulator sees it now.
 */
export interface JoggSimJob {
  readonly kind: "preview" | "video" | "avatar_video" | "template_video" | "ai_script" | "open_project"
  readonly id: string
  readonly status: JoggSimStatus | JoggOpenStatus
  /** The product it was made for (empty for avatar and template videos, and scripts from details). */
  readonly productId: string
  readonly credits: number
  /** Clock time (ms) of creation. */
  readonly createdAt: number
  readonly visualStyle: string | undefined
  /** The `video_spec.name` (avatar and template videos: `video_name`) it was made with (a rendered preview: its preview's). */
  readonly name: string | undefined
  readonly failure: string | undefined
}

/** Every job of the simulated account, by kind in creation order, as it is now. */
export const simJobs = (store: JoggStore): JoggSimJob[] => [
  ...[...store.previews.values()].map((p) => ({
    kind: "preview" as const,
    id: p.id,
    status: store.previewView(p).status,
    productId: p.productId,
    credits: p.credits,
    createdAt: p.createdAt,
    visualStyle: p.visualStyle,
    name: p.name,
    failure: p.failure,
  })),
  ...[...store.videos.values()].map((v) => ({
    kind: "video" as const,
    id: v.id,
    status: store.videoView(v).status,
    productId: v.productId,
    credits: v.credits,
    createdAt: v.createdAt,
    visualStyle: v.visualStyle,
    name: v.name,
    failure: v.failure,
  })),
  ...[...store.jobVideos.values()].map((v) => ({
    kind: v.kind,
    id: v.id,
    status: store.jobVideoView(v).status,
    productId: "",
    credits: v.credits,
    createdAt: v.createdAt,
    visualStyle: undefined,
    name: v.name,
    failure: v.failure,
  })),
  ...[...store.scripts.values()].map((t) => ({
    kind: "ai_script" as const,
    id: t.id,
    status: store.scriptView(t).status,
    productId: t.productId ?? "",
    credits: t.credits,
    createdAt: t.createdAt,
    visualStyle: undefined,
    name: undefined,
    failure: t.failure,
  })),
  ...[...store.openProjects.values()]
    .filter((p) => p.render !== undefined)
    .map((p) => ({
      kind: "open_project" as const,
      id: p.projectId,
      status: store.openView(p).status,
      productId: String(p.productId),
      credits: p.render?.credits ?? 0,
      createdAt: p.render?.at ?? p.createdAt,
      visualStyle: undefined,
      name: undefined,
      failure: p.render?.failure,
    })),
]
