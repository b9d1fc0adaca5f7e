import { http, type RequestHandler } from "msw"
import { isHookUrl } from "../internal/hookUrl.js"
import { JOGG_BASE_URL } from "../settings.js"
import { errors, guard, type HandlerContext, jsonBody, ok } from "./handlers.js"
import { text } from "./validate.js"

/** The route names of the webhook endpoint API. */
export const JOGG_ENDPOINT_ROUTES = {
  createEndpoint: "POST /v2/endpoint",
  listEndpoints: "GET /v2/endpoints",
  deleteEndpoint: "DELETE /v2/endpoint/{endpoint_id}",
} as const

/** The most webhook endpoints a JoggAI account may have. */
export const MAX_ENDPOINTS = 20

/** A fresh endpoint secret (`whsec_...`). */
export const newEndpointSecret = (): string => `whsec_${crypto.randomUUID().replace(/-/g, "")}`

/**
 * The msw handlers of JoggAI's account webhook endpoints (`POST /v2/endpoint`,
 * `GET /v2/endpoints`, `DELETE /v2/endpoint/{id}`); secrets are `whsec_...`.
 */
export const makeEndpointHandlers = (ctx: HandlerContext): RequestHandler[] => {
  const base = JOGG_BASE_URL
  const { store } = ctx
  return [
    http.post(`${base}/v2/endpoint`, ({ request }) =>
      guard(ctx, request, JOGG_ENDPOINT_ROUTES.createEndpoint, async () => {
        const body = await jsonBody(request)
        const url = text(body?.url)
        if (body === undefined || url === undefined) return errors.parameter("url is required")
        if (!isHookUrl(url)) return errors.parameter("url must be an https URL")
        if (body.status !== "enabled" && body.status !== "disabled") {
          return errors.parameter("status is required (enabled or disabled)")
        }
        const events = body.events
        if (!Array.isArray(events) || events.length === 0 || !events.every((e) => text(e) !== undefined)) {
          return errors.parameter("events is required")
        }
        if (store.endpoints.size >= MAX_ENDPOINTS) {
          return errors.parameter(`at most ${MAX_ENDPOINTS} webhook endpoints per user`)
        }
        const endpoint = {
          endpoint_id: store.nextId("wh_"),
          url,
          secret: newEndpointSecret(),
          status: body.status,
          events: events as string[],
          created_at: Math.floor((ctx.epochMillis + ctx.clock.now()) / 1000),
        }
        store.endpoints.set(endpoint.endpoint_id, endpoint)
        return ok({ ...endpoint, username: "simulator" })
      }),
    ),
    http.get(`${base}/v2/endpoints`, ({ request }) =>
      guard(ctx, request, JOGG_ENDPOINT_ROUTES.listEndpoints, () =>
        ok({ endpoints: [...store.endpoints.values()].map((e) => ({ ...e, username: "simulator" })) }),
      ),
    ),
    http.delete(`${base}/v2/endpoint/:id`, ({ request, params }) =>
      guard(ctx, request, JOGG_ENDPOINT_ROUTES.deleteEndpoint, () =>
        store.endpoints.delete(String(params.id)) ? ok({ message: "webhook deleted" }) : errors.notFound(),
      ),
    ),
  ]
}
