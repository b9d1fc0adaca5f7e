import * as wire from "../src/internal/wire/v2.js"

/**
 * The adapter's wire schema for the answer of each JoggAI v2 operation it implements (keyed
 * by the operation as the vendor's OpenAPI document names it). The coverage test checks that
 * these are exactly the operations the adapter was seen to call.
 */
export const wireOf: Readonly<
  Record<string, { safeParse: (value: unknown) => { success: boolean; error?: any } }>
> = {
  "POST /v2/product": wire.envelope(wire.ProductInfo),
  "PUT /v2/product": wire.EmptyEnvelope,
  "POST /v2/create_video_from_product/preview_list": wire.envelope(wire.PreviewListResult),
  "POST /v2/create_video_from_product/render_single_preview": wire.envelope(wire.RenderResult),
  "POST /v2/create_video_from_product": wire.envelope(wire.RenderResult),
  "GET /v2/product_video/{product_video_id}": wire.envelope(wire.ProductVideo),
  "GET /v2/product_previews": wire.envelope(wire.VideoList),
  "GET /v2/product_videos": wire.envelope(wire.VideoList),
  "GET /v2/endpoints": wire.envelope(wire.WebhookEndpointList),
  "POST /v2/endpoint": wire.envelope(wire.WebhookEndpoint),
  "DELETE /v2/endpoint/{endpoint_id}": wire.EmptyEnvelope,
}
