export { compare, comparisonTable } from "./commands/compare.js"
export { DEMO_OUT, demo } from "./commands/demo.js"
export { type Failure, failureOf, productPageHint } from "./compare/failure.js"
export type { LeftOut, Plan, PlanFailed, ReadyPlan, RunEstimate } from "./compare/plan.js"
export { type CompareRow, type RunSettings, runProvider } from "./compare/runProvider.js"
export { type MediaUrls, type SavedMedia, type SaveOptions, saveMedia } from "./compare/saveMedia.js"
export type { Command, Context } from "./context.js"
export {
  type Choice,
  type ChoiceSource,
  type Choices,
  type ChooseOptions,
  chooseInputs,
  type Wanted,
} from "./defaults/choose.js"
export { DownloadError, type DownloadFailure } from "./download/DownloadError.js"
export { type DownloadOptions, downloadDefaults, downloadVideo } from "./download/downloadVideo.js"
export type { ResolvedAddress, Resolver } from "./download/requests.js"
export {
  type CliProviders,
  modeOf,
  type OpenedProvider,
  type OpenOptions,
  openProvider,
  type ProviderHints,
  type ServedSimulator,
  type SimulatorFactory,
  serveSimulator,
  simulatorPacing,
  type VendorOptions,
} from "./environment.js"
export { FlowError, type FlowInput, type FlowResult, startFlow, usesPreviews } from "./flow.js"
export { type Io, processIo, UsageError } from "./io.js"
export { commands, type MainContext, main } from "./main.js"
export { type Bars, type BarsOptions, makeBars } from "./progress/bars.js"
export { fanOut, type ProgressEvent, type ProgressSink, recordEvents } from "./progress/events.js"
export { builtInProviders } from "./providers.js"
export { escapeHtml, relativeFileUrl, safeUrl } from "./report/escape.js"
export { type ReportColumn, type ReportInput, renderReport } from "./report/renderReport.js"
export { type Band, renderTimeline, type TimelineRow, toTimelineRow } from "./report/timeline.js"
export { builtInSummaries, type ProviderSummary } from "./summaries.js"
export { renderTable } from "./table.js"
