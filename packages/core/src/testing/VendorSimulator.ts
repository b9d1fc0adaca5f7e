import type { RequestHandler } from "msw"
import type { FaultPlan } from "./faults.js"
import type { RequestLog } from "./RequestLog.js"
import type { SimClock } from "./SimClock.js"

/**
 * The shape every adapter's simulator has, so tests, the CLI and the demo treat them alike.
 *
 * Simulators speak the vendor's documented wire format (auth headers checked, documented
 * errors), move jobs through the vendor's own statuses on `clock`, count credits, deliver
 * webhooks, and take faults from `faults`.
 */
export interface VendorSimulator {
  /** The provider id this simulates (`creatify`, `jogg`, `drafts`). */
  readonly provider: string
  /** The vendor's real base URL that `handlers` answer for (msw in-process). */
  readonly canonicalBase: string
  readonly handlers: ReadonlyArray<RequestHandler>
  readonly clock: SimClock
  readonly faults: FaultPlan
  readonly log: RequestLog
  /** Credits the simulated account has spent. */
  readonly creditsSpent: () => number
  /**
   * Adapter settings that talk to this simulator: the credentials it accepts and, for a
   * served simulator, `baseUrl` (the served origin plus the vendor's path prefix).
   */
  readonly settings: (servedOrigin?: string) => Record<string, unknown>
}

/** A credit account for a simulator; `balance` limits spending when set. */
export interface CreditLedger {
  readonly spent: () => number
  /** Spends `amount`, or answers `false` when the balance is too low. */
  readonly charge: (amount: number) => boolean
}

/** Makes a {@link CreditLedger}. */
export const makeCreditLedger = (balance = Number.POSITIVE_INFINITY): CreditLedger => {
  let spent = 0
  return {
    spent: () => spent,
    charge: (amount) => {
      if (spent + amount > balance) return false
      spent += amount
      return true
    },
  }
}

/**
 * POSTs a webhook like a vendor would (JSON body, extra headers such as a signature).
 * Answers the receiver's HTTP status; a receiver that cannot be reached answers 0.
 */
export const deliverWebhook = async (
  url: string,
  body: string,
  headers: Readonly<Record<string, string>> = {},
  fetchImpl: typeof fetch = fetch,
): Promise<number> => {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    return 0
  }
}
