import { describe, expect, it } from "vitest"
import { vendors } from "./support/vendors.js"

describe("the vendors under test", () => {
  it.each(vendors.map((v) => [v.id, v] as const))(
    "%s has a simulator whose settings configure its adapter",
    (_, vendor) => {
      const simulator = vendor.simulate({})
      expect(simulator.provider).toBe(vendor.id)
      expect(() => vendor.definition(simulator.settings())).not.toThrow()
    },
  )
})
