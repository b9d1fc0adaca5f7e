// parseWebhook on every vendor (JoggAI in both API generations), with each adapter's real
// verification (Creatify's callback-URL token, JoggAI's and Hour One's HMAC signatures): any
// verified body, drifted from the documented callbacks or arbitrary JSON, parses to a well-formed
// event or fails with a typed VideoError, never a defect; core's webhook handler answers alike.
import { createVideoClient, type VideoError } from "@vidbridge/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  anyJson,
  anyString,
  assertShape,
  assertTyped,
  drifted,
  eventShape,
  fixture,
  vendorName,
} from "./support/arbitraries.js"
import { type HookName, hooks, nowSeconds, post, useCreatifyApi } from "./support/callbacks.js"

// Creatify's adapter reads each delivered job back: its job reads answer what the delivery says.
useCreatifyApi()

/** Runs per vendor; raise it (PROPS_RUNS=2000) to search harder than CI does. */
const RUNS = Number(process.env.PROPS_RUNS ?? 200)

// Stands for "now" in JoggAI bodies: a delivery older than the tolerance is refused before parsing.
const NOW = -424242
const withNow = (value: unknown): unknown =>
  value === NOW
    ? nowSeconds()
    : Array.isArray(value)
      ? value.map(withNow)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNow(v)]))
        : value

const joggBase = (name: string) => ({ ...(fixture("jogg", name) as object), timestamp: NOW })

const creatifyStatuses = ["pending", "in_queue", "running", "done", "failed", "rejected"]
const joggStatuses = ["pending", "processing", "completed", "failed"]
const joggEvents = [
  "generated_product_video_success",
  "generated_product_video_failed",
  "generated_video_success",
  "generated_video_failed",
]
const draftsEvents = ["video.ready", "video.failed", "video_ready", "video_failed"]
const draftsStatuses = ["not_started", "started", "processing", "ready", "published", "failed", "stopped"]
const maybe = <A>(arbitrary: fc.Arbitrary<A>) => fc.option(arbitrary, { nil: undefined })
const maybeNull = <A>(arbitrary: fc.Arbitrary<A>) => fc.oneof(maybe(arbitrary), fc.constant(null))
const compact = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))

// The fields a callback's status is derived from (status, event name), drawn on their own: a
// drifted fixture rarely changes both at once.
const statusFields: Record<HookName, fc.Arbitrary<unknown>> = {
  creatify: fc
    .record({
      id: fc.constantFrom("job-1", "20b5d452-89f4-4245-9480-10defaa8fb4d"),
      status: vendorName(creatifyStatuses),
      failed_reason: maybeNull(anyString),
      extra: fc.constantFrom(
        { previews: [] },
        { video_output: null },
        { output: "https://v.test/o.mp4" },
        {},
      ),
    })
    .map(({ extra, ...rest }) => compact({ ...rest, ...extra })),
  jogg: fc
    .record({ event: vendorName(joggEvents), status: maybeNull(vendorName(joggStatuses)) })
    .map(({ event, status }) => ({
      event_id: "evt_1",
      event,
      timestamp: NOW,
      data: compact({ video_id: "v1", status }),
    })),
  joggOpen: fc
    .record({ event: vendorName(joggEvents), status: maybeNull(vendorName(joggStatuses)) })
    .map(({ event, status }) => ({
      event_id: "e1",
      event,
      timestamp: NOW,
      data: compact({ project_id: "p1", status }),
    })),
  drafts: fc
    .record({ event_name: vendorName(draftsEvents), status: maybeNull(vendorName(draftsStatuses)) })
    .map(({ event_name, status }) => ({ event_name, data: compact({ id: "vid-1", status }) })),
}

const bodies: Record<HookName, fc.Arbitrary<unknown>> = {
  creatify: fc.oneof(
    ...["webhook-previews", "webhook-link-to-video", "webhook-custom-template"].map((n) =>
      drifted(fixture("creatify", n), creatifyStatuses),
    ),
    statusFields.creatify,
    anyJson,
  ),
  jogg: fc.oneof(
    ...["v2-webhook-success", "v2-webhook-failed"].map((n) =>
      drifted(joggBase(n), [NOW, ...joggStatuses, ...joggEvents]),
    ),
    statusFields.jogg,
    anyJson,
  ),
  joggOpen: fc.oneof(
    drifted(joggBase("v1-webhook-project"), [NOW, ...joggEvents]),
    statusFields.joggOpen,
    anyJson,
  ),
  drafts: fc.oneof(
    ...["webhook-video-ready", "webhook-video-failed"].map((n) =>
      drifted(fixture("drafts", n), [...draftsEvents, ...draftsStatuses]),
    ),
    statusFields.drafts,
    anyJson,
  ),
}

describe("parseWebhook never fails untyped on a verified body", () => {
  it.each(Object.entries(hooks))(
    "%s",
    async (key, vendor) => {
      const client = createVideoClient({ provider: vendor.configure() })
      const outcomes = { ok: 0, typed: 0 }
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 9, arbitrary: bodies[key as HookName].map((json) => JSON.stringify(withNow(json))) },
            { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom("", "{", "[1,", "null")) },
          ),
          async (body) => {
            // The Promise API rejects with defects as they are, so a TypeError would show here.
            const { url, headers } = await vendor.sign(body)
            let parsed:
              | { readonly ok: true; readonly value: unknown }
              | { readonly ok: false; readonly error: unknown }
            try {
              parsed = { ok: true, value: await client.parseWebhook({ method: "POST", url, headers, body }) }
            } catch (error) {
              parsed = { ok: false, error }
            }
            if (parsed.ok) {
              assertShape(eventShape(vendor.provider), parsed.value)
              outcomes.ok++
            } else {
              assertTyped(parsed.error, vendor.provider)
              outcomes.typed++
            }
            // The fetch-style handler agrees: 200 for an event, 401 for a stale (replayed) delivery,
            // 400 naming the problem otherwise; never its answer for a defect.
            const handle = client.handleWebhook({ onEvent: () => undefined })
            const response = await handle(await post(vendor, body))
            const answer = (await response.json()) as { ok: boolean; error?: string }
            const refused = !parsed.ok && (parsed.error as VideoError).reason._tag === "AuthenticationFailed"
            expect(response.status).toBe(parsed.ok ? 200 : refused ? 401 : 400)
            expect(answer.error ?? "").not.toBe("could not read the delivery")
          },
        ),
        { numRuns: RUNS },
      )
      expect(outcomes.ok).toBeGreaterThan(0)
      expect(outcomes.typed).toBeGreaterThan(0)
    },
    60_000,
  )
})
