// The matrix and its accounted-for view (invariant 4) as the tables the test prints after its run.

import { accountedColumns, accountedNotApplicable, type Via } from "./accounted.js"
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
  let vendorOnly = 0
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
      if (outcome.vendorOnly) vendorOnly++
      return outcome.vendorOnly ? "held†" : "held"
    })
    lines.push(`| ${[call.vendor, `\`${call.name}\``, ...cells].join(" | ")} |`)
  }
  return [
    "Fault matrix: every credit-spending call x every injected fault",
    "",
    ...lines,
    "",
    ...(vendorOnly > 0
      ? [
          "† held; the answer was lost and the vendor has no way to look the job up: the job is known only at",
          "  the vendor (exactly one job, one charge, the error says the outcome is ambiguous; read by the",
          "  vendor's own id, it still ends).",
          "",
        ]
      : []),
    "n/a:",
    ...reasons,
    "",
    `${tried} scenarios tried, ${held} held`,
  ].join("\n")
}

const via: Record<Via, string> = {
  job: "job",
  ref: "ref→job",
  "error-ref": "err.ref",
  "not-sent": "not sent",
}

/**
 * The accounted-for table (invariant 4): rows vendor x credit call, columns the 5xx before and
 * each lost answer without and with list lag; the n/a reasons, a legend and the totals.
 */
export const renderAccounted = (
  calls: ReadonlyArray<CreditCall>,
  outcomes: ReadonlyMap<string, Outcome>,
  key: (call: CreditCall, fault: FaultId, lag: boolean) => string,
): string => {
  const header = ["vendor", "credit call", ...accountedColumns.map((c) => c.label)]
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`]
  const reasons: string[] = []
  let tried = 0
  let accounted = 0
  let double = 0
  for (const call of calls) {
    const cells = accountedColumns.map(({ fault, lag, label }) => {
      const na = accountedNotApplicable(call, fault)
      if (na !== undefined) {
        reasons.push(`- ${call.vendor} ${call.name.split(":")[0]} x ${label}: ${na}`)
        return "n/a"
      }
      const outcome = outcomes.get(key(call, fault, lag))
      if (outcome?.accounted === undefined) return "not run"
      tried++
      if (outcome.accounted.double) double++
      if (outcome.accounted.via === undefined) return outcome.accounted.double ? "DOUBLE" : "UNACCOUNTED"
      accounted++
      return outcome.accounted.double ? "DOUBLE" : via[outcome.accounted.via]
    })
    lines.push(`| ${[call.vendor, `\`${call.name.split(":")[0]}\``, ...cells].join(" | ")} |`)
  }
  return [
    "Accounted for: every credit-spending call x every lost answer, without and with list lag",
    "",
    ...lines,
    "",
    "job       the call returned the vendor's job (found by core's lookups when the answer was lost)",
    "ref→job   the call failed SubmissionUnknown; findSubmission of its submission ref found the job",
    "          once the lag had passed (before: not_found, not settled)",
    "err.ref   the error carries the job's ref (the client knew it before sending)",
    "not sent  the vendor made nothing: findSubmission says not_found, settled once the window passed",
    "",
    ...(reasons.length > 0 ? ["n/a:", ...reasons, ""] : []),
    `${tried} scenarios, ${accounted} accounted for, ${double} double`,
  ].join("\n")
}
