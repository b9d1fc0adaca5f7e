// The fault matrix (issue 7): every credit-spending call of every adapter x every injected fault,
// through the neutral client against each vendor's simulator served on 127.0.0.1; and each fault
// that loses a paid answer once more with list lag (issue 13). One test per scenario; the matrix
// and the accounted-for table are printed after the run. See reliability/README.md.
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { lostAnswerFaults } from "./support/faultMatrix/accounted.js"
import { type CreditCall, creditCalls } from "./support/faultMatrix/calls.js"
import { type FaultId, faultColumns, notApplicable } from "./support/faultMatrix/faults.js"
import { accountable, type Outcome, runScenario, SCENARIO_TIMEOUT_MS } from "./support/faultMatrix/runner.js"
import { renderAccounted, renderMatrix } from "./support/faultMatrix/table.js"

const key = (call: CreditCall, fault: FaultId, lag = false) =>
  `${call.vendor} ${call.name} ${fault}${lag ? " +lag" : ""}`
const outcomes = new Map<string, Outcome>()

let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(async () => {
  await page.close()
  console.log(renderMatrix(creditCalls, outcomes, key))
  console.log(renderAccounted(creditCalls, outcomes, key))
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
    for (const fault of lostAnswerFaults) {
      if (!accountable(call, fault)) continue
      const label = faultColumns.find((f) => f.id === fault)?.label
      it(`${label} + list lag`, { timeout: SCENARIO_TIMEOUT_MS }, async () => {
        const outcome = await runScenario(call, fault, page.url, true)
        outcomes.set(key(call, fault, true), outcome)
        expect(outcome.problems).toEqual([])
      })
    }
  })
}
