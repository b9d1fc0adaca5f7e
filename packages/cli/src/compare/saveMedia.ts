import { join } from "node:path"
import { DownloadError } from "../download/DownloadError.js"
import { downloadVideo } from "../download/downloadVideo.js"

/** What one provider made, as URLs to save. */
export interface MediaUrls {
  readonly provider: string
  readonly videoUrl?: string | undefined
  readonly posterUrl?: string | undefined
  readonly productImageUrl?: string | undefined
}

/** Files written by {@link saveMedia} (paths as given: `<dir>/<provider>.mp4`, ...). */
export interface SavedMedia {
  readonly video?: string | undefined
  readonly poster?: string | undefined
  readonly productImage?: string | undefined
}

/** Options of {@link saveMedia}. */
export interface SaveOptions {
  readonly dir: string
  readonly force: boolean
  /** The vendor's origin when it runs on this machine (a simulator): the only loopback allowed. */
  readonly vendorOrigin: string | undefined
  /** The product page's origin when the user gave a page on this machine: its images may be saved too. */
  readonly pageOrigin: string | undefined
  readonly signal?: AbortSignal | undefined
}

const IMAGE_CAP = 20 * 1024 ** 2

/** The file extension a URL's path ends with, when it is one of `allowed`, else `fallback`. */
const extensionOf = (url: string, allowed: ReadonlyArray<string>, fallback: string): string => {
  try {
    const ext = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase()
    return ext !== undefined && allowed.includes(ext) ? ext : fallback
  } catch {
    return fallback
  }
}
const IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "avif"]

/**
 * Saves a provider's video, poster and product image into `dir` through the hardened download
 * (`downloadVideo`: https and public addresses only, except the vendor's own loopback origin;
 * size and time caps; nothing half-written). A file that cannot be saved is left out and named
 * in `notes`, so the report falls back to the vendor's URL for it.
 */
export const saveMedia = async (
  urls: MediaUrls,
  options: SaveOptions,
): Promise<{ readonly saved: SavedMedia; readonly notes: ReadonlyArray<string> }> => {
  const notes: string[] = []
  const vendor = options.vendorOrigin === undefined ? [] : [options.vendorOrigin]
  const page = options.pageOrigin === undefined ? [] : [options.pageOrigin]
  const save = async (
    what: string,
    url: string | undefined,
    file: string,
    extra: { maxBytes?: number; origins: ReadonlyArray<string> },
  ): Promise<string | undefined> => {
    if (url === undefined) return undefined
    try {
      await downloadVideo(url, file, {
        simulatorOrigins: extra.origins,
        force: options.force,
        signal: options.signal,
        ...(extra.maxBytes === undefined ? {} : { maxBytes: extra.maxBytes }),
      })
      return file
    } catch (error) {
      if (!(error instanceof DownloadError) || error.kind === "aborted") throw error
      notes.push(`the ${what} was not saved (${error.kind}): ${error.message}`)
      return undefined
    }
  }
  const base = join(options.dir, urls.provider)
  const video = await save(
    "video",
    urls.videoUrl,
    `${base}.${extensionOf(urls.videoUrl ?? "", ["mp4", "webm", "mov"], "mp4")}`,
    { origins: vendor },
  )
  const productImage = await save(
    "product image",
    urls.productImageUrl,
    `${base}-product.${extensionOf(urls.productImageUrl ?? "", IMAGE_EXTENSIONS, "jpg")}`,
    { maxBytes: IMAGE_CAP, origins: [...vendor, ...page] },
  )
  const poster =
    urls.posterUrl !== undefined && urls.posterUrl === urls.productImageUrl
      ? productImage
      : await save(
          "poster",
          urls.posterUrl,
          `${base}-poster.${extensionOf(urls.posterUrl ?? "", IMAGE_EXTENSIONS, "jpg")}`,
          { maxBytes: IMAGE_CAP, origins: vendor },
        )
  return { saved: { video, poster, productImage }, notes }
}
