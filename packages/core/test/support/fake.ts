import { beforeEach } from "vitest"
import { createFakeVendorSimulator, type FakeVendorSimulator } from "../../src/testing/index.js"
import { API_KEY } from "./keys.js"
import { useMsw } from "./msw.js"

/**
 * One msw server per file with a fresh fake vendor simulator (accepting {@link API_KEY}) before
 * each test: `vendor.sim` is the current one, `vendor.server` the msw server.
 */
export const useFakeVendor = () => {
  const server = useMsw()
  const vendor = { server, sim: undefined as unknown as FakeVendorSimulator }
  beforeEach(() => {
    vendor.sim = createFakeVendorSimulator({ apiKey: API_KEY })
    server.use(...vendor.sim.handlers)
  })
  return vendor
}
