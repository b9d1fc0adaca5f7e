/**
 * Building blocks for vendor simulators: a controllable clock, fault injection, a request
 * log, serving msw handlers over real loopback HTTP, a webhook outbox and a queue of "the next
 * job ends X". Each adapter's `./testing` export builds its vendor simulator from these. For
 * tests: `serveSimulator` (a simulator on 127.0.0.1 with a configured client) and a fake vendor
 * (`fakeVendor` + `createFakeVendorSimulator`), a complete small adapter to drive core end to end.
 *
 * @module
 */
export * from "./endings.js"
export * from "./fakeVendor/FakeVendor.js"
export * from "./fakeVendor/FakeVendorSimulator.js"
export * from "./faults.js"
export * from "./harness.js"
export * from "./media.js"
export * from "./observe.js"
export * from "./productPage.js"
export * from "./RequestLog.js"
export * from "./SimClock.js"
export * from "./serve.js"
export * from "./VendorSimulator.js"
export * from "./virtualTime.js"
export * from "./webhookOutbox.js"
