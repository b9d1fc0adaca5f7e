import * as z from "zod/mini"
import { Pagination } from "./catalogs.js"
import { ProductVideo, refId } from "./v2.js"

// Wire shapes of JoggAI's v2 AI scripts, avatar videos and template videos (openapi-v2.yaml,
// vendor notes "next wave" B-D), answers tolerant as everywhere, bodies as the spec types them.
// Avatar and template video reads share `ProductVideo` (./v2.ts), which knows every name a video
// field goes by.

/** `data` of `POST /v2/ai_scripts`. */
export const ScriptTask = z.looseObject({ task_id: z.nullish(refId) })
export type ScriptTask = z.infer<typeof ScriptTask>

/** One generated script: paragraphs (the spec), or one string (the guide, and v1). */
const GeneratedScript = z.looseObject({
  script_style: z.nullish(z.string()),
  script_paragraphs: z.nullish(z.union([z.array(z.string()), z.string()])),
})

/**
 * `data` of `GET /v2/ai_scripts/results/{task_id}`: the spec's `data.generated_scripts` when
 * completed (the AI Scripts guide shows `scripts` instead), `err_msg` when failed.
 */
export const ScriptResult = z.looseObject({
  task_id: z.nullish(refId),
  status: z.nullish(z.string()),
  data: z.nullish(z.looseObject({ generated_scripts: z.nullish(z.array(GeneratedScript)) })),
  scripts: z.nullish(z.array(GeneratedScript)),
  err_msg: z.nullish(z.string()),
})
export type ScriptResult = z.infer<typeof ScriptResult>

/** `data` of `GET /v2/template_videos`: the videos in `data`, paged by `pagination`. */
export const TemplateVideoList = z.looseObject({
  data: z.nullish(z.array(ProductVideo)),
  pagination: z.nullish(Pagination),
})
export type TemplateVideoList = z.infer<typeof TemplateVideoList>

/** Body of `POST /v2/ai_scripts`. */
export interface V2ScriptBody {
  readonly language: string
  readonly video_length_seconds: "15" | "30" | "60"
  readonly script_style: string
  readonly product_info: { readonly source_type: "id"; readonly data: { readonly id: string } }
  readonly target_audience?: string
}

/** Body of `POST /v2/create_video_from_avatar`. */
export interface V2AvatarVideoBody {
  readonly avatar: { readonly avatar_type: 0 | 1; readonly avatar_id: number }
  readonly voice: {
    readonly type: "script" | "audio"
    readonly voice_id: string
    readonly script?: string
    readonly audio_url?: string
  }
  readonly aspect_ratio: "portrait" | "landscape" | "square"
  readonly screen_style: 1 | 2 | 3
  readonly caption?: boolean
  readonly webhook_url?: string
  readonly video_name?: string
}

/** One variable of a template video: text/script `content`, image/video `url` (or `asset_id`). */
export interface V2TemplateVariable {
  readonly type: "text" | "image" | "video" | "script"
  readonly name: string
  readonly properties: {
    readonly content?: string
    readonly url?: string
    readonly asset_id?: number
  }
}

/** Body of `POST /v2/create_video_with_template`. */
export interface V2TemplateVideoBody {
  readonly template_id: number
  readonly voice_language: string
  readonly variables: ReadonlyArray<V2TemplateVariable>
  readonly video_name?: string
  readonly avatar_id?: number
  readonly avatar_type?: 0 | 1
  readonly voice_id?: string
  readonly captions_enabled?: boolean
  readonly background_music_id?: number
  readonly disable_random_trans?: boolean
  readonly disable_random_moving?: boolean
  readonly disable_trans?: boolean
  readonly disable_moving?: boolean
  /** The guide's place (the spec nests it in a variable's `properties`, a slip). */
  readonly webhook_url?: string
}
