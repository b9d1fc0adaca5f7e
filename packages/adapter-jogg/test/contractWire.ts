import * as catalogs from "../src/internal/wire/catalogs.js"
import * as jobs from "../src/internal/wire/jobs.js"
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
  "POST /v2/ai_scripts": wire.envelope(jobs.ScriptTask),
  "GET /v2/ai_scripts/results/{task_id}": wire.envelope(jobs.ScriptResult),
  "POST /v2/create_video_from_avatar": wire.envelope(wire.RenderResult),
  "GET /v2/avatar_video/{id}": wire.envelope(wire.ProductVideo),
  "POST /v2/create_video_with_template": wire.envelope(wire.RenderResult),
  "GET /v2/template_video/{video_id}": wire.envelope(wire.ProductVideo),
  "GET /v2/template_videos": wire.envelope(jobs.TemplateVideoList),
  "GET /v2/avatars/public": wire.envelope(catalogs.AvatarList),
  "GET /v2/avatars/custom": wire.envelope(catalogs.AvatarList),
  "GET /v2/avatars/photo_avatars": wire.envelope(catalogs.AvatarList),
  "GET /v2/avatars/product_avatars": wire.envelope(catalogs.AvatarList),
  "GET /v2/voices": wire.envelope(catalogs.VoiceList),
  "GET /v2/voices/custom": wire.envelope(catalogs.VoiceList),
  "GET /v2/musics": wire.envelope(catalogs.MusicList),
  "GET /v2/templates": wire.envelope(catalogs.TemplateList),
  "GET /v2/templates/custom": wire.envelope(catalogs.TemplateList),
  "GET /v2/visual_styles": wire.envelope(catalogs.VisualStyleList),
  "GET /v2/user/remaining_quota": wire.envelope(catalogs.RemainingQuota),
}
