import { describe, expect, it } from "vitest"
import { documents, exceptions } from "../src/index.js"

// contracts/exceptions.yaml: each known conflict names real operations, exact paths and a winner.

describe("contracts/exceptions.yaml", () => {
  it.each(exceptions().map((e) => [e.id, e] as const))(
    "%s names documented operations and exact paths",
    (_, e) => {
      const routes = documents()[e.vendor].operations.map((o) => o.route)
      for (const operation of e.operations) if (operation !== "*") expect(routes).toContain(operation)
      for (const path of e.paths) expect(path).toMatch(/^\/(body|status|query|headers|path)(\/|$)/)
      expect(["request", "response", "example"]).toContain(e.direction)
      expect(e.winner.trim()).not.toBe("")
      expect(e.why.trim()).not.toBe("")
    },
  )

  it("ids are unique", () => {
    const ids = exceptions().map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
