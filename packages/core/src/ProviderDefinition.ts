import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as z from "zod/mini"
import type { Capabilities } from "./Capabilities.js"
import { invalidInput, type VideoError } from "./VideoError.js"
import { VideoProvider, type VideoProviderShape } from "./VideoProvider.js"
import { validate } from "./validate.js"

/** Where one setting can come from in the environment. */
export interface EnvVar {
  /** The variable's name, e.g. `CREATIFY_API_KEY`. */
  readonly name: string
  /** Shown in `--help` and error messages. */
  readonly description: string
}

/** A provider with its settings checked, ready to build. */
export interface ConfiguredProvider {
  readonly id: string
  readonly definition: ProviderDefinition<any, any>
  /** What the provider can do with these settings, known without building it. */
  readonly capabilities: Capabilities
  /**
   * Builds the provider (no request is made). It may be asynchronous (WebCrypto keys, say): the
   * Promise client runs it once, on the provider's first operation, and a failure is that
   * operation's error.
   */
  readonly make: Effect.Effect<VideoProviderShape, VideoError>
}

/**
 * Everything core needs to know about an adapter: its id, what it can do, its settings and
 * the environment variables they come from, and how to build it.
 *
 * A definition is callable: `creatify({ apiId, apiKey })` checks the settings (throwing a
 * `VideoError` naming the field) and returns a {@link ConfiguredProvider}.
 */
export interface ProviderDefinition<Input, Settings> {
  (settings: Input): ConfiguredProvider
  readonly id: string
  readonly displayName: string
  /** What the provider can do with default settings, without building it (for capability tables). */
  readonly capabilities: Capabilities
  /** What the provider can do with these (checked) settings, without building it. */
  readonly capabilitiesFor: (settings: Settings) => Capabilities
  /** Setting name -> environment variable, for `fromEnv`. */
  readonly env: Readonly<Record<string, EnvVar>>
  /** Checks raw settings; failures name the field. */
  readonly parseSettings: (input: unknown) => Effect.Effect<Settings, VideoError>
  /** Builds the provider from checked settings. */
  readonly make: (settings: Settings) => Effect.Effect<VideoProviderShape, VideoError>
  /** An Effect layer providing {@link VideoProvider} from raw settings. */
  readonly layer: (settings: Input) => Layer.Layer<VideoProvider, VideoError>
}

/** What an adapter passes to {@link defineProvider}. */
export interface ProviderSpec<S extends z.ZodMiniType> {
  readonly id: string
  readonly displayName: string
  /** What the provider can do with default settings. */
  readonly capabilities: Capabilities
  /**
   * What it can do with given settings, when that depends on them (an older API generation,
   * say); default: {@link capabilities} whatever the settings.
   */
  readonly capabilitiesFor?: ((settings: z.output<S>) => Capabilities) | undefined
  readonly settings: S
  readonly env: Readonly<Record<string, EnvVar>>
  readonly make: (settings: z.output<S>) => Effect.Effect<VideoProviderShape, VideoError>
}

/**
 * Declares an adapter. The built provider's `capabilities.operations` are checked against
 * the functions it has, and against `capabilitiesFor(settings)`, so neither a table nor
 * `client.capabilities()` (read before anything is built) can promise an operation the code
 * lacks. A provider's capabilities may depend on its settings (e.g. an older API generation):
 * say so with `capabilitiesFor`; the static `capabilities` describe the default settings.
 *
 * @example
 * ```ts
 * export const acme = defineProvider({
 *   id: "acme", displayName: "Acme", capabilities, settings: AcmeSettings,
 *   env: { apiKey: { name: "ACME_API_KEY", description: "API key" } },
 *   make: (settings) => Effect.succeed(makeAcmeProvider(settings)),
 * })
 * const client = createVideoClient({ provider: acme({ apiKey: "..." }) })
 * ```
 */
export const defineProvider = <S extends z.ZodMiniType>(
  spec: ProviderSpec<S>,
): ProviderDefinition<z.input<S>, z.output<S>> => {
  const parseSettings = (input: unknown) =>
    validate(spec.settings, input, { provider: spec.id, operation: "configure" }) as Effect.Effect<
      z.output<S>,
      VideoError
    >
  const capabilitiesFor = spec.capabilitiesFor ?? (() => spec.capabilities)
  const make = (settings: z.output<S>) =>
    Effect.flatMap(spec.make(settings), (shape) => {
      const listed = shape.capabilities.operations
      const missing = listed.filter(
        (op) => typeof (shape as unknown as Record<string, unknown>)[op] !== "function",
      )
      const declared = capabilitiesFor(settings).operations
      const message =
        missing.length > 0
          ? `lists ${missing.join(", ")} but the provider lacks them`
          : listed.join() !== declared.join()
            ? `are ${listed.join(", ")} but the definition declares ${declared.join(", ")} for these settings (capabilitiesFor)`
            : listed.includes("findSubmission") && shape.capabilities.submissions === undefined
              ? "lists findSubmission but capabilities.submissions does not say how it looks jobs up"
              : undefined
      return message === undefined
        ? Effect.succeed(shape)
        : Effect.fail(invalidInput(spec.id, "configure", [{ path: "capabilities.operations", message }]))
    })
  const configure = (input: z.input<S>): ConfiguredProvider => {
    const settings = Effect.runSync(Effect.result(parseSettings(input)))
    if (settings._tag === "Failure") throw settings.failure
    return {
      id: spec.id,
      definition,
      capabilities: capabilitiesFor(settings.success),
      make: make(settings.success),
    }
  }
  const definition = Object.assign(configure, {
    id: spec.id,
    displayName: spec.displayName,
    capabilities: spec.capabilities,
    capabilitiesFor,
    env: spec.env,
    parseSettings,
    make,
    layer: (input: z.input<S>) => Layer.effect(VideoProvider, Effect.flatMap(parseSettings(input), make)),
  })
  Object.defineProperty(definition, "name", { value: spec.id })
  return definition as ProviderDefinition<z.input<S>, z.output<S>>
}

/** A layer providing {@link VideoProvider} from a configured provider. */
export const providerLayer = (provider: ConfiguredProvider): Layer.Layer<VideoProvider, VideoError> =>
  Layer.effect(VideoProvider, provider.make)
