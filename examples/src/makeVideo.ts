import type { VideoClient, VideoJob } from "@vidbridge/core"

/**
 * Product page -> finished video on whichever vendor `client` is configured for, using only
 * what its capabilities say it can do. This is the code an app writes once and keeps when it
 * swaps vendors.
 */
export const makeVideo = async (
  client: VideoClient,
  page: { readonly url: string; readonly title: string; readonly imageUrls: ReadonlyArray<string> },
  options: {
    /** Your template / draft id, for template vendors (Hour One). */
    readonly template?: string | undefined
    /** Your avatar id, for vendors that need one (JoggAI). */
    readonly avatar?: string | undefined
    /** A visual style name, for vendors that need one (JoggAI). */
    readonly visualStyle?: string | undefined
    readonly onProgress?: (job: VideoJob) => void
  } = {},
): Promise<VideoJob> => {
  const caps = client.capabilities()
  const aspect = caps.aspectRatios.includes("9:16") ? { aspectRatio: "9:16" as const } : {}
  const avatar = options.avatar ? { avatar: options.avatar } : {}
  if (caps.productFromUrl && caps.operations.includes("generatePreviews")) {
    const product = await client.createProduct({ url: page.url })
    const styles = options.visualStyle ? { visualStyles: [options.visualStyle] } : {}
    const started = await client.generatePreviews({ product, ...aspect, ...avatar, ...styles })
    const previews = await client.waitForCompletion(started.ref, { onProgress: options.onProgress })
    const preview = previews.previews?.find((p) => p.failure === undefined)
    if (!preview) throw new Error("no usable preview")
    const render = await client.renderPreview({ job: previews.ref, previewId: preview.id })
    return client.waitForCompletion(render.ref, { onProgress: options.onProgress })
  }
  // Template vendors (Hour One): your own product data, rendered into a draft you designed.
  const product = await client.createProduct({ title: page.title, imageUrls: [...page.imageUrls] })
  if (!options.template) throw new Error("set VIDEO_TEMPLATE to your Hour One draft id")
  const render = await client.render({ product, ...aspect, ...avatar, template: options.template })
  return client.waitForCompletion(render.ref, { onProgress: options.onProgress })
}
