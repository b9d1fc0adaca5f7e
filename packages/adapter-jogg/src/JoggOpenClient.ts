import type { VideoError } from "@vidbridge/core"
import * as Effect from "effect/Effect"
import type * as z from "zod/mini"
import { EmptyEnvelope } from "./internal/wire.js"
import { OpenProduct, OpenProject } from "./internal/wireOpen.js"
import type { Call, Send } from "./JoggClient.js"
import { dataOf } from "./JoggV2Client.js"

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

type Answer<A> = Effect.Effect<A, VideoError>

/** The `open` endpoints of the seed documents, one request each. */
export interface JoggOpenApi {
  readonly createProduct: (url: string, call: Call) => Answer<z.infer<typeof OpenProduct>>
  readonly updateProduct: (body: OpenProductUpdate, call: Call) => Answer<void>
  readonly render: (body: OpenRenderBody, call: Call) => Answer<void>
  readonly projectInfo: (projectId: string, call: Call) => Answer<z.infer<typeof OpenProject>>
}

/** Binds the `open` endpoints to a sender. */
export const makeOpenApi = (send: Send): JoggOpenApi => {
  const get = dataOf(send)
  return {
    createProduct: (url, call) =>
      get(OpenProduct, { call, method: "POST", path: "/open/product", body: { url }, spendsCredits: false }),
    updateProduct: (body, call) =>
      Effect.asVoid(
        send({
          call,
          method: "PUT",
          path: "/open/product",
          body,
          spendsCredits: false,
          schema: EmptyEnvelope,
        }),
      ),
    render: (body, call) =>
      Effect.asVoid(
        send({
          call,
          method: "POST",
          path: "/open/project/render",
          body,
          spendsCredits: true,
          schema: EmptyEnvelope,
        }),
      ),
    projectInfo: (projectId, call) =>
      get(OpenProject, {
        call,
        method: "GET",
        path: "/open/prj_info",
        query: { project_id: projectId },
        spendsCredits: false,
      }),
  }
}
