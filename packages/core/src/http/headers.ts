/**
 * A header value in settings, marked public or not. A plain string is a secret: it is masked
 * wherever it shows up (errors, `raw`, logs, observer events), like the credentials. Mark a
 * value that is not secret (a user agent, a tracing tag) public to keep it readable there,
 * with {@link publicHeader} or `{ value, public: true }`.
 */
export type HeaderSetting = string | { readonly value: string; readonly public?: boolean | undefined }

/**
 * Marks a header value from settings as not secret, so errors and logs show it as is.
 * Every other value given in `headers` is treated as a secret and masked.
 *
 * @example
 * ```ts
 * creatify({ apiId, apiKey, headers: { "user-agent": publicHeader("shop-app/2.1"), "x-tenant-key": tenantKey } })
 * ```
 */
export const publicHeader = (value: string): { readonly value: string; readonly public: true } => ({
  value,
  public: true,
})

/** The header values to send, and those among them to mask. @internal */
export const splitHeaders = (
  headers: Readonly<Record<string, HeaderSetting>> | undefined,
): { readonly values: Record<string, string>; readonly secrets: ReadonlyArray<string> } => {
  const values: Record<string, string> = {}
  const secrets: string[] = []
  for (const [name, setting] of Object.entries(headers ?? {})) {
    const value = typeof setting === "string" ? setting : setting.value
    values[name] = value
    if (typeof setting === "string" || setting.public !== true) secrets.push(value)
  }
  return { values, secrets }
}
