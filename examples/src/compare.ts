// Side by side: the same product page on several vendors at once, with a small table of
// status, wall time, credits and output. Run: node examples/src/compare.ts
import {
  configureFromEnv,
  createVideoClient,
  type VideoClient,
  type VideoClientConfig,
  VideoError,
} from "@vidbridge/core"
import { makeVideo } from "./makeVideo.ts"
import { definitions, isMain, startSimulators } from "./simulated.ts"

/** One vendor's result. */
export interface Row {
  readonly provider: string
  readonly status: string
  readonly seconds: number
  readonly credits: number | undefined
  readonly videoUrl: string | undefined
  readonly failure: string | undefined
}

/** Runs every vendor configured in `env` concurrently; one failing vendor never stops the others. */
export const main = async (
  env: Record<string, string | undefined>,
  productUrl: string,
  polling?: VideoClientConfig["polling"],
): Promise<ReadonlyArray<Row>> => {
  const clients: VideoClient[] = definitions.map((d) =>
    createVideoClient({ provider: configureFromEnv(d, env), polling }),
  )
  return Promise.all(
    clients.map(async (client): Promise<Row> => {
      const started = performance.now()
      const seconds = () => (performance.now() - started) / 1000
      try {
        const origin = new URL(productUrl).origin
        const job = await makeVideo(
          client,
          {
            url: productUrl,
            title: "Aurora Trail Running Shoe",
            imageUrls: ["side", "top", "sole"].map((n) => `${origin}/images/shoe-${n}.jpg`),
          },
          { template: env.VIDEO_TEMPLATE, avatar: env.VIDEO_AVATAR, visualStyle: env.VIDEO_STYLE },
        )
        return {
          provider: client.provider,
          status: job.status,
          seconds: seconds(),
          credits: job.creditsUsed,
          videoUrl: job.videoUrl,
          failure: undefined,
        }
      } catch (error) {
        const failure =
          error instanceof VideoError ? `${error.reason._tag}: ${error.reason.message}` : String(error)
        return {
          provider: client.provider,
          status: "error",
          seconds: seconds(),
          credits: undefined,
          videoUrl: undefined,
          failure,
        }
      }
    }),
  )
}

if (isMain(import.meta.url)) {
  const sims = await startSimulators()
  try {
    console.table(await main({ ...sims.env }, sims.productUrl))
  } finally {
    await sims.close()
  }
}
