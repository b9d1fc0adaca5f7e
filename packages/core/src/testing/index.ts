/**
 * Building blocks for vendor simulators: a controllable clock, fault injection, a request
 * log, and serving msw handlers over real loopback HTTP. Each adapter's `./testing` export
 * builds its vendor simulator from these.
 *
 * @module
 */
export * from "./faults.js"
export * from "./media.js"
export * from "./observe.js"
export * from "./productPage.js"
export * from "./RequestLog.js"
export * from "./SimClock.js"
export * from "./serve.js"
export * from "./VendorSimulator.js"
