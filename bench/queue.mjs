// The queue benchmark (`@vidbridge/queue` on a Redis of its own, the simulators, 1, 2 and 4
// worker processes): orders finished per minute, Redis commands per order, peak RSS per worker,
// and the tracker's vendor reads per job per round.
import { execFileSync } from "node:child_process"
import { copyFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))

/** The section's heading and what the columns mean. */
export const QUEUE_HEADING =
  "## The queue: 300 orders on 1, 2 and 4 worker processes (`@vidbridge/queue`, a Redis of its own, Creatify and Hour One simulators at 600x in a process of their own)\n\n" +
  "150 Creatify product-URL orders (product, previews, render) and 150 Hour One draft renders, all submitted at once; each worker runs 10 orders per provider at a time. " +
  "Orders per minute: from the first submit to the last order ended. Redis commands per order: Redis's `total_commands_processed` over the run (BullMQ's scripts, the queue's own keys, the submitter's and watcher's reads) divided by the orders. " +
  "Tracker reads: status requests per tracked job per round (Creatify reads 100 jobs per request; Hour One one per job). JoggAI is not in it: its 20 POSTs per minute, held for the whole cluster, set its pace whatever the workers. " +
  "On this 2-core machine the workers, the simulators, Redis and the driver share two cores, so more worker processes add no speed here; on separate machines each adds its own."

/** Runs the benchmark from `tmp` (a folder inside the CLI package, so bare imports resolve). */
export const runQueue = (tmp) => {
  for (const name of ["queue-bench.mjs", "queue-sims.mjs", "queue-worker.mjs"])
    copyFileSync(join(here, name), join(tmp, name))
  return JSON.parse(
    execFileSync(process.execPath, [join(tmp, "queue-bench.mjs")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    })
      .trim()
      .split("\n")
      .pop(),
  )
}

/** The results as a Markdown table. */
export const queueTable = (results) =>
  [
    "| workers | orders | succeeded | wall time | orders finished per minute | Redis commands per order | peak RSS per worker | tracker reads per job per round |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...results
      .map((r) =>
        [
          r.workers,
          r.orders,
          r.succeeded,
          `${r.seconds.toFixed(1)} s`,
          Math.round(r.perMinute),
          Math.round(r.redisCommandsPerOrder),
          r.peakRssMb.map((mb) => `${Math.round(mb)} MB`).join(", "),
          Object.entries(r.readsPerJobPerRound)
            .map(([a, v]) => `${a} ${v.toFixed(3)}`)
            .join(", "),
        ].join(" | "),
      )
      .map((row) => `| ${row} |`),
  ].join("\n")
