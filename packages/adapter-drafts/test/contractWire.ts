import { HTTPValidationError, VideoList, VideoMetadataResponse, VideoResponse } from "../src/internal/wire.js"

type Schema = { safeParse: (value: unknown) => { success: boolean; error?: any } }

/**
 * The adapter's wire schema for each answer of each Hour One operation it implements (keyed
 * by the operation as the vendor's OpenAPI document names it, then by HTTP status). The
 * coverage test checks that these are exactly the operations the adapter was seen to call.
 */
export const wireOf: Readonly<Record<string, Readonly<Record<number, Schema>>>> = {
  "POST /videos": { 201: VideoResponse, 422: HTTPValidationError },
  "GET /videos": { 200: VideoList },
  "GET /videos/{video_id}": { 200: VideoResponse, 422: HTTPValidationError },
  "GET /videos/{video_id}/metadata": { 200: VideoMetadataResponse, 422: HTTPValidationError },
}
