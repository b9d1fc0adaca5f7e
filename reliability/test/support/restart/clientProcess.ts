// An app's process, started fresh for each step of a restart test: it knows the simulator's
// settings (env `VIDBRIDGE_RESTART`: `{ settings, pageUrl }`) and what it reads from a file,
// nothing else.
//   node clientProcess.ts <vendor> <step> <in-file> [<out-file>]
// Steps, each printing JSON lines on stdout (its last one says how it ended):
//   submit           makes a product, then `render` with an `onSubmit` that writes the
//                    submission ref to <in-file> (and syncs it) before the request is sent;
//                    `{"event":"persisted"}` once written. Its answer is held: it is killed.
//   find             reads the submission ref from <in-file> and looks it up with
//                    `findSubmission` until found, then waits for the job:
//                    `{"event":"done","lookups","job","seen"}`
//   start-render     makes a product and starts `render`; writes the job ref to <in-file>
//   start-previews   makes a product and starts `generatePreviews`; writes the ref to <in-file>
//   render-preview   reads a preview set's ref from <in-file>, waits for its previews, renders
//                    the first with `renderPreview`; writes the render's ref to <out-file>
//   wait             reads a job ref from <in-file> and waits for it: `{"event":"done","job","seen"}`
// `seen` lists every status the process read, first to last.
import { closeSync, fsyncSync, openSync, readFileSync, writeFileSync } from "node:fs"
import { createVideoClient, type VideoJob } from "@vidbridge/core"
import { Schedule } from "effect"
import { restartVendor } from "./vendors.ts"

const [name = "", step = "", inFile = "", outFile = ""] = process.argv.slice(2)
const vendor = restartVendor(name)
const { settings, pageUrl } = JSON.parse(process.env.VIDBRIDGE_RESTART ?? "{}") as {
  readonly settings: Record<string, unknown>
  readonly pageUrl: string
}
const client = createVideoClient({
  provider: vendor.definition({ ...settings, retry: { baseDelay: 1, maxDelay: 1 } }),
  // The vendor's clock moves with every read: a short real pause between reads is enough.
  polling: { schedule: Schedule.spaced("1 millis"), minInterval: 0, timeout: "2 minutes" },
})

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)

/** Writes `text` to `path` and syncs it to disk before answering. */
const persist = (path: string, text: string) => {
  const fd = openSync(path, "w")
  try {
    writeFileSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

const seen: string[] = []
const track = { onProgress: (job: VideoJob) => seen.push(job.status) }
const shown = (job: VideoJob) => ({ ref: job.ref, status: job.status, videoUrl: job.videoUrl })

/** `findSubmission` until it answers something other than `not_found` (each read moves the vendor's clock). */
const find = async (ref: string) => {
  const answers: string[] = []
  for (let lookup = 1; lookup <= 100; lookup++) {
    const answer = await client.findSubmission(ref)
    answers.push(
      answer.status === "not_found" ? `not_found${answer.settled ? " settled" : ""}` : answer.status,
    )
    if (answer.status === "found" && "job" in answer) return { job: answer.job, answers }
    if (answer.status !== "not_found") throw new Error(`findSubmission answered ${answer.status}`)
  }
  throw new Error(`findSubmission answered not_found 100 times: ${answers.join(", ")}`)
}

switch (step) {
  case "submit": {
    const product = await vendor.prepare(client, pageUrl)
    await client.render(vendor.render(product), {
      onSubmit: (ref) => {
        persist(inFile, ref)
        emit({ event: "persisted" })
      },
    })
    emit({ event: "answered" })
    break
  }
  case "find": {
    const { job, answers } = await find(readFileSync(inFile, "utf8"))
    seen.push(job.status)
    const done = await client.waitForCompletion(job.ref, track)
    emit({ event: "done", lookups: answers, job: shown(done), seen })
    break
  }
  case "start-render":
  case "start-previews": {
    const product = await vendor.prepare(client, pageUrl)
    const previews = vendor.previews
    const job =
      step === "start-render"
        ? await client.render(vendor.render(product))
        : await client.generatePreviews(previews ? previews(product) : { product: "" })
    persist(inFile, job.ref)
    emit({ event: "started", job: shown(job) })
    break
  }
  case "render-preview": {
    const set = await client.waitForCompletion(readFileSync(inFile, "utf8"), track)
    const preview = set.previews?.[0]
    if (preview === undefined) throw new Error(`no previews on ${set.ref} (${set.status})`)
    const job = await client.renderPreview({ job: set.ref, previewId: preview.id })
    persist(outFile, job.ref)
    emit({ event: "started", job: shown(job), previews: shown(set), seen })
    break
  }
  case "wait": {
    const job = await client.waitForCompletion(readFileSync(inFile, "utf8"), track)
    emit({ event: "done", job: shown(job), seen })
    break
  }
  default:
    throw new Error(`unknown step ${step}`)
}
