import type {
  SimJobVideo,
  SimOpenProject,
  SimPreview,
  SimProduct,
  SimScriptTask,
  SimVideo,
  SimView,
} from "./state.js"
import { unixSeconds } from "./state.js"

// The simulator's state as JoggAI's wire format shows it (answers and webhook payloads).

/** The real file behind a simulated `<id>.mp4` / `<id>.jpg` URL: this package's `media/` (scripts/make-sim-media.sh). */
export const simMedia = (ext: string): URL =>
  new URL(ext === "jpg" ? "../../media/poster.jpg" : "../../media/video.mp4", import.meta.url)

/** The URL of a simulated file (`<id>.mp4` video, `<id>.jpg` cover) on `origin`. */
export const fileUrl = (origin: string, id: string, ext: "mp4" | "jpg"): string =>
  `${origin}/sim/files/${encodeURIComponent(id)}.${ext}`

/** `data` of `POST /v2/product` (ProductInfo). */
export const productInfo = (product: SimProduct) => ({
  product_id: product.id,
  ...(product.url !== undefined ? { url: product.url } : {}),
  ...(product.name !== undefined ? { name: product.name } : {}),
  ...(product.description !== undefined ? { description: product.description } : {}),
  ...(product.target_audience !== undefined ? { target_audience: product.target_audience } : {}),
  media: product.media.map((m) => ({ ...m })),
})

const failureOf = (message: string | undefined) => ({
  code: 50000,
  message: message ?? "Video generation failed",
})

/** One item of `GET /v2/product_previews`. */
export const previewItem = (preview: SimPreview, view: SimView, origin: string, epochMillis: number) => ({
  id: preview.id,
  preview_id: preview.id,
  // JoggAI's lists call the video's name (`video_spec.name`) its `title`.
  title: preview.name ?? preview.visualStyle ?? "preview",
  status: view.status,
  created_at: unixSeconds(epochMillis, preview.createdAt),
  ...(view.status === "completed"
    ? {
        video_url: fileUrl(origin, preview.id, "mp4"),
        cover_url: fileUrl(origin, preview.id, "jpg"),
        video_duration: preview.seconds,
      }
    : {}),
  ...(view.status === "failed" ? { error: failureOf(preview.failure), err_msg: preview.failure } : {}),
})

/**
 * One item of `GET /v2/product_videos`, with the fields the list documents only: no
 * `deducted_credit`, no failure, and `processing` for a video not started yet (the list's
 * statuses are `processing`, `completed`, `failed`).
 */
export const videoListItem = (video: SimVideo, view: SimView, origin: string, epochMillis: number) => ({
  id: video.id,
  title: video.name ?? video.visualStyle ?? "product video",
  status: view.status === "pending" ? "processing" : view.status,
  created_at: unixSeconds(epochMillis, video.createdAt),
  ...(view.status === "completed"
    ? {
        video_url: fileUrl(origin, video.id, "mp4"),
        cover_url: fileUrl(origin, video.id, "jpg"),
        video_duration: video.seconds,
      }
    : {}),
})

/** `data` of `GET /v2/product_video/{id}`. */
export const videoItem = (video: SimVideo, view: SimView, origin: string, epochMillis: number) => ({
  id: video.id,
  ...(video.previewId !== undefined ? { preview_id: video.previewId } : {}),
  title: video.name ?? video.visualStyle ?? "product video",
  status: view.status,
  created_at: unixSeconds(epochMillis, video.createdAt),
  deducted_credit: video.credits,
  ...(view.status === "completed"
    ? {
        video_url: fileUrl(origin, video.id, "mp4"),
        cover_url: fileUrl(origin, video.id, "jpg"),
        video_duration: video.seconds,
      }
    : {}),
  ...(view.status === "failed" ? { error: failureOf(video.failure) } : {}),
})

/** `data` of `GET /open/prj_info`. */
export const openProjectInfo = (
  project: SimOpenProject,
  view: { readonly status: number; readonly progress: number },
  origin: string,
  epochMillis: number,
) => {
  const done = view.status === 4
  const path = `joggUserData/project/${project.projectId}`
  return {
    id: project.projectId,
    title: project.title ?? "",
    progress: view.progress,
    progress_desc: done ? "done" : view.status === 5 ? "failed" : view.status === 3 ? "rendering" : "waiting",
    aspect_ratio: project.render?.aspect ?? 0,
    step: view.status,
    status: view.status,
    err_msg: view.status === 5 ? (project.render?.failure ?? "Video generation failed") : "",
    video_path: done ? `${path}/video.mp4` : "",
    video_duration: done ? 30 : 0,
    video_url: done ? fileUrl(origin, project.projectId, "mp4") : "",
    cover_path: done ? `${path}/cover.jpg` : "",
    cover_url: done ? fileUrl(origin, project.projectId, "jpg") : "",
    created_at: unixSeconds(epochMillis, project.createdAt),
    updated_at: unixSeconds(epochMillis, project.render?.at ?? project.createdAt),
  }
}

/** `data` of `GET /v2/avatar_video/{id}` (an avatar video) or `GET /v2/template_video/{id}` (a template video). */
export const jobVideoItem = (video: SimJobVideo, view: SimView, origin: string, epochMillis: number) => {
  const done = view.status === "completed"
  const files = { url: fileUrl(origin, video.id, "mp4"), cover_url: fileUrl(origin, video.id, "jpg") }
  const failed = view.status === "failed" ? { error: failureOf(video.failure) } : {}
  const base = {
    video_id: video.id,
    status: view.status,
    created_at: unixSeconds(epochMillis, video.createdAt),
  }
  if (video.kind === "avatar_video") {
    return {
      ...base,
      ...(done ? { video_url: files.url, cover_url: files.cover_url, duration: video.seconds } : {}),
      ...failed,
    }
  }
  return {
    ...base,
    ...(done
      ? {
          completed_at: unixSeconds(epochMillis, view.endedAt ?? video.createdAt),
          data: {
            video_name: video.name ?? "template video",
            ...files,
            duration_seconds: video.seconds,
            deducted_credit: video.credits,
          },
        }
      : {}),
    ...failed,
  }
}

/**
 * One item of `GET /v2/template_videos`. The list documents `processing`, `completed` and
 * `failed` only (its filter: 3, 4, 5): a video not started yet shows as `processing` there.
 */
export const templateListItem = (video: SimJobVideo, view: SimView, origin: string, epochMillis: number) => ({
  video_id: video.id,
  video_name: video.name ?? "template video",
  status: view.status === "pending" ? "processing" : view.status,
  created_at: unixSeconds(epochMillis, video.createdAt),
  ...(view.status === "completed"
    ? {
        cover_url: fileUrl(origin, video.id, "jpg"),
        url: fileUrl(origin, video.id, "mp4"),
        duration_seconds: video.seconds,
      }
    : {}),
  ...(view.status === "failed"
    ? { error: { code: "50000", message: failureOf(video.failure).message } }
    : {}),
})

const otherStyles = ["Storytime", "Discovery", "Top 3 reasons"]

/** `data` of `GET /v2/ai_scripts/results/{task_id}`: the asked style and two more, as the guide shows. */
export const scriptResult = (task: SimScriptTask, view: SimView) => ({
  task_id: task.id,
  status: view.status,
  ...(view.status === "completed"
    ? {
        data: {
          generated_scripts: [task.style, ...otherStyles.filter((s) => s !== task.style)]
            .slice(0, 3)
            .map((style) => ({
              script_style: style,
              script_paragraphs: [
                `Meet ${task.product}.`,
                `${style}: everything you need in ${task.seconds} seconds.`,
                "Get yours today.",
              ],
            })),
        },
      }
    : {}),
  ...(view.status === "failed" ? { err_msg: task.failure ?? "Failed to generate script" } : {}),
})
