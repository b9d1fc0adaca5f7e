import { InvalidInput, VideoError } from "@vidbridge/core"

// `compare --avatar jogg=Amanda --avatar creatify=Anna --style creatify=FullScreenTemplate
// --voice en-US-JennyNeural`: each of these flags names a provider, or (a plain value) applies to
// every provider of the run; a provider's own value wins over the plain one.

const refused = (flag: string, message: string) =>
  new VideoError({
    provider: "vidbridge",
    operation: "compare",
    reason: new InvalidInput({ message: `--${flag} ${message}`, issues: [{ path: flag, message }] }),
  })

const PROVIDER_PREFIX = /^([a-z][a-z0-9_-]*)=(.*)$/

/**
 * Reads a repeatable `--<flag> [<provider>=]<value>` into a lookup by provider id. A provider
 * unknown or not in this run (`running`) (a plain value cannot start with `<word>=`), an empty value, two values for one provider or two
 * plain ones fail `InvalidInput` naming the flag, before anything is sent.
 */
export const perProvider = (
  flag: string,
  values: ReadonlyArray<string> | undefined,
  known: ReadonlyArray<string>,
  running: ReadonlyArray<string>,
): ((provider: string) => string | undefined) => {
  const own = new Map<string, string>()
  let plain: string | undefined
  for (const raw of values ?? []) {
    const match = PROVIDER_PREFIX.exec(raw.trim())
    if (match === null) {
      if (raw.trim() === "") throw refused(flag, "needs a value")
      if (plain !== undefined) throw refused(flag, `has two values for every provider ("${plain}", "${raw}")`)
      plain = raw.trim()
      continue
    }
    const provider = match[1]!
    const value = match[2]!.trim()
    if (!known.includes(provider))
      throw refused(
        flag,
        `names "${provider}", which is no provider; known: ${known.join(", ")} (give <provider>=<value>, or a plain value for every provider)`,
      )
    if (!running.includes(provider))
      throw refused(
        flag,
        `names ${provider}, which this run does not include (--providers ${running.join(",")})`,
      )
    if (value === "") throw refused(flag, `needs a value after "${provider}="`)
    if (own.has(provider)) throw refused(flag, `has two values for ${provider}`)
    own.set(provider, value)
  }
  return (provider) => own.get(provider) ?? plain
}
