import { productPageHint } from "../compare/failure.js"
import {
  aspectFlag,
  type Command,
  durationFlag,
  numberFlag,
  parseFlags,
  reportError,
  urlFlag,
} from "../context.js"
import { openProvider, withSamples } from "../environment.js"
import { startFlow } from "../flow.js"
import { UsageError } from "../io.js"
import { makeProgress } from "../progress/jobProgress.js"
import { describeJob } from "./jobs.js"

/** `vidbridge create`: URL -> video on one provider. */
export const create: Command = {
  name: "create",
  summary: "make a video of a product page on one provider",
  usage:
    "vidbridge create --provider <name> --url <product-url> [--aspect 9:16|16:9|1:1] [--duration 30] [--language en] [--template <id>] [--style <visual style>] [--avatar <id>] [--wait] [--timeout 20m] [--simulate] [--json]",
  run: async (args, context) => {
    const { values } = parseFlags(args, {
      provider: { type: "string" },
      url: { type: "string" },
      aspect: { type: "string" },
      duration: { type: "string" },
      language: { type: "string" },
      template: { type: "string" },
      style: { type: "string" },
      avatar: { type: "string" },
      wait: { type: "boolean" },
      timeout: { type: "string" },
      simulate: { type: "boolean" },
    })
    if (values.provider === undefined) throw new UsageError("--provider is required")
    const input = {
      url: urlFlag("url", values.url),
      aspectRatio: aspectFlag(values.aspect),
      durationSeconds: numberFlag("duration", values.duration),
      language: values.language,
      template: values.template,
      visualStyle: values.style,
      avatar: values.avatar,
    }
    const timeout = durationFlag(values.timeout)
    const json = Boolean(values.json)
    const provider = await openProvider(values.provider, context.providers, context.io.env, {
      simulate: values.simulate,
    })
    if (provider.mode === "simulator" && !json) {
      context.io.err(`${provider.id}: no API keys set, using the simulator on 127.0.0.1\n`)
    }
    const progress = makeProgress(context.io, json)
    try {
      const flowInput = provider.mode === "simulator" ? withSamples(input) : input
      const started = await startFlow(
        provider.client,
        flowInput,
        (stage, job) => progress.update(stage, job),
        context.signal,
      )
      const job = values.wait
        ? await provider.client.waitForCompletion(started.render.ref, {
            signal: context.signal,
            onProgress: (j) => progress.update("render", j),
            ...(timeout ? { timeout } : {}),
          })
        : started.render
      progress.done()
      context.io.out(
        json
          ? `${JSON.stringify({ ok: true, mode: provider.mode, requests: provider.requests(), job })}\n`
          : describeJob(job) + (values.wait ? "" : `  wait with: vidbridge wait ${job.ref}\n`),
      )
      return 0
    } catch (error) {
      progress.done()
      const code = reportError(context.io, json, error)
      const hint = productPageHint(error, provider.mode)
      if (hint !== undefined && !json) context.io.err(`hint: ${hint}\n`)
      return code
    } finally {
      await provider.close()
    }
  },
}
