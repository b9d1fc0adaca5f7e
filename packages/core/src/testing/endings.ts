/**
 * Outcomes queued for the next jobs a simulator creates: its `failNext`, `rejectNext`,
 * `failNextVideo`, ... Each kind of job (a stage: previews or render, say) has its own queue,
 * first in first out.
 */
export interface EndingQueue<K extends string, E> {
  /** The next job of `kind` ends with `ending` (after the endings already queued for that kind). */
  readonly queue: (kind: K, ending: E) => void
  /** The ending for a new job of `kind`, if one is queued; it is used up. */
  readonly take: (kind: K) => E | undefined
  readonly clear: () => void
}

/**
 * Makes an empty {@link EndingQueue}.
 *
 * @example
 * ```ts
 * const endings = makeEndingQueue<"previews" | "render", { status: "failed"; reason: string }>()
 * const failNext = (reason = "render failed (simulated)") => endings.queue("render", { status: "failed", reason })
 * // when a render job is created:
 * job.ending = endings.take("render")
 * ```
 */
export const makeEndingQueue = <K extends string, E>(): EndingQueue<K, E> => {
  const queued = new Map<K, Array<E>>()
  return {
    queue: (kind, ending) => {
      const list = queued.get(kind)
      if (list === undefined) queued.set(kind, [ending])
      else list.push(ending)
    },
    take: (kind) => queued.get(kind)?.shift(),
    clear: () => queued.clear(),
  }
}
