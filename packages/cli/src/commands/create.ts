import { InvalidInput, VideoError, type VideoJob } from "@vidbridge/core"
import { type AvatarVideoInput, startAvatarVideo } from "../avatarVideo.js"
import { resolveCatalogIds } from "../catalog/resolve.js"
import { productPageHint } from "../compare/failure.js"
import { describeChoices } from "../compare/plan.js"
import {
  aspectFlag,
  type Command,
  durationFlag,
  numberFlag,
  parseFlags,
  reportError,
  urlFlag,
} from "../context.js"
import { type Choices, chooseInputs } from "../defaults/choose.js"
import { openProvider } from "../environment.js"
import { startFlow } from "../flow.js"
import { UsageError } from "../io.js"
import { makeProgress } from "../progress/jobProgress.js"
import { about } from "./about.js"
import { describeJob } from "./jobs.js"

/** `vidbridge create`: URL -> video, or an avatar video, on one provider. */
export const create: Command = {
  ...about.create,
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
      voice: { type: "string" },
      script: { type: "string" },
      image: { type: "string" },
      audio: { type: "string" },
      wait: { type: "boolean" },
      timeout: { type: "string" },
      simulate: { type: "boolean" },
    })
    if (values.provider === undefined) throw new UsageError("--provider is required")
    const avatarVideo = avatarVideoFlags(values)
    const input = avatarVideo
      ? undefined
      : {
          url: urlFlag("url", values.url),
          aspectRatio: aspectFlag(values.aspect),
          durationSeconds: numberFlag("duration", values.duration),
          language: values.language,
          template: values.template,
          visualStyle: values.style,
          avatar: values.avatar,
          voice: values.voice,
          script: values.script,
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
      let started: VideoJob
      let chosen: Choices | undefined
      if (avatarVideo !== undefined) {
        const ids = await resolveCatalogIds(provider.client, avatarVideo, context.signal)
        started = await startAvatarVideo(provider.client, ids, context.signal)
      } else {
        const choices = await chooseInputs(provider.client, input!, {
          aspectRatio: input!.aspectRatio ?? "9:16",
          language: input!.language ?? "en",
          mode: provider.mode,
          hints: context.providers.hints?.[provider.id],
          env: context.io.env,
          signal: context.signal,
        })
        if (choices.leftOut !== undefined) throw leftOutError(provider.id, choices.leftOut)
        chosen = choices
        if (!json) context.io.err(`${provider.id}: ${describeChoices(choices)}\n`)
        const flowInput = {
          ...input!,
          aspectRatio: input!.aspectRatio ?? "9:16",
          template: choices.template?.id,
          avatar: choices.avatar?.id,
          voice: choices.voice?.id,
          visualStyle: choices.visualStyle?.id,
          providerOptions: choices.providerOptions,
        }
        const flow = await startFlow(
          provider.client,
          flowInput,
          (stage, job) => progress.update(stage, job),
          context.signal,
        )
        started = flow.render
      }
      const job = values.wait
        ? await provider.client.waitForCompletion(started.ref, {
            signal: context.signal,
            onProgress: (j) => progress.update("render", j),
            ...(timeout ? { timeout } : {}),
          })
        : started
      progress.done()
      context.io.out(
        json
          ? `${JSON.stringify({ ok: true, mode: provider.mode, requests: provider.requests(), ...(chosen ? { choices: chosen } : {}), job })}\n`
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

/** A template vendor without a template: nothing is sent; the note says how to get one. */
const leftOutError = (provider: string, note: string) =>
  new VideoError({
    provider,
    operation: "render",
    reason: new InvalidInput({ message: note, issues: [{ path: "template", message: note }] }),
  })

/**
 * The avatar video asked for when there is no --url and --script, --image or --audio is given;
 * `undefined` for the product flow.
 */
const avatarVideoFlags = (values: {
  readonly url?: string | undefined
  readonly template?: string | undefined
  readonly style?: string | undefined
  readonly duration?: string | undefined
  readonly avatar?: string | undefined
  readonly voice?: string | undefined
  readonly script?: string | undefined
  readonly image?: string | undefined
  readonly audio?: string | undefined
  readonly aspect?: string | undefined
  readonly language?: string | undefined
}): AvatarVideoInput | undefined => {
  if (values.url !== undefined || (values.script ?? values.image ?? values.audio) === undefined)
    return undefined
  for (const flag of ["template", "style", "duration"] as const) {
    if (values[flag] !== undefined)
      throw new UsageError(`--${flag} is for a product video (with --url), not an avatar video`)
  }
  if (values.avatar === undefined && values.image === undefined)
    throw new UsageError(
      "an avatar video needs --avatar <id|name> or --image <photo-url> (or give --url for a product video)",
    )
  return {
    avatar: values.avatar,
    imageUrl: values.image === undefined ? undefined : urlFlag("image", values.image),
    script: values.script,
    voice: values.voice,
    audioUrl: values.audio === undefined ? undefined : urlFlag("audio", values.audio),
    aspectRatio: aspectFlag(values.aspect),
    language: values.language,
  }
}
