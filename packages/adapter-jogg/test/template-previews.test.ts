import { describe, expect, it } from "vitest"
import { client, rejection, useMsw } from "./support.js"

// Core's preview request may name a template instead of a product (issue 14, for Creatify's
// custom templates); JoggAI previews products only, and says so before any request.

// No handlers: any request would fail the test (msw answers unhandled requests with an error).
useMsw()

describe("previews of a template", () => {
  it("are UnsupportedOperation, and a template next to a product is InvalidInput, before any request", async () => {
    const alone = await rejection(client().generatePreviews({ template: "tpl-1", variables: { a: 1 } }))
    expect(alone.reason._tag).toBe("UnsupportedOperation")
    const both = await rejection(
      client().generatePreviews({
        product: "jogg:product:P1",
        template: "tpl-1",
        visualStyles: ["S"],
        avatar: "81",
      }),
    )
    expect(both.reason._tag).toBe("InvalidInput")
    expect(both.message).toContain("template")
  })
})
