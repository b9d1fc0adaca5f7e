// A vendor that echoes the credentials it received back in its answers, in the forms real
// servers use: verbatim, JSON with escaped slashes (PHP's json_encode), URL-encoded in a link,
// in plain text, in a request-id header. Whatever comes back, the client must scrub it.
import { HttpResponse, http, type RequestHandler } from "msw"
import type { SecretTargetId } from "./secretsVendors.js"

/** JSON string content the way PHP writes it: `/` escaped as `\/`. */
const phpJson = (text: string): string => JSON.stringify(text).slice(1, -1).replaceAll("/", "\\/")

const raw = (status: number, body: string, contentType = "application/json", headers = {}) =>
  new HttpResponse(body, { status, headers: { "content-type": contentType, ...headers } })

/** One way of echoing: builds the answer from the credentials the request carried. */
export interface EchoMode {
  readonly name: string
  readonly answer: (target: SecretTargetId, creds: string) => Response
}

/** Every echo form, each as the vendor's own error convention would carry it. */
export const echoModes: ReadonlyArray<EchoMode> = [
  {
    name: "401 with the key in the message (JSON, escaped slashes)",
    answer: (target, creds) =>
      target === "jogg" || target === "jogg-open"
        ? raw(200, `{"code":10105,"msg":"Invalid API key ${phpJson(creds)}","data":null,"rid":"r1"}`)
        : raw(401, `{"detail":"Invalid credentials: ${phpJson(creds)}"}`),
  },
  {
    name: "403 with the key escaped the .NET way (\\u002B, \\u002F)",
    answer: (target, creds) => {
      const escaped = phpJson(creds).replaceAll("\\/", "\\u002F").replaceAll("+", "\\u002B")
      return target === "jogg" || target === "jogg-open"
        ? raw(200, `{"code":18025,"msg":"No API access for ${escaped}","data":null}`)
        : raw(403, `{"detail":"Forbidden: ${escaped}"}`)
    },
  },
  {
    name: "400/422 naming the key as the bad field value",
    answer: (target, creds) =>
      target === "drafts"
        ? HttpResponse.json(
            { detail: [{ loc: ["header", "api-key"], msg: `${creds} is not a key`, type: "value_error" }] },
            { status: 422 },
          )
        : target === "creatify"
          ? HttpResponse.json([`API key ${creds} is not valid`], { status: 400 })
          : HttpResponse.json({ code: 40000, msg: `Parameter error: x-api-key=${creds}`, data: null }),
  },
  {
    name: "500 in plain text",
    answer: (_, creds) => raw(500, `upstream refused key=${creds}`, "text/plain"),
  },
  {
    name: "200 in the wrong shape, echoing the key in a link",
    answer: (_, creds) =>
      raw(
        200,
        `{"debug":"https:\\/\\/api.vendor.test\\/v1?key=${encodeURIComponent(creds)}","k":"${phpJson(creds)}"}`,
      ),
  },
  {
    name: "404 with the key in the request-id header",
    answer: (_, creds) =>
      raw(404, `{"detail":"Not found."}`, "application/json", { "x-request-id": creds.split(" ").at(-1)! }),
  },
]

/** msw handlers answering every request under `base` with `mode`, echoing the `headers` it received. */
export const echoHandlers = (
  target: SecretTargetId,
  base: string,
  headers: ReadonlyArray<string>,
  mode: EchoMode,
): RequestHandler[] => [
  http.all(`${base}/*`, ({ request }) =>
    mode.answer(target, headers.map((h) => request.headers.get(h) ?? "").join(" ")),
  ),
]
