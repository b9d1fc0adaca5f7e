import {
  type AspectRatio,
  type Capabilities,
  type Product,
  type ProductPage,
  readProductPage,
  type VideoClient,
  type VideoJob,
} from "@vidbridge/core"

/**
 * Whether the flow on a provider with these capabilities goes through previews (the vendor
 * reads the page, makes previews in visual styles, one is rendered) rather than a template render.
 */
export const usesPreviews = (caps: Capabilities): boolean =>
  caps.productFromUrl && caps.operations.includes("generatePreviews")

/** What the user asked for on the command line. */
export interface FlowInput {
  readonly url: string
  readonly aspectRatio?: AspectRatio | undefined
  readonly durationSeconds?: number | undefined
  readonly language?: string | undefined
  /** A vendor template / draft id, for vendors that render from templates. */
  readonly template?: string | undefined
  readonly visualStyle?: string | undefined
  /** A vendor avatar id, for vendors that need one. */
  readonly avatar?: string | undefined
  /** A vendor voice id. */
  readonly voice?: string | undefined
  /** The script to use instead of one the vendor writes. */
  readonly script?: string | undefined
  /** Vendor-only fields of the previews and the render (`{ creatify: { no_background_music: true } }`). */
  readonly providerOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined
}

/** Where the flow got to. */
export interface FlowResult {
  readonly product?: Product | undefined
  readonly previews?: VideoJob | undefined
  /** The product page as the CLI read it (template vendors, which do not scrape themselves). */
  readonly page?: ProductPage | undefined
  /** The render job (its `ref` is what `vidbridge wait` takes). */
  readonly render: VideoJob
}

/**
 * Runs URL -> video on any provider, choosing the path its capabilities allow:
 * product from URL -> previews -> first preview -> render; or, for template vendors without
 * scraping, the page's OpenGraph/JSON-LD data (core's `readProductPage`) -> product from params ->
 * render from a template. An unreadable page fails with core's `ProductPageError`.
 */
export const startFlow = async (
  client: VideoClient,
  input: FlowInput,
  onProgress: (stage: string, job: VideoJob) => void,
  signal?: AbortSignal,
): Promise<FlowResult> => {
  const caps = client.capabilities()
  const options = {
    ...(input.aspectRatio && caps.aspectRatios.length > 0 ? { aspectRatio: input.aspectRatio } : {}),
    ...(input.durationSeconds ? { durationSeconds: input.durationSeconds } : {}),
    ...(input.language ? { language: input.language } : {}),
    ...(input.avatar ? { avatar: input.avatar } : {}),
    ...(input.voice ? { voice: input.voice } : {}),
    ...(input.script ? { script: input.script } : {}),
    ...(input.providerOptions ? { providerOptions: input.providerOptions } : {}),
  }
  if (usesPreviews(caps)) {
    const product = await client.createProduct({ url: input.url }, { signal })
    const started = await client.generatePreviews(
      { product, ...options, ...(input.visualStyle ? { visualStyles: [input.visualStyle] } : {}) },
      { signal },
    )
    const previews = await client.waitForCompletion(started.ref, {
      signal,
      onProgress: (job) => onProgress("previews", job),
    })
    const first = previews.previews?.find((p) => p.failure === undefined)
    if (first === undefined)
      throw new FlowError(
        "no_usable_preview",
        `the vendor made no usable preview${previews.previews?.[0]?.failure ? `: ${previews.previews[0].failure}` : ""}`,
      )
    const render = await client.renderPreview({ job: previews.ref, previewId: first.id }, { signal })
    return { product, previews, render }
  }
  // Read here, not by the vendor: bounded in time and size, cancelled with the command, and a
  // page that cannot be read is a ProductPageError naming the URL and why.
  const scraped = await readProductPage(input.url, { signal })
  const product = caps.operations.includes("createProduct")
    ? await client.createProduct(
        {
          title: scraped.title ?? input.url,
          ...(scraped.description ? { description: scraped.description } : {}),
          imageUrls: [...scraped.imageUrls],
          ...(scraped.videoUrls.length > 0 ? { videoUrls: [...scraped.videoUrls] } : {}),
        },
        { signal },
      )
    : undefined
  const render = await client.render(
    { ...(product ? { product } : {}), ...options, ...(input.template ? { template: input.template } : {}) },
    { signal },
  )
  return { product, page: scraped, render }
}

/**
 * A step of the flow that could not go on although every vendor call succeeded:
 * `no_usable_preview` when the previews came back but every one had failed.
 */
export class FlowError extends Error {
  override readonly name = "FlowError"
  readonly _tag = "FlowError"
  readonly kind: "no_usable_preview"
  constructor(kind: "no_usable_preview", message: string) {
    super(message)
    this.kind = kind
  }

  /** A plain object for `--json` output. */
  toJSON(): Record<string, unknown> {
    return { _tag: this._tag, kind: this.kind, message: this.message }
  }
}
