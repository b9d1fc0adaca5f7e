/**
 * Contract checks against the vendors' own OpenAPI documents (JoggAI v2, Hour One): the
 * documents and their operations, a checker for requests and answers, the known conflicts
 * (`exceptions.yaml`), the vendors' examples as fixtures, and the API coverage tables.
 * Test-only: nothing here is published.
 *
 * @module
 */
export * from "./coverage.js"
export * from "./documents.js"
export * from "./examples.js"
export * from "./exceptions.js"
export * from "./traffic.js"
export * from "./validator.js"
