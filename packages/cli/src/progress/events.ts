/**
 * One observation of a group's work: a provider in `compare`, an order in a batch. Everything
 * that shows progress (the bars, the report's timeline) is fed these, so a new command only
 * has to emit them.
 */
export interface ProgressEvent {
  /** Whose work: a provider id (`creatify`), an order key. One bar and one timeline row each. */
  readonly group: string
  /** Milliseconds since the run started (one clock for every group, so rows line up). */
  readonly at: number
  /** What step: `product`, `previews`, `render`, `download`, ... */
  readonly stage: string
  /** A job status (`queued`, `running`, `awaiting_selection`, `succeeded`, `failed`, ...). */
  readonly status: string
  /** 0..1 where known. */
  readonly progress?: number | undefined
  /** The group's last event: it has finished (its `status` says how). */
  readonly final?: boolean | undefined
}

/** Something that takes {@link ProgressEvent}s. */
export type ProgressSink = (event: ProgressEvent) => void

/** Sends each event to every sink. */
export const fanOut =
  (...sinks: ReadonlyArray<ProgressSink>): ProgressSink =>
  (event) => {
    for (const sink of sinks) sink(event)
  }

/** Collects events per group, in order, for a timeline. */
export const recordEvents = () => {
  const groups = new Map<string, ProgressEvent[]>()
  const sink: ProgressSink = (event) => {
    const list = groups.get(event.group) ?? []
    list.push(event)
    groups.set(event.group, list)
  }
  return { sink, of: (group: string): ReadonlyArray<ProgressEvent> => groups.get(group) ?? [] }
}
