import * as z from "zod/mini"
import { refId } from "./v2.js"

// Wire shapes of JoggAI's older `open` API (the seed document, base api-services.jogg.ai).
// Answers share the v2 envelope and id rules (`./v2.ts`).

const idLike = z.union([z.string(), z.number()])

/** `data` of `POST /open/product`: the product id (an integer) and the project id. */
export const OpenProduct = z.looseObject({
  id: refId,
  prj_id: refId,
})
export type OpenProduct = z.infer<typeof OpenProduct>

/** `data` of `GET /open/prj_info?project_id=`; `status` is an integer, `progress` a percent. */
export const OpenProject = z.looseObject({
  id: z.nullish(idLike),
  title: z.nullish(z.string()),
  progress: z.nullish(z.number()),
  progress_desc: z.nullish(z.string()),
  aspect_ratio: z.nullish(z.number()),
  step: z.nullish(idLike),
  status: z.nullish(z.union([z.number(), z.string()])),
  err_msg: z.nullish(z.string()),
  video_path: z.nullish(z.string()),
  video_duration: z.nullish(z.number()),
  video_url: z.nullish(z.string()),
  cover_path: z.nullish(z.string()),
  cover_url: z.nullish(z.string()),
  created_at: z.nullish(idLike),
  updated_at: z.nullish(idLike),
})
export type OpenProject = z.infer<typeof OpenProject>

/** A media item of an `open` product (`intro_medias[]`): `type` 1 image, 2 video. */
export interface OpenMedia {
  readonly type: 1 | 2
  readonly url: string
  readonly name?: string
  readonly description?: string
}

/** Body of `PUT /open/product`. */
export interface OpenProductUpdate {
  readonly product_id: number | string
  readonly title?: string
  readonly intro_text?: string
  readonly target_audience?: string
  readonly intro_medias?: ReadonlyArray<OpenMedia>
}

/** Body of `POST /open/project/render`. */
export interface OpenRenderBody {
  readonly project_id: string
  readonly aspect_ratio?: 0 | 1 | 2
  readonly lang?: string
  readonly render_subtitle?: 0 | 1
  readonly avatar_id: number
  readonly template_name?: string
  readonly template_type?: string
  readonly index_template_name?: string
  readonly script_style?: string
}
