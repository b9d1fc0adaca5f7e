// JoggAI's credit-spending calls for the fault matrix, in both API generations: v2 AI scripts,
// previews, rendering a preview, a direct render, an avatar video and a template video; the `open`
// API's project render.
import { jogg } from "@vidbridge/adapter-jogg"
import {
  JOGG_OPEN_ROUTES,
  JOGG_V2_ROUTES,
  type JoggSimulator,
  createSimulator as joggSim,
} from "@vidbridge/adapter-jogg/testing"
import { JobRef } from "@vidbridge/core"
import {
  type CreditCall,
  dataStatus,
  erase,
  MYSTERY,
  MYSTERY_CODE,
  type NotApplicable,
  previewStatuses,
  productData,
  ref,
} from "./call.js"

const noJoggModeration: NotApplicable = {
  na: "JoggAI documents no moderation status (processing, completed, failed only)",
}

const joggVideos = (sim: JoggSimulator) =>
  sim
    .jobs()
    .filter((j) => j.kind === "video")
    .map((j) => ref("jogg", "product_video", j.id))

const joggV2 = {
  vendor: "JoggAI v2",
  definition: jogg,
  simulate: () => joggSim({ apiVersion: "v2" }),
  // Core finds a lost answer in JoggAI's lists by the key in the video's name (`title`).
  findsSubmissions: true,
} as const

/** The submission key a preview or video was made with, as its name carries it (`Name [key]`). */
const keyOf = (name: string | undefined) => /\[([\w-]+)\]$/.exec(name ?? "")?.[1]

/** A call that makes one product video, read back from `GET /v2/product_video/{product_video_id}`. */
const joggProductVideo = {
  ...joggV2,
  made: joggVideos,
  lifecycle: "job",
  statusRoute: JOGG_V2_ROUTES.productVideo,
  missing: { on: "answer", field: "data.video_id", path: "data.video_id" },
  unknownStatus: { answer: dataStatus(MYSTERY), status: dataStatus(MYSTERY) },
  moderation: noJoggModeration,
  jobFails: (sim: JoggSimulator) => sim.failNextVideo(),
} as const

const joggStyle = { avatar: "81", aspectRatio: "9:16", language: "en", durationSeconds: 30 } as const

const joggPreviews: CreditCall<JoggSimulator> = {
  ...joggV2,
  name: "generatePreviews: POST /v2/create_video_from_product/preview_list",
  route: JOGG_V2_ROUTES.previewList,
  cost: 0.5,
  prepare: async ({ client }) => {
    const product = await client.createProduct(productData)
    return {
      call: (c) =>
        c.generatePreviews({ product: product.ref, visualStyles: ["Simple Product Switch"], ...joggStyle }),
    }
  },
  // One style per call, so one preview per preview set; its ref keeps the key it was sent with.
  made: (sim) =>
    sim
      .jobs()
      .filter((j) => j.kind === "preview")
      .map((j) => ref("jogg", "preview_set", j.productId, { ids: j.id, key: keyOf(j.name) ?? "" })),
  lifecycle: "job",
  statusRoute: JOGG_V2_ROUTES.productPreviews,
  missing: { on: "answer", field: "data.previews", path: "data.previews" },
  unknownStatus: { answer: previewStatuses, status: previewStatuses },
  moderation: noJoggModeration,
  jobFails: (sim) => sim.failNextPreview(),
}

const joggRenderPreview: CreditCall<JoggSimulator> = {
  ...joggProductVideo,
  name: "renderPreview: POST /v2/create_video_from_product/render_single_preview",
  route: JOGG_V2_ROUTES.renderPreview,
  cost: 1,
  prepare: async ({ sim, client }) => {
    const product = await client.createProduct(productData)
    const previews = await client.generatePreviews({
      product: product.ref,
      visualStyles: ["Simple Product Switch"],
      ...joggStyle,
    })
    sim.clock.advance(150_000)
    return {
      call: (c) => c.renderPreview({ job: previews.ref, previewId: previews.previews![0]!.id }),
      // The render makes a new product video; the job the client holds is the preview set.
      knownRef: previews.ref,
    }
  },
}

const joggRender: CreditCall<JoggSimulator> = {
  ...joggProductVideo,
  name: "render: POST /v2/create_video_from_product",
  route: JOGG_V2_ROUTES.createVideo,
  cost: 1,
  prepare: async ({ client }) => {
    const product = await client.createProduct(productData)
    return {
      call: (c) => c.render({ product: product.ref, visualStyle: "Simple Product Switch", ...joggStyle }),
    }
  },
}

const joggMade = (kind: string) => (sim: JoggSimulator) =>
  sim
    .jobs()
    .filter((j) => j.kind === kind)
    .map((j) => ref("jogg", kind, j.id))

/** A v2 video other than a product video: `data.video_id` answered, read back by its own route. */
const joggOtherVideo = {
  definition: jogg,
  vendor: "JoggAI v2",
  simulate: () => joggSim({ apiVersion: "v2" }),
  cost: 1,
  lifecycle: "job",
  missing: { on: "answer", field: "data.video_id", path: "data.video_id" },
  unknownStatus: { answer: dataStatus(MYSTERY), status: dataStatus(MYSTERY) },
  moderation: noJoggModeration,
  jobFails: (sim: JoggSimulator) => sim.failNextVideo(),
} as const

const joggAvatarVideo: CreditCall<JoggSimulator> = {
  ...joggOtherVideo,
  name: "render (avatar video): POST /v2/create_video_from_avatar",
  route: JOGG_V2_ROUTES.createAvatarVideo,
  prepare: async () => ({
    call: (c) => c.render({ avatar: "81", voice: "en-US-ChristopherNeural", script: "Meet the trail shoe." }),
  }),
  made: joggMade("avatar_video"),
  statusRoute: JOGG_V2_ROUTES.avatarVideo,
  // JoggAI lists no avatar videos: a lost answer cannot be looked up (the lookup says so).
  lookupUnsupported: true,
}

const joggTemplateVideo: CreditCall<JoggSimulator> = {
  ...joggOtherVideo,
  name: "render (template video): POST /v2/create_video_with_template",
  route: JOGG_V2_ROUTES.createTemplateVideo,
  prepare: async () => ({
    call: (c) => c.render({ template: "149", variables: { title: "Aurora Trail Shoe" } }),
  }),
  made: joggMade("template_video"),
  statusRoute: JOGG_V2_ROUTES.templateVideo,
  // Found again by the key in `video_name` (GET /v2/template_videos).
  findsSubmissions: true,
}

const joggScripts: CreditCall<JoggSimulator> = {
  vendor: "JoggAI v2",
  definition: jogg,
  // Scripts are written at once: the call waits for them with no clock moving.
  simulate: () => joggSim({ apiVersion: "v2", timelines: { script: [{ status: "completed", at: 0 }] } }),
  name: "generateScripts: POST /v2/ai_scripts",
  route: JOGG_V2_ROUTES.aiScripts,
  cost: 0.2,
  prepare: async ({ client }) => {
    const product = await client.createProduct(productData)
    return {
      call: async (c) => {
        const job = await c.generateScripts({ product: product.ref })
        return { ref: job.ref ?? "", status: job.status }
      },
    }
  },
  made: joggMade("ai_script"),
  lifecycle: "instant",
  statusRoute: JOGG_V2_ROUTES.aiScriptResult,
  missing: { on: "answer", field: "data.task_id", path: "data.task_id" },
  // An undocumented task status reads as pending: core keeps reading until the scripts are there.
  unknownStatus: { status: dataStatus(MYSTERY) },
  moderation: noJoggModeration,
  jobFails: {
    na: "a failed task fails generateScripts itself (VendorRejected with err_msg): adapter-jogg's scripts.test.ts",
  },
  // JoggAI lists no AI-script tasks and keeps nothing of the request: a lost answer cannot be looked up.
  lookupUnsupported: true,
}

const joggOpenRender: CreditCall<JoggSimulator> = {
  vendor: "JoggAI open",
  definition: jogg,
  simulate: () => joggSim({ apiVersion: "open" }),
  // Core finds a lost render by reading the project: rendered once its status is past 1 and 2.
  findsSubmissions: true,
  name: "render: POST /open/project/render",
  route: JOGG_OPEN_ROUTES.render,
  cost: 1,
  prepare: async ({ client, pageUrl }) => {
    const product = await client.createProduct({ url: pageUrl })
    const prj = JobRef.parse(product.ref).params?.prj ?? ""
    return {
      call: (c) => c.render({ product: product.ref, aspectRatio: "9:16", avatar: "37" }),
      // The project was made with the product: the client knows the render's ref before sending
      // (the project id alone, as the webhook names it).
      knownRef: ref("jogg", "open_project", prj),
    }
  },
  made: (sim) =>
    sim
      .jobs()
      .filter((j) => j.kind === "open_project")
      .map((j) => ref("jogg", "open_project", j.id)),
  lifecycle: "job",
  statusRoute: JOGG_OPEN_ROUTES.projectInfo,
  // The render's answer is `{code, msg}` with nothing required in it: the status read is where a
  // field can go missing (`data` of `GET /open/prj_info`).
  missing: { on: "status", field: "data", path: "data" },
  unknownStatus: { status: dataStatus(MYSTERY_CODE) },
  moderation: noJoggModeration,
  jobFails: (sim) => sim.failNextVideo(),
}

/** JoggAI's calls, in table order. */
export const joggCalls: ReadonlyArray<CreditCall> = [
  erase(joggScripts),
  erase(joggPreviews),
  erase(joggRenderPreview),
  erase(joggRender),
  erase(joggAvatarVideo),
  erase(joggTemplateVideo),
  erase(joggOpenRender),
]
