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

/** A server on loopback. */
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

const toRequest = async (req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> => {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value)
    else if (Array.isArray(value)) headers.set(key, value.join(", "))
  }
  const method = req.method ?? "GET"
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req)
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    signal,
    ...(body ? { body: new Uint8Array(body) } : {}),
  })
}

const send = async (res: ServerResponse, response: Response) => {
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
 * Serves a fetch-style handler, `(Request) => Promise<Response>`, with node:http on
 * 127.0.0.1 (a random free port unless `port` is given). `Response.error()` drops the
 * connection, like a network failure. The request's `signal` aborts when the client goes away
 * before its answer was sent. Use it for webhook receivers in tests, or any fetch-style app.
 *
 * @example
 * ```ts
 * const server = await serveFetchHandler(client.handleWebhook({ onEvent }))
 * const webhookUrl = `${server.url}/hooks/video`
 * ```
 */
export const serveFetchHandler = async (
  handle: (request: Request, origin: string) => Promise<Response> | Response,
  options: { readonly port?: number | undefined } = {},
): Promise<SimulatorServer> => {
  let origin = ""
  const server = createServer(async (req, res) => {
    // The request's signal aborts when the client goes away before its answer was sent, as
    // `request.signal` does under msw: a handler holding an answer ends then.
    const gone = new AbortController()
    res.on("close", () => {
      if (!res.writableFinished) gone.abort()
    })
    try {
      await send(res, await handle(await toRequest(req, origin, gone.signal), origin))
    } catch {
      if (!res.headersSent)
        res.writeHead(500, { "content-type": "application/json" }).end('{"detail":"server error"}')
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Serves msw handlers written for `canonicalBase` (the vendor's real base URL) on
 * 127.0.0.1: each request is rewritten to the canonical URL (carrying the served origin in
 * {@link SERVED_ORIGIN_HEADER}) and answered by the handlers; unknown routes answer 404.
 *
 * @example
 * ```ts
 * const server = await serveHandlers(simulator.handlers, { canonicalBase: "https://api.creatify.ai" })
 * const provider = creatify({ apiId, apiKey, baseUrl: server.url })
 * ```
 */
export const serveHandlers = (
  handlers: ReadonlyArray<RequestHandler>,
  options: { readonly canonicalBase: string; readonly port?: number },
): Promise<SimulatorServer> => {
  const base = new URL(options.canonicalBase)
  return serveFetchHandler(async (request, origin) => {
    const url = new URL(request.url)
    const headers = new Headers(request.headers)
    headers.set(SERVED_ORIGIN_HEADER, origin)
    const body =
      request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer()
    const canonical = new Request(new URL(url.pathname + url.search, base.origin), {
      method: request.method,
      headers,
      signal: request.signal,
      ...(body ? { body } : {}),
    })
    return (
      (await getResponse([...handlers], canonical)) ??
      Response.json({ detail: "no such route on the simulator" }, { status: 404 })
    )
  }, options)
}
