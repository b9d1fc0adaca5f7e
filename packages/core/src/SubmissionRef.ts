import { InvalidJobRef, JobRef } from "./JobRef.js"

/** The operations that spend credits: each gets a submission key and a submission ref. */
export const PaidOperations = [
  "createProduct",
  "generateScripts",
  "generatePreviews",
  "renderPreview",
  "render",
] as const

/** One of {@link PaidOperations}. */
export type PaidOperation = (typeof PaidOperations)[number]

/** What an `idempotencyKey` may be: 1-64 of `A-Z a-z 0-9 _ -`, starting with a letter or digit. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"

/** A new submission key: `vb` and 20 random base32 characters (100 bits) from `crypto.getRandomValues`. @internal */
export const newSubmissionKey = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(20))
  let key = "vb"
  for (const byte of bytes) key += ALPHABET[byte & 31]
  return key
}

/**
 * A paid request, named before it is sent: which provider and operation, its key, when it
 * was sent, and the adapter's hints for finding the job later (a product or link id, say).
 * Its string form is a {@link JobRef} of kind `submission`:
 * `creatify:submission:vb3k...?at=1767225600000&link=3c90...&op=render`. Persist it (the
 * `onSubmit` hook hands it over before the request is sent) and pass it to `findSubmission`.
 *
 * @example
 * ```ts
 * const found = await client.findSubmission(storedSubmissionRef)
 * if (found.status === "found" && found.operation === "render") await client.waitForCompletion(found.job.ref)
 * ```
 */
export interface SubmissionRef {
  readonly provider: string
  readonly operation: PaidOperation
  /** The submission key (the caller's `idempotencyKey`, or the one core made). */
  readonly key: string
  /** When the request was sent, in milliseconds since the epoch (Effect `Clock`). */
  readonly at: number
  /** What the adapter needs to find the job again; names other than `op` and `at`. */
  readonly hints: Readonly<Record<string, string>>
}

const toJobRef = (ref: SubmissionRef): JobRef => {
  const { op, at, ...hints } = ref.hints
  const text = `${ref.provider}:submission:${ref.key}`
  if (op !== undefined || at !== undefined) throw new InvalidJobRef(text, "the hints op and at are reserved")
  if (!IDEMPOTENCY_KEY.test(ref.key)) throw new InvalidJobRef(text, "the key is not a valid idempotencyKey")
  if (!Number.isSafeInteger(ref.at) || ref.at < 0)
    throw new InvalidJobRef(text, "at must be epoch milliseconds")
  return JobRef.make(ref.provider, "submission", ref.key, { ...hints, op: ref.operation, at: String(ref.at) })
}

const parse = (input: string | JobRef): SubmissionRef => {
  const ref = JobRef.from(input)
  const { op, at, ...hints } = ref.params ?? {}
  const text = typeof input === "string" ? input : JobRef.format(ref)
  if (
    ref.kind !== "submission" ||
    !IDEMPOTENCY_KEY.test(ref.id) ||
    !(PaidOperations as ReadonlyArray<string | undefined>).includes(op) ||
    !/^\d{1,16}$/.test(at ?? "")
  ) {
    throw new InvalidJobRef(text, 'expected a submission ref ("provider:submission:key?at=...&op=...")')
  }
  return { provider: ref.provider, operation: op as PaidOperation, key: ref.id, at: Number(at), hints }
}

/** Builds, reads and recognises submission refs (see {@link SubmissionRef}). */
export const SubmissionRef = {
  /** Checks the fields and answers the ref; throws `InvalidJobRef` as {@link SubmissionRef.format} does. */
  make: (ref: SubmissionRef): SubmissionRef => parse(toJobRef(ref)),
  /** The string form; throws `InvalidJobRef` on a bad key, provider or time, or a hint named `op` or `at`. */
  format: (ref: SubmissionRef): string => JobRef.format(toJobRef(ref)),
  /** Reads a submission ref (string or JobRef); throws `InvalidJobRef` for anything else. */
  parse,
  /** True when `input` is a submission ref. */
  is: (input: string | JobRef): boolean => {
    try {
      parse(input)
      return true
    } catch {
      return false
    }
  },
} as const
