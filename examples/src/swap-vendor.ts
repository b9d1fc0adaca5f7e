// Swap vendors with one environment variable: VIDBRIDGE_PROVIDER=creatify|jogg|drafts.
// The code below never names a vendor. Run: node examples/... (no keys: simulators are used).
import { type FromEnvOptions, fromEnv } from "@vidbridge/core"
import { makeVideo } from "./makeVideo.ts"
import { definitions, isMain, startSimulators } from "./simulated.ts"

/** Makes one video with the vendor the environment names; answers its URL. */
export const main = async (
  env: Record<string, string | undefined>,
  productUrl: string,
  polling?: FromEnvOptions["polling"],
): Promise<string> => {
  const client = fromEnv({ providers: definitions, env, polling })
  const video = await makeVideo(
    client,
    {
      url: productUrl,
      title: "Aurora Trail Running Shoe",
      imageUrls: [
        `${new URL(productUrl).origin}/images/shoe-side.jpg`,
        `${new URL(productUrl).origin}/images/shoe-top.jpg`,
        `${new URL(productUrl).origin}/images/shoe-sole.jpg`,
      ],
    },
    {
      template: env.VIDEO_TEMPLATE,
      avatar: env.VIDEO_AVATAR,
      visualStyle: env.VIDEO_STYLE,
      onProgress: (job) => console.error(`${client.provider}: ${job.status}`),
    },
  )
  return video.videoUrl ?? "(no URL)"
}

if (isMain(import.meta.url)) {
  const sims = await startSimulators()
  try {
    const env = { ...sims.env, ...process.env }
    env.VIDBRIDGE_PROVIDER ??= "drafts"
    console.log(await main(env, sims.productUrl))
  } finally {
    await sims.close()
  }
}
