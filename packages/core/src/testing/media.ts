import { readFile } from "node:fs/promises"

const contentTypes: Readonly<Record<string, string>> = {
  mp4: "video/mp4",
  webm: "video/webm",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
}

/** The `Content-Type` of a media file by its extension (`.mp4`, `.webm`, `.jpg`, `.png`). */
export const mediaContentType = (file: URL | string): string => {
  const extension = /\.([a-z0-9]+)$/i.exec(String(file))?.[1]?.toLowerCase() ?? ""
  return contentTypes[extension] ?? "application/octet-stream"
}

/**
 * The byte range a `Range` header asks of a body of `size` bytes: `"ignore"` when there is no
 * usable header (answer the whole body: no header, another unit, several ranges, bad syntax),
 * `"unsatisfiable"` when the range lies past the end (answer 416).
 */
const requestedRange = (
  header: string | null,
  size: number,
): { readonly start: number; readonly end: number } | "ignore" | "unsatisfiable" => {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "")
  if (match === null) return "ignore"
  const [, first = "", last = ""] = match
  if (first === "" && last === "") return "ignore"
  if (first === "") {
    // A suffix: the last N bytes.
    const length = Number(last)
    if (length === 0) return "unsatisfiable"
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1)
  if (last !== "" && Number(last) < start) return "ignore"
  if (start >= size) return "unsatisfiable"
  return { start, end }
}

/**
 * Answers a GET for a media file held in memory the way a file server does: `Content-Type`,
 * `Content-Length`, `Accept-Ranges: bytes`, and a single `Range` (`bytes=0-`, `bytes=100-199`,
 * `bytes=-500`) with 206 and `Content-Range`, or 416 with `Content-Range: bytes *\/<size>` when
 * it starts past the end. Browsers seek in a `<video>` with such ranges. A header it does not
 * serve (several ranges, another unit) gets the whole file, as RFC 9110 allows.
 *
 * @example
 * ```ts
 * http.get(`${BASE}/files/:name`, ({ request }) => mediaResponse(request, bytes, "video/mp4"))
 * ```
 */
export const mediaResponse = (request: Request, bytes: Uint8Array, contentType: string): Response => {
  const size = bytes.byteLength
  const common = { "content-type": contentType, "accept-ranges": "bytes" }
  const range = requestedRange(request.headers.get("range"), size)
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...common, "content-range": `bytes */${size}`, "content-length": "0" },
    })
  }
  if (range === "ignore") {
    return new Response(bytes.slice(), {
      status: 200,
      headers: { ...common, "content-length": String(size) },
    })
  }
  const body = bytes.slice(range.start, range.end + 1)
  return new Response(body, {
    status: 206,
    headers: {
      ...common,
      "content-length": String(body.byteLength),
      "content-range": `bytes ${range.start}-${range.end}/${size}`,
    },
  })
}

const cache = new Map<string, Promise<Uint8Array>>()

/**
 * Answers a GET with a media file from disk (read once, then kept in memory), through
 * {@link mediaResponse}: ranges, lengths and the type by extension. Simulators serve the small
 * real videos and posters that ship in their package with it, so a `<video>` plays them.
 *
 * @example
 * ```ts
 * http.get(`${BASE}/sim/files/:name`, ({ request }) =>
 *   serveMediaFile(request, new URL("../../media/video.mp4", import.meta.url)))
 * ```
 */
export const serveMediaFile = async (request: Request, file: URL | string): Promise<Response> => {
  const key = String(file)
  let read = cache.get(key)
  if (read === undefined) {
    read = readFile(file).then((buffer) => new Uint8Array(buffer))
    // A file that cannot be read is not remembered: the next request tries again.
    read.catch(() => cache.delete(key))
    cache.set(key, read)
  }
  return mediaResponse(request, await read, mediaContentType(file))
}
