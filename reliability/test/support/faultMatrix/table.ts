// The matrix as the table the test prints after its run.

import type { CreditCall } from "./call.js"
import { type FaultId, faultColumns, notApplicable } from "./faults.js"
import type { Outcome } from "./runner.js"

/** The matrix as a markdown table, the n/a reasons, a legend and the totals. */
export const renderMatrix = (
  calls: ReadonlyArray<CreditCall>,
  outcomes: ReadonlyMap<string, Outcome>,
  key: (call: CreditCall, fault: FaultId) => string,
): string => {
  const header = ["vendor", "credit call", ...faultColumns.map((f) => f.label)]
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`]
  const reasons: string[] = []
  let tried = 0
  let held = 0
  for (const call of calls) {
    const cells = faultColumns.map((fault) => {
      const na = notApplicable(call, fault.id)
      if (na !== undefined) {
        reasons.push(`- ${call.vendor} ${call.name.split(":")[0]} x ${fault.label}: ${na}`)
        return "n/a"
      }
      const outcome = outcomes.get(key(call, fault.id))
      if (outcome === undefined) return "not run"
      tried++
      if (!outcome.held) return "FAILED"
      held++
      return outcome.vendorOnly ? "held†" : "held"
    })
    lines.push(`| ${[call.vendor, `\`${call.name}\``, ...cells].join(" | ")} |`)
  }
  return [
    "Fault matrix: every credit-spending call x every injected fault",
    "",
    ...lines,
    "",
    "† held; the answer was lost and the vendor has no way to look the job up: the job is known only at",
    "  the vendor (exactly one job, one charge, the error says the outcome is ambiguous; read by the",
    "  vendor's own id, it still ends).",
    "",
    "n/a:",
    ...reasons,
    "",
    `${tried} scenarios tried, ${held} held`,
  ].join("\n")
}
