import { setupServer } from "msw/node"
import { afterAll, afterEach, beforeAll } from "vitest"

/** One msw server per test file; unknown requests fail the test. */
export const useMsw = () => {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** Lets real I/O (msw's promises) make progress while the test clock stands still. */
export const realTicks = (n = 5) =>
  new Promise<void>((resolve) => {
    let left = n
    const step = () => (--left <= 0 ? resolve() : setTimeout(step, 1))
    setTimeout(step, 1)
  })
