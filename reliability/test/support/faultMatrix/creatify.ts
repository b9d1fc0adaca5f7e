// Creatify's credit-spending calls for the fault matrix: links from a URL and from data, AI
// scripts, previews, rendering a preview, a direct render, custom template jobs (made directly,
// previewed, the preview rendered) and avatar videos (AI Avatar v2, Aurora).
import { creatify } from "@vidbridge/adapter-creatify"
import {
  AURORA_SECONDS,
  CREATIFY_ROUTES,
  type CreatifySimJob,
  type CreatifySimulator,
  createSimulator as creatifySim,
  SIM_CUSTOM_TEMPLATES,
  SIM_PERSONAS,
  SIM_VOICES,
} from "@vidbridge/adapter-creatify/testing"
import { JobRef } from "@vidbridge/core"
import {
  type CreditCall,
  erase,
  MYSTERY,
  type NotApplicable,
  productData,
  record,
  ref,
  topStatus,
} from "./call.js"

const notMoving = (what: string): NotApplicable => ({
  na: `${what}: made at once, nothing moves or fails later`,
})

const creatifyVideos = (sim: CreatifySimulator, pick: (job: CreatifySimJob) => boolean) =>
  sim
    .jobs()
    .filter(pick)
    .map((job) =>
      ref(
        "creatify",
        job.kind,
        job.id,
        job.kind === "link_to_video" && job.stage === "render" ? { stage: "render" } : undefined,
      ),
    )

const template = String(SIM_CUSTOM_TEMPLATES[0]!.template_id)
const avatar = String(SIM_PERSONAS[0]!.id)
const voice = (SIM_VOICES[0]!.accents as ReadonlyArray<{ id: string }>)[0]!.id

const creatifyBase = {
  vendor: "Creatify",
  definition: creatify,
  // Script jobs are found by creation time: the simulator's clock 0 is now, as the client's clock reads.
  simulate: () => creatifySim({ epoch: Date.now() }),
  missing: { on: "answer", field: "id", path: "id" },
  // Every call's lost answer is found again (issue 13): previews and renders by the key in their
  // name, links and script jobs by what was sent, a rendered preview by reading its job.
  findsSubmissions: true,
} as const

/** A call whose job is a video the simulator can reject or fail, read back by its status route. */
const creatifyVideoJob = {
  ...creatifyBase,
  lifecycle: "job",
  unknownStatus: { answer: topStatus, status: topStatus },
  moderation: (sim: CreatifySimulator) => sim.rejectNext(),
  jobFails: (sim: CreatifySimulator) => sim.failNext(),
} as const

const creatifyLink = (from: "url" | "params"): CreditCall<CreatifySimulator> => ({
  ...creatifyBase,
  name:
    from === "url"
      ? "createProduct (URL): POST /api/links/"
      : "createProduct (data): POST /api/links/link_with_params/",
  route: from === "url" ? CREATIFY_ROUTES.createLink : CREATIFY_ROUTES.createLinkWithParams,
  cost: 1,
  prepare: async ({ pageUrl }) => ({
    call: async (client) => {
      const product = await client.createProduct(from === "url" ? { url: pageUrl } : productData)
      return { ref: product.ref, status: "created" }
    },
  }),
  made: (sim) =>
    sim
      .links()
      .filter((l) => l.createdWith === from)
      .map((l) => ref("creatify", "product", l.id)),
  lifecycle: "instant",
  unknownStatus: { na: "a link has no status" },
  moderation: { na: "links are not moderated (a page that cannot be scraped is VendorRejected)" },
  jobFails: notMoving("a link"),
})

const creatifyScripts: CreditCall<CreatifySimulator> = {
  ...creatifyBase,
  name: "generateScripts: POST /api/ai_scripts/",
  route: CREATIFY_ROUTES.createScripts,
  cost: 1,
  prepare: async ({ client }) => {
    const product = await client.createProduct(productData)
    return {
      call: async (c) => {
        const job = await c.generateScripts({ product })
        return { ref: job.ref ?? "", status: job.status }
      },
    }
  },
  made: (sim) => sim.scriptJobs().map((s) => ref("creatify", "ai_script", s.id)),
  lifecycle: "instant",
  statusRoute: CREATIFY_ROUTES.getScripts,
  // A pending-looking answer with a status Creatify never documented: core must keep reading
  // `GET /api/ai_scripts/{id}/` until the scripts are there, not stop or crash.
  unknownStatus: {
    answer: (body) => {
      const { generated_scripts: _, ...rest } = record(body)
      return { ...rest, status: MYSTERY }
    },
  },
  moderation: {
    na: "a script job Creatify rejects fails generateScripts itself with ContentRejected (adapter tests); nothing is left to wait for",
  },
  jobFails: { na: "the simulator has no control to fail a script job" },
}

const creatifyPreviews: CreditCall<CreatifySimulator> = {
  ...creatifyVideoJob,
  name: "generatePreviews: POST /api/link_to_videos/preview_list_async/",
  route: CREATIFY_ROUTES.previews,
  cost: 1,
  prepare: async ({ client }) => {
    const product = await client.createProduct(productData)
    return {
      call: (c) =>
        c.generatePreviews({
          product,
          visualStyles: ["FullScreenTemplate"],
          aspectRatio: "9:16",
          durationSeconds: 30,
        }),
    }
  },
  made: (sim) => creatifyVideos(sim, (j) => j.kind === "link_to_video"),
  statusRoute: CREATIFY_ROUTES.getVideo,
  // The preview stage is rejected or failed, not the render.
  moderation: (sim) => sim.rejectNext(undefined, "previews"),
  jobFails: (sim) => sim.failNext(undefined, "previews"),
}

const creatifyRenderPreview: CreditCall<CreatifySimulator> = {
  ...creatifyVideoJob,
  name: "renderPreview: POST /api/link_to_videos/{id}/render_single_preview/",
  route: CREATIFY_ROUTES.renderPreview,
  cost: 4,
  prepare: async ({ sim, client }) => {
    const product = await client.createProduct(productData)
    const previews = await client.generatePreviews({
      product,
      visualStyles: ["FullScreenTemplate"],
      aspectRatio: "9:16",
      durationSeconds: 30,
    })
    sim.clock.advance(120_000)
    const job = sim.jobs()[0]!
    return {
      call: (c) => c.renderPreview({ job: previews.ref, previewId: job.previews[0]!.media_job }),
      // Creatify renders on the same link-to-video job: the client knows the render's ref.
      knownRef: ref("creatify", "link_to_video", job.id, { stage: "render" }),
    }
  },
  made: (sim) => creatifyVideos(sim, (j) => j.kind === "link_to_video" && j.stage === "render"),
  statusRoute: CREATIFY_ROUTES.getVideo,
}

const creatifyRender: CreditCall<CreatifySimulator> = {
  ...creatifyVideoJob,
  name: "render (product): POST /api/link_to_videos/",
  route: CREATIFY_ROUTES.createVideo,
  cost: 4,
  prepare: async ({ client }) => {
    const product = await client.createProduct(productData)
    return { call: (c) => c.render({ product, aspectRatio: "9:16", durationSeconds: 30 }) }
  },
  made: (sim) => creatifyVideos(sim, (j) => j.kind === "link_to_video"),
  statusRoute: CREATIFY_ROUTES.getVideo,
}

// Creatify lists no custom template jobs: a lost answer of one made directly or previewed
// cannot be looked up (SubmissionUnknown; findSubmission says UnsupportedOperation).
const creatifyTemplate: CreditCall<CreatifySimulator> = {
  ...creatifyVideoJob,
  name: "render (template): POST /api/custom_template_jobs/",
  route: CREATIFY_ROUTES.createTemplateJob,
  cost: 5,
  prepare: async () => ({
    call: (c) => c.render({ template, variables: { headline: "Run lighter" } }),
  }),
  made: (sim) => creatifyVideos(sim, (j) => j.kind === "custom_template_job"),
  statusRoute: CREATIFY_ROUTES.getTemplateJob,
  findsSubmissions: true,
  lookupUnsupported: true,
}

const creatifyTemplatePreview: CreditCall<CreatifySimulator> = {
  ...creatifyTemplate,
  name: "generatePreviews (template): POST /api/custom_template_jobs/preview_async/",
  route: CREATIFY_ROUTES.previewTemplate,
  cost: 1,
  prepare: async () => ({
    call: (c) => c.generatePreviews({ template, variables: { headline: "Run lighter" } }),
  }),
  // The preview is rejected or failed, not a render.
  moderation: (sim) => sim.rejectNext(undefined, "previews"),
  jobFails: (sim) => sim.failNext(undefined, "previews"),
}

// Rendering a previewed job: found again by reading that job (its name carries the key).
const creatifyTemplateRender: CreditCall<CreatifySimulator> = {
  ...creatifyVideoJob,
  name: "renderPreview (template): POST /api/custom_template_jobs/{id}/render/",
  route: CREATIFY_ROUTES.renderTemplate,
  cost: 4,
  prepare: async ({ sim, client }) => {
    const job = await client.generatePreviews({ template, variables: { headline: "Run lighter" } })
    sim.clock.advance(120_000)
    const id = JobRef.parse(job.ref).id
    return {
      call: (c) => c.renderPreview({ job: job.ref, previewId: id }),
      // The render runs on the same job: the client knows its ref.
      knownRef: job.ref,
    }
  },
  made: (sim) => creatifyVideos(sim, (j) => j.kind === "custom_template_job" && j.stage === "render"),
  statusRoute: CREATIFY_ROUTES.getTemplateJob,
}

const creatifyAvatar: CreditCall<CreatifySimulator> = {
  ...creatifyVideoJob,
  name: "render (avatar+script): POST /api/lipsyncs_v2/",
  route: CREATIFY_ROUTES.createLipsync,
  cost: 5,
  prepare: async () => ({
    call: (c) => c.render({ avatar, voice, script: "Meet the new trail shoe." }),
  }),
  made: (sim) => creatifyVideos(sim, (j) => j.kind === "lipsync_v2"),
  statusRoute: CREATIFY_ROUTES.getLipsync,
}

const creatifyAurora: CreditCall<CreatifySimulator> = {
  ...creatifyVideoJob,
  name: "render (image+audio): POST /api/aurora/",
  route: CREATIFY_ROUTES.createAurora,
  cost: AURORA_SECONDS,
  prepare: async () => ({
    call: (c) => c.render({ imageUrl: "https://cdn.test/face.png", audioUrl: "https://cdn.test/voice.mp3" }),
  }),
  made: (sim) => creatifyVideos(sim, (j) => j.kind === "aurora"),
  statusRoute: CREATIFY_ROUTES.getAurora,
}

/** Creatify's calls, in table order. */
export const creatifyCalls: ReadonlyArray<CreditCall> = [
  erase(creatifyLink("url")),
  erase(creatifyLink("params")),
  erase(creatifyScripts),
  erase(creatifyPreviews),
  erase(creatifyRenderPreview),
  erase(creatifyRender),
  erase(creatifyTemplate),
  erase(creatifyTemplatePreview),
  erase(creatifyTemplateRender),
  erase(creatifyAvatar),
  erase(creatifyAurora),
]
