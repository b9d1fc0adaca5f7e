/** Credentials the core tests configure, distinctive so a leak into any output is found. */
export const API_KEY = "sk-live-very-secret-key-123"
export const WEBHOOK_SECRET = "whsec-fake-signing-secret"
