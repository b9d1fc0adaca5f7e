import {
  type AspectRatio,
  avatarVideoInput,
  type RenderRequest,
  UnsupportedOperation,
  type VideoClient,
  VideoError,
  type VideoJob,
} from "@vidbridge/core"

/** What `create` takes for an avatar (talking-head) video: ids already resolved from names. */
export interface AvatarVideoInput {
  /** An avatar id (`--avatar`), or a photo to animate (`--image`). */
  readonly avatar?: string | undefined
  readonly imageUrl?: string | undefined
  /** What is said (`--script`, in `--voice`), or a recording of it (`--audio`). */
  readonly script?: string | undefined
  readonly voice?: string | undefined
  readonly audioUrl?: string | undefined
  readonly aspectRatio?: AspectRatio | undefined
  readonly language?: string | undefined
}

/**
 * Starts an avatar video: `render` with no product and no template. A kind the provider does not
 * make (`capabilities.avatarVideos`) fails `UnsupportedOperation` naming the kinds it does, before
 * any request.
 */
export const startAvatarVideo = (
  client: VideoClient,
  input: AvatarVideoInput,
  signal?: AbortSignal,
): Promise<VideoJob> => {
  const request: RenderRequest = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as RenderRequest
  const kind = avatarVideoInput(request)
  const made = client.capabilities().avatarVideos ?? []
  if (kind === undefined || !made.includes(kind)) {
    const can = made.length === 0 ? "makes no avatar videos" : `makes avatar videos from ${made.join(", ")}`
    const message = `${client.provider} ${can}${kind ? `, not ${kind}` : ""}`
    return Promise.reject(
      new VideoError({
        provider: client.provider,
        operation: "render",
        reason: new UnsupportedOperation({ message, operation: "render" }),
      }),
    )
  }
  return client.render(request, { signal })
}
