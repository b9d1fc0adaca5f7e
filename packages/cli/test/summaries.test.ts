import { describe, expect, it } from "vitest"
import { builtInProviders, builtInSummaries, main } from "../src/index.js"

const capture = () => {
  const printed = { out: "", err: "" }
  const io = {
    out: (t: string) => {
      printed.out += t
    },
    err: (t: string) => {
      printed.err += t
    },
    interactive: false,
    env: { JOGG_API_KEY: "k" },
  }
  return { io, printed }
}

describe("vidbridge providers from the summaries", () => {
  it("the built-in summaries are the adapters' own ids, names, capabilities and variables", () => {
    expect(builtInSummaries).toEqual(
      builtInProviders.definitions.map(({ id, displayName, capabilities, env }) => ({
        id,
        displayName,
        capabilities,
        env,
      })),
    )
  })

  it("lists what the definitions list, without loading the providers", async () => {
    for (const args of [["providers"], ["providers", "--json"]]) {
      const fromDefinitions = capture()
      expect(await main(args, { io: fromDefinitions.io, providers: builtInProviders })).toBe(0)
      const fromSummaries = capture()
      const code = await main(args, {
        io: fromSummaries.io,
        providers: () => Promise.reject(new Error("the providers were loaded")),
        summaries: builtInSummaries,
      })
      expect(fromSummaries.printed).toEqual(fromDefinitions.printed)
      expect(code).toBe(0)
    }
  })

  it("a bad flag is still a usage error", async () => {
    const { io, printed } = capture()
    const code = await main(["providers", "--bogus"], {
      io,
      providers: () => Promise.reject(new Error("the providers were loaded")),
      summaries: builtInSummaries,
    })
    expect(code).toBe(2)
    expect(printed.err).toContain("usage: vidbridge providers")
  })
})
