/**
 * Building blocks for adapter authors: declaring a provider (`defineProvider`, settings fields),
 * the HTTP runtime every adapter calls its vendor through (`makeHttpClient`, error
 * classification, redaction, a client-side rate limit), code loaded on first use (`onDemand`,
 * `deferOperations`), input checks, webhook verification,
 * catalog paging (the neutral cursor over a vendor's pages), and small collections. Apps do not need this entry; they use `@vidbridge/core`. The core README's
 * "Writing an adapter" section shows how the pieces fit.
 *
 * @module
 */

export { classifyStatus, type ResponseInfo, textExcerpt, vendorMessages } from "../http/classify.js"
export {
  type HttpClient,
  type HttpClientConfig,
  type HttpResponse,
  makeHttpClient,
  type RequestSpec,
} from "../http/HttpClient.js"
export { makeRateLimiter, type RateLimiter, type RateLimitOptions } from "../http/RateLimiter.js"
export { makeRedactor, maskSecretMembers, type Redactor } from "../http/Redactor.js"
export { isRetryable } from "../http/retry.js"
export { parseRetryAfter } from "../http/retryAfter.js"
export { deferOperations, type OnDemand, onDemand } from "../internal/onDemand.js"
export { isDotSegment } from "../internal/pathSegments.js"
export { avatarVideoInput } from "../model/avatarVideo.js"
export { defineProvider, type ProviderSpec } from "../ProviderDefinition.js"
export { httpSettingsFields, type RetrySettings, secret } from "../settings.js"
export { invalidInput, unsupported } from "../VideoError.js"
export { validate } from "../validate.js"
export {
  deriveWebhookToken,
  headerOf,
  hmacSha256Hex,
  timingSafeEqual,
  verifyHmacSha256Hex,
  webhookBytes,
} from "../webhooks/verify.js"
export { type CallbackBodyOptions, parseCallbackBody } from "./callbacks.js"
export {
  matchesSearch,
  nextPageCursor,
  type PagePosition,
  type Paging,
  pageOfList,
  readPageCursor,
} from "./catalogs.js"
export { chunk, type LruCache, makeLruCache } from "./collections.js"
export { readConfig } from "./config.js"
export { type CheckContext, parseProviderOptions, rejectIssues, unsupportedFields } from "./inputs.js"
