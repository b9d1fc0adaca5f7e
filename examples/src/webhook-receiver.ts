// A webhook receiver two ways: the fetch-style handler (Next.js, Hono, Bun, Deno, workers)
// and the same handler behind node:http. Verification, duplicate and out-of-order handling
// are vidbridge's; you only write `onEvent`.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import type { VideoClient, VideoJobEvent } from "@vidbridge/core"

/** The fetch-style handler: `export const POST = handler` in a Next.js route, `app.post("/hooks", (c) => handler(c.req.raw))` in Hono. */
export const makeHandler = (client: VideoClient, onEvent: (event: VideoJobEvent) => Promise<void> | void) =>
  client.handleWebhook({ onEvent })

/** Serves a fetch-style handler with node:http on 127.0.0.1; answers the URL to give the vendor. */
export const serveWithNodeHttp = async (
  handler: (request: Request) => Promise<Response>,
  port = 0,
): Promise<{ readonly url: string; readonly server: Server }> => {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(key, value)
    const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
      method: req.method ?? "POST",
      headers,
      ...(req.method === "GET" || req.method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
    })
    const response = await handler(request)
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text())
  })
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/video`, server }
}
