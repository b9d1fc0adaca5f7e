import { documents, exceptionFor, houroneGeneratedExamples } from "@vidbridge/contracts"
import { describe, expect, it } from "vitest"
import { wireOf } from "./contractWire.js"

// Hour One's document has no example answers: three valid instances of every documented
// answer are generated from its schemas (contracts/specs/, fixed seeds; each is checked
// against the document first) and parsed by the adapter's wire schemas.

const generated = await houroneGeneratedExamples(3)
const implemented = generated.filter((e) => wireOf[e.operation]?.[e.status] !== undefined)

const pointer = (path: ReadonlyArray<PropertyKey>) => `/body/${path.map(String).join("/")}`

describe("answers generated from Hour One's document parse with the adapter's wire schemas", () => {
  it.each(implemented.map((e) => [`${e.operation} ${e.status} (${e.source})`, e] as const))(
    "%s",
    (_, example) => {
      const result = wireOf[example.operation]![example.status]!.safeParse(example.body)
      const issues = (result.error?.issues ?? []) as Array<{
        path: PropertyKey[]
        code: string
        message: string
      }>
      const unexcused = issues.filter(
        (issue) =>
          exceptionFor({
            vendor: "hourone",
            operation: example.operation,
            direction: "example",
            path: pointer(issue.path),
            rule: issue.code,
          }) === undefined,
      )
      expect(unexcused, JSON.stringify(unexcused)).toEqual([])
    },
  )

  it("every documented answer with a body got instances; the unparsed ones are of operations not implemented", () => {
    const operations = documents().hourone.operations.map((o) => o.route)
    expect(generated.filter((e) => !operations.includes(e.operation))).toEqual([])
    const skipped = generated.filter((e) => wireOf[e.operation]?.[e.status] === undefined)
    expect(skipped.filter((e) => e.operation in wireOf)).toEqual([])
    expect(implemented).toHaveLength(3 * 7)
  })
})
