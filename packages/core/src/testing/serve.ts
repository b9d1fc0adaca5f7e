import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { getResponse, type RequestHandler } from "msw"

/**
 * Set on every request a served simulator handles: the loopback origin it is reachable at,
 * so simulators can hand out file URLs (videos, previews) that work from the client.
 */
export const SERVED_ORIGIN_HEADER = "x-vidbridge-served-origin"

/** The origin a request reached the simulator at: the served loopback origin, or `fallback` under msw. */
export const servedOrigin = (request: Request, fallback: string): string =>
  request.headers.get(SERVED_ORIGIN_HEADER) ?? fallback

/** A simulator served over real HTTP on loopback. */
export interface SimulatorServer {
  /** `http://127.0.0.1:<port>`: pass it as the provider's `baseUrl` (plus the vendor's path prefix). */
  readonly url: string
  readonly close: () => Promise<void>
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })

const send = async (res: ServerResponse, response: Response | undefined) => {
  if (response === undefined) {
    res
      .writeHead(404, { "content-type": "application/json" })
      .end('{"detail":"no such route on the simulator"}')
    return
  }
  if (response.type === "error") {
    res.destroy()
    return
  }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()))
}

/**
 * Serves msw handlers written for `canonicalBase` (the vendor's real base URL) on
 * 127.0.0.1: each request is rewritten to the canonical URL, answered by the handlers, and
 * a simulated network error becomes a dropped connection.
 *
 * @example
 * ```ts
 * const server = await serveHandlers(simulator.handlers, { canonicalBase: "https://api.creatify.ai" })
 * const provider = creatify({ apiId, apiKey, baseUrl: server.url })
 * ```
 */
export const serveHandlers = async (
  handlers: ReadonlyArray<RequestHandler>,
  options: { readonly canonicalBase: string; readonly port?: number },
): Promise<SimulatorServer> => {
  const base = new URL(options.canonicalBase)
  let origin = ""
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", base.origin)
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req)
      const headers = new Headers()
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(key, value)
        else if (Array.isArray(value)) headers.set(key, value.join(", "))
      }
      headers.set(SERVED_ORIGIN_HEADER, origin)
      const request = new Request(url, {
        method: req.method ?? "GET",
        headers,
        ...(body ? { body: new Uint8Array(body) } : {}),
      })
      await send(res, await getResponse([...handlers], request))
    } catch {
      if (!res.headersSent) res.writeHead(500).end('{"detail":"simulator error"}')
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
