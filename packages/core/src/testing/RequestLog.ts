/** One request a simulator served. */
export interface LoggedRequest {
  readonly method: string
  readonly path: string
  readonly route: string
  readonly at: number
}

/** What a simulator saw, for assertions and the CLI's "requests made" column. */
export interface RequestLog {
  readonly record: (entry: LoggedRequest) => void
  readonly all: () => ReadonlyArray<LoggedRequest>
  /** Requests on a route (`"POST /api/links/"`), or all when omitted. */
  readonly count: (route?: string) => number
  readonly clear: () => void
}

/** Makes an empty {@link RequestLog}. */
export const makeRequestLog = (): RequestLog => {
  const entries: LoggedRequest[] = []
  return {
    record: (entry) => {
      entries.push(entry)
    },
    all: () => entries,
    count: (route) =>
      route === undefined ? entries.length : entries.filter((e) => e.route === route).length,
    clear: () => {
      entries.length = 0
    },
  }
}
