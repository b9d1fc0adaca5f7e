import { randomUUID } from "node:crypto"
import { inject } from "vitest"

/**
 * The test run's Redis URL. Throws (the test fails, it is not skipped) with how to get Redis
 * when there is none.
 */
export const redisUrl = (): string => {
  const problem = inject("redisProblem")
  if (problem) throw new Error(problem)
  return inject("redisUrl")
}

/** A key prefix of its own for one test, so tests running at once never see each other's keys. */
export const testPrefix = (name: string): string =>
  `t-${name.replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}-${randomUUID().slice(0, 8)}`
