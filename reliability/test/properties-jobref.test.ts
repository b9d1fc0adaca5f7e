// Properties of JobRef: what an app stores is a string, so every ref JobRef.make accepts must
// come back from that string unchanged, and no string may make JobRef.parse throw anything but
// InvalidJobRef.
import { creatify } from "@vidbridge/adapter-creatify"
import { drafts } from "@vidbridge/adapter-drafts"
import { jogg } from "@vidbridge/adapter-jogg"
import { createVideoClient, InvalidJobRef, JobRef } from "@vidbridge/core"
import { isDotSegment } from "@vidbridge/core/adapter"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  anyString,
  assertShape,
  assertTyped,
  hostileStrings,
  isWellFormed,
  videoJobShape,
} from "./support/arbitraries.js"

const provider = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
  fc.constantFrom("creatify", "jogg", "drafts"),
)
const kind = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/),
  fc.constantFrom("link_to_video", "product_video", "preview_set", "open_project", "video"),
)
/** Well-formed text: any code points but lone surrogates, with the characters refs treat specially. */
const text = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc
    .array(
      fc.oneof(
        fc.string({ unit: "grapheme-composite", maxLength: 3 }),
        fc.constantFrom(...hostileStrings.filter(isWellFormed), "a:b:c", "x?y=z", "%25", "%2F", "+ +"),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join("")),
)
// "." and ".." are refused (as URL path segments they would change the endpoint; see security/).
const id = text.filter((s) => s.length > 0 && !isDotSegment(s))
const params = fc.option(
  fc.dictionary(
    text,
    text.filter((s) => !isDotSegment(s)),
    { maxKeys: 4 },
  ),
  {
    nil: undefined,
  },
)

describe("JobRef properties", () => {
  it("round-trips: parse(format(make(...))) equals the ref, for any id and params", () => {
    fc.assert(
      fc.property(provider, kind, id, params, (p, k, i, ps) => {
        const ref = JobRef.make(p, k, i, ps)
        const stored = JobRef.format(ref)
        const back = JobRef.parse(stored)
        expect(back).toEqual(ref)
        expect(back.id).toBe(i)
        // The string is stable: formatting again gives the same text (apps compare stored refs).
        expect(JobRef.format(back)).toBe(stored)
        expect(JobRef.isValid(stored)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it("make either refuses (InvalidJobRef) or makes a ref that round-trips, for any strings at all", () => {
    fc.assert(
      fc.property(
        fc.oneof(provider, anyString),
        fc.oneof(kind, anyString),
        anyString,
        fc.option(fc.dictionary(anyString, anyString, { maxKeys: 3 }), { nil: undefined }),
        (p, k, i, ps) => {
          let ref: JobRef
          try {
            ref = JobRef.make(p, k, i, ps)
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidJobRef)
            return
          }
          expect(JobRef.parse(JobRef.format(ref))).toEqual(ref)
        },
      ),
      { numRuns: 1000 },
    )
  })

  const refLike = fc
    .tuple(fc.oneof(provider, anyString), fc.oneof(kind, anyString), anyString, fc.option(anyString))
    .map(([p, k, i, q]) => `${p}:${k}:${i}${q === null ? "" : `?${q}`}`)

  it("parse answers a JobRef or throws InvalidJobRef, for any string", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, refLike), (input) => {
        let ref: JobRef
        try {
          ref = JobRef.parse(input)
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidJobRef)
          expect(JobRef.isValid(input)).toBe(false)
          return
        }
        expect(JobRef.isValid(input)).toBe(true)
        // What parse accepted is a ref in its own right: it formats and reads back the same.
        expect(JobRef.parse(JobRef.format(ref))).toEqual(ref)
      }),
      { numRuns: 2000 },
    )
  })

  it("the client's getStatus answers a job or a typed VideoError, for any stored string", async () => {
    // Every vendor knows nothing (404), so a ref that routes to one is read and answered NotFound.
    const fetch = async () => Response.json({ detail: "Not found." }, { status: 404 })
    const transport = { baseUrl: "https://vendor.test", fetch, retry: false as const }
    const client = createVideoClient({
      provider: creatify({ apiId: "props-api-id-0001", apiKey: "props-api-key-0001", ...transport }),
      providers: [
        jogg({ apiKey: "props-api-key-0001", ...transport }),
        drafts({ apiKey: "props-api-key-0001", ...transport }),
      ],
    })
    const stored = fc.oneof(
      anyString,
      refLike,
      fc
        .tuple(fc.constantFrom("creatify", "jogg", "drafts"), kind, anyString)
        .map(([p, k, i]) => `${p}:${k}:${i}`),
    )
    await fc.assert(
      fc.asyncProperty(stored, async (text) => {
        const named = JobRef.isValid(text) ? JobRef.parse(text).provider : "vidbridge"
        let job: unknown
        try {
          job = await client.getStatus(text)
        } catch (error) {
          assertTyped(error, ["creatify", "jogg", "drafts"].includes(named) ? named : "vidbridge")
          return
        }
        assertShape(videoJobShape(named), job)
      }),
      { numRuns: 500 },
    )
  })
})
