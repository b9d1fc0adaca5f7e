import type { AvatarVideoInput } from "../Capabilities.js"
import type { RenderRequest } from "./inputs.js"

/**
 * Which avatar video a `render` request asks for, or `undefined` when it is not one. A render is an
 * avatar video when it has no `product` and no `template` and names a presenter: `avatar` (an id
 * from `listAvatars`) or `imageUrl` (a photo). The speech is `audioUrl` when given, else `script`
 * (in `voice`), which the vendor may require. Core checks only the shape (`imageUrl` and
 * `audioUrl` never with a product or template, not `avatar` with `imageUrl`, not `script` with
 * `audioUrl`); an adapter compares the answer with its `capabilities.avatarVideos` and checks its
 * vendor's own rules. A vendor that picks its source through `providerOptions` (Hour One's
 * recipe) reads those first.
 *
 * @example
 * ```ts
 * avatarVideoInput({ avatar: "a1", voice: "v1", script: "Hello" }) // "avatar+script"
 * avatarVideoInput({ imageUrl: "https://x.test/p.png", audioUrl: "https://x.test/s.mp3" }) // "image+audio"
 * avatarVideoInput({ product: "creatify:product:1" }) // undefined
 * ```
 */
export const avatarVideoInput = (request: RenderRequest): AvatarVideoInput | undefined => {
  if (request.product !== undefined || request.template !== undefined) return undefined
  const presenter =
    request.imageUrl !== undefined ? "image" : request.avatar !== undefined ? "avatar" : undefined
  if (presenter === undefined) return undefined
  return `${presenter}+${request.audioUrl !== undefined ? "audio" : "script"}`
}
