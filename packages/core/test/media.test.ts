import { readFileSync } from "node:fs"
import { http } from "msw"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  mediaContentType,
  mediaResponse,
  type SimulatorServer,
  serveHandlers,
  serveMediaFile,
  serveProductPage,
} from "../src/testing/index.js"

const bytes = Uint8Array.from({ length: 100 }, (_, i) => i)
const get = (range?: string) =>
  mediaResponse(
    new Request("https://sim.test/v.mp4", range === undefined ? {} : { headers: { range } }),
    bytes,
    "video/mp4",
  )
const body = async (response: Response) => [...new Uint8Array(await response.arrayBuffer())]

describe("mediaResponse", () => {
  it("answers the whole file with its type, length and Accept-Ranges", async () => {
    const response = get()
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "video/mp4",
      "content-length": "100",
      "accept-ranges": "bytes",
    })
    expect(await body(response)).toEqual([...bytes])
  })

  it.each([
    ["bytes=0-", 0, 99],
    ["bytes=10-19", 10, 19],
    ["bytes=90-500", 90, 99],
    ["bytes=-5", 95, 99],
    ["bytes=-500", 0, 99],
    ["bytes=99-99", 99, 99],
  ])("%s answers 206 with bytes %i-%i", async (range, start, end) => {
    const response = get(range)
    expect(response.status).toBe(206)
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/100`)
    expect(response.headers.get("content-length")).toBe(String(end - start + 1))
    expect(await body(response)).toEqual([...bytes.slice(start, end + 1)])
  })

  it.each(["bytes=100-", "bytes=150-200", "bytes=-0"])("%s is past the end: 416 naming the size", (range) => {
    const response = get(range)
    expect(response.status).toBe(416)
    expect(response.headers.get("content-range")).toBe("bytes */100")
  })

  it.each(["bytes=0-1,5-6", "items=0-1", "bytes=5-2", "bytes=-", "nonsense"])(
    "%s is not served as a range: the whole file",
    async (range) => {
      const response = get(range)
      expect(response.status).toBe(200)
      expect((await body(response)).length).toBe(100)
    },
  )

  it("names types by extension", () => {
    expect(mediaContentType("a/video.mp4")).toBe("video/mp4")
    expect(mediaContentType(new URL("file:///x/poster.JPG"))).toBe("image/jpeg")
    expect(mediaContentType("clip.webm")).toBe("video/webm")
    expect(mediaContentType("x.bin")).toBe("application/octet-stream")
  })
})

describe("serveMediaFile over loopback", () => {
  const file = new URL("../media/sample-product.jpg", import.meta.url)
  const onDisk = readFileSync(file)
  let server: SimulatorServer
  beforeAll(async () => {
    server = await serveHandlers(
      [
        http.get("https://files.sim.test/image.jpg", ({ request }) => serveMediaFile(request, file)),
        http.get("https://files.sim.test/missing.mp4", ({ request }) =>
          serveMediaFile(request, new URL("../media/missing.mp4", import.meta.url)),
        ),
      ],
      { canonicalBase: "https://files.sim.test" },
    )
  })
  afterAll(() => server.close())

  it("serves the file's bytes, and a range of them, with the lengths a browser checks", async () => {
    const whole = await fetch(`${server.url}/image.jpg`)
    expect(whole.headers.get("content-type")).toBe("image/jpeg")
    expect(whole.headers.get("content-length")).toBe(String(onDisk.byteLength))
    expect(Buffer.from(await whole.arrayBuffer()).equals(onDisk)).toBe(true)
    const part = await fetch(`${server.url}/image.jpg`, { headers: { range: "bytes=2-9" } })
    expect(part.status).toBe(206)
    expect(Buffer.from(await part.arrayBuffer()).equals(onDisk.subarray(2, 10))).toBe(true)
  })

  it("a file that is not there is a server error, not a hang", async () => {
    expect((await fetch(`${server.url}/missing.mp4`)).status).toBe(500)
  })
})

describe("the sample product page", () => {
  it("serves a real JPEG as the product's images", async () => {
    const page = await serveProductPage()
    try {
      const image = await fetch(`${page.origin}/images/shoe-side.jpg`)
      expect(image.headers.get("content-type")).toBe("image/jpeg")
      const jpeg = new Uint8Array(await image.arrayBuffer())
      expect([jpeg[0], jpeg[1], jpeg[2]]).toEqual([0xff, 0xd8, 0xff])
      expect(image.headers.get("content-length")).toBe(String(jpeg.byteLength))
    } finally {
      await page.close()
    }
  })
})
