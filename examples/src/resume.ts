// Resume after a restart: store the job's ref (a short string) anywhere, start a new
// process, and wait for it with nothing else. Run: node examples/src/resume.ts
import { readFile, writeFile } from "node:fs/promises"
import { type FromEnvOptions, fromEnv, type VideoJob } from "@vidbridge/core"
import { definitions } from "./simulated.ts"

/** Process 1: start a render and store its ref. */
export const start = async (
  env: Record<string, string | undefined>,
  file: string,
  template?: string,
): Promise<string> => {
  const client = fromEnv({ providers: definitions, env })
  const product = await client.createProduct({
    title: "Aurora Trail Running Shoe",
    imageUrls: ["https://cdn.example/a.jpg", "https://cdn.example/b.jpg", "https://cdn.example/c.jpg"],
  })
  const job = await client.render({ product, template: template ?? env.VIDEO_TEMPLATE ?? "" })
  await writeFile(file, job.ref)
  return job.ref
}

/** Process 2, after a restart: a brand-new client reads the stored ref and waits. */
export const resume = async (
  env: Record<string, string | undefined>,
  file: string,
  polling?: FromEnvOptions["polling"],
): Promise<VideoJob> => {
  const client = fromEnv({ providers: definitions, env, polling })
  const ref = (await readFile(file, "utf8")).trim()
  return client.waitForCompletion(ref, { onProgress: (job) => console.error(`${ref}: ${job.status}`) })
}
