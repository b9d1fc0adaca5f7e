export { type CompareRow, compare } from "./commands/compare.js"
export type { Command, Context } from "./context.js"
export { DownloadError, type DownloadFailure } from "./download/DownloadError.js"
export { type DownloadOptions, downloadDefaults, downloadVideo } from "./download/downloadVideo.js"
export type { ResolvedAddress, Resolver } from "./download/requests.js"
export {
  type CliProviders,
  modeOf,
  type OpenedProvider,
  type OpenOptions,
  openProvider,
  type ServedSimulator,
  type SimulatorFactory,
  serveSimulator,
  simulatorPacing,
} from "./environment.js"
export { type FlowInput, type FlowResult, startFlow } from "./flow.js"
export { type Io, processIo, UsageError } from "./io.js"
export { commands, main } from "./main.js"
export { builtInProviders } from "./providers.js"
export { renderTable } from "./table.js"
