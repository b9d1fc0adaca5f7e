import { readdirSync } from "node:fs"
import { describe, expect, it } from "vitest"
import * as jobs from "../src/internal/wire/jobs.js"
import * as open from "../src/internal/wire/open.js"
import * as wire from "../src/internal/wire/v2.js"
import { fixture } from "./support.js"

const answers: Record<string, unknown> = {
  "v2-product-create": wire.envelope(wire.ProductInfo),
  "v2-product-update": wire.EmptyEnvelope,
  "v2-preview-list": wire.envelope(wire.PreviewListResult),
  "v2-preview-list-guide": wire.envelope(wire.PreviewListResult),
  "v2-render-single-preview": wire.envelope(wire.RenderResult),
  "v2-render-single-preview-guide": wire.envelope(wire.RenderResult),
  "v2-product-video-processing": wire.envelope(wire.ProductVideo),
  "v2-product-video-completed": wire.envelope(wire.ProductVideo),
  "v2-product-video-failed": wire.envelope(wire.ProductVideo),
  "v2-product-video-spec": wire.envelope(wire.ProductVideo),
  "v2-product-videos": wire.envelope(wire.VideoList),
  "v2-product-previews": wire.envelope(wire.VideoList),
  "v2-endpoint": wire.envelope(wire.WebhookEndpoint),
  "v2-endpoints": wire.envelope(wire.WebhookEndpointList),
  "v2-endpoint-delete": wire.EmptyEnvelope,
  "v2-webhook-success": wire.WebhookPayload,
  "v2-webhook-failed": wire.WebhookPayload,
  "v1-webhook-project": wire.WebhookPayload,
  "v2-error-invalid-key": wire.EmptyEnvelope,
  "v2-video-created": wire.envelope(wire.RenderResult),
  "v2-avatar-video": wire.envelope(wire.ProductVideo),
  "v2-template-video": wire.envelope(wire.ProductVideo),
  "v2-template-video-guide": wire.envelope(wire.ProductVideo),
  "v2-ai-script-task": wire.envelope(jobs.ScriptTask),
  "v2-ai-script-result": wire.envelope(jobs.ScriptResult),
  "v2-ai-script-result-guide": wire.envelope(jobs.ScriptResult),
  "v2-ai-script-processing": wire.envelope(jobs.ScriptResult),
  "v2-webhook-image-failed": wire.WebhookPayload,
  "v2-webhook-motion-success": wire.WebhookPayload,
  "v2-webhook-motion-failed": wire.WebhookPayload,
  "open-product-create": wire.envelope(open.OpenProduct),
  "open-product-update": wire.EmptyEnvelope,
  "open-render": wire.EmptyEnvelope,
  "open-prj-info": wire.envelope(open.OpenProject),
}

// Request examples are asserted as bodies in the flow tests.
const requests = new Set(["v2-create-video-request", "v2-avatar-video-request", "open-render-request"])

describe("documented JoggAI examples parse with the wire schemas", () => {
  it("covers every fixture file", () => {
    const files = readdirSync(new URL("./fixtures/", import.meta.url)).map((f) => f.replace(/\.json$/, ""))
    expect(files.filter((f) => !requests.has(f)).sort()).toEqual(Object.keys(answers).sort())
  })

  it.each(Object.entries(answers))("%s", (name, schema) => {
    const result = (schema as { safeParse: (v: unknown) => { success: boolean } }).safeParse(fixture(name))
    expect(result.success).toBe(true)
  })
})
