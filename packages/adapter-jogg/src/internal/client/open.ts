import type { HttpClient } from "@vidbridge/core/adapter"
import type * as z from "zod/mini"
import { OpenProduct, type OpenProductUpdate, OpenProject, type OpenRenderBody } from "../wire/open.js"
import { type Answer, type Call, envelopeOf, spec } from "./http.js"

/** The `open` endpoints of the seed documents, one request each. */
export interface JoggOpenApi {
  readonly createProduct: (url: string, call: Call) => Answer<z.infer<typeof OpenProduct>>
  readonly updateProduct: (body: OpenProductUpdate, call: Call) => Answer<void>
  readonly render: (body: OpenRenderBody, call: Call) => Answer<void>
  readonly projectInfo: (projectId: string, call: Call) => Answer<z.infer<typeof OpenProject>>
}

/** The `open` endpoints over core's HTTP client. */
export const openApi = (http: HttpClient): JoggOpenApi => {
  const { data, done } = envelopeOf(http)
  return {
    createProduct: (url, call) => data(OpenProduct, spec(call, "POST", "/open/product", { body: { url } })),
    updateProduct: (body, call) => done(spec(call, "PUT", "/open/product", { body })),
    render: (body, call) => done(spec(call, "POST", "/open/project/render", { body, spendsCredits: true })),
    projectInfo: (projectId, call) =>
      data(OpenProject, spec(call, "GET", "/open/prj_info", { query: { project_id: projectId } })),
  }
}
