// Ids end up as URL path segments (`/api/link_to_videos/{id}/`). A "." or ".." segment is
// removed or climbs a level when the URL is resolved, so an id like ".." would send the call
// to another endpoint (`GET /api/`, `POST /api/render_single_preview/`); an empty one changes it too.

/** `.` / `..`, also percent-encoded (`%2e`, `.%2E`, ...), as URL parsers read them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i

/**
 * True for an id that would be a dot segment in a request path: `.` or `..`, also
 * percent-encoded (`%2e`). Core refuses such ids in refs and inputs; adapters use it in their
 * wire schemas so a vendor answer carrying one is an `UnexpectedResponse`, not a broken ref.
 */
export const isDotSegment = (id: string): boolean => DOT_SEGMENT.test(id)

/** What an id must not be, for messages. */
export const DOT_SEGMENT_MESSAGE = 'must not be "." or ".." (a path segment that changes the endpoint)'

/**
 * Why a request path is unsafe to send: a dot segment, or an empty segment between two
 * slashes. A leading slash and one trailing slash are fine (`/api/links/`). `undefined` when safe.
 */
export const pathProblem = (path: string): string | undefined => {
  const segments = path.split("/")
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    if (isDotSegment(segment)) return `has a "${segment}" segment`
    if (segment === "" && i > 0 && i < segments.length - 1) return "has an empty segment (//)"
  }
  return undefined
}
