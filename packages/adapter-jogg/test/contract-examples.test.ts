import { documents, exceptionFor, joggDocumentExamples, joggPostmanExamples } from "@vidbridge/contracts"
import { describe, expect, it } from "vitest"
import { wireOf } from "./contractWire.js"

// JoggAI's own example answers (its OpenAPI document and Postman collection, read from
// contracts/specs/ at test time) parsed by the adapter's wire schemas.

const documented = joggDocumentExamples()
const postman = await joggPostmanExamples()
const all = [...documented, ...postman]
const implemented = all.filter((e) => e.operation in wireOf)

interface Issue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly code: string
  readonly message: string
}

/** Whether contracts/exceptions.yaml excuses `issue` of parsing an example of `operation`. */
const excused = (operation: string, issue: Issue) =>
  exceptionFor({
    vendor: "jogg",
    operation,
    direction: "example",
    path: `/body/${issue.path.map(String).join("/")}`,
    rule: issue.code,
  }) !== undefined

describe("JoggAI's example answers parse with the adapter's wire schemas", () => {
  it.each(implemented.map((e) => [`${e.operation} ${e.status} (${e.source})`, e] as const))(
    "%s",
    (_, { operation, body }) => {
      const issues: ReadonlyArray<Issue> = wireOf[operation]!.safeParse(body).error?.issues ?? []
      const unexcused = issues.filter((issue) => !excused(operation, issue))
      expect(unexcused, JSON.stringify(unexcused)).toEqual([])
    },
  )

  it("every example is accounted for: parsed above, or of an operation the adapter does not implement", () => {
    const operations = new Set(documents().jogg.operations.map((o) => o.route))
    expect(all.filter((e) => !operations.has(e.operation))).toEqual([])
    // Each documented operation has its document example; the Postman collection repeats them.
    expect(new Set(documented.map((e) => e.operation))).toEqual(operations)
    expect(implemented.length).toBeGreaterThanOrEqual(2 * Object.keys(wireOf).length)
  })
})
