import { JobRef, type VideoError } from "@vidbridge/core"
import type * as Effect from "effect/Effect"
import { Kind, PROVIDER_ID } from "../mapping.js"
import {
  AiScript,
  AiScriptList,
  AuroraJob,
  AuroraList,
  CustomTemplateJob,
  Link,
  LinkAnyShape,
  LinkList,
  LinkToVideo,
  LinkToVideoList,
  LipsyncV2,
  LipsyncV2List,
} from "../wire.js"
import { type Calls, seg } from "./calls.js"

type Answer<A> = Effect.Effect<A, VideoError>
type Body = Record<string, unknown>

/** Query of the list endpoints: `ids` (at most 100) and `ordering`. */
export interface CreatifyListQuery {
  readonly ids?: ReadonlyArray<string> | undefined
  readonly ordering?: string | undefined
}

/** Creatify's product, script and video endpoints, one request per call (paid ones say so). */
export interface CreatifyJobsApi {
  /** `POST /api/links/` (spends credits). */
  readonly createLink: (url: string) => Answer<Link>
  /** `POST /api/links/link_with_params/` (1 credit). */
  readonly createLinkWithParams: (body: Body) => Answer<LinkAnyShape>
  /** `PUT /api/links/{id}/`. */
  readonly updateLink: (id: string, body: Body) => Answer<LinkAnyShape>
  /** `GET /api/links/`: every link of the account (a bare array; Creatify documents no paging or ordering). */
  readonly listLinks: (operation?: string) => Answer<ReadonlyArray<LinkAnyShape>>
  /** `POST /api/ai_scripts/` (spends credits). */
  readonly createScripts: (body: Body) => Answer<AiScript>
  /** `GET /api/ai_scripts/{id}/`. */
  readonly getScripts: (id: string) => Answer<AiScript>
  /** `GET /api/ai_scripts/?ids=...&ordering=...` (at most 100 ids). */
  readonly listScripts: (query: CreatifyListQuery, operation?: string) => Answer<ReadonlyArray<AiScript>>
  /** `POST /api/link_to_videos/preview_list_async/` (spends credits). */
  readonly createPreviews: (body: Body) => Answer<LinkToVideo>
  /** `POST /api/link_to_videos/{id}/render_single_preview/` (spends credits). */
  readonly renderSinglePreview: (id: string, mediaJob: string) => Answer<LinkToVideo>
  /** `POST /api/link_to_videos/`: create and render without previews (spends credits). */
  readonly createLinkToVideo: (body: Body) => Answer<LinkToVideo>
  /** `GET /api/link_to_videos/{id}/`. */
  readonly getLinkToVideo: (id: string, operation?: string) => Answer<LinkToVideo>
  /** `GET /api/link_to_videos/?ids=...` (at most 100 ids). */
  readonly listLinkToVideos: (
    query: CreatifyListQuery,
    operation?: string,
  ) => Answer<ReadonlyArray<LinkToVideo>>
  /** `POST /api/custom_template_jobs/`: make a custom template job and render it (spends credits). */
  readonly createCustomTemplateJob: (body: Body) => Answer<CustomTemplateJob>
  /** `POST /api/custom_template_jobs/preview_async/`: make a job and its preview (spends credits). */
  readonly previewCustomTemplateJob: (body: Body) => Answer<CustomTemplateJob>
  /** `POST /api/custom_template_jobs/{id}/render/`: render a previewed job (spends credits). */
  readonly renderCustomTemplateJob: (id: string, body: Body) => Answer<CustomTemplateJob>
  /** `GET /api/custom_template_jobs/{id}/`. */
  readonly getCustomTemplateJob: (id: string, operation?: string) => Answer<CustomTemplateJob>
  /** `POST /api/lipsyncs_v2/`: an AI Avatar v2 video (spends credits). */
  readonly createLipsyncV2: (body: Body) => Answer<LipsyncV2>
  /** `GET /api/lipsyncs_v2/{id}/`. */
  readonly getLipsyncV2: (id: string, operation?: string) => Answer<LipsyncV2>
  /** `GET /api/lipsyncs_v2/?ids=...&ordering=...` (at most 100 ids). */
  readonly listLipsyncsV2: (query: CreatifyListQuery, operation?: string) => Answer<ReadonlyArray<LipsyncV2>>
  /** `POST /api/aurora/`: an Aurora video from an image and an audio file (spends credits). */
  readonly createAurora: (body: Body) => Answer<AuroraJob>
  /** `GET /api/aurora/{id}/`. */
  readonly getAurora: (id: string, operation?: string) => Answer<AuroraJob>
  /** `GET /api/aurora/?ids=...&ordering=...` (at most 100 ids). */
  readonly listAurora: (query: CreatifyListQuery, operation?: string) => Answer<ReadonlyArray<AuroraJob>>
}

const listQuery = (query: CreatifyListQuery) => ({
  ids: query.ids && query.ids.length > 0 ? query.ids.join(",") : undefined,
  ordering: query.ordering,
})

/** The ref a render acting on an existing job names in its errors, even one after a lost answer. */
const jobRef = (kind: string, id: string, params?: Record<string, string>) =>
  JobRef.format(JobRef.make(PROVIDER_ID, kind, id, params))

/** {@link CreatifyJobsApi} over `calls`. */
export const jobsApi = ({ post, put, get }: Calls): CreatifyJobsApi => ({
  createLink: (url) => post("createProduct", "/api/links/", { url }, Link),
  createLinkWithParams: (body) => post("createProduct", "/api/links/link_with_params/", body, LinkAnyShape),
  updateLink: (id, body) => put("updateProduct", `/api/links/${seg(id)}/`, body, LinkAnyShape),
  listLinks: (operation = "findSubmission") => get(operation, "/api/links/", LinkList),
  createScripts: (body) => post("generateScripts", "/api/ai_scripts/", body, AiScript),
  getScripts: (id) => get("getScripts", `/api/ai_scripts/${seg(id)}/`, AiScript),
  listScripts: (query, operation = "findSubmission") =>
    get(operation, "/api/ai_scripts/", AiScriptList, listQuery(query)),
  createPreviews: (body) =>
    post("generatePreviews", "/api/link_to_videos/preview_list_async/", body, LinkToVideo),
  renderSinglePreview: (id, mediaJob) =>
    post(
      "renderPreview",
      `/api/link_to_videos/${seg(id)}/render_single_preview/`,
      { media_job: mediaJob },
      LinkToVideo,
      jobRef(Kind.linkToVideo, id, { stage: "render" }),
    ),
  createLinkToVideo: (body) => post("render", "/api/link_to_videos/", body, LinkToVideo),
  getLinkToVideo: (id, operation = "getStatus") =>
    get(operation, `/api/link_to_videos/${seg(id)}/`, LinkToVideo),
  listLinkToVideos: (query, operation = "getStatuses") =>
    get(operation, "/api/link_to_videos/", LinkToVideoList, listQuery(query)),
  createCustomTemplateJob: (body) => post("render", "/api/custom_template_jobs/", body, CustomTemplateJob),
  previewCustomTemplateJob: (body) =>
    post("generatePreviews", "/api/custom_template_jobs/preview_async/", body, CustomTemplateJob),
  renderCustomTemplateJob: (id, body) =>
    post(
      "renderPreview",
      `/api/custom_template_jobs/${seg(id)}/render/`,
      body,
      CustomTemplateJob,
      jobRef(Kind.customTemplateJob, id),
    ),
  getCustomTemplateJob: (id, operation = "getStatus") =>
    get(operation, `/api/custom_template_jobs/${seg(id)}/`, CustomTemplateJob),
  createLipsyncV2: (body) => post("render", "/api/lipsyncs_v2/", body, LipsyncV2),
  getLipsyncV2: (id, operation = "getStatus") => get(operation, `/api/lipsyncs_v2/${seg(id)}/`, LipsyncV2),
  listLipsyncsV2: (query, operation = "getStatuses") =>
    get(operation, "/api/lipsyncs_v2/", LipsyncV2List, listQuery(query)),
  createAurora: (body) => post("render", "/api/aurora/", body, AuroraJob),
  getAurora: (id, operation = "getStatus") => get(operation, `/api/aurora/${seg(id)}/`, AuroraJob),
  listAurora: (query, operation = "getStatuses") =>
    get(operation, "/api/aurora/", AuroraList, listQuery(query)),
})
