import { creatifySummary } from "@vidbridge/adapter-creatify/summary"
import { draftsSummary } from "@vidbridge/adapter-drafts/summary"
import { joggSummary } from "@vidbridge/adapter-jogg/summary"
import type { AnyProviderDefinition } from "@vidbridge/core"

/**
 * What `vidbridge providers` shows of a provider: its id, name, capabilities and environment
 * variables, without its code.
 */
export type ProviderSummary = Pick<AnyProviderDefinition, "id" | "displayName" | "capabilities" | "env">

/**
 * The built-in providers' summaries, from each adapter's `/summary` entry (the values its
 * provider is defined from), so that `vidbridge providers` loads no adapter code, no effect and no
 * zod (about 200 ms of start-up).
 */
export const builtInSummaries: ReadonlyArray<ProviderSummary> = [creatifySummary, joggSummary, draftsSummary]
