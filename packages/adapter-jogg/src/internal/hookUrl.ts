// Webhook URLs JoggAI delivers to: https only (its guides: "All webhook URLs must use HTTPS").
// http is allowed on a loopback host (127.0.0.0/8, ::1, localhost) for a simulator on the same
// machine; JoggAI itself would refuse it.

/** The rule, for messages. */
export const HOOK_URL_RULE =
  "must be an https URL (JoggAI delivers to https only; http only on a loopback host such as 127.0.0.1, for a simulator)"

/** Whether JoggAI (or, on loopback, a simulator) can deliver to `value`. */
export const isHookUrl = (value: string): boolean => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  const host = url.hostname
  const loopback = host === "localhost" || host === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(host)
  return url.protocol === "https:" || (url.protocol === "http:" && loopback)
}
