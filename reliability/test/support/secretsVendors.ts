// The vendors of the secrets test, each configured with recognisable credentials: its simulator
// (accepting exactly those), a client factory, and how to start a job the failing paths act on.
import { creatify } from "@vidbridge/adapter-creatify"
import { type CreatifySimulator, createSimulator as creatifySim } from "@vidbridge/adapter-creatify/testing"
import { drafts } from "@vidbridge/adapter-drafts"
import { type DraftsSimulator, createSimulator as draftsSim } from "@vidbridge/adapter-drafts/testing"
import { jogg } from "@vidbridge/adapter-jogg"
import { type JoggSimulator, createSimulator as joggSim } from "@vidbridge/adapter-jogg/testing"
import {
  type ConfiguredProvider,
  createVideoClient,
  type HttpObserver,
  type Product,
  type VideoClient,
} from "@vidbridge/core"
import { Schedule } from "effect"
import { SECRETS } from "./secrets.js"

/** A vendor (JoggAI counted once per API generation) as the secrets test drives it. */
export type SecretTargetId = "creatify" | "jogg" | "jogg-open" | "drafts"

/** Every request event a client reported to its observer: the "logger" core offers. */
export const observed: unknown[] = []

const observer: HttpObserver = {
  onRequest: (event) => void observed.push(event),
  onResponse: (event) => void observed.push(event),
}

/** One retry with no real waiting, and the observer on. */
const transport = { retry: { baseDelay: 1, maxDelay: 1, maxRetries: 1 }, observer }

export const images = [
  "https://cdn.shop.test/aurora-1.jpg",
  "https://cdn.shop.test/aurora-2.jpg",
  "https://cdn.shop.test/aurora-3.jpg",
]

/** Where apps ask vendors to call back; Creatify's adapter adds a token derived from the secret. */
export const HOOK_URL = "https://app.shop.test/hooks/video"

/** The header each vendor takes the API key in (what an echoing vendor echoes). */
export const keyHeaders: Readonly<Record<SecretTargetId, ReadonlyArray<string>>> = {
  creatify: ["x-api-id", "x-api-key"],
  jogg: ["x-api-key"],
  "jogg-open": ["x-api-key"],
  drafts: ["api-key"],
}

interface TargetBase<S> {
  readonly id: SecretTargetId
  readonly provider: "creatify" | "jogg" | "drafts"
  readonly sim: S
  /** The adapter configured as an app would, plus `overrides`. */
  readonly configure: (overrides?: Record<string, unknown>) => ConfiguredProvider
  readonly client: (overrides?: Record<string, unknown>) => VideoClient
  /** Makes a product and starts the job every failing path acts on (with a webhook URL where the vendor takes one). */
  readonly startJob: (client: VideoClient) => Promise<string>
  /** A field every successful answer of this vendor has, for the `missingField` fault. */
  readonly requiredField: string
  /** Lets simulated time pass until jobs would have finished. */
  readonly finish: () => void
}

export type SecretTarget =
  | (TargetBase<CreatifySimulator> & { readonly id: "creatify" })
  | (TargetBase<JoggSimulator> & { readonly id: "jogg" | "jogg-open" })
  | (TargetBase<DraftsSimulator> & { readonly id: "drafts" })

const clientOf =
  (configure: (o?: Record<string, unknown>) => ConfiguredProvider) => (o?: Record<string, unknown>) =>
    createVideoClient({
      provider: configure(o),
      polling: { schedule: Schedule.spaced(1), minInterval: 0, timeout: 5_000 },
      // A paid call whose answer is lost is looked up twice, back to back (not for minutes).
      reconcile: { schedule: Schedule.recurs(1), minInterval: 0 },
    })

/** Fresh simulators and clients for one test; `pageUrl` is a loopback product page (JoggAI's open API scrapes). */
export const makeTargets = (pageUrl: string): ReadonlyArray<SecretTarget> => {
  const c = creatifySim({
    apiId: SECRETS.creatifyApiId,
    apiKey: SECRETS.creatifyApiKey,
    webhookSecret: SECRETS.creatifyHook,
  })
  const cConfigure = (o: Record<string, unknown> = {}) => creatify({ ...c.settings(), ...transport, ...o })
  const j = joggSim({ apiKey: SECRETS.joggApiKey, webhookSecret: SECRETS.joggHook })
  const jConfigure = (o: Record<string, unknown> = {}) => jogg({ ...j.settings(), ...transport, ...o })
  const o = joggSim({ apiVersion: "open", apiKey: SECRETS.joggApiKey, webhookSecret: SECRETS.joggHook })
  const oConfigure = (x: Record<string, unknown> = {}) => jogg({ ...o.settings(), ...transport, ...x })
  const d = draftsSim({ apiKey: SECRETS.draftsApiKey, signingSecret: SECRETS.draftsHook })
  const dConfigure = (x: Record<string, unknown> = {}) => drafts({ ...d.settings(), ...transport, ...x })
  const productData = { title: "Aurora Trail Shoe", description: "A light trail runner.", imageUrls: images }
  return [
    {
      id: "creatify",
      provider: "creatify",
      sim: c,
      configure: cConfigure,
      client: clientOf(cConfigure),
      startJob: async (client) => {
        const product: Product = await client.createProduct(productData)
        const job = await client.generatePreviews({ product, aspectRatio: "9:16", webhookUrl: HOOK_URL })
        return job.ref
      },
      requiredField: "id",
      finish: () => c.clock.advance(60 * 60_000),
    },
    {
      id: "jogg",
      provider: "jogg",
      sim: j,
      configure: jConfigure,
      client: clientOf(jConfigure),
      startJob: async (client) => {
        const product = await client.createProduct(productData)
        const job = await client.render({
          product,
          avatar: "81",
          visualStyle: "Simple Product Switch",
          aspectRatio: "9:16",
          webhookUrl: HOOK_URL,
        })
        return job.ref
      },
      requiredField: "data",
      finish: () => j.clock.advance(60 * 60_000),
    },
    {
      id: "jogg-open",
      provider: "jogg",
      sim: o,
      configure: oConfigure,
      client: clientOf(oConfigure),
      startJob: async (client) => {
        const product = await client.createProduct({ url: pageUrl })
        const job = await client.render({ product, avatar: "81", aspectRatio: "9:16" })
        return job.ref
      },
      requiredField: "data",
      finish: () => o.clock.advance(60 * 60_000),
    },
    {
      id: "drafts",
      provider: "drafts",
      sim: d,
      configure: dConfigure,
      client: clientOf(dConfigure),
      startJob: async (client) => {
        const product = await client.createProduct(productData)
        const job = await client.render({ product, template: "draft-1", name: "Aurora" })
        return job.ref
      },
      requiredField: "id",
      finish: () => d.clock.advance(60 * 60_000),
    },
  ]
}
