// The shape of one credit-spending call in the fault matrix: how it is set up and made through
// the neutral client, what it costs, what it leaves at the vendor and how to read that.
import type { AnyProviderDefinition, VideoClient } from "@vidbridge/core"
import { JobRef } from "@vidbridge/core"
import type { VendorSimulator } from "@vidbridge/core/testing"

/** What the steps before the call have to work with. */
export interface Setup<S extends VendorSimulator> {
  readonly sim: S
  /** A healthy client (no faults are planned yet). */
  readonly client: VideoClient
  /** The sample product page on 127.0.0.1, for products made from a URL. */
  readonly pageUrl: string
}

/** What the call answered, reduced to what the checks read. */
export interface Answer {
  readonly ref: string
  readonly status: string
  readonly vendorStatus?: string | undefined
  readonly previews?: ReadonlyArray<{ readonly status?: string | undefined }> | undefined
}

/** A call ready to be made. */
export interface Prepared {
  readonly call: (client: VideoClient) => Promise<Answer>
  /** The ref the client holds before the call (the job it acts on): every error must carry it. */
  readonly knownRef?: string | undefined
}

/** A rewrite of a JSON answer (an undocumented status). */
export type Rewrite = (body: unknown) => unknown

/** Why a fault does not apply to a call. */
export interface NotApplicable {
  readonly na: string
}

/** One credit-spending call. */
export interface CreditCall<S extends VendorSimulator = VendorSimulator> {
  /** The row label: vendor (and API generation). */
  readonly vendor: string
  /** The neutral operation and the vendor endpoint. */
  readonly name: string
  /** The route faults are injected on (method and the vendor's documented path). */
  readonly route: string
  /** Credits one accepted call costs on the simulator. */
  readonly cost: number
  readonly definition: AnyProviderDefinition
  readonly simulate: () => S
  readonly prepare: (setup: Setup<S>) => Promise<Prepared>
  /**
   * What calls of this kind left at the vendor, oldest first: one entry per job (its ref, built
   * from the vendor's own records as an operator would), or `undefined` where the vendor's
   * records give no id to read it by.
   */
  readonly made: (sim: S) => ReadonlyArray<string | undefined>
  /** `job`: it moves on the clock and is waited for; `instant`: the answer is final. */
  readonly lifecycle: "job" | "instant"
  /** The route the client reads the result's status on. */
  readonly statusRoute?: string
  /** Which required field is dropped, from the call's answer or from the status read after it. */
  readonly missing: { readonly on: "answer" | "status"; readonly field: string; readonly path: string }
  /** An undocumented status in the call's answer and/or the first status reads. */
  readonly unknownStatus:
    | { readonly answer?: Rewrite | undefined; readonly status?: Rewrite | undefined }
    | NotApplicable
  /** Plans a moderation rejection of the next job (the simulator's control). */
  readonly moderation: ((sim: S) => void) | NotApplicable
  /** Plans a failure of the next job. */
  readonly jobFails: ((sim: S) => void) | NotApplicable
  /**
   * Core looks a lost answer up with the adapter's `findSubmission` (issue 13): the call then
   * returns the vendor's job; after a 5xx before the vendor committed it fails `SubmissionUnknown`
   * carrying the submission ref, which `findSubmission` answers `not_found`.
   */
  readonly findsSubmissions?: boolean | undefined
  /**
   * The provider has `findSubmission`, but this call's vendor keeps no list to look it up in
   * (JoggAI's avatar videos and AI scripts, Creatify's custom template jobs): core asks, the lookup fails `UnsupportedOperation`
   * saying why, and a lost answer ends `SubmissionUnknown` (`lookup: "unsupported"`) with the job known
   * only at the vendor. Never a resend.
   */
  readonly lookupUnsupported?: boolean | undefined
}

/** The vendor status the matrix injects where a status is a string. */
export const MYSTERY = "mystery"

/** A number no JoggAI `open` status means (1-5 and 99 are documented). */
export const MYSTERY_CODE = 7

/** `value` as an object to read fields of (`{}` when it is none). */
export const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/** Sets `status` at the top level of an answer. */
export const topStatus: Rewrite = (body) => ({ ...record(body), status: MYSTERY })

/** Sets `data.status` of a JoggAI envelope. */
export const dataStatus =
  (status: string | number): Rewrite =>
  (body) => ({ ...record(body), data: { ...record(record(body).data), status } })

/** Sets the status of every item of a JoggAI envelope's `data.previews`. */
export const previewStatuses: Rewrite = (body) => {
  const data = record(record(body).data)
  const previews = Array.isArray(data.previews) ? data.previews : []
  return {
    ...record(body),
    data: { ...data, previews: previews.map((p) => ({ ...record(p), status: MYSTERY })) },
  }
}

/** Forgets a call's simulator type, so calls of every vendor share one list. */
export const erase = <S extends VendorSimulator>(call: CreditCall<S>): CreditCall =>
  call as unknown as CreditCall

/** A ref string, as an operator would build it from the vendor's own records. */
export const ref = (provider: string, kind: string, id: string, params?: Record<string, string>) =>
  JobRef.format(JobRef.make(provider, kind, id, params))

const images = ["https://cdn.test/a.jpg", "https://cdn.test/b.jpg", "https://cdn.test/c.jpg"]
/** A product from data (3 images: what every vendor accepts without a video). */
export const productData = {
  title: "Aurora Trail Shoe",
  description: "A featherlight trail runner.",
  imageUrls: images,
}
