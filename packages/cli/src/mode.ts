import type { AnyProviderDefinition } from "@vidbridge/core"

/** What {@link modeOf} reads of a provider: the environment variables of its settings. */
type WithEnv = Pick<AnyProviderDefinition, "env">

const hasAnyVariable = (definition: WithEnv, env: Readonly<Record<string, string | undefined>>) =>
  Object.values(definition.env).some((v) => (env[v.name] ?? "").trim() !== "")

/** Whether a provider would run live (its variables are set) or on its simulator. */
export const modeOf = (
  definition: WithEnv,
  env: Readonly<Record<string, string | undefined>>,
  simulate = false,
): "live" | "simulator" => (!simulate && hasAnyVariable(definition, env) ? "live" : "simulator")
