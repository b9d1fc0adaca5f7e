/**
 * vidbridge orders across many workers, on BullMQ and Redis: `createVideoQueue` to submit and
 * watch orders, `createVideoWorker` to make them (run as many as you like), and
 * `createWebhookReceiver` for vendor callbacks on any number of instances. Without Redis,
 * `runOrders` makes a batch in one process.
 *
 * @module
 */
export { type EmbeddedOptions, type EmbeddedResult, runOrders } from "./embedded.js"
export { type SubmissionLimit, submissionSpacing, vendorLimits } from "./limits.js"
export {
  type Order,
  type OrderFailure,
  type OrderProduct,
  type OrderProgress,
  type OrderState,
  OrderStates,
} from "./Order.js"
export { checkOrder, ORDER_KEY, type OrderInput, type Step, stepKey, stepsOf } from "./OrderInput.js"
export { QueueError, type QueueFailure } from "./QueueError.js"
export { type RedisConnection, shownUrl } from "./redis.js"
export { createVideoQueue, type OrderEvent, type VideoQueue, type VideoQueueOptions } from "./VideoQueue.js"
export {
  createVideoWorker,
  type TrackerRound,
  type VideoWorker,
  type VideoWorkerOptions,
} from "./VideoWorker.js"
export {
  createWebhookReceiver,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from "./WebhookReceiver.js"
