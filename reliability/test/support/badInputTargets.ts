// The vendors of the bad-input table (JoggAI once per API generation), a valid input of every
// neutral operation for each, and one way to call any operation with an input.
import { creatify } from "@vidbridge/adapter-creatify"
import { createSimulator as creatifySim } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { createSimulator as draftsSim } from "@vidbridge/adapter-drafts/testing"
import { jogg } from "@vidbridge/adapter-jogg"
import { createSimulator as joggSim } from "@vidbridge/adapter-jogg/testing"
import { type AnyProviderDefinition, createVideoClient, JobRef, type VideoClient } from "@vidbridge/core"
import type { VendorSimulator } from "@vidbridge/core/testing"
import { Schedule } from "effect"

export type TargetId = "creatify" | "jogg" | "jogg-open" | "drafts"
export const targetIds: ReadonlyArray<TargetId> = ["creatify", "jogg", "jogg-open", "drafts"]

/** The operations the table calls; the first nine are the port's, the rest core's waits. */
export type Op =
  | "createProduct"
  | "createProductFromUrl"
  | "updateProduct"
  | "generateScripts"
  | "generatePreviews"
  | "renderPreview"
  | "render"
  | "getStatus"
  | "listJobs"
  | "waitForCompletion"
  | "watch"
  | "waitForAll"

/** A valid input of every operation (wrapped where the call takes more than one argument). */
export type ValidInputs = Readonly<Record<Op, Readonly<Record<string, unknown>>>>

export interface Target {
  readonly id: TargetId
  readonly definition: AnyProviderDefinition
  readonly sim: VendorSimulator
  /** Adapter settings reaching the simulator (in-process msw), with no real waiting. */
  readonly settings: Readonly<Record<string, unknown>>
  readonly valid: ValidInputs
}

export const images = [
  "https://cdn.shop.test/aurora-1.jpg",
  "https://cdn.shop.test/aurora-2.jpg",
  "https://cdn.shop.test/aurora-3.jpg",
]

/** A Product as `createProduct` returns it, for operations that read its data. */
const productOf = (provider: string, kind: string, id: string) => ({
  ref: JobRef.format(JobRef.make(provider, kind, id)),
  provider,
  id,
  title: "Aurora Trail Shoe",
  description: "A light trail runner with a grippy outsole.",
  imageUrls: images,
  videoUrls: [],
  raw: {},
})

const fast = { retry: { baseDelay: 1, maxDelay: 1, maxRetries: 1 } }

/** Inputs every vendor shares: the waits, and a job ref of the vendor's own kind. */
const common = (
  ref: string,
): Pick<ValidInputs, "getStatus" | "waitForCompletion" | "watch" | "waitForAll"> => ({
  getStatus: { ref },
  waitForCompletion: { ref, options: { timeout: 1_000 } },
  watch: { ref, options: { timeout: 1_000 } },
  waitForAll: { refs: [ref], options: { timeout: 1_000, interval: 1 } },
})

/** Fresh simulators (their logs empty) and the targets on them. */
export const makeTargets = (): ReadonlyArray<Target> => {
  const c = creatifySim()
  const j = joggSim()
  const o = joggSim({ apiVersion: "open" })
  const d = draftsSim()
  const creatifyProduct = productOf("creatify", "product", "11111111-0000-4000-8000-000000000001")
  const joggProduct = "jogg:product:P1"
  const openProduct = JobRef.format(JobRef.make("jogg", "open_product", "3924", { prj: "ab12" }))
  const draftsProduct = productOf("drafts", "product", "p0123456789abcdef")
  return [
    {
      id: "creatify",
      definition: creatify,
      sim: c,
      settings: { ...c.settings(), ...fast },
      valid: {
        createProduct: { title: "Aurora Trail Shoe", imageUrls: images },
        createProductFromUrl: { url: "https://shop.test/p/aurora" },
        updateProduct: { product: creatifyProduct.ref, patch: { title: "Aurora 2" } },
        generateScripts: {
          request: { product: creatifyProduct, language: "en", durationSeconds: 30 },
          options: {},
        },
        generatePreviews: {
          product: creatifyProduct.ref,
          aspectRatio: "9:16",
          durationSeconds: 30,
          language: "en",
        },
        renderPreview: {
          job: "creatify:link_to_video:22222222-0000-4000-8000-000000000002",
          previewId: "pv1",
        },
        render: { product: creatifyProduct.ref, aspectRatio: "9:16", durationSeconds: 30, language: "en" },
        listJobs: { limit: 10 },
        ...common("creatify:link_to_video:22222222-0000-4000-8000-000000000002"),
      },
    },
    {
      id: "jogg",
      definition: jogg,
      sim: j,
      settings: { ...j.settings(), ...fast },
      valid: {
        createProduct: { title: "Aurora Trail Shoe", imageUrls: images },
        createProductFromUrl: { url: "https://shop.test/p/aurora" },
        updateProduct: { product: joggProduct, patch: { title: "Aurora 2" } },
        generateScripts: { request: { product: joggProduct }, options: {} },
        generatePreviews: {
          product: joggProduct,
          visualStyles: ["Simple Product Switch"],
          avatar: "81",
          aspectRatio: "9:16",
          durationSeconds: 30,
          language: "en",
        },
        renderPreview: {
          job: JobRef.format(JobRef.make("jogg", "preview_set", "P1", { ids: "pa,pb" })),
          previewId: "pa",
        },
        render: {
          product: joggProduct,
          avatar: "81",
          visualStyle: "Simple Product Switch",
          aspectRatio: "9:16",
          durationSeconds: 30,
          language: "en",
        },
        listJobs: { limit: 10 },
        ...common("jogg:product_video:V1"),
      },
    },
    {
      id: "jogg-open",
      definition: jogg,
      sim: o,
      settings: { ...o.settings(), ...fast },
      valid: {
        // The open API makes products from a page only; its "params" base is a URL too.
        createProduct: { url: "https://shop.test/p/aurora" },
        createProductFromUrl: { url: "https://shop.test/p/aurora" },
        updateProduct: { product: openProduct, patch: { title: "Aurora 2" } },
        generateScripts: { request: { product: openProduct }, options: {} },
        generatePreviews: { product: openProduct, aspectRatio: "9:16" },
        renderPreview: { job: "jogg:open_project:ab12", previewId: "pa" },
        render: { product: openProduct, avatar: "81", aspectRatio: "9:16", language: "en" },
        listJobs: { limit: 10 },
        ...common("jogg:open_project:ab12"),
      },
    },
    {
      id: "drafts",
      definition: drafts,
      sim: d,
      settings: { ...d.settings(), ...fast },
      valid: {
        createProduct: { title: "Aurora Trail Shoe", imageUrls: images },
        // Hour One cannot scrape: a URL comes with the product's own data.
        createProductFromUrl: { url: "https://shop.test/p/aurora", title: "Aurora Trail Shoe" },
        updateProduct: { product: draftsProduct.ref, patch: { title: "Aurora 2" } },
        generateScripts: { request: { product: draftsProduct }, options: {} },
        generatePreviews: { product: draftsProduct },
        renderPreview: { job: "drafts:video:V1", previewId: "pa" },
        render: { template: "draft-1", product: draftsProduct, name: "Aurora" },
        listJobs: { limit: 10 },
        ...common("drafts:video:65f000000000000000000001"),
      },
    },
  ]
}

/** The Promise client on a target, as an app builds it; `overrides` change settings. */
export const clientOf = (target: Target, overrides: Record<string, unknown> = {}): VideoClient =>
  createVideoClient({
    provider: target.definition({ ...target.settings, ...overrides }),
    polling: { schedule: Schedule.spaced(1), minInterval: 0 },
  })

/** Whether the target's provider has `op` (core's waits: always). */
export const supports = (client: VideoClient, op: Op): boolean => {
  const port = op === "createProductFromUrl" ? "createProduct" : op
  if (port === "getStatus" || port === "waitForCompletion" || port === "watch" || port === "waitForAll")
    return true
  return (client.capabilities().operations as ReadonlyArray<string>).includes(port)
}

/** Calls `op` with `input` (the shape of {@link ValidInputs}). */
export const call = (client: VideoClient, op: Op, input: any): Promise<unknown> => {
  switch (op) {
    case "createProduct":
    case "createProductFromUrl":
      return client.createProduct(input)
    case "updateProduct":
      return client.updateProduct(input.product, input.patch)
    case "generateScripts":
      return client.generateScripts(input.request, input.options)
    case "generatePreviews":
      return client.generatePreviews(input)
    case "renderPreview":
      return client.renderPreview(input)
    case "render":
      return client.render(input)
    case "getStatus":
      return client.getStatus(input.ref)
    case "listJobs":
      return client.listJobs(input)
    case "waitForCompletion":
      return client.waitForCompletion(input.ref, input.options)
    case "watch":
      return (async () => {
        for await (const _ of client.watch(input.ref, input.options)) {
          // each change; the table only cares how it ends
        }
      })()
    case "waitForAll":
      return client.waitForAll(input.refs, input.options)
  }
}

/** A copy of `base` with `path` (dotted) set to `value`; `undefined` removes the field, `""` replaces it all. */
export const withField = (base: Readonly<Record<string, unknown>>, path: string, value: unknown): any => {
  if (path === "") return value
  const copy: Record<string, unknown> = structuredClone(base) as Record<string, unknown>
  const keys = path.split(".")
  let at: Record<string, unknown> = copy
  for (const key of keys.slice(0, -1)) {
    const next = at[key]
    at[key] = next !== null && typeof next === "object" ? next : {}
    at = at[key] as Record<string, unknown>
  }
  const last = keys[keys.length - 1]!
  if (value === undefined) delete at[last]
  else at[last] = value
  return copy
}
