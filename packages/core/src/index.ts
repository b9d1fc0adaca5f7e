/**
 * vidbridge for apps: the neutral model, errors, job refs, the operations (Effect API) and the
 * Promise client, vendor catalogs, polling, webhooks, configuration from the environment, and
 * reading product pages. Adapter authors find their building blocks in
 * `@vidbridge/core/adapter`, simulator and test tools in `@vidbridge/core/testing`.
 *
 * @module
 */
export * from "./Capabilities.js"
export type { CatalogCallOptions, CatalogClient } from "./catalogs/client.js"
export { type CatalogWalkOptions, catalogItems, collectCatalog } from "./catalogs/pages.js"
export * from "./fromEnv.js"
export type { HttpObserver, HttpSettings, RetryPolicy } from "./http/HttpClient.js"
export { type HeaderSetting, publicHeader } from "./http/headers.js"
export { InvalidJobRef, JobRef, type JobRefInput } from "./JobRef.js"
export * from "./model/AspectRatio.js"
export { avatarVideoInput } from "./model/avatarVideo.js"
export * from "./model/Catalog.js"
export * from "./model/inputs.js"
export * from "./model/JobStatus.js"
export type * from "./model/VideoJob.js"
export * from "./operations.js"
export {
  type ConfiguredProvider,
  type EnvVar,
  type ProviderDefinition,
  providerLayer,
} from "./ProviderDefinition.js"
export { type BatchPoller, type BatchPollerOptions, makeBatchPoller } from "./polling/BatchPoller.js"
export { defaultPollSchedule } from "./polling/pollUntil.js"
export { type BatchResult, type WaitForAllOptions, waitForAll } from "./polling/waitForAll.js"
export { settle, type WaitOptions, waitForCompletion, watch } from "./polling/waitForCompletion.js"
export { ProductPageError, type ProductPageFailure } from "./productPage/ProductPageError.js"
export {
  type ProductPage,
  productPageDefaults,
  type ReadProductPageOptions,
  readProductPage,
} from "./productPage/readProductPage.js"
export * from "./registry.js"
export * from "./runPromise.js"
export { type PaidOperation, PaidOperations, SubmissionRef } from "./SubmissionRef.js"
export { Reconcile, type ReconcileOptions, type SubmitOptions } from "./submissions/reconcile.js"
export * from "./VideoClient.js"
export {
  AuthenticationFailed,
  ContentRejected,
  type InputIssue,
  InsufficientCredits,
  InvalidInput,
  JobFailed,
  NotFound,
  RateLimited,
  SubmissionUnknown,
  SubmitHookFailed,
  Timeout,
  UnexpectedResponse,
  UnsupportedOperation,
  VendorRejected,
  VendorUnavailable,
  VideoError,
  type VideoErrorReason,
  type VideoErrorReasonTag,
} from "./VideoError.js"
export * from "./VideoProvider.js"
export { makeWebhookHandler, type WebhookHandlerOptions } from "./webhooks/handler.js"
export * from "./webhooks/JobTracker.js"
export * from "./webhooks/request.js"
