import type { VideoJob } from "@vidbridge/core"
import type { Queue } from "bullmq"
import type { Step } from "../OrderInput.js"
import { doneFor } from "./flow.js"
import { lean, type Store } from "./store.js"

/**
 * Tells a parked order what became of its vendor job (from the tracker or a webhook): a job that
 * went as far as the step needs is saved as the step's `seen` state and the order's delayed job
 * is promoted, so a worker picks it up at once. `job` absent: the job could not be read for good;
 * the order is woken to find out itself. Answers whether the order was woken. @internal
 */
export const wakeOrder = async (
  store: Store,
  queue: Queue,
  account: string,
  target: { readonly ref: string; readonly orderId: string; readonly step: Step },
  job: VideoJob | undefined,
): Promise<boolean> => {
  if (job !== undefined) {
    const progress = {
      step: target.step,
      status: job.status,
      ...(job.progress === undefined ? {} : { progress: job.progress }),
    }
    if (!doneFor(target.step, job)) {
      await store.write(target.orderId, { progress })
      await queue.updateJobProgress(target.orderId, progress).catch(() => undefined)
      return false
    }
    await store.write(target.orderId, { [`${target.step}.seen`]: lean(job), progress })
  }
  await store.untrack(account, target.ref)
  const parked = await queue.getJob(target.orderId)
  // Not delayed (running, or already woken): the order reads what was saved when it next looks.
  await parked?.promote().catch(() => undefined)
  return true
}
