// The fault matrix (issue 7): every credit-spending call of every adapter x every injected fault,
// through the neutral client against each vendor's simulator served on 127.0.0.1. One test per
// scenario; the matrix is printed as a table after the run. See reliability/README.md.
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CreditCall, creditCalls } from "./support/faultMatrix/calls.js"
import { type FaultId, faultColumns, notApplicable } from "./support/faultMatrix/faults.js"
import { type Outcome, runScenario, SCENARIO_TIMEOUT_MS } from "./support/faultMatrix/runner.js"
import { renderMatrix } from "./support/faultMatrix/table.js"

const key = (call: CreditCall, fault: FaultId) => `${call.vendor} ${call.name} ${fault}`
const outcomes = new Map<string, Outcome>()

let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(async () => {
  await page.close()
  console.log(renderMatrix(creditCalls, outcomes, key))
})

for (const call of creditCalls) {
  describe(`${call.vendor} ${call.name}`, () => {
    for (const fault of faultColumns) {
      if (notApplicable(call, fault.id) !== undefined) continue
      it(fault.label, { timeout: SCENARIO_TIMEOUT_MS }, async () => {
        const outcome = await runScenario(call, fault.id, page.url)
        outcomes.set(key(call, fault.id), outcome)
        expect(outcome.problems).toEqual([])
      })
    }
  })
}
