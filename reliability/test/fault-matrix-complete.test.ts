// The fault matrix is complete (issue 20): every route of every simulator is requested once on a
// tour of the vendor (support/faultMatrix/tour.ts), and every route that charged credits must be
// the route of a row of the matrix, whose scenarios prove the call is sent once after an ambiguous
// failure (`spendsCredits: true` in its adapter). A new paid call that forgot the flag, or a row
// nobody added, fails here.
import { CREATIFY_ROUTES } from "@vidbridge/adapter-creatify/testing"
import { DRAFTS_ROUTES } from "@vidbridge/adapter-drafts/testing"
import { JOGG_OPEN_ROUTES, JOGG_V2_ROUTES } from "@vidbridge/adapter-jogg/testing"
import { serveProductPage } from "@vidbridge/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { creditCalls } from "./support/faultMatrix/calls.js"
import { sentAfterAmbiguous, tour } from "./support/faultMatrix/tour.js"

/** Each vendor's routes, as its simulator names them. */
const routesOf: Record<string, Readonly<Record<string, string>>> = {
  Creatify: CREATIFY_ROUTES,
  "JoggAI v2": JOGG_V2_ROUTES,
  "JoggAI open": JOGG_OPEN_ROUTES,
  "Hour One": DRAFTS_ROUTES,
}

/**
 * Routes that change something but no operation of the tour sends, and why. The tour requests
 * them directly (an unknown id, an empty body), which cannot show what valid input would cost.
 */
const notToured: Record<string, string> = {
  [DRAFTS_ROUTES.remove]: "Hour One documents it only as removing a video; no adapter operation sends it",
}

let page: Awaited<ReturnType<typeof serveProductPage>>
beforeAll(async () => {
  page = await serveProductPage()
})
afterAll(() => page.close())

describe("the fault matrix lists every call that charges credits", () => {
  it("knows the routes of every vendor in the matrix", () => {
    expect(Object.keys(routesOf).sort()).toEqual([...new Set(creditCalls.map((c) => c.vendor))].sort())
  })

  it.each(Object.keys(routesOf))("%s", { timeout: 120_000 }, async (vendor) => {
    const rows = creditCalls.filter((call) => call.vendor === vendor)
    const routes = Object.values(routesOf[vendor]!)
    const seen = await tour(rows, routes, page.url)
    expect(seen.failures).toEqual([])
    // Every route was requested once at least; one that changes something was requested by an
    // operation with valid input, or is listed with a reason.
    expect(routes.filter((route) => !seen.reached.has(route))).toEqual([])
    const writes = routes.filter((route) => !route.startsWith("GET "))
    expect(writes.filter((route) => !seen.toured.has(route) && notToured[route] === undefined)).toEqual([])
    // Every route that charged is a row of the matrix, and every row's route charged.
    const paid = [...seen.charged].filter(([, credits]) => credits > 0).map(([route]) => route)
    expect(paid.sort()).toEqual([...new Set(rows.map((row) => row.route))].sort())
    // And each row's call is marked spendsCredits: after the vendor acted and answered 500, it is
    // not sent again (the scenarios of the matrix check the rest).
    for (const row of rows) expect(await sentAfterAmbiguous(row, page.url), row.name).toBe(1)
  })
})
