import {
  type AspectRatio,
  type CatalogItems,
  type CatalogOperation,
  catalogItems,
  type Gender,
  type VideoClient,
} from "@vidbridge/core"
import { type CatalogFlag, resolveCatalogItem } from "../catalog/resolve.js"
import { type ProviderHints, simulatorSamples, type VendorOptions } from "../environment.js"
import { usesPreviews } from "../flow.js"
import { languageName, speaks } from "./language.js"

/** Where a {@link Choice} came from. */
export type ChoiceSource = "flag" | "environment" | "catalog default" | "simulator sample"

/** One input of a run: the id the vendor takes, its name where a catalog gave one, and where it came from. */
export interface Choice {
  readonly id: string
  readonly name?: string | undefined
  readonly source: ChoiceSource
}

/** What a run on one provider uses, chosen before anything is spent. */
export interface Choices {
  readonly avatar?: Choice | undefined
  readonly voice?: Choice | undefined
  readonly visualStyle?: Choice | undefined
  readonly template?: Choice | undefined
  /** Background music: always off (the template's own, for vendors that render one). */
  readonly music: "off"
  /** `providerOptions` the choices need (music off, for vendors that add music unless told not to). */
  readonly providerOptions?: VendorOptions | undefined
  /** What was not chosen, and why (the vendor then picks, or the flag names it). */
  readonly notes: ReadonlyArray<string>
  /** Set when the provider cannot run at all without more from the user: what to do. */
  readonly leftOut?: string | undefined
}

/** What the user gave for one provider (a name or an id each), from flags. */
export interface Wanted {
  readonly avatar?: string | undefined
  readonly voice?: string | undefined
  readonly visualStyle?: string | undefined
  readonly template?: string | undefined
}

/** Options of {@link chooseInputs}. */
export interface ChooseOptions {
  readonly aspectRatio: AspectRatio
  /** The spoken language, a tag (`en`). */
  readonly language: string
  readonly mode: "live" | "simulator"
  readonly hints?: ProviderHints | undefined
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal?: AbortSignal | undefined
  /** How the command takes a template, for the note when one is missing. Default `--template <id>`. */
  readonly templateFlag?: string | undefined
}

// Catalogs are read page by page until a fitting item; past this many the vendor is left to pick.
const MAX_SCANNED = 500

/**
 * Picks what a URL-to-video run on `client` needs, before anything is spent: each value the user
 * gave looked up by name or id (an unknown or ambiguous one fails `InvalidInput` naming the
 * flag), and for the rest the vendor's own catalog: an active avatar offered in the aspect ratio
 * (stock before product avatars), a voice in the language (of the avatar's gender when both say),
 * the first visual style listed for the aspect ratio (vendors that preview styles), music off.
 * A template vendor that cannot list its templates needs one from a flag or its variable
 * (`hints.template.env`); without one the run is `leftOut` (a simulator takes its sample).
 */
export const chooseInputs = async (
  client: VideoClient,
  wanted: Wanted,
  options: ChooseOptions,
): Promise<Choices> => {
  const { aspectRatio, hints, signal } = options
  const caps = client.capabilities()
  const has = (operation: CatalogOperation) => caps.operations.includes(operation)
  const notes: string[] = []
  let givenGender: Gender | undefined
  const given = async (flag: CatalogFlag, value: string | undefined): Promise<Choice | undefined> => {
    if (value === undefined) return undefined
    const item = await resolveCatalogItem(client, flag, value, signal)
    if (flag === "avatar") givenGender = item.gender
    return { id: item.id, ...(item.name === undefined ? {} : { name: item.name }), source: "flag" }
  }
  const first = <K extends CatalogOperation>(operation: K, fits: (item: CatalogItems[K]) => number) =>
    firstFitting(client, operation, hints?.catalogFilter?.(operation, aspectRatio), fits, signal)

  const previews = usesPreviews(caps)
  const avatarGiven = await given("avatar", wanted.avatar)
  const avatarItem =
    avatarGiven === undefined && has("listAvatars")
      ? await first("listAvatars", (a) => (a.kind === "product" ? 0 : fitsRatio(a.aspectRatios, aspectRatio)))
      : undefined
  if (avatarGiven === undefined && has("listAvatars") && avatarItem === undefined)
    notes.push(`no avatar listed for ${aspectRatio}: the vendor picks one`)
  const avatar = avatarGiven ?? pick(avatarItem)
  const gender = avatarItem?.gender ?? givenGender

  const voiceGiven = await given("voice", wanted.voice)
  const voiceItem =
    voiceGiven === undefined && has("listVoices")
      ? await first("listVoices", (v) =>
          !speaks(v, options.language) ? 0 : gender === undefined || v.gender === gender ? 2 : 1,
        )
      : undefined
  if (voiceGiven === undefined && has("listVoices") && voiceItem === undefined)
    notes.push(`no ${languageName(options.language) ?? options.language} voice listed: the vendor picks one`)

  const styleGiven = previews ? await given("style", wanted.visualStyle) : undefined
  const styleItem =
    previews && styleGiven === undefined && has("listVisualStyles")
      ? await first("listVisualStyles", (s) => fitsRatio(s.aspectRatios, aspectRatio))
      : undefined

  const template = previews
    ? { choice: await given("template", wanted.template) }
    : await templateOf(client, wanted, options)
  return {
    avatar,
    voice: voiceGiven ?? pick(voiceItem),
    visualStyle: styleGiven ?? pick(styleItem),
    template: template.choice,
    music: "off",
    providerOptions: hints?.musicOff,
    notes,
    leftOut: template.leftOut,
  }
}

/** How well `ratios` fit `wanted`: 2 when listed, 1 when the vendor does not say, 0 when not offered. */
const fitsRatio = (ratios: ReadonlyArray<AspectRatio> | undefined, wanted: AspectRatio): number =>
  ratios === undefined || ratios.length === 0 ? 1 : ratios.includes(wanted) ? 2 : 0

const pick = (item: { readonly id: string; readonly name: string } | undefined): Choice | undefined =>
  item === undefined ? undefined : { id: item.id, name: item.name, source: "catalog default" }

/**
 * The first item of the highest fit (2 best, 0 never), reading pages until one of fit 2 or
 * {@link MAX_SCANNED} items; `undefined` when none fits.
 */
const firstFitting = async <K extends CatalogOperation>(
  client: VideoClient,
  operation: K,
  providerOptions: VendorOptions | undefined,
  fits: (item: CatalogItems[K]) => number,
  signal: AbortSignal | undefined,
): Promise<CatalogItems[K] | undefined> => {
  let best: { item: CatalogItems[K]; fit: number } | undefined
  const read = (query: object) =>
    client[operation]({ ...query, limit: 100, ...(providerOptions ? { providerOptions } : {}) }, { signal })
  for await (const item of catalogItems(read, {}, { maxItems: MAX_SCANNED })) {
    const fit = fits(item as CatalogItems[K])
    if (fit === 2) return item as CatalogItems[K]
    if (fit > (best?.fit ?? 0)) best = { item: item as CatalogItems[K], fit }
  }
  return best?.item
}

/** A template vendor's template: given, from its variable, the first listed, a simulator's sample, or none (left out). */
const templateOf = async (
  client: VideoClient,
  wanted: Wanted,
  options: ChooseOptions,
): Promise<{ readonly choice?: Choice | undefined; readonly leftOut?: string | undefined }> => {
  if (wanted.template !== undefined) {
    const item = await resolveCatalogItem(client, "template", wanted.template, options.signal)
    return {
      choice: { id: item.id, ...(item.name === undefined ? {} : { name: item.name }), source: "flag" },
    }
  }
  const variable = options.hints?.template?.env
  const fromEnv = variable === undefined ? undefined : options.env[variable]?.trim()
  if (variable !== undefined && fromEnv) return { choice: { id: fromEnv, source: "environment" } }
  if (client.capabilities().operations.includes("listTemplates")) {
    const listed = await firstFitting(
      client,
      "listTemplates",
      options.hints?.catalogFilter?.("listTemplates", options.aspectRatio),
      (t) => fitsRatio(t.aspectRatio === undefined ? undefined : [t.aspectRatio], options.aspectRatio),
      options.signal,
    )
    if (listed !== undefined) return { choice: pick(listed) }
  }
  if (options.mode === "simulator")
    return { choice: { id: simulatorSamples.template, source: "simulator sample" } }
  const how = options.hints?.template
  return {
    leftOut:
      `${client.provider} renders from a template it cannot list: pass ${options.templateFlag ?? "--template <id>"}` +
      (how === undefined ? "" : ` or set ${how.env}. ${how.howTo}`),
  }
}
