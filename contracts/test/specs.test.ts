import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { documents, SPEC_FILES, specBytes } from "../src/index.js"

// The vendors' documents are copied byte for byte; nobody edits them by hand.

const readme = readFileSync(new URL("../specs/README.md", import.meta.url), "utf8")

describe("contracts/specs: the vendors' own documents, unchanged", () => {
  it.each(Object.entries(SPEC_FILES))("%s has the sha256 its origin has", (file, sha256) => {
    expect(createHash("sha256").update(specBytes(file)).digest("hex")).toBe(sha256)
    expect(readme).toContain(sha256)
  })

  it("holds exactly these files and its README", () => {
    const files = readdirSync(new URL("../specs/", import.meta.url)).sort()
    expect(files).toEqual([...Object.keys(SPEC_FILES), "README.md"].sort())
  })

  it("reads both documents: JoggAI OpenAPI 3.0.1, Hour One OpenAPI 3.1.0 under /api/v1", () => {
    const { jogg, hourone } = documents()
    expect(jogg.document.openapi).toBe("3.0.1")
    expect(jogg.serverPath).toBe("")
    expect(jogg.operations).toHaveLength(47)
    expect(hourone.document.openapi).toBe("3.1.0")
    expect(hourone.serverPath).toBe("/api/v1")
    expect(hourone.operations).toHaveLength(26)
  })
})
